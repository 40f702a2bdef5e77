import { VERDICT_LABELS, type TReasonSeverity, type TVerdict } from "@/lib/domain/recommendation";
import type { TReport } from "@/lib/domain/report";
import { breakEvenText, crossoverText, NOT_KNOWN } from "@/lib/format";
import { formatFigureValue } from "@/lib/format-figure";
import type { MemoBlocks, TBlock } from "./memo-kit";
import { BODY_SIZE, COLORS, CONTENT_WIDTH, LINE } from "./styles";

const VERDICT_COLORS: Record<TVerdict, string> = {
  "go-self-host": COLORS.good,
  "go-hosted": COLORS.good,
  hybrid: COLORS.caution,
  stay: COLORS.caution,
  blocked: COLORS.bad,
  insufficient: COLORS.caution,
};
const SEVERITY_LABELS: Record<TReasonSeverity, string> = { blocker: "Blocker", limiting: "Limiting", condition: "Condition", note: "Note", supporting: "Supports" };

/** The executive summary's numbers, each as printed; tests read the same function. */
export function summaryFigures(report: TReport): { label: string; value: string }[] {
  const k = report.keyFigures;
  const cap = k.capability;
  const capability =
    cap.verdict === "not-assessed" || cap.weightedGapPp === null
      ? "not assessed"
      : `${formatFigureValue(cap.weightedGapPp, "pp")}${cap.lowerPp !== null && cap.upperPp !== null ? ` (95% interval ${formatFigureValue(cap.lowerPp, "pp")} to ${formatFigureValue(cap.upperPp, "pp")})` : ""}, ${cap.verdict}`;
  return [
    { label: "Planned volume", value: formatFigureValue(k.plannedTokensPerMonth, "tokens/month") },
    { label: "API cost per month at the plan", value: formatFigureValue(k.monthlyApiCostUsd, "USD/month") },
    { label: "Owned cost per month at the plan", value: formatFigureValue(k.monthlyOwnedCostUsd, "USD/month") },
    { label: "Crossover volume", value: crossoverText(k.crossover) },
    { label: "Break-even month", value: k.horizonMonths === null && k.breakEvenMonth === null ? NOT_KNOWN : breakEvenText(k.breakEvenMonth, k.horizonMonths) },
    { label: "Capability gap (candidate − incumbent)", value: capability },
    { label: "Licence blockers", value: formatFigureValue(k.licenceBlockers, "") },
    { label: "Chance owning is cheaper", value: formatFigureValue(k.probabilityOwnedCheaper, "probability") },
  ];
}

const VERDICT_BOX = { border: 1.25, padding: 8, marginBottom: 8, headSize: 13, headLine: 13 * 1.25, headGap: 3 };

/** The recommendation with its ranked reasons, the headline figures, conditions and warnings. */
export function summaryBlocks(b: MemoBlocks, report: TReport): TBlock[] {
  const rec = report.recommendation;
  const color = VERDICT_COLORS[rec.verdict];
  const inset = VERDICT_BOX.border + VERDICT_BOX.padding;
  const verdict = b.sketch();
  verdict.gap(inset);
  verdict.text([{ text: `Recommendation: ${VERDICT_LABELS[rec.verdict]}${rec.isConclusive ? "" : " (not conclusive)"}`, size: VERDICT_BOX.headSize, isBold: true, color }], {
    x: inset,
    width: CONTENT_WIDTH - 2 * inset,
    lineHeight: VERDICT_BOX.headLine,
  });
  verdict.gap(VERDICT_BOX.headGap);
  verdict.text(rec.headline, { x: inset, width: CONTENT_WIDTH - 2 * inset, lineHeight: LINE });
  verdict.gap(VERDICT_BOX.padding);
  verdict.frame(VERDICT_BOX.border / 2, VERDICT_BOX.border / 2, CONTENT_WIDTH - VERDICT_BOX.border, verdict.y, color, VERDICT_BOX.border);
  verdict.gap(VERDICT_BOX.border);

  const blocks: TBlock[] = [b.h2("summary", "Executive summary"), b.block("verdict", verdict, { marginBottom: VERDICT_BOX.marginBottom })];
  for (const f of summaryFigures(report)) blocks.push(...b.keyValue(`kf-${f.label}`, f.label, f.value, { isBold: true }));
  blocks.push(b.h3("reasons", "Reasons, most important first"));
  rec.reasons.forEach((r, i) =>
    blocks.push(
      b.bullet(`reason-${i}`, `${i + 1}.`, [
        { text: `${SEVERITY_LABELS[r.severity]}: `, size: BODY_SIZE, isBold: true },
        { text: r.text, size: BODY_SIZE },
      ]),
    ),
  );
  if (rec.conditions.length > 0) {
    blocks.push(b.h3("conditions", "Before go-live"));
    rec.conditions.forEach((c, i) => blocks.push(b.bullet(`condition-${i}`, "•", c)));
  }
  if (rec.whatWouldChange.length > 0) {
    blocks.push(b.h3("change", "What would change the recommendation"));
    rec.whatWouldChange.forEach((c, i) => blocks.push(b.bullet(`change-${i}`, c.direction === "towards-go" ? "↑" : "↓", c.text)));
  }
  if (report.warnings.length > 0) {
    blocks.push(b.h3("warnings", "Warnings"));
    report.warnings.forEach((w, i) => blocks.push(b.bullet(`warning-${i}`, "!", w)));
  }
  return blocks;
}
