import type { TReasonSeverity, TVerdict } from "@/lib/domain/recommendation";
import { VERDICT_LABEL, type TReport } from "@/lib/domain/report";
import { breakEvenText, crossoverText, NOT_KNOWN } from "@/lib/domain/report";
import { formatFigureValue } from "@/lib/domain/shared";
import { COLORS } from "../model/palette";
import type { TSection } from "../model/types";
import { bold, keyValueTable, titledList, warningsList } from "./blocks";

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

/** The recommendation with its ranked reasons, the headline figures, conditions and warnings. */
export function summarySection(report: TReport): TSection {
  const rec = report.recommendation;
  const color = VERDICT_COLORS[rec.verdict];
  return {
    blocks: [
      { kind: "heading", level: 2, text: "Executive summary" },
      {
        kind: "box",
        color,
        border: 1.25,
        padding: 8,
        blocks: [
          { kind: "paragraph", style: "verdict", color, text: `Recommendation: ${VERDICT_LABEL[rec.verdict]}${rec.isConclusive ? "" : " (not conclusive)"}`, spaceAfter: 3 },
          { kind: "paragraph", text: rec.headline, spaceAfter: 0 },
        ],
      },
      keyValueTable(summaryFigures(report).map((f) => ({ label: f.label, value: { text: bold(f.value) } }))),
      ...titledList(
        "Reasons, most important first",
        rec.reasons.map((r, i) => ({ label: `${i + 1}.`, text: [{ text: `${SEVERITY_LABELS[r.severity]}: `, isBold: true }, { text: r.text }] })),
      ),
      ...titledList("Before go-live", rec.conditions.map((c) => ({ label: "•", text: c }))),
      ...titledList("What would change the recommendation", rec.whatWouldChange.map((c) => ({ label: c.direction === "towards-go" ? "↑" : "↓", text: c.text }))),
      ...warningsList(report.warnings),
    ],
  };
}
