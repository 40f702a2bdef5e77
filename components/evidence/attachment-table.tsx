import type { ReactNode } from "react";
import { ATTACHMENT_KIND_LABELS, formatBytes, type TAttachmentRecord } from "@/lib/domain/assessment";
import { formatDateTime } from "@/lib/domain/report";
import { STAGE_TITLES } from "@/lib/domain/shared";

type TRow = Omit<TAttachmentRecord, "createdAt"> & { createdAt: Date | string };

type TProps = {
  caption: string;
  attachments: TRow[];
  /** A stage column (for lists that span stages). */
  showStage?: boolean;
  /** An "Added" column: who added the file and when. */
  showAdded?: boolean;
  /** The file name links here, when the file can be downloaded. */
  href?: (a: TRow) => string;
  /** A last column (e.g. a remove button) and its hidden heading. */
  action?: { label: string; render: (a: TRow) => ReactNode };
};

/** Evidence files with their size and SHA-256: the stage panel and a snapshot's record share it. */
export function AttachmentTable({ caption, attachments, showStage, showAdded, href, action }: TProps) {
  return (
    // A SHA-256 is 64 characters: on a phone the table scrolls inside its own box, not the page.
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="File list (scrolls sideways on narrow screens)">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-slate-700">
            <th scope="col">File</th>
            {showStage ? <th scope="col">Stage</th> : null}
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            {showAdded ? <th scope="col">Added</th> : null}
            {action ? (
              <th scope="col">
                <span className="sr-only">{action.label}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {attachments.map((a) => (
            <tr key={a.id} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pr-2 font-normal">
                {href ? (
                  <a href={href(a)} download className="text-brand-700 underline">
                    {a.fileName}
                  </a>
                ) : (
                  a.fileName
                )}
              </th>
              {showStage ? <td className="pr-2">{STAGE_TITLES[a.stage]}</td> : null}
              <td className="pr-2">{ATTACHMENT_KIND_LABELS[a.kind]}</td>
              <td className="pr-2 tabular-nums">{formatBytes(a.sizeBytes)}</td>
              <td className="pr-2">
                <code className="break-all text-xs" data-testid="attachment-sha256">
                  {a.sha256}
                </code>
              </td>
              {showAdded ? (
                <td className="pr-2">
                  {a.uploadedByName}, {formatDateTime(new Date(a.createdAt))}
                </td>
              ) : null}
              {action ? <td>{action.render(a)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
