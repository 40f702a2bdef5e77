import { Text, View } from "@react-pdf/renderer";
import { STAGE_KEYS, STAGE_TITLES } from "@/lib/domain/assessment-inputs";
import type { TReport } from "@/lib/domain/report-types";
import { formatDate, formatDateTime, STAGE_STATUS_LABELS } from "@/lib/format";
import { KeyValue, type TMemoOptions } from "./memo-kit";
import { COLORS, s } from "./styles";

const ASSESSMENT_STATUS_LABELS: Record<string, string> = { draft: "Draft", "in-review": "In review", in_review: "In review", approved: "Approved", archived: "Archived" };

export function assessmentStatusLabel(status: string): string {
  return ASSESSMENT_STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

export function MemoCover({ report, options }: { report: TReport; options: TMemoOptions }) {
  const { meta } = report;
  return (
    <View>
      <Text style={[s.muted, { fontSize: 10, marginBottom: 4 }]}>Decision memo · {options.organisationName}</Text>
      <Text style={s.h1}>{meta.title}</Text>
      <Text style={{ fontSize: 12, marginBottom: 10 }}>
        Run {meta.candidate.name} on our own infrastructure, or keep {meta.incumbent.name}?
      </Text>
      {meta.description ? <Text style={[s.para, s.muted]}>{meta.description}</Text> : null}
      <View style={[s.box, { marginTop: 6 }]}>
        <KeyValue label="Organisation" value={options.organisationName} />
        <KeyValue label="Candidate (open weights)" value={meta.candidate.name} isBold />
        <KeyValue label="Incumbent (closed API)" value={meta.incumbent.name} isBold />
        <KeyValue label="Assessment status" value={assessmentStatusLabel(meta.status)} />
        <KeyValue label="Sign-offs" value="No sign-offs recorded" />
        <KeyValue label="Version" value={`Version ${meta.version}, last changed ${formatDate(new Date(meta.updatedAt))}`} />
        <KeyValue label="Generated" value={formatDateTime(options.generatedAt)} />
        <KeyValue label="Stages complete" value={`${meta.completedStages} of ${STAGE_KEYS.length}`} />
      </View>
      <View style={{ flexDirection: "row", flexWrap: "wrap", marginBottom: 6 }}>
        {STAGE_KEYS.map((key) => {
          const status = meta.stageStatuses[key];
          return (
            <Text key={key} style={{ fontSize: 8, marginRight: 10, marginBottom: 2, color: status === "not-started" ? COLORS.bad : COLORS.muted }}>
              {STAGE_TITLES[key]}: {STAGE_STATUS_LABELS[status]}
            </Text>
          );
        })}
      </View>
    </View>
  );
}
