import type { Metadata } from "next";
import Link from "next/link";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { getAssessment } from "@/lib/dal/assessments";
import { getSnapshot } from "@/lib/dal/reviews";
import { describeCandidate, describeIncumbent } from "@/lib/domain/catalog";
import { formatDateTime } from "@/lib/domain/report";
import { decisionText, verdictLabel } from "@/components/review/review-text";
import { FrozenFigures, InputsSummary } from "@/components/review/snapshot-view";
import { SnapshotEvidence } from "@/components/evidence/snapshot-evidence";

export const metadata: Metadata = { title: "Snapshot" };

export default async function SnapshotPage({ params }: { params: Promise<{ slug: string; id: string; snapshotId: string }> }) {
  const { slug, id, snapshotId } = await params;
  const { user } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/history/${snapshotId}`);
  const a = await or404(getAssessment(user.id, slug, id));
  const s = await or404(getSnapshot(user.id, slug, id, snapshotId));
  const base = `/o/${slug}/assessments/${id}`;
  const rows: [string, string][] = [
    ["Title then", s.title],
    ["Submitted", `${formatDateTime(s.createdAt)} by ${s.submittedByName}`],
    ["Note", s.note || "—"],
    ["Decision", s.decision?.comment ? `${decisionText(s)}: “${s.decision.comment}”` : decisionText(s)],
    ["Verdict", verdictLabel(s.verdict)],
    ["Candidate open-weights model", describeCandidate(s.candidateModelId, s.inputs.customModel)],
    ["Incumbent closed API", describeIncumbent(s.incumbentApiId, new Date().toISOString().slice(0, 10))],
  ];
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Assessments
        </Link>{" "}
        /{" "}
        <Link href={base} className="text-brand-700 underline">
          {a.title}
        </Link>{" "}
        /{" "}
        <Link href={`${base}/history`} className="text-brand-700 underline">
          History
        </Link>
      </nav>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">
          Snapshot {s.number} (version {s.assessmentVersion})
        </h1>
        <p className="text-sm text-slate-700">
          {a.approvedSnapshotId === s.id ? <strong className="text-green-900">This is the approved version. </strong> : null}
          Read-only: a snapshot keeps the inputs and figures exactly as they were submitted.{" "}
          <Link href={`${base}/history?from=${s.id}&to=current`} className="text-brand-700 underline">
            Compare with the current working copy
          </Link>
        </p>
      </header>
      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="frozen-figures-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="frozen-figures-heading" className="text-lg font-semibold">
          Figures as submitted
        </h2>
        <FrozenFigures figures={s.figures} />
      </section>
      <section aria-labelledby="inputs-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="inputs-heading" className="text-lg font-semibold">
          Inputs as submitted
        </h2>
        <InputsSummary side={s} />
      </section>
      <SnapshotEvidence attachments={s.attachments} href={(a) => `/o/${slug}/assessments/${id}/attachments/${a.id}`} />
    </div>
  );
}
