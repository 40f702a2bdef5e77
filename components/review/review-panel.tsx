import Link from "next/link";
import type { TAssessmentSummary } from "@/lib/domain/assessment";
import type { TSnapshotSummary } from "@/lib/domain/report";
import { formatDateTime } from "@/lib/domain/report";
import { DecisionForm, SubmitForReviewForm, WithdrawForm } from "./review-forms";
import { decisionText, snapshotName } from "./review-text";

type TProps = {
  slug: string;
  a: Pick<TAssessmentSummary, "id" | "status" | "version" | "approvedSnapshotId">;
  /** Newest first, as listSnapshots returns them. */
  snapshots: TSnapshotSummary[];
  isEditor: boolean;
  isApprover: boolean;
  /** The signed-in user: only the submitter is offered Withdraw. */
  userId: string;
};

function Quote({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <blockquote className="border-l-4 border-slate-400 pl-3 whitespace-pre-line">
      <span className="sr-only">{label}: </span>“{text}”
    </blockquote>
  );
}

function draftText(latest: TSnapshotSummary | undefined): string {
  if (!latest) return "not submitted for review yet.";
  if (latest.decision?.outcome === "withdrawn") return `the last submission, ${snapshotName(latest)}, was withdrawn by ${latest.decision.actorName} on ${formatDateTime(latest.decision.createdAt)}.`;
  return "changed since the last submission.";
}

/** The review state in words, and the controls the caller's role allows in that state. */
export function ReviewPanel({ slug, a, snapshots, isEditor, isApprover, userId }: TProps) {
  const latest = snapshots[0];
  const approved = snapshots.find((s) => s.id === a.approvedSnapshotId);
  const snapshotHref = (id: string) => `/o/${slug}/assessments/${a.id}/history/${id}`;
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="review-heading" className="text-lg font-semibold">
        Review
      </h2>
      {a.status === "in_review" && latest ? (
        <div className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <p>
            <strong>In review</strong> since {formatDateTime(latest.createdAt)}, submitted by {latest.submittedByName} — {snapshotName(latest)}.
          </p>
          <Quote label="Note" text={latest.note} />
          <p>Nobody can change the assessment until an owner or manager approves or rejects it, or the submission is withdrawn.</p>
        </div>
      ) : null}
      {a.status === "approved" && approved?.decision ? (
        <div className="flex flex-col gap-2 rounded-md border border-green-600 bg-green-50 p-3 text-sm text-green-950">
          <p>
            <strong>{decisionText(approved)}</strong> — {snapshotName(approved)}.{" "}
            <Link href={snapshotHref(approved.id)} className="underline">
              View the approved snapshot
            </Link>
          </p>
          <Quote label="Comment" text={approved.decision.comment} />
          {isEditor ? <p>Changing anything starts a new draft; the approved snapshot stays as it is.</p> : null}
        </div>
      ) : null}
      {a.status !== "in_review" && a.status !== "approved" && latest?.decision?.outcome === "rejected" ? (
        // Prominent, and kept after the first edit turns it back into a draft: it is the analyst's to-do list.
        <div className="flex flex-col gap-2 rounded-md border-2 border-red-600 bg-red-50 p-3 text-sm text-red-950">
          <p>
            <strong>{decisionText(latest)}</strong> — {snapshotName(latest)}.
          </p>
          <Quote label="Reviewer's comment" text={latest.decision.comment} />
          {isEditor ? <p>Change what the comment asks for, then submit again.</p> : null}
        </div>
      ) : null}
      {a.status === "draft" ? (
        <p className="text-sm text-slate-800">
          <strong>Draft</strong>: {draftText(latest)}
        </p>
      ) : null}
      {a.status !== "approved" && approved ? (
        <p className="text-sm text-slate-800">
          Approved version: {snapshotName(approved)} —{" "}
          <Link href={snapshotHref(approved.id)} className="text-brand-700 underline">
            view it
          </Link>
          . The working copy on this page has changed since.
        </p>
      ) : null}
      {isEditor && (a.status === "draft" || a.status === "rejected") ? <SubmitForReviewForm slug={slug} id={a.id} version={a.version} /> : null}
      {isApprover && a.status === "in_review" ? <DecisionForm slug={slug} id={a.id} /> : null}
      {isEditor && a.status === "in_review" && latest?.submittedById === userId ? <WithdrawForm slug={slug} id={a.id} /> : null}
    </section>
  );
}
