import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { getAssessment } from "@/lib/dal/assessments";
import { listAssessmentAudit } from "@/lib/dal/audit";
import { getSnapshot, listSnapshots } from "@/lib/dal/reviews";
import { diffFigures, diffInputs, frozenFigures, lastEditOf, toDbVerdict, type TVersionSide } from "@/lib/domain/report";
import { reportFor } from "@/lib/wizard/report-for";
import { AuditList } from "@/components/review/audit-list";
import { DiffChooser } from "@/components/review/diff-chooser";
import { SnapshotTable } from "@/components/review/snapshot-table";
import { VersionDiff } from "@/components/review/version-diff";

export const metadata: Metadata = { title: "History and versions" };

// An id or "current"; anything unknown is looked up and becomes a 404, like a foreign id.
const ZSide = z.string().min(1).max(64).optional().catch(undefined);

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug, id } = await params;
  const { user } = await requireOrgMember(slug, `/o/${slug}/assessments/${id}/history`);
  const a = await or404(getAssessment(user.id, slug, id));
  const [snapshots, audit] = await Promise.all([listSnapshots(user.id, slug, id), listAssessmentAudit(user.id, slug, id)]);
  const report = reportFor(a, a.inputs);
  const base = `/o/${slug}/assessments/${id}`;

  // By default: what changed since the approved version (or the last submission).
  const query = await searchParams;
  const from = ZSide.parse(query.from) ?? a.approvedSnapshotId ?? snapshots[0]?.id;
  const to = ZSide.parse(query.to) ?? "current";
  const current: TVersionSide & { name: string } = { ...a, figures: frozenFigures(report), name: `Current (version ${a.version})` };
  const sideOf = async (key: string) => {
    if (key === "current") return current;
    const s = await or404(getSnapshot(user.id, slug, id, key));
    return { ...s, name: `Snapshot ${s.number} (version ${s.assessmentVersion})` };
  };
  const [left, right] = from ? await Promise.all([sideOf(from), sideOf(to)]) : [null, null];
  const options = [{ value: "current", label: current.name }, ...snapshots.map((s) => ({ value: s.id, label: `Snapshot ${s.number} (version ${s.assessmentVersion})` }))];

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Assessments
        </Link>{" "}
        /{" "}
        <Link href={base} className="text-brand-700 underline">
          {a.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">History and versions</h1>
      <section aria-labelledby="versions-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <p className="text-sm text-slate-700">Each submission for review freezes a numbered snapshot of the inputs and figures; snapshots never change.</p>
        <SnapshotTable slug={slug} current={a} currentVerdict={toDbVerdict(report.recommendation.verdict)} snapshots={snapshots} lastEdit={lastEditOf(audit)} />
      </section>
      {left && right ? (
        <section aria-labelledby="compare-heading" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="compare-heading" className="text-lg font-semibold">
            Compare versions
          </h2>
          <DiffChooser action={`${base}/history`} options={options} from={from!} to={to} />
          <VersionDiff inputs={diffInputs(left, right)} figures={diffFigures(left.figures, right.figures)} fromName={left.name} toName={right.name} />
        </section>
      ) : null}
      <section aria-labelledby="audit-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <AuditList events={audit} />
      </section>
    </div>
  );
}
