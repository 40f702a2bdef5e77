import type { Metadata } from "next";
import { Suspense } from "react";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { APPROVER_ROLES, canEdit } from "@/lib/domain/shared";
import { stageFingerprint } from "@/lib/dal/reviews";
import { StageSignOff } from "@/components/review/stage-sign-off";
import { IN_REVIEW_STAGE_NOTE } from "@/components/review/review-text";
import { getAssessmentWithReviewData } from "@/lib/dal/assessment-pages";
import type { TAssessmentDetail } from "@/lib/domain/assessment";
import { stageStatuses } from "@/lib/domain/assessment";
import { LazyEconomicsCharts } from "@/components/charts/lazy-charts";
import { FigureList } from "@/components/wizard/results-panel";
import { StageEditor } from "@/components/wizard/stage-editor";
import { WizardHeader } from "@/components/wizard/wizard-header";
import { StepPager } from "@/components/wizard/stepper";
import { reportFor } from "@/lib/wizard/report-for";
import { OptionsTable } from "@/components/report/options-table";
import { FinanceView } from "@/components/report/finance-view";
import { initialStageDraft } from "@/lib/wizard/stage-draft";
import { stageDefaults, stageGroups, stageSources } from "@/lib/wizard/stage-view";

export const metadata: Metadata = { title: "Economics" };

async function EconomicsBody({ slug, a, editable, readOnlyReason }: { slug: string; a: TAssessmentDetail; editable: boolean; readOnlyReason?: string }) {
  const report = reportFor(a, a.inputs);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="key-figures-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="key-figures-heading" className="text-base font-semibold">
          Key figures
        </h2>
        <FigureList figures={report.keyFigures.figures} label="Key figures" />
      </section>
      <StageEditor
        slug={slug}
        id={a.id}
        stage="economics"
        initialDraft={initialStageDraft(a.inputs, "economics")}
        initialVersion={a.version}
        groups={stageGroups(report, "economics")}
        defaults={stageDefaults(report, "economics")}
        initialResults={report.stages.economics}
        sources={stageSources(report, "economics")}
        canEdit={editable}
        readOnlyReason={readOnlyReason}
      />
      <OptionsTable section={report.options} />
      <FinanceView finance={report.finance} />
      <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Charts
        </h2>
        <LazyEconomicsCharts charts={report.charts} />
      </section>
    </div>
  );
}

export default async function EconomicsPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/economics`);
  // The assessment and its sign-offs in one query (it also reads the files, unused here: still one query, not two).
  const { assessment: a, signOffs } = await or404(getAssessmentWithReviewData(user.id, slug, id));
  const latestSignOff = signOffs.find((s) => s.stage === "economics");
  const isInReview = a.status === "in_review";
  return (
    <div className="flex flex-col gap-6">
      <WizardHeader slug={slug} id={id} title={a.title} heading="Economics" statuses={stageStatuses(a.inputs)} current="economics" />
      <StageSignOff
        slug={slug}
        id={id}
        stage="economics"
        latest={latestSignOff}
        isCurrent={latestSignOff?.inputsFingerprint === stageFingerprint(a.inputs, "economics")}
        canSignOff={APPROVER_ROLES.includes(org.role)}
      />
      <Suspense fallback={<p role="status">Computing the economics and the Monte Carlo…</p>}>
        <EconomicsBody slug={slug} a={a} editable={canEdit(org.role) && !isInReview} readOnlyReason={isInReview ? IN_REVIEW_STAGE_NOTE : undefined} />
      </Suspense>
      <StepPager slug={slug} id={id} current="economics" />
    </div>
  );
}
