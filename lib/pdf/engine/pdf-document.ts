// The PDF writer: a tagged pdfkit document (structure tree, /Lang, title shown by viewers) with the
// memo's fonts, and a text measurer that measures as pdfkit's font engine lays text out, kerned.
import PDFDocument from "pdfkit";
import type { TMemoDocument } from "../model/types";
import { memoFonts } from "./fonts";
import { TextMeasurer } from "./text-measure";

export const FONT_NAMES = { regular: "memo-regular", bold: "memo-bold" } as const;

export type TPdf = { doc: PDFKit.PDFDocument; measurer: TextMeasurer; bytes: Promise<Buffer> };

/** A new tagged document for `memo`, its fonts registered; `bytes` resolves once the document is ended. */
export function openPdf(memo: TMemoDocument): TPdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would read and parse Helvetica's metrics for every memo, and every
    // piece of text here names the memo font it is drawn in.
    font: "",
    pdfVersion: "1.7",
    tagged: true,
    lang: memo.lang,
    displayTitle: true,
    info: { Title: memo.title, Author: memo.author, Subject: memo.subject, Creator: "Freehold", Producer: "Freehold", CreationDate: memo.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fonts = memoFonts();
  // pdfkit takes an already parsed fontkit font (its changelog says so; its typings lag): every
  // memo shares one parsed font instead of parsing the file again.
  doc.registerFont(FONT_NAMES.regular, fonts.regular.font as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont(FONT_NAMES.bold, fonts.bold.font as unknown as PDFKit.Mixins.PDFFontSource);
  const measurer = new TextMeasurer(fonts.regular.face, fonts.bold.face);
  return { doc, measurer, bytes };
}
