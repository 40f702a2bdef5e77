// Display formatting shared by every view, so a number reads the same on screen and in a PDF.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(d: Date): string {
  return `${dateTime.format(d)} UTC`;
}

export function formatDate(d: Date): string {
  return date.format(d);
}

// ---------------------------------------------------------------------------------------------
// Report figures in the PDF read exactly as on screen: values go through formatFigureValue
// (shared/format-figure.ts); these add the few phrases the screen has no figure for.
import type { TKeyCrossover } from "./types";
import { formatFigureValue, type TStageStatus } from "../shared";

export const NOT_KNOWN = formatFigureValue(null, "");

export function crossoverText(c: TKeyCrossover): string {
  if (c.kind === "volume") return formatFigureValue(c.tokensPerMonth, "tokens/month");
  if (c.kind === "never") return c.reason === "beyond-max-volume" ? "beyond the modelled volume range" : "never: owned cost per token is not below the API's";
  return NOT_KNOWN;
}

export function breakEvenText(month: number | null, horizonMonths: number | null): string {
  if (month !== null) return formatFigureValue(month, "month");
  return horizonMonths !== null ? `not within ${horizonMonths} months` : NOT_KNOWN;
}

export const STAGE_STATUS_LABELS: Record<TStageStatus, string> = { "not-started": "Not started", "in-progress": "In progress", complete: "Complete" };
