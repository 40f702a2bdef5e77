import { STAGE_KEYS, STAGE_TITLES } from "@/lib/domain/shared";
import { CATALOG_STALE_AFTER_DAYS } from "@/lib/domain/catalog";
import type { TReport } from "@/lib/domain/report";
import { formatDate, formatDateTime, STAGE_STATUS_LABELS } from "@/lib/domain/report";
import { COLORS } from "../model/palette";
import type { TBlock, TCell, TInline, TSection } from "../model/types";
import { bold, keyValueTable } from "./blocks";
import type { TMemoOptions, TSignOff } from "./options";

const ASSESSMENT_STATUS_LABELS: Record<string, string> = { draft: "Draft", "in-review": "In review", in_review: "In review", approved: "Approved", archived: "Archived" };

export function assessmentStatusLabel(status: string): string {
  return ASSESSMENT_STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

const NO_SIGN_OFFS = "No sign-offs recorded";
const MANY_SIGN_OFFS = 3;

/** One sign-off as the cover prints it: "Label: Name, 28 Nov 2026, 09:30 UTC (“note”)". */
export function signOffText(so: TSignOff): string {
  const note = so.note?.trim();
  return `${so.label}: ${so.byName}, ${formatDateTime(so.at)}${note ? ` (“${note}”)` : ""}`;
}

/** The cover's facts: label | value rows in a frame. */
function factsBox(rows: readonly { label: string; value: TCell }[]): TBlock {
  return { kind: "box", color: COLORS.rule, border: 0.75, padding: 8, spaceBefore: 6, blocks: [keyValueTable(rows.map((r) => ({ label: r.label, value: r.value })))] };
}

/** Title, the facts box with every sign-off, and the state of each stage. */
export function coverSection(report: TReport, options: TMemoOptions): TSection {
  const { meta } = report;
  const signOffs = options.signOffs ?? [];
  const row = (label: string, text: TInline, style?: TCell["style"]) => ({ label, value: { text, style } });
  const blocks: TBlock[] = [
    { kind: "paragraph", style: "kicker", text: `Decision memo · ${options.organisationName}`, spaceAfter: 4, keepWithNext: true },
    { kind: "heading", level: 1, text: meta.title },
    { kind: "paragraph", style: "lead", text: `Run ${meta.candidate.name} on our own infrastructure, or keep ${meta.incumbent.name}?`, spaceAfter: 8, keepWithNext: true },
  ];
  if (meta.description) blocks.push({ kind: "paragraph", text: meta.description, color: COLORS.muted, keepWithNext: true });
  blocks.push(
    factsBox([
      row("Organisation", options.organisationName),
      row("Candidate (open weights)", bold(meta.candidate.name)),
      row("Incumbent (closed API)", bold(meta.incumbent.name)),
      row("Assessment status", assessmentStatusLabel(meta.status)),
      // Every sign-off on a line of its own, small when there are many; a list longer than the box continues in a second box.
      row(signOffs.length > 1 ? `Sign-offs (${signOffs.length})` : "Sign-offs", signOffs.length === 0 ? NO_SIGN_OFFS : signOffs.map(signOffText).join("\n"), signOffs.length > MANY_SIGN_OFFS ? "small" : undefined),
      row("Version", `Version ${meta.version}, last changed ${formatDate(new Date(meta.updatedAt))}`),
      row("Generated", formatDateTime(options.generatedAt)),
      // The catalog the figures came from, and how many of its sources have gone stale (listed under Sources).
      row("Catalog", `Catalog of ${meta.catalog.date}${meta.catalog.staleSourceCount > 0 ? `; ${meta.catalog.staleSourceCount} source${meta.catalog.staleSourceCount === 1 ? "" : "s"} older than ${CATALOG_STALE_AFTER_DAYS} days, marked STALE under Sources` : ""}`),
      row("Stages complete", `${meta.completedStages} of ${STAGE_KEYS.length}`),
    ]),
  );
  // Every stage's state on one line, a stage not started in red.
  blocks.push({
    kind: "paragraph",
    style: "small",
    spaceAfter: 8,
    text: STAGE_KEYS.map((key, i) => {
      const status = meta.stageStatuses[key];
      return { text: `${i > 0 ? "   " : ""}${STAGE_TITLES[key]}: ${STAGE_STATUS_LABELS[status]}`, color: status === "not-started" ? COLORS.bad : COLORS.muted };
    }),
  });
  return { blocks };
}
