import { Link, Text, View } from "@react-pdf/renderer";
import { STAGE_TITLES } from "@/lib/domain/assessment-inputs";
import type { TReport } from "@/lib/domain/report-types";
import { urlLines } from "./memo-kit";
import { COLORS, s } from "./styles";

const VERIFICATION_LABELS: Record<string, string> = { "verified-primary": "verified against the primary source", "verified-copy": "verified against a copy", user: "entered by your organisation" };

export function AssumptionsAndSources({ report }: { report: TReport }) {
  return (
    <View>
      <Text style={s.h2}>Assumptions</Text>
      {report.assumptions.length === 0 ? (
        <Text style={s.muted}>None: every input was entered.</Text>
      ) : (
        <>
          <Text style={[s.para, s.muted]}>Inputs not entered, and the value the memo used instead.</Text>
          {report.assumptions.map((a) => (
            <View key={`${a.stage}:${a.path}`} style={s.row} wrap={false}>
              <Text style={[s.small, { width: "22%" }]}>{STAGE_TITLES[a.stage]}</Text>
              <Text style={[s.small, { width: "30%" }]}>{a.label}</Text>
              <Text style={[s.small, s.bold, { width: "18%" }]}>{a.display}</Text>
              <Text style={[s.small, s.muted, { width: "30%" }]}>{a.basis}</Text>
            </View>
          ))}
        </>
      )}
      <Text style={s.h2}>Sources</Text>
      {report.sources.map((src, i) => (
        <View key={`${src.url ?? "own"}${i}`} style={{ marginBottom: 5 }} wrap={false}>
          {src.url ? (
            <Link src={src.url} style={[s.small, { color: COLORS.brand }]}>
              {urlLines(src.url)}
            </Link>
          ) : (
            <Text style={s.small}>Your organisation&apos;s own figures</Text>
          )}
          <Text style={[s.small, s.muted]}>
            As of {src.asOf} · {VERIFICATION_LABELS[src.verification] ?? src.verification}
          </Text>
          <Text style={s.small}>Backs: {src.backs.join("; ")}</Text>
          {src.note ? <Text style={[s.small, s.muted]}>{src.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
