import { Link, Text, View } from "@react-pdf/renderer";
import type { TReport, TReportFindingSeverity, TStageKey } from "@/lib/domain/report-types";
import { countText, usdText } from "@/lib/domain/report-format";
import { STAGE_STATUS_LABELS } from "@/lib/format";
import { formatFigure } from "@/lib/format-figure";
import { Bullet, KeyValue, urlLines } from "./memo-kit";
import { COLORS, s } from "./styles";

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
      return d ? [{ label: "GPU", value: `${d.gpu.name} (${d.gpu.memoryGb} GB)` }, { label: "Pricing", value: d.pricing.label }] : [];
    }
    case "adaptation": {
      const d = st.adaptation.detail;
      return d ? [{ label: "Method", value: d.method === "none" ? "No fine-tuning" : d.method.toUpperCase() }, { label: "Served precision", value: d.servedPrecision }] : [];
    }
    default:
      return [];
  }
}

export function StageSection({ report, stageKey }: { report: TReport; stageKey: TStageKey }) {
  const stage = report.stages[stageKey];
  const isNotStarted = stage.status === "not-started";
  // A stage with nothing entered ran on defaults: those belong under Assumptions, not Key inputs.
  const inputs = isNotStarted ? [] : keyInputs(report, stageKey);
  return (
    <View>
      <View wrap={false}>
        <Text style={s.h2}>{stage.title}</Text>
        <Text style={[s.small, s.muted, { marginBottom: 3 }]}>
          Status: {STAGE_STATUS_LABELS[stage.status]}
          {isNotStarted ? "" : ` · Outcome: `}
          {isNotStarted ? null : <Text style={{ color: TONE_COLORS[stage.outcome.tone], fontWeight: "bold" }}>{stage.outcome.label}</Text>}
        </Text>
      </View>
      {isNotStarted ? (
        <View style={[s.box, { borderColor: COLORS.bad }]}>
          <Text style={{ fontWeight: "bold" }}>Not started: no results for this stage.</Text>
          <Text style={s.muted}>Its inputs have not been entered. Figures that depend on it are shown as not known, not as zero.</Text>
        </View>
      ) : (
        <Text style={s.para}>{stage.summary}</Text>
      )}
      {inputs.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={s.h3}>Key inputs</Text>
          {inputs.map((i) => (
            <KeyValue key={i.label} label={i.label} value={i.value} />
          ))}
        </View>
      ) : null}
      {stage.figures.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={s.h3}>Results</Text>
          {stage.figures.map((f) => (
            <View key={f.key} style={s.row} wrap={false}>
              <Text style={s.cellLabel}>{f.label}</Text>
              {/* One Text with spans, not a View of two: each Text is a separate layout pass. */}
              <Text style={s.cellValue}>
                <Text style={s.bold}>{formatFigure(f)}</Text>
                {f.formula ? <Text style={[s.small, s.muted]}>{`\n${f.formula}`}</Text> : null}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {stage.findings.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={s.h3}>Findings</Text>
          {stage.findings.map((f) => (
            <View key={f.id} style={{ marginBottom: 5 }} wrap={false}>
              <Text>
                <Text style={{ color: SEVERITY_COLORS[f.severity], fontWeight: "bold" }}>{SEVERITY_LABELS[f.severity]}: </Text>
                <Text style={s.bold}>{f.title}</Text>
              </Text>
              <Text>{f.detail}</Text>
              {f.quote ? <Text style={s.quote}>“{f.quote}”</Text> : null}
              {f.sourceUrl ? (
                <Link src={f.sourceUrl} style={[s.small, { color: COLORS.brand }]}>
                  Source: {urlLines(f.sourceUrl, 85)}
                </Link>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {stage.warnings.length > 0 ? (
        <View style={{ marginBottom: 6 }}>
          <Text style={s.h3}>Warnings</Text>
          {stage.warnings.map((w) => (
            <Bullet key={w} mark="!">
              {w}
            </Bullet>
          ))}
        </View>
      ) : null}
    </View>
  );
}
