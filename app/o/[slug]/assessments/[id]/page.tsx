import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgMember, or404 } from "@/lib/dal/guards";
import { getAssessment } from "@/lib/dal/assessments";
import { listAssessmentAudit } from "@/lib/dal/audit";
import { listSnapshots } from "@/lib/dal/reviews";
import { APPROVER_ROLES, canEdit } from "@/lib/domain/shared";
import { StatusBadge } from "@/components/assessments/status-badge";
import { RenameForm } from "@/components/assessments/rename-form";
import { DeleteForm } from "@/components/assessments/delete-form";
import { candidateOptionGroups, describeCandidate, describeIncumbent, incumbentOptionGroups } from "@/lib/domain/catalog";
import { ModelsForm } from "@/components/assessments/models-form";
import { formatDateTime } from "@/lib/domain/report";
import { ExportPdfButton } from "@/components/pdf/export-pdf-button";
import { stageStatuses } from "@/lib/domain/assessment";
import { Stepper } from "@/components/wizard/stepper";
import { UnsavedNotice } from "@/components/wizard/unsaved-notice";
import { FigureList } from "@/components/wizard/results-panel";
import { DuplicateForm } from "@/components/wizard/duplicate-form";
import { reportFor } from "@/lib/wizard/report-for";
import { ReviewPanel } from "@/components/review/review-panel";
import { AuditList } from "@/components/review/audit-list";
import { buttonClass } from "@/components/ui/button";
import { VerdictBadge } from "@/components/portfolio/verdict-badge";
import { toDbVerdict } from "@/lib/domain/report";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}`);
  const a = await or404(getAssessment(user.id, slug, id));
  const [audit, snapshots] = await Promise.all([listAssessmentAudit(user.id, slug, id), listSnapshots(user.id, slug, id)]);
  const editable = canEdit(org.role);
  const base = `/o/${slug}/assessments/${a.id}`;
  const report = reportFor(a, a.inputs);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Assessments
        </Link>
      </nav>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{a.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <StatusBadge status={a.status} />
          <span>Version {a.version}</span>
          <span>· updated {formatDateTime(a.updatedAt)} by {a.updatedByName}</span>
        </p>
        {a.description ? <p className="text-slate-800">{a.description}</p> : null}
        <div className="flex flex-wrap items-start gap-2">
          <ExportPdfButton href={`${base}/pdf`} />
          <a href={`${base}/export`} download className={buttonClass("secondary")}>
            Export JSON
          </a>
          <Link href={`${base}/history`} className={buttonClass("ghost", "text-brand-700 underline")}>
            History and versions
          </Link>
        </div>
      </header>
      <ReviewPanel slug={slug} a={a} snapshots={snapshots} isEditor={editable} isApprover={APPROVER_ROLES.includes(org.role)} userId={user.id} />
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">Candidate open-weights model</dt>
          <dd className="font-medium">{describeCandidate(a.candidateModelId, a.inputs.customModel)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Incumbent closed API</dt>
          <dd className="font-medium">{describeIncumbent(a.incumbentApiId, report.meta.catalog.agesCountedOn)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Created</dt>
          <dd>
            {formatDateTime(a.createdAt)} by {a.createdByName}
          </dd>
        </div>
      </dl>
      <Stepper slug={slug} id={a.id} statuses={stageStatuses(a.inputs)} current="overview" />
      <UnsavedNotice slug={slug} id={a.id} current="overview" />
      <section aria-labelledby="overview-figures-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="overview-figures-heading" className="text-lg font-semibold">
          Key figures so far
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-overview-verdict={report.recommendation.verdict}>
          Recommendation: <VerdictBadge verdict={toDbVerdict(report.recommendation.verdict)} />
          <Link href={`/o/${slug}/assessments/${a.id}/recommendation`} className="font-medium text-brand-700 underline">
            {report.recommendation.headline}
          </Link>
        </p>
        <p className="text-sm">
          <Link href={`/o/${slug}/assessments/${a.id}/leverage`} className="text-brand-700 underline">
            Leverage and exit path
          </Link>
        </p>
        <FigureList figures={report.keyFigures.figures} label="Key figures so far" />
      </section>
      {editable ? (
        <section aria-labelledby="edit-heading" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          {a.status === "in_review" ? (
            <p className="text-sm text-slate-700">In review: the title, model and API are read-only until the review is decided or withdrawn.</p>
          ) : (
            <>
              <RenameForm slug={slug} id={a.id} title={a.title} version={a.version} />
              <ModelsForm
                slug={slug}
                id={a.id}
                version={a.version}
                candidateModelId={a.candidateModelId}
                incumbentApiId={a.incumbentApiId}
                candidates={candidateOptionGroups(a.inputs.customModel)}
                incumbents={incumbentOptionGroups(report.meta.catalog.agesCountedOn)}
              />
            </>
          )}
          <DuplicateForm slug={slug} id={a.id} />
          <DeleteForm slug={slug} id={a.id} title={a.title} />
        </section>
      ) : (
        <p className="text-sm text-slate-700">Your role is viewer: this assessment is read-only for you.</p>
      )}
      <section aria-labelledby="history-heading" className="flex flex-col gap-2">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <AuditList events={audit.slice(0, 10)} />
        <Link href={`${base}/history`} className="text-sm text-brand-700 underline">
          {audit.length > 10 ? `All ${audit.length} events, versions and differences` : "Versions and differences"}
        </Link>
      </section>
    </div>
  );
}
