// Evidence files attached to a stage (a signed licence review, an eval report, red-team findings,
// a vendor quote): which kinds and formats are accepted, and what a file really is. The type is
// read from the file's first bytes; the name's extension must agree with it, and the type the
// browser sent is never used, so a page renamed .pdf is refused rather than stored as a PDF.
import { fileTitle, type TStageKey } from "../shared";

/** The stages that take evidence: the six wizard stages (economics is computed from them). */
export const ATTACHMENT_STAGES = ["licence", "capability", "infrastructure", "adaptation", "safety", "lifecycle"] as const satisfies readonly TStageKey[];
export type TAttachmentStage = (typeof ATTACHMENT_STAGES)[number];

export const ATTACHMENT_KINDS = ["licence-review", "eval-report", "red-team", "vendor-quote", "other"] as const;
export type TAttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<TAttachmentKind, string> = {
  "licence-review": "Signed licence review",
  "eval-report": "Evaluation report",
  "red-team": "Red-team findings",
  "vendor-quote": "Vendor quote",
  other: "Other evidence",
};

/** The kind a stage's form offers first: what that stage's evidence usually is. */
export const DEFAULT_KIND_BY_STAGE: Record<TAttachmentStage, TAttachmentKind> = {
  licence: "licence-review",
  capability: "eval-report",
  infrastructure: "vendor-quote",
  adaptation: "eval-report",
  safety: "red-team",
  lifecycle: "other",
};

// 8 MiB per file: an upload travels as a server-action body capped at 10 MiB (lib/limits.json),
// which must also hold the multipart framing and the form's other fields.
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
/** Per assessment, so one assessment cannot fill the database. */
export const MAX_ATTACHMENTS_PER_ASSESSMENT = 50;
export const MAX_ATTACHMENT_NAME_CHARS = 200;

type TFormat = { label: string; contentType: string; extensions: readonly string[] };

const FORMATS = {
  pdf: { label: "a PDF document", contentType: "application/pdf", extensions: ["pdf"] },
  png: { label: "a PNG image", contentType: "image/png", extensions: ["png"] },
  jpeg: { label: "a JPEG image", contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  docx: { label: "a Word document", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { label: "an Excel workbook", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  text: { label: "a text file", contentType: "text/plain; charset=utf-8", extensions: ["txt", "md", "log"] },
  csv: { label: "a CSV file", contentType: "text/csv; charset=utf-8", extensions: ["csv"] },
  json: { label: "a JSON file", contentType: "application/json; charset=utf-8", extensions: ["json", "jsonl"] },
} satisfies Record<string, TFormat>;

export const ALLOWED_ATTACHMENT_EXTENSIONS = Object.values(FORMATS).flatMap((f) => f.extensions);
export const ALLOWED_ATTACHMENT_TYPES_TEXT = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), text (.txt, .md, .log), CSV or JSON";

export type TSniffResult = { ok: true; contentType: string; label: string } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether `needle` (ASCII) occurs in the first `limit` bytes. */
function contains(bytes: Uint8Array, needle: string, limit = 64 * 1024): boolean {
  const n = ascii(needle);
  const end = Math.min(bytes.length, limit) - n.length;
  for (let i = 0; i <= end; i++) if (startsWith(bytes, n, i)) return true;
  return false;
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Control characters other than tab, line breaks and form feed mean binary content.
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** What the bytes are, by their signature; `null` for content that is none of the accepted formats. */
function detect(bytes: Uint8Array, extension: string): keyof typeof FORMATS | "zip" | "html" | "program" | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML file is a ZIP whose parts name the application's folder.
    if (contains(bytes, "[Content_Types].xml", bytes.length)) {
      if (contains(bytes, "word/", bytes.length)) return "docx";
      if (contains(bytes, "xl/", bytes.length)) return "xlsx";
    }
    return "zip";
  }
  if (startsWith(bytes, ascii("MZ")) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "program";
  const text = decodeText(bytes);
  if (text === null) return null;
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 512).toLowerCase();
  if (/^<(!doctype html|html|svg|\?xml|script|body|head|iframe)/.test(head)) return "html";
  if (extension === "json") {
    try {
      JSON.parse(text.replace(/^\uFEFF/, ""));
      return "json";
    } catch {
      return "text";
    }
  }
  if (extension === "jsonl") return "json";
  return extension === "csv" ? "csv" : "text";
}

const REFUSED_LABELS = { zip: "a ZIP archive", html: "a web page or SVG image (HTML/XML)", program: "a program" } as const;

export function fileExtension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim());
  return m ? m[1]!.toLowerCase() : "";
}

/**
 * The file's real type from its content, checked against its name's extension. Every refusal says
 * what the file was found to be and what is accepted.
 */
export function sniffAttachment(bytes: Uint8Array, fileName: string): TSniffResult {
  const extension = fileExtension(fileName);
  const accepted = `Attach ${ALLOWED_ATTACHMENT_TYPES_TEXT}.`;
  if (bytes.length === 0) return { ok: false, message: "The file is empty." };
  if (!ALLOWED_ATTACHMENT_EXTENSIONS.includes(extension)) return { ok: false, message: `Files ending ${extension ? `.${extension}` : "without an extension"} cannot be attached. ${accepted}` };
  const found = detect(bytes, extension);
  if (found === null) return { ok: false, message: `The file's content is not one of the accepted formats (its name ends .${extension}, but it is not ${extensionFormat(extension).label}). ${accepted}` };
  if (found === "zip" || found === "html" || found === "program") return { ok: false, message: `The file is ${REFUSED_LABELS[found]}, which cannot be attached. ${accepted}` };
  const format = FORMATS[found];
  if (!format.extensions.includes(extension)) {
    // Text formats may share a name's extension loosely (a .json that does not parse is refused).
    return { ok: false, message: `The file's content is ${format.label}, but its name ends .${extension}${extension === "json" ? " and it is not valid JSON" : ""}. Rename it or choose the right file.` };
  }
  return { ok: true, contentType: format.contentType, label: format.label };
}

function extensionFormat(extension: string): TFormat {
  return Object.values(FORMATS).find((f) => f.extensions.includes(extension)) ?? FORMATS.text;
}

/** A name safe to store and to send back in Content-Disposition: no paths or control characters. */
export function attachmentFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = fileTitle(base.normalize("NFC"), "evidence");
  if (clean.length <= MAX_ATTACHMENT_NAME_CHARS) return clean;
  const ext = fileExtension(clean);
  return `${clean.slice(0, MAX_ATTACHMENT_NAME_CHARS - ext.length - 1).trimEnd()}.${ext}`;
}

/** An attachment as lists, the memo's appendix and snapshots show it. */
export type TAttachment = {
  id: string;
  stage: TAttachmentStage;
  kind: TAttachmentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string;
  createdAt: Date;
};

/** What a submitted snapshot records of each attachment (dates as ISO text: it is stored as JSON). */
export type TAttachmentRecord = Omit<TAttachment, "createdAt"> & { createdAt: string };

export const toAttachmentRecord = (a: TAttachment): TAttachmentRecord => ({ ...a, createdAt: a.createdAt.toISOString() });

export function isAttachmentStage(s: unknown): s is TAttachmentStage {
  return typeof s === "string" && (ATTACHMENT_STAGES as readonly string[]).includes(s);
}

/** "1.2 MB", "840 kB", "312 bytes": sizes as the list and the memo print them (1 kB = 1,000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
