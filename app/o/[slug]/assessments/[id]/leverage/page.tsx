import type { Metadata } from "next";
import { Suspense } from "react";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { getAssessment } from "@/lib/dal/assessments";
import type { TAssessmentDetail } from "@/lib/domain/assessment";
import { portfolioSpendByIncumbent } from "@/lib/dal/portfolio";
import { stageStatuses } from "@/lib/domain/assessment";
import { vendorConcentration } from "@/lib/domain/portfolio";
import { LeverageView } from "@/components/report/leverage-view";
import { WizardHeader } from "@/components/wizard/wizard-header";
import { StepPager } from "@/components/wizard/stepper";
import { reportFor } from "@/lib/wizard/report-for";

export const metadata: Metadata = { title: "Leverage and exit path" };

async function LeverageBody({ userId, slug, a }: { userId: string; slug: string; a: TAssessmentDetail }) {
  const [report, spend] = await Promise.all([Promise.resolve(reportFor(a, a.inputs)), portfolioSpendByIncumbent(userId, slug)]);
  return <LeverageView leverage={report.leverage} concentration={vendorConcentration(spend)} incumbentName={report.meta.incumbent.name} incumbentVendor={report.meta.incumbent.vendor} />;
}

export default async function LeveragePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/leverage`);
  const a = await or404(getAssessment(user.id, slug, id));
  return (
    <div className="flex flex-col gap-6">
      <WizardHeader slug={slug} id={id} title={a.title} heading="Leverage and exit path" statuses={stageStatuses(a.inputs)} current="leverage" />
      <Suspense fallback={<p role="status">Weighing the alternatives…</p>}>
        <LeverageBody userId={user.id} slug={slug} a={a} />
      </Suspense>
      <StepPager slug={slug} id={id} current="leverage" />
    </div>
  );
}
