import type { TAttachment, TAttachmentStage } from "@/lib/domain/assessment";
import { AttachmentTable } from "./attachment-table";
import { DeleteAttachmentForm, UploadAttachmentForm } from "./evidence-forms";

type TProps = {
  slug: string;
  id: string;
  stage: TAttachmentStage;
  attachments: TAttachment[];
  /** The caller may add and remove files now (an editor, and the assessment is a draft). */
  canChange: boolean;
  /** Why the files cannot change now, when the caller is an editor. */
  lockedReason?: string;
};

/** The stage's evidence files with their SHA-256, downloads, and (for editors of a draft) upload and delete. */
export function EvidencePanel({ slug, id, stage, attachments, canChange, lockedReason }: TProps) {
  return (
    <section aria-labelledby="evidence-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="evidence-heading" className="text-base font-semibold">
        Evidence files
      </h2>
      <p className="text-sm text-slate-700">
        Files that back this stage (a signed licence review, an evaluation report, red-team findings, a vendor quote). The memo&apos;s appendix lists each with its SHA-256, and a
        submission records them, so a reader can check they hold the file that was reviewed.
      </p>
      {attachments.length ? (
        <AttachmentTable
          caption="Evidence files of this stage"
          attachments={attachments}
          showAdded
          href={(a) => `/o/${slug}/assessments/${id}/attachments/${a.id}`}
          action={canChange ? { label: "Remove", render: (a) => <DeleteAttachmentForm slug={slug} id={id} attachmentId={a.id} fileName={a.fileName} /> } : undefined}
        />
      ) : (
        <p className="text-sm text-slate-700">No files attached to this stage.</p>
      )}
      {canChange ? <UploadAttachmentForm slug={slug} id={id} stage={stage} /> : lockedReason ? <p className="text-sm text-slate-700">{lockedReason}</p> : null}
    </section>
  );
}
