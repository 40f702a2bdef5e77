import { Text, View } from "@react-pdf/renderer";
import type { TReasonSeverity } from "@/lib/domain/recommendation";
import type { TReport } from "@/lib/domain/report-types";
import { breakEvenText, crossoverText, NOT_KNOWN } from "@/lib/format";
import { formatFigureValue } from "@/lib/format-figure";
import { Bullet, KeyValue } from "./memo-kit";
import { COLORS, s } from "./styles";

const VERDICT_LABELS = { go: "Go", hybrid: "Hybrid", "no-go": "No-go" } as const;
const VERDICT_COLORS = { go: COLORS.good, hybrid: COLORS.caution, "no-go": COLORS.bad } as const;
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

export function MemoSummary({ report }: { report: TReport }) {
  const rec = report.recommendation;
  return (
    <View>
      <Text style={s.h2}>Executive summary</Text>
      <View style={[s.box, { borderColor: VERDICT_COLORS[rec.verdict], borderWidth: 1.25 }]} wrap={false}>
        <Text style={{ fontSize: 13, fontWeight: "bold", color: VERDICT_COLORS[rec.verdict], marginBottom: 3 }}>
          Recommendation: {VERDICT_LABELS[rec.verdict]}
          {rec.isConclusive ? "" : " (not conclusive)"}
        </Text>
        <Text>{rec.headline}</Text>
      </View>
      <View style={{ marginBottom: 8 }}>
        {summaryFigures(report).map((f) => (
          <KeyValue key={f.label} label={f.label} value={f.value} isBold />
        ))}
      </View>
      <Text style={s.h3}>Reasons, most important first</Text>
      {rec.reasons.map((r, i) => (
        <Bullet key={`${r.kind}${i}`} mark={`${i + 1}.`}>
          <Text style={s.bold}>{SEVERITY_LABELS[r.severity]}: </Text>
          {r.text}
        </Bullet>
      ))}
      {rec.conditions.length > 0 ? (
        <View>
          <Text style={s.h3}>Before go-live</Text>
          {rec.conditions.map((c) => (
            <Bullet key={c}>{c}</Bullet>
          ))}
        </View>
      ) : null}
      {rec.whatWouldChange.length > 0 ? (
        <View>
          <Text style={s.h3}>What would change the recommendation</Text>
          {rec.whatWouldChange.map((c) => (
            <Bullet key={c.text} mark={c.direction === "towards-go" ? "↑" : "↓"}>
              {c.text}
            </Bullet>
          ))}
        </View>
      ) : null}
      {report.warnings.length > 0 ? (
        <View>
          <Text style={s.h3}>Warnings</Text>
          {report.warnings.map((w) => (
            <Bullet key={w} mark="!">
              {w}
            </Bullet>
          ))}
        </View>
      ) : null}
    </View>
  );
}
