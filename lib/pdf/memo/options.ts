import type { TAttachment } from "@/lib/domain/assessment";

/** A recorded approval or stage sign-off, as the cover prints it. */
export type TSignOff = { label: string; byName: string; at: Date; note: string | null };

export type TMemoOptions = {
  organisationName: string;
  generatedAt: Date;
  /** Oldest first; printed on the cover. None (or an empty list): "No sign-offs recorded". */
  signOffs?: TSignOff[];
  /** Comparison memo: each report's sign-offs, in column order (oldest first within a report). */
  signOffsByReport?: TSignOff[][];
  /** Evidence files, listed with their SHA-256 in the appendix. None: the appendix says so. */
  attachments?: TAttachment[];
};

/** The language of the memos' text, for the PDF's /Lang (dates print as "28 Nov 2026"). */
export const MEMO_LANG = "en-GB";
