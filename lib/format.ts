// Display formatting shared by every view, so a number reads the same on screen and in a PDF.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(d: Date): string {
  return `${dateTime.format(d)} UTC`;
}

export function formatDate(d: Date): string {
  return date.format(d);
}

export function formatUsd(value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits }).format(value);
}

// ---------------------------------------------------------------------------------------------
// Report figures as every view prints them (results screen, comparison, PDF). A null value is
// "not known" and reads as NOT_KNOWN, never as 0.
import { fmt } from "@/lib/domain/math";
import { countText, multipleText, pctText, ppText, shareText, tokensText, usdText } from "@/lib/domain/report-format";
import type { TKeyCrossover, TStageStatus } from "@/lib/domain/report-types";

export const NOT_KNOWN = "Not known";

export function figureText(value: number | null, unit: string): string {
  if (value === null) return NOT_KNOWN;
  switch (unit) {
    case "USD":
      return usdText(value);
    case "USD/month":
      return `${usdText(value)}/month`;
    case "USD/year":
      return `${usdText(value)}/year`;
    case "USD/GPU-month":
      return `${usdText(value)}/GPU-month`;
    case "USD/M tokens":
      return `${usdText(value)}/M tokens`;
    case "tokens":
      return tokensText(value);
    case "tokens/month":
      return `${tokensText(value)}/month`;
    case "share":
    case "probability":
      return shareText(value);
    case "%":
      return pctText(value);
    case "pp":
      return ppText(value);
    case "×":
      return multipleText(value);
    case "month":
      return `month ${countText(value)}`;
    case "findings":
      return `${countText(value)} ${value === 1 ? "finding" : "findings"}`;
    default:
      return unit ? `${fmt(value)} ${unit}` : fmt(value);
  }
}

export function crossoverText(c: TKeyCrossover): string {
  if (c.kind === "volume") return `${tokensText(c.tokensPerMonth)}/month`;
  if (c.kind === "never") return c.reason === "beyond-max-volume" ? "Beyond the modelled volume range" : "Never: owned cost per token is not below the API's";
  return NOT_KNOWN;
}

export function breakEvenText(month: number | null, horizonMonths: number | null): string {
  if (month !== null) return `month ${countText(month)}`;
  return horizonMonths !== null ? `Not within ${horizonMonths} months` : NOT_KNOWN;
}

export const STAGE_STATUS_LABELS: Record<TStageStatus, string> = { "not-started": "Not started", "in-progress": "In progress", complete: "Complete" };
