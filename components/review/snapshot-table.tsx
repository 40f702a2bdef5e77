import Link from "next/link";
import { StatusBadge } from "@/components/assessments/status-badge";
import type { TAssessmentSummary } from "@/lib/domain/assessment";
import type { TSnapshotSummary } from "@/lib/domain/report";
import type { TDbVerdict } from "@/lib/domain/report";
import { formatDateTime } from "@/lib/domain/report";
import { decisionText, verdictLabel } from "./review-text";

const cell = "border-b border-slate-100 px-2 py-2 align-top";
const head = "border-b border-slate-300 px-2 py-2 text-left font-medium";

type TProps = {
  slug: string;
  current: Pick<TAssessmentSummary, "id" | "status" | "version" | "updatedAt" | "updatedByName" | "approvedSnapshotId">;
  currentVerdict: TDbVerdict;
  snapshots: TSnapshotSummary[];
  /** The newest edit (lastEditOf the audit log); review decisions move updatedAt but are not edits. */
  lastEdit: { at: Date; byName: string } | null;
};

/** The working copy, then every submitted snapshot (newest first) with its decision. */
export function SnapshotTable({ slug, current, currentVerdict, snapshots, lastEdit }: TProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr>
            <th scope="col" className={head}>Version</th>
            <th scope="col" className={head}>Submitted</th>
            <th scope="col" className={head}>Note</th>
            <th scope="col" className={head}>Decision</th>
            <th scope="col" className={head}>Verdict</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" className={`${cell} text-left font-medium`}>
              Current working copy (version {current.version})
            </th>
            <td className={cell}>
              Last saved {formatDateTime(lastEdit?.at ?? current.updatedAt)} by {lastEdit?.byName ?? current.updatedByName}
            </td>
            <td className={cell}>—</td>
            <td className={cell}>
              <StatusBadge status={current.status} />
            </td>
            <td className={cell}>{verdictLabel(currentVerdict)}</td>
          </tr>
          {snapshots.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                <Link href={`/o/${slug}/assessments/${current.id}/history/${s.id}`} className="text-brand-700 underline">
                  Snapshot {s.number}
                </Link>{" "}
                (version {s.assessmentVersion}){s.id === current.approvedSnapshotId ? <span className="ml-1 rounded bg-green-100 px-1.5 text-xs text-green-900">approved version</span> : null}
              </th>
              <td className={cell}>
                {formatDateTime(s.createdAt)} by {s.submittedByName}
              </td>
              <td className={`${cell} whitespace-pre-line`}>{s.note || "—"}</td>
              <td className={cell}>
                {decisionText(s)}
                {s.decision?.comment ? <span className="block whitespace-pre-line text-slate-700">“{s.decision.comment}”</span> : null}
              </td>
              <td className={cell}>{verdictLabel(s.verdict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
