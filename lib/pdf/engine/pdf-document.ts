// The PDF writer: a tagged pdfkit document (structure tree, /Lang, title shown by viewers) with the
// memo's fonts, and a text measurer that measures with the very calls that draw, kerning included.
import PDFDocument from "pdfkit";
import type { TMemoDocument } from "../model/types";
import { memoFonts, type TMemoFont } from "./fonts";
import { TextMeasurer, type TFontFace } from "./text-measure";

export const FONT_NAMES = { regular: "memo-regular", bold: "memo-bold" } as const;

export type TPdf = { doc: PDFKit.PDFDocument; measurer: TextMeasurer; bytes: Promise<Buffer> };

function face(doc: PDFKit.PDFDocument, name: string, font: TMemoFont): TFontFace {
  return { ascent: font.ascent, descent: font.descent, width: (text, size) => doc.font(name, size).widthOfString(text) };
}

/** A new tagged document for `memo`, its fonts registered; `bytes` resolves once the document is ended. */
export function openPdf(memo: TMemoDocument): TPdf {
  const doc = new PDFDocument({
    autoFirstPage: false,
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
  doc.registerFont(FONT_NAMES.regular, fonts.regular.bytes);
  doc.registerFont(FONT_NAMES.bold, fonts.bold.bytes);
  const measurer = new TextMeasurer(face(doc, FONT_NAMES.regular, fonts.regular), face(doc, FONT_NAMES.bold, fonts.bold));
  return { doc, measurer, bytes };
}
