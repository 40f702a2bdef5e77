import type { TAttachmentRecord } from "@/lib/domain/assessment";
import { AttachmentTable } from "./attachment-table";

/** The evidence files a snapshot recorded when it was submitted: names and hashes, as reviewed. */
export function SnapshotEvidence({ attachments, href }: { attachments: TAttachmentRecord[]; href: (a: { id: string }) => string }) {
  return (
    <section aria-labelledby="snapshot-evidence-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="snapshot-evidence-heading" className="text-lg font-semibold">
        Evidence files as submitted
      </h2>
      {attachments.length === 0 ? (
        <p className="text-sm">No files were attached.</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            The SHA-256 of each file as it was when submitted: a copy with the same hash is the file that was reviewed. Each file stays downloadable here even if
            it is later removed from the current evidence.
          </p>
          <AttachmentTable caption="Evidence files recorded with this snapshot" attachments={attachments} showStage showAdded href={href} />
        </>
      )}
    </section>
  );
}
