import type { TReport } from "@/lib/domain/report";
import { STAGE_KEYS } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/domain/report";
import type { TMemoDocument } from "../model/types";
import { assumptionsSection, evidenceSection, sourcesSection } from "./appendix";
import { coverSection } from "./cover";
import { economicsChartsSection } from "./economics-charts";
import { MEMO_LANG, type TMemoOptions } from "./options";
import { stageSection } from "./stage";
import { verdictSections } from "./sections";
import { summarySection } from "./summary";

/**
 * The assessment's decision memo as a document, drawn only from the report model: cover, summary,
 * verdict, options, finance and leverage, one section per stage, charts, then assumptions, sources and evidence files. A new section is one more entry.
 */
export function assessmentMemoDocument(report: TReport, options: TMemoOptions): TMemoDocument {
  const { meta } = report;
  return {
    title: `${meta.title} (version ${meta.version})`,
    lang: MEMO_LANG,
    author: options.organisationName,
    subject: "Decision memo: own infrastructure or closed API",
    createdAt: options.generatedAt,
    footer: `Freehold · ${meta.title} · version ${meta.version} · generated ${formatDateTime(options.generatedAt)}`,
    sections: [
      coverSection(report, options),
      summarySection(report),
      ...verdictSections(report),
      ...STAGE_KEYS.map((key) => stageSection(report, key)),
      economicsChartsSection(report),
      assumptionsSection(report),
      sourcesSection(report),
      evidenceSection(options.attachments ?? []),
    ],
  };
}
