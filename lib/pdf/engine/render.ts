// The one PDF path: a memo document in, a tagged PDF out. Lays the memo out, packs it into pages,
// then draws each page once with "Page n of N" as plain text.
import { COLORS } from "../model/palette";
import type { TMemoDocument } from "../model/types";
import { drawPages } from "./draw";
import { layoutMemo } from "./layout";
import { openPdf } from "./pdf-document";
import { PAGINATION_ARTIFACT, Sketch, unitOf, type TDrawSpan, type TUnit } from "./sketch";
import type { TextMeasurer } from "./text-measure";
import { CONTENT_WIDTH, FOOTER } from "./theme";

/** A page's footer: the memo's label broken into lines, and "Page n of N" at the right of the last one. */
function footerUnit(m: TextMeasurer, label: string, pageNumber: number, totalPages: number): TUnit {
  const span = (text: string): TDrawSpan => ({ text, size: FOOTER.size, color: COLORS.muted, tag: PAGINATION_ARTIFACT });
  const sk = new Sketch(m);
  const labelHeight = sk.text([span(label)], { width: FOOTER.labelWidth, lineHeight: FOOTER.line });
  const pageText = `Page ${pageNumber} of ${totalPages}`;
  sk.text([span(pageText)], { x: CONTENT_WIDTH - m.width(pageText, FOOTER.size), y: labelHeight - FOOTER.line, width: CONTENT_WIDTH, lineHeight: FOOTER.line });
  return unitOf(sk);
}

export type TRenderedMemo = { bytes: Buffer; pages: TUnit[][] };

/** The memo as PDF bytes, with the pages it was cut into (for tests and the benchmark). */
export async function renderMemoDocument(memo: TMemoDocument): Promise<TRenderedMemo> {
  const { doc, measurer, bytes } = openPdf(memo);
  const { root, pages } = layoutMemo(memo, measurer);
  drawPages(doc, measurer, root, pages, (i) => footerUnit(measurer, memo.footer, i + 1, pages.length));
  doc.end();
  return { bytes: await bytes, pages };
}
