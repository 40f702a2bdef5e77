import { Document, renderToBuffer } from "@react-pdf/renderer";
import { STAGE_KEYS } from "@/lib/domain/assessment-inputs";
import type { TReport, TStageKey } from "@/lib/domain/report-types";
import { registerPdfFonts } from "./fonts";
import { AssumptionsAndSources } from "./memo-appendix";
import { MemoCover } from "./memo-cover";
import { EconomicsCharts } from "./memo-economics-charts";
import { MemoPage, type TMemoOptions } from "./memo-kit";
import { MemoSummary } from "./memo-summary";
import { StageSection } from "./memo-stage";

export type { TMemoOptions } from "./memo-kit";

/** Stages in order, one page run each, except that neighbouring not-started stages share one. */
function stagePageRuns(report: TReport): TStageKey[][] {
  const runs: TStageKey[][] = [];
  const isEmpty = (key: TStageKey) => report.stages[key].status === "not-started";
  for (const key of STAGE_KEYS) {
    const last = runs.at(-1);
    if (last && isEmpty(key) && isEmpty(last[last.length - 1])) last.push(key);
    else runs.push([key]);
  }
  return runs;
}

export function AssessmentMemo({ report, options }: { report: TReport; options: TMemoOptions }) {
  const { meta } = report;
  const footer = `Freehold · ${meta.title} · version ${meta.version}`;
  return (
    <Document title={`${meta.title} (version ${meta.version})`} author={options.organisationName} subject="Decision memo: own infrastructure or closed API" creator="Freehold" producer="Freehold">
      <MemoPage footer={footer} generatedAt={options.generatedAt}>
        <MemoCover report={report} options={options} />
        <MemoSummary report={report} />
      </MemoPage>
      {/* A page run per stage: React-PDF re-lays the rest of a run at every page break, so one long
          run costs far more than several short ones. */}
      {stagePageRuns(report).map((keys) => (
        <MemoPage key={keys.join()} footer={footer} generatedAt={options.generatedAt}>
          {keys.map((key) => (
            <StageSection key={key} report={report} stageKey={key} />
          ))}
        </MemoPage>
      ))}
      <MemoPage footer={footer} generatedAt={options.generatedAt}>
        <EconomicsCharts report={report} />
      </MemoPage>
      <MemoPage footer={footer} generatedAt={options.generatedAt}>
        <AssumptionsAndSources report={report} />
      </MemoPage>
    </Document>
  );
}

/** The assessment's decision memo as PDF bytes, drawn only from the report model. */
export async function renderAssessmentMemo(report: TReport, options: TMemoOptions): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<AssessmentMemo report={report} options={options} />);
}
