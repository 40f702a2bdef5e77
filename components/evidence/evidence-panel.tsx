import type { TAttachment, TAttachmentStage } from "@/lib/domain/assessment";
import { ATTACHMENT_KIND_LABELS, formatBytes } from "@/lib/domain/assessment";
import { formatDateTime } from "@/lib/domain/report";
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
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Evidence files of this stage</caption>
          <thead>
            <tr className="text-slate-700">
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
              <th scope="col">Added</th>
              {canChange ? <th scope="col"><span className="sr-only">Remove</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={a.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <a href={`/o/${slug}/assessments/${id}/attachments/${a.id}`} download className="text-brand-700 underline">
                    {a.fileName}
                  </a>
                </th>
                <td className="pr-2">{ATTACHMENT_KIND_LABELS[a.kind]}</td>
                <td className="pr-2 tabular-nums">{formatBytes(a.sizeBytes)}</td>
                <td className="pr-2">
                  <code className="break-all text-xs" data-testid="attachment-sha256">
                    {a.sha256}
                  </code>
                </td>
                <td className="pr-2">
                  {a.uploadedByName}, {formatDateTime(a.createdAt)}
                </td>
                {canChange ? (
                  <td>
                    <DeleteAttachmentForm slug={slug} id={id} attachmentId={a.id} fileName={a.fileName} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-700">No files attached to this stage.</p>
      )}
      {canChange ? <UploadAttachmentForm slug={slug} id={id} stage={stage} /> : lockedReason ? <p className="text-sm text-slate-700">{lockedReason}</p> : null}
    </section>
  );
}
