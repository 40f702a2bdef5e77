import { STAGE_TITLES } from "@/lib/domain/shared";
import { CATALOG_STALE_AFTER_DAYS } from "@/lib/domain/catalog";
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_STAGES, formatBytes, type TAttachment } from "@/lib/domain/assessment";
import { formatDateTime } from "@/lib/domain/report";
import type { TReport } from "@/lib/domain/report";
import { COLORS } from "../model/palette";
import type { TBlock, TRun, TSection } from "../model/types";
import { keyValueTable } from "./blocks";

const VERIFICATION_LABELS: Record<string, string> = { "verified-primary": "verified against the primary source", "verified-copy": "verified against a copy", user: "entered by your organisation" };

/** Assumptions: inputs not entered and the value used instead, by stage. */
export function assumptionsSection(report: TReport): TSection {
  if (report.assumptions.length === 0) {
    return {
      blocks: [
        { kind: "heading", level: 2, text: "Assumptions", needsRoom: 60 },
        { kind: "paragraph", text: "None: every input was entered.", color: COLORS.muted },
      ],
    };
  }
  const blocks: TBlock[] = [{ kind: "heading", level: 2, text: "Assumptions" }, { kind: "paragraph", text: "Inputs not entered, and the value the memo used instead.", color: COLORS.muted }];
  const stages = [...new Set(report.assumptions.map((a) => a.stage))];
  for (const stage of stages) {
    const rows = report.assumptions.filter((a) => a.stage === stage).map((a) => ({ label: a.label, value: { text: [{ text: a.display, isBold: true }, { text: ` · ${a.basis}`, color: COLORS.muted }] } }));
    blocks.push({ kind: "paragraph", style: "small", text: [{ text: STAGE_TITLES[stage], isBold: true, color: COLORS.brand }], spaceBefore: 4, spaceAfter: 1, keepWithNext: true }, keyValueTable(rows, "small", 0.4));
  }
  return { blocks };
}

/** Every source: its link, its date, its age and how it was checked, and what it backs; stale ones flagged. */
export function sourcesSection(report: TReport): TSection {
  const { date, agesCountedOn, staleSourceCount } = report.meta.catalog;
  const blocks: TBlock[] = [
    { kind: "heading", level: 2, text: "Sources", needsRoom: 100 },
    {
      kind: "paragraph",
      style: "small",
      text: `Catalog of ${date} (its newest row); ages counted to ${agesCountedOn}. ${
        staleSourceCount === 0 ? `No source is older than ${CATALOG_STALE_AFTER_DAYS} days.` : `${staleSourceCount} source${staleSourceCount === 1 ? " is" : "s are"} older than ${CATALOG_STALE_AFTER_DAYS} days and marked STALE: re-check them before relying on the figures they back.`
      }`,
      color: COLORS.muted,
      spaceAfter: 5,
    },
  ];
  for (const src of report.sources) {
    const text: TRun[] = [
      ...(src.age?.isStale ? [{ text: "STALE ", isBold: true, color: COLORS.bad }] : []),
      src.url ? { text: src.url, color: COLORS.brand, link: src.url } : { text: "Your organisation's own figures" },
      { text: `\n${src.age ? src.age.label.replace(/^dated/, "Dated") : `As of ${src.asOf}`} · ${VERIFICATION_LABELS[src.verification] ?? src.verification}`, color: COLORS.muted },
      { text: `\nBacks: ${src.backs.join("; ")}` },
      ...(src.note ? [{ text: `\n${src.note}`, color: COLORS.muted }] : []),
    ];
    blocks.push({ kind: "paragraph", style: "small", text, spaceAfter: 5 });
  }
  return { blocks };
}

/**
 * Evidence files by stage, each with its SHA-256 on a line of its own (so it is never broken across
 * lines): whoever holds a copy of a file can check it is the one this memo was written with.
 */
export function evidenceSection(attachments: readonly TAttachment[]): TSection {
  const blocks: TBlock[] = [{ kind: "heading", level: 2, text: "Evidence files", needsRoom: 80 }];
  if (attachments.length === 0) {
    blocks.push({ kind: "paragraph", text: "None attached.", color: COLORS.muted });
    return { blocks };
  }
  blocks.push({ kind: "paragraph", text: "Files attached to the stages, with the SHA-256 of each as stored. The files are kept with the assessment in Freehold.", color: COLORS.muted });
  for (const stage of ATTACHMENT_STAGES) {
    const files = attachments.filter((a) => a.stage === stage);
    if (files.length === 0) continue;
    blocks.push({ kind: "paragraph", style: "small", text: [{ text: STAGE_TITLES[stage], isBold: true, color: COLORS.brand }], spaceBefore: 4, spaceAfter: 1, keepWithNext: true });
    for (const f of files) {
      const text: TRun[] = [
        { text: f.fileName, isBold: true },
        { text: ` · ${ATTACHMENT_KIND_LABELS[f.kind]} · ${formatBytes(f.sizeBytes)}` },
        { text: `\nSHA-256 ${f.sha256}` },
        { text: `\nAdded by ${f.uploadedByName}, ${formatDateTime(f.createdAt)}`, color: COLORS.muted },
      ];
      blocks.push({ kind: "paragraph", style: "small", text, spaceAfter: 4 });
    }
  }
  return { blocks };
}
