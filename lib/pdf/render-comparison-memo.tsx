import { Document, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { compareReports, comparisonVerdictLines, type TComparison } from "@/lib/domain/report";
import type { TReport } from "@/lib/domain/report";
import { usdText } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/format";
import { registerPdfFonts } from "./fonts";
import { LineChart, type TLineSeries } from "./line-chart";
import { shortTokens } from "./memo-economics-charts";
import { MemoPage, type TMemoOptions } from "./memo-kit";
import { COLORS, s } from "./styles";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** Printed before a best value so it survives black-and-white printing and text extraction. */
export const BEST_MARK = "★";

/** Columns are headed A-D (titles are too long for a column) and the cover box says which is which. */
const columnLetter = (i: number) => String.fromCharCode(65 + i);

function ComparisonTable({ comparison }: { comparison: TComparison }) {
  const colWidth = `${Math.floor(62 / comparison.reports.length)}%`;
  return (
    <View>
      <View style={[s.row, { borderBottomColor: COLORS.ink }]} wrap={false}>
        <Text style={[s.bold, { width: "38%" }]}> </Text>
        {comparison.reports.map((r, i) => (
          <Text key={r.id} style={[s.bold, { width: colWidth, paddingRight: 4 }]}>
            {columnLetter(i)}
          </Text>
        ))}
      </View>
      {comparison.rows.map((row) => (
        <View key={row.key} style={s.row} wrap={false}>
          <Text style={{ width: "38%", paddingRight: 4 }}>{row.label}</Text>
          {row.cells.map((c) => (
            <Text key={c.reportId} style={[{ width: colWidth, paddingRight: 4 }, c.isBest ? { fontWeight: "bold", color: COLORS.good } : {}]}>
              {c.isBest ? `${BEST_MARK} ` : ""}
              {c.display}
            </Text>
          ))}
        </View>
      ))}
      <Text style={[s.small, s.muted, { marginTop: 4 }]}>{BEST_MARK} best value in the row. “—” not known; missing stages show as “Not started”, never as zero.</Text>
    </View>
  );
}

function OverlaidCharts({ reports }: { reports: readonly TReport[] }) {
  const volume: TLineSeries[] = [];
  const cumulative: TLineSeries[] = [];
  reports.forEach((r, i) => {
    const color = COLORS.series[i % COLORS.series.length];
    const name = r.meta.title;
    if (r.charts.costVsVolume) {
      volume.push({ label: `${name}: owned`, color, points: r.charts.costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd })) });
      volume.push({ label: `${name}: API`, color, isDashed: true, points: r.charts.costVsVolume.points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd })) });
    }
    if (r.charts.cumulative) {
      const saving = r.charts.cumulative.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd - p.cumulativeOwnedUsd }));
      cumulative.push({ label: `${name}`, color, points: saving });
    }
  });
  const missing = reports.filter((r) => !r.charts.costVsVolume).map((r) => r.meta.title);
  return (
    <View>
      <Text style={s.h2}>Charts</Text>
      {volume.length > 0 ? <LineChart title="Monthly cost against volume: owned (solid) and API (dashed)" series={volume} formatX={shortTokens} formatY={usdText} /> : null}
      {cumulative.length > 0 ? <LineChart title="Cumulative saving from owning (API − owned, one-time costs included)" series={cumulative} formatX={(m) => `month ${m}`} formatY={usdText} /> : null}
      {missing.length > 0 ? <Text style={s.muted}>No economics yet (not drawn): {missing.join(", ")}.</Text> : null}
    </View>
  );
}

export function ComparisonMemo({ reports, options }: { reports: readonly TReport[]; options: TMemoOptions }) {
  const comparison = compareReports(reports);
  const footer = `Freehold · comparison of ${reports.length} assessments`;
  return (
    <Document title={`Comparison: ${reports.map((r) => r.meta.title).join(" / ")}`} author={options.organisationName} creator="Freehold" producer="Freehold">
      <MemoPage footer={footer} generatedAt={options.generatedAt}>
        <Text style={[s.muted, { fontSize: 10, marginBottom: 4 }]}>Comparison memo · {options.organisationName}</Text>
        <Text style={s.h1}>Comparing {reports.length} assessments</Text>
        <View style={s.box}>
          {comparison.reports.map((r, i) => {
            const meta = reports[i].meta;
            return (
              <Text key={r.id} style={{ marginBottom: 2 }}>
                <Text style={s.bold}>
                  {columnLetter(i)}. {r.title}
                </Text> (version {meta.version}): {r.candidateName} vs {r.incumbentName}
              </Text>
            );
          })}
          <Text style={[s.small, s.muted, { marginTop: 4 }]}>Generated {formatDateTime(options.generatedAt)}. Sign-offs: none recorded.</Text>
        </View>
        <Text style={s.h2}>Verdicts and recommended options</Text>
        {comparisonVerdictLines(reports).map((line) => (
          <Text key={line} style={{ marginBottom: 2 }}>
            {line}
          </Text>
        ))}
        <ComparisonTable comparison={comparison} />
      </MemoPage>
      <MemoPage footer={footer} generatedAt={options.generatedAt}>
        <OverlaidCharts reports={reports} />
      </MemoPage>
    </Document>
  );
}

/** Side-by-side memo of 2-4 reports: the comparison table and overlaid charts. */
export async function renderComparisonMemo(reports: readonly TReport[], options: TMemoOptions): Promise<Buffer> {
  if (reports.length < MIN_COMPARED || reports.length > MAX_COMPARED) throw new RangeError(`Compare ${MIN_COMPARED} to ${MAX_COMPARED} assessments (got ${reports.length}).`);
  registerPdfFonts();
  return renderToBuffer(<ComparisonMemo reports={reports} options={options} />);
}
