import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { APPROVER_ROLES, canEdit } from "@/lib/domain/shared";
import { getAssessmentWithReviewData } from "@/lib/dal/assessment-pages";
import type { TAssessmentDetail } from "@/lib/domain/assessment";
import { stageStatuses } from "@/lib/domain/assessment";
import { STAGE_TITLES, type TStageKey } from "@/lib/domain/shared";
import { StageEditor } from "@/components/wizard/stage-editor";
import { WizardHeader } from "@/components/wizard/wizard-header";
import { StepPager } from "@/components/wizard/stepper";
import { stageFingerprint } from "@/lib/dal/reviews";
import { StageSignOff } from "@/components/review/stage-sign-off";
import { IN_REVIEW_STAGE_NOTE } from "@/components/review/review-text";
import { reportFor } from "@/lib/wizard/report-for";
import { APPROVED_ATTACHMENT_MESSAGE } from "@/lib/dal/attachments";
import { EvidencePanel } from "@/components/evidence/evidence-panel";
import { initialStageDraft } from "@/lib/wizard/stage-draft";
import { candidatePanel, stageAssumedLists, stageDefaults, stageGroups, stageSources } from "@/lib/wizard/stage-view";

export const metadata: Metadata = { title: "Assessment stage" };

const WIZARD_STAGES = ["licence", "capability", "infrastructure", "adaptation", "safety", "lifecycle"] as const;

function isWizardStage(s: string): s is (typeof WIZARD_STAGES)[number] {
  return (WIZARD_STAGES as readonly string[]).includes(s);
}

async function StageBody({ slug, a, stage, editable, readOnlyReason }: { slug: string; a: TAssessmentDetail; stage: TStageKey; editable: boolean; readOnlyReason?: string }) {
  const report = reportFor(a, a.inputs);
  return (
    <StageEditor
      slug={slug}
      id={a.id}
      stage={stage}
      initialDraft={initialStageDraft(a.inputs, stage)}
      initialVersion={a.version}
      groups={stageGroups(report, stage)}
      defaults={stageDefaults(report, stage)}
      assumed={stageAssumedLists(report, stage, a.inputs)}
      initialResults={report.stages[stage]}
      sources={stageSources(report, stage)}
      canEdit={editable}
      candidate={stage === "infrastructure" ? candidatePanel(a, report) : undefined}
      readOnlyReason={readOnlyReason}
      modelNames={stage === "capability" ? { candidate: report.meta.candidate.name, incumbent: report.meta.incumbent.name } : undefined}
    />
  );
}

export default async function StagePage({ params }: { params: Promise<{ slug: string; id: string; stage: string }> }) {
  const { slug, id, stage } = await params;
  // Access first: a foreign or missing assessment is a 404 before anything streams.
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/stages/${stage}`);
  // The assessment, its sign-offs and its files in one query.
  const { assessment: a, signOffs, attachments: allAttachments } = await or404(getAssessmentWithReviewData(user.id, slug, id));
  if (!isWizardStage(stage)) notFound();
  const latestSignOff = signOffs.find((s) => s.stage === stage);
  const isInReview = a.status === "in_review";
  const attachments = allAttachments.filter((f) => f.stage === stage);
  const evidenceLocked = isInReview ? "This assessment is in review: its files cannot change until it is decided or withdrawn." : a.status === "approved" ? APPROVED_ATTACHMENT_MESSAGE : undefined;
  return (
    <div className="flex flex-col gap-6">
      <WizardHeader slug={slug} id={id} title={a.title} heading={STAGE_TITLES[stage]} statuses={stageStatuses(a.inputs)} current={stage} />
      <StageSignOff
        slug={slug}
        id={id}
        stage={stage}
        latest={latestSignOff}
        isCurrent={latestSignOff?.inputsFingerprint === stageFingerprint(a.inputs, stage)}
        canSignOff={APPROVER_ROLES.includes(org.role)}
      />
      <Suspense fallback={<p role="status">Computing the stage results…</p>}>
        <StageBody slug={slug} a={a} stage={stage} editable={canEdit(org.role) && !isInReview} readOnlyReason={isInReview ? IN_REVIEW_STAGE_NOTE : undefined} />
      </Suspense>
      <EvidencePanel slug={slug} id={id} stage={stage} attachments={attachments} canChange={canEdit(org.role) && !evidenceLocked} lockedReason={canEdit(org.role) ? evidenceLocked : undefined} />
      <StepPager slug={slug} id={id} current={stage} />
    </div>
  );
}
