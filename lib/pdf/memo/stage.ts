import { alternativeTexts, chosenLayoutText, type TReport, type TReportFindingSeverity } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import { countText, usdText } from "@/lib/domain/shared";
import { STAGE_STATUS_LABELS } from "@/lib/domain/report";
import { formatFigure } from "@/lib/domain/shared";
import { COLORS } from "../model/palette";
import type { TBlock, TRun, TSection } from "../model/types";
import { bold, keyValueTable, warningsList } from "./blocks";

const SEVERITY_LABELS: Record<TReportFindingSeverity, string> = { blocker: "Blocker", "needs-attention": "Needs attention", obligation: "Obligation", info: "Info" };
const SEVERITY_COLORS: Record<TReportFindingSeverity, string> = { blocker: COLORS.bad, "needs-attention": COLORS.caution, obligation: COLORS.brand, info: COLORS.muted };
const TONE_COLORS = { good: COLORS.good, caution: COLORS.caution, bad: COLORS.bad, unknown: COLORS.unknown } as const;

/** The few inputs that frame each stage's results, read from what the engine ran with. */
function keyInputs(report: TReport, key: TStageKey): { label: string; value: string }[] {
  const st = report.stages;
  switch (key) {
    case "licence": {
      const d = st.licence.detail;
      if (!d) return [];
      return [
        { label: "Licence", value: `${d.licence.name}${d.licence.spdx ? ` (${d.licence.spdx})` : ""}, version of ${d.licence.versionDate}` },
        { label: "Monthly active users", value: countText(d.facts.monthlyActiveUsers) },
        { label: "Annual revenue", value: usdText(d.facts.annualRevenueUsd) },
        { label: "Intended uses", value: d.facts.intendedUses.join(", ") || "none listed" },
        { label: "Regions", value: d.facts.regions.join(", ") },
      ];
    }
    case "infrastructure": {
      const d = st.infrastructure.detail;
      if (!d) return [];
      const out = [{ label: "GPU", value: `${d.gpu.name} (${d.gpu.memoryGb} GB)` }, { label: "Pricing", value: d.pricing.label }];
      const layout = chosenLayoutText(d);
      if (layout) out.push({ label: "Serving layout", value: layout });
      if (d.search?.bindingText) out.push({ label: "Binding constraint", value: d.search.bindingText });
      alternativeTexts(d.search?.rows ?? [], 2).forEach((text, i) => out.push({ label: `Alternative ${i + 1}`, value: text }));
      for (const m of d.measurements) {
        const ratio = m.ratio === null ? "" : `, ${m.ratio.toFixed(2)} × the estimate of ${Math.round(m.estimatedOutputTokensPerSecond ?? 0).toLocaleString("en-US")}`;
        out.push({
          label: m.appliesToChosen ? "Measured (replaces the estimate)" : "Measured (other layout)",
          value: `${m.fileName}: ${Math.round(m.measuredOutputTokensPerSecond).toLocaleString("en-US")} output tokens/s${ratio}; ${m.layoutText}`,
        });
      }
      return out;
    }
    case "adaptation": {
      const d = st.adaptation.detail;
      return d ? [{ label: "Method", value: d.method === "none" ? "No fine-tuning" : d.method.toUpperCase() }, { label: "Served precision", value: d.servedPrecision }] : [];
    }
    default:
      return [];
  }
}

const NOT_STARTED_TEXT = "Not started: no results for this stage.";
const NOT_STARTED_DETAIL = " Its inputs have not been entered; figures that depend on it are shown as not known, never as zero.";
const FINDING_GAP = 5;

type TFinding = TReport["stages"][TStageKey]["findings"][number];

/** "Source: <link>" in small brand-coloured text. */
export const sourceRuns = (url: string): TRun[] => [
  { text: "Source: ", color: COLORS.brand },
  { text: url, color: COLORS.brand, link: url },
];

/** One finding: severity and title, what it means, and the clause quoted with its source. */
function findingBlocks(f: TFinding): TBlock[] {
  const hasMore = Boolean(f.quote || f.sourceUrl);
  const text: TRun[] = [{ text: `${SEVERITY_LABELS[f.severity]}: `, isBold: true, color: SEVERITY_COLORS[f.severity] }, { text: f.title, isBold: true }, { text: `\n${f.detail}` }];
  const blocks: TBlock[] = [{ kind: "paragraph", text, keepWithNext: hasMore, spaceAfter: hasMore ? 0 : FINDING_GAP }];
  const source = f.sourceUrl ? sourceRuns(f.sourceUrl) : undefined;
  if (f.quote) blocks.push({ kind: "quote", text: `“${f.quote}”`, source, spaceAfter: FINDING_GAP });
  else if (source) blocks.push({ kind: "paragraph", style: "small", text: source, spaceAfter: FINDING_GAP });
  return blocks;
}

/**
 * A stage: title and status, then either its summary, key inputs, results (with formulas) and
 * findings (licence clauses quoted with their source), or, when nothing was entered, one compact
 * "Not started" note. Its warnings either way.
 */
export function stageSection(report: TReport, stageKey: TStageKey): TSection {
  const stage = report.stages[stageKey];
  const blocks: TBlock[] = [];
  if (stage.status === "not-started") {
    // Compact: the heading and one boxed note (which says the status); no room kept for results that do not exist.
    blocks.push(
      { kind: "heading", level: 2, text: stage.title, needsRoom: 60 },
      { kind: "box", color: COLORS.bad, border: 0.75, padding: 4, spaceAfter: 4, blocks: [{ kind: "paragraph", spaceAfter: 0, text: [{ text: NOT_STARTED_TEXT, isBold: true }, { text: NOT_STARTED_DETAIL, color: COLORS.muted }] }] },
    );
  } else {
    const status: TRun[] = [
      { text: `Status: ${STAGE_STATUS_LABELS[stage.status]} · Outcome: ` },
      { text: stage.outcome.label, isBold: true, color: TONE_COLORS[stage.outcome.tone] },
    ];
    blocks.push({ kind: "heading", level: 2, text: stage.title, below: status }, { kind: "paragraph", text: stage.summary });
    const inputs = keyInputs(report, stageKey);
    if (inputs.length > 0) blocks.push({ kind: "heading", level: 3, text: "Key inputs" }, keyValueTable(inputs.map((i) => ({ label: i.label, value: { text: i.value } }))));
    if (stage.figures.length > 0) {
      blocks.push(
        { kind: "heading", level: 3, text: "Results" },
        keyValueTable(stage.figures.map((f) => ({ label: f.label, value: { text: bold(formatFigure(f)), note: f.formula ?? undefined } }))),
      );
    }
    if (stage.findings.length > 0) blocks.push({ kind: "heading", level: 3, text: "Findings" }, ...stage.findings.flatMap(findingBlocks));
  }
  blocks.push(...warningsList(stage.warnings));
  return { blocks };
}
