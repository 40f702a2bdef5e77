import { columnLetter, compareReports, comparisonVerdictLines, type TComparison, type TReport } from "@/lib/domain/report";
import { tokensText, usdText } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/domain/report";
import type { TChartMarker, TLineSeries } from "../charts/line-chart";
import { COLORS, seriesColor } from "../model/palette";
import type { TBlock, TMemoDocument, TSection } from "../model/types";
import { lineFigure, shortTokens, VOLUME_TITLE } from "./economics-charts";
import { assessmentStatusLabel, signOffText } from "./cover";
import { MEMO_LANG, type TMemoOptions } from "./options";

/** Printed before a best value so it survives black-and-white printing and text extraction. */
export const BEST_MARK = "★";

/** Title, which assessment each column letter stands for, and the side-by-side table. */
function tableSection(reports: readonly TReport[], comparison: TComparison, options: TMemoOptions): TSection {
  const share = 0.62 / reports.length;
  return {
    blocks: [
      { kind: "paragraph", style: "kicker", text: `Comparison memo · ${options.organisationName}`, spaceAfter: 4, keepWithNext: true },
      { kind: "heading", level: 1, text: `Comparing ${reports.length} assessments` },
      {
        kind: "box",
        color: COLORS.rule,
        border: 0.75,
        padding: 8,
        blocks: [
          // Each column's review state and sign-offs, so a reader knows which figures were approved.
          ...comparison.reports.flatMap((r, i): TBlock[] => {
            const signOffs = options.signOffsByReport?.[i] ?? [];
            return [
              {
                kind: "paragraph",
                spaceAfter: 1,
                text: [{ text: `${columnLetter(i)}. ${r.title}`, isBold: true }, { text: ` (version ${reports[i].meta.version}, ${assessmentStatusLabel(reports[i].meta.status)}): ${r.candidateName} vs ${r.incumbentName}` }],
              },
              { kind: "paragraph", style: "small", color: COLORS.muted, spaceAfter: 3, text: signOffs.length === 0 ? "Sign-offs: none recorded" : `Sign-offs: ${signOffs.map(signOffText).join("; ")}` },
            ];
          }),
          { kind: "paragraph", style: "small", color: COLORS.muted, spaceBefore: 2, spaceAfter: 0, text: `Generated ${formatDateTime(options.generatedAt)}.` },
        ],
      },
      { kind: "heading", level: 2, text: "Verdicts and recommended options" },
      { kind: "list", items: comparisonVerdictLines(reports).map((text) => ({ label: "•", text })) },
      {
        kind: "table",
        // Columns are headed A-D (titles are too long for a column) and the box above says which is which.
        columns: [0.38, ...reports.map(() => share)],
        header: ["", ...reports.map((_, i) => columnLetter(i))],
        rows: comparison.rows.map((row) => ({
          header: row.label,
          cells: row.cells.map((c) => ({ text: c.isBest ? [{ text: `${BEST_MARK} ${c.display}`, isBold: true, color: COLORS.good }] : c.display })),
        })),
      },
      { kind: "paragraph", style: "small", color: COLORS.muted, spaceBefore: 4, text: `${BEST_MARK} best value in the row. “—” not known; missing stages show as “Not started”, never as zero.` },
    ],
  };
}

/**
 * Every report's lines on shared axes: monthly cost against volume with each crossover, and the
 * cumulative saving with each break-even month; a marker names its report, as its line does.
 */
function chartsSection(reports: readonly TReport[]): TSection {
  const volume: TLineSeries[] = [];
  const cumulative: TLineSeries[] = [];
  const crossovers: TChartMarker[] = [];
  const breakEvens: TChartMarker[] = [];
  reports.forEach((r, i) => {
    const color = seriesColor(i);
    const name = r.meta.title;
    const { costVsVolume, cumulative: cum } = r.charts;
    if (costVsVolume) {
      volume.push({ label: `${name}: owned`, color, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd })) });
      volume.push({ label: `${name}: API`, color, isDashed: true, points: costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd })) });
      if (costVsVolume.crossover) crossovers.push({ x: costVsVolume.crossover.tokensPerMonth, y: costVsVolume.crossover.usdPerMonth, label: `${name}: crossover ${tokensText(costVsVolume.crossover.tokensPerMonth)}`, color });
    }
    if (cum) {
      cumulative.push({ label: name, color, points: cum.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd - p.cumulativeOwnedUsd })) });
      if (cum.breakEven) breakEvens.push({ x: cum.breakEven.month, y: cum.breakEven.cumulativeApiUsd - cum.breakEven.cumulativeOwnedUsd, label: `${name}: break-even month ${cum.breakEven.month}`, color });
    }
  });
  const missing = reports.filter((r) => !r.charts.costVsVolume).map((r) => r.meta.title);
  const blocks: TBlock[] = [{ kind: "pageBreak" }, { kind: "heading", level: 2, text: "Charts" }];
  if (volume.length > 0) blocks.push(lineFigure("Monthly cost against volume: owned (solid) and API (dashed)", { series: volume, markers: crossovers, formatX: shortTokens, formatY: usdText, xTitle: VOLUME_TITLE, yTitle: "USD per month" }));
  if (cumulative.length > 0) blocks.push(lineFigure("Cumulative saving from owning (API − owned, one-time costs included)", { series: cumulative, markers: breakEvens, formatX: (m) => `month ${m}`, formatY: usdText, xTitle: "Month", yTitle: "Cumulative saving (USD)" }));
  if (missing.length > 0) blocks.push({ kind: "paragraph", color: COLORS.muted, text: `No economics yet (not drawn): ${missing.join(", ")}.` });
  return { blocks };
}

/** The side-by-side memo of 2-4 reports as a document: the comparison table, then overlaid charts. */
export function comparisonMemoDocument(reports: readonly TReport[], options: TMemoOptions): TMemoDocument {
  return {
    title: `Comparison: ${reports.map((r) => r.meta.title).join(" / ")}`,
    lang: MEMO_LANG,
    author: options.organisationName,
    subject: "Comparison memo: own infrastructure or closed API",
    createdAt: options.generatedAt,
    footer: `Freehold · comparison of ${reports.length} assessments · generated ${formatDateTime(options.generatedAt)}`,
    sections: [tableSection(reports, compareReports(reports), options), chartsSection(reports)],
  };
}
