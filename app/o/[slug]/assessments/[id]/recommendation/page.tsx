import type { Metadata } from "next";
import { Suspense } from "react";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { getAssessment } from "@/lib/dal/assessments";
import type { TAssessmentDetail } from "@/lib/domain/assessment";
import { stageStatuses } from "@/lib/domain/assessment";
import { FigureList } from "@/components/wizard/results-panel";
import { RecommendationView } from "@/components/wizard/recommendation-view";
import { WizardHeader } from "@/components/wizard/wizard-header";
import { StepPager } from "@/components/wizard/stepper";
import { reportFor } from "@/lib/wizard/report-for";
import { OptionsTable } from "@/components/report/options-table";
import Link from "next/link";

export const metadata: Metadata = { title: "Recommendation" };

async function RecommendationBody({ slug, a }: { slug: string; a: TAssessmentDetail }) {
  const report = reportFor(a, a.inputs);
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <RecommendationView rec={report.recommendation} assumptionsHref={`/o/${slug}/assessments/${a.id}`} />
        <section aria-labelledby="rec-figures-heading" className="h-fit rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rec-figures-heading" className="text-base font-semibold">
            Key figures
          </h2>
          <FigureList figures={report.keyFigures.figures} label="Key figures" />
          <p className="mt-2 text-sm">
            <Link href={`/o/${slug}/assessments/${a.id}/leverage`} className="text-brand-700 underline">
              Leverage and exit path
            </Link>{" "}
            ·{" "}
            <Link href={`/o/${slug}/assessments/${a.id}/economics#finance-heading`} className="text-brand-700 underline">
              Finance view
            </Link>
          </p>
          <p className="mt-2 text-sm">
            {/* A plain download: the route answers with Content-Disposition: attachment. */}
            <a href={`/o/${slug}/assessments/${a.id}/bom`} download className="text-brand-700 underline">
              Download AI bill of materials (CycloneDX 1.6 JSON)
            </a>
            <span className="block text-slate-700">Model, licence, serving engine, hardware, adapters, guard model and evidence; supply-chain details come from the safety stage.</span>
          </p>
        </section>
      </div>
      <OptionsTable section={report.options} />
    </div>
  );
}

export default async function RecommendationPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/recommendation`);
  const a = await or404(getAssessment(user.id, slug, id));
  return (
    <div className="flex flex-col gap-6">
      <WizardHeader slug={slug} id={id} title={a.title} heading="Recommendation" statuses={stageStatuses(a.inputs)} current="recommendation" />
      <Suspense fallback={<p role="status">Weighing the stages…</p>}>
        <RecommendationBody slug={slug} a={a} />
      </Suspense>
      <StepPager slug={slug} id={id} current="recommendation" />
    </div>
  );
}
