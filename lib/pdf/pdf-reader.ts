// Test helper: reads a PDF back in-process with pdf.js (no system tools): its text, as a reader
// would see it laid out and in reading order, its link targets, metadata and structure tree.
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

export type TPdfRead = {
  pages: number;
  /** Each page's text as laid out: items on one baseline joined left to right, lines top to bottom. */
  pageTexts: string[];
  layoutText: string;
  /** The text in the order it is drawn (reading order), a new line wherever the baseline changes. */
  text: string;
  /** Each page's text items with their baseline measured from the top of the page (points). */
  pageItems: { str: string; x: number; top: number }[][];
  /** `layoutText` with whitespace runs collapsed. */
  flat: string;
  /** Every link annotation's target as written in the file (not only the ones a viewer would open). */
  links: string[];
  title: string | undefined;
  lang: string | undefined;
  isTagged: boolean;
  displaysTitle: boolean;
};

/** Items closer than this (points) to a line's baseline sit on that line. */
const BASELINE_TOLERANCE = 2;

type TItem = { str: string; x: number; y: number; width: number; size: number };

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
}

const isText = (item: unknown): item is TextItem => typeof (item as TextItem).str === "string";
const toItem = (t: TextItem): TItem => ({ str: t.str, x: t.transform[4], y: t.transform[5], width: t.width, size: Math.abs(t.transform[0]) || 1 });

/** Joins items of one line left to right, a space where there is a visible gap between them. */
function joinLine(items: TItem[]): string {
  let out = "";
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x - end;
    if (out && gap > it.size * 0.15 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += gap > it.size * 2 ? "   " : " ";
    out += it.str;
    end = it.x + it.width;
  }
  return out.trimEnd();
}

function layoutLines(items: TItem[]): string[] {
  const lines: TItem[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y)) {
    const line = lines.find((l) => Math.abs(l[0].y - it.y) <= BASELINE_TOLERANCE);
    if (line) line.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => joinLine(l.sort((a, b) => a.x - b.x)));
}

function readingOrder(items: TItem[]): string {
  let out = "";
  let last: TItem | null = null;
  for (const it of items) {
    if (last && Math.abs(last.y - it.y) > BASELINE_TOLERANCE) out = `${out.trimEnd()}\n`;
    else if (last && it.x - (last.x + last.width) > it.size * 0.15 && !/\s$/.test(out)) out += " ";
    out += it.str;
    last = it;
  }
  return out.trimEnd();
}

/** Reads a PDF's pages, text, links and document-level accessibility facts. */
export async function readPdf(bytes: Uint8Array): Promise<TPdfRead> {
  const doc = await openPdf(bytes);
  try {
    const pageTexts: string[] = [];
    const pageItems: TPdfRead["pageItems"] = [];
    const ordered: string[] = [];
    const links = new Set<string>();
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const items = (await page.getTextContent()).items.filter(isText).filter((t) => t.str !== "").map(toItem);
      pageTexts.push(layoutLines(items).join("\n"));
      const height = page.getViewport({ scale: 1 }).height;
      pageItems.push(items.map((it) => ({ str: it.str, x: it.x, top: height - it.y })));
      ordered.push(readingOrder(items));
      for (const a of await page.getAnnotations()) if (a.subtype === "Link" && (a.unsafeUrl || a.url)) links.add(a.unsafeUrl ?? a.url);
    }
    const layoutText = pageTexts.join("\n\f");
    const { info } = (await doc.getMetadata()) as { info: { Title?: string; Language?: string } };
    return {
      pages: doc.numPages,
      pageTexts,
      layoutText,
      pageItems,
      text: ordered.join("\n"),
      flat: layoutText.replace(/\s+/g, " "),
      links: [...links],
      title: info.Title,
      lang: info.Language,
      isTagged: (await doc.getMarkInfo())?.Marked === true,
      displaysTitle: ((await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null)?.DisplayDocTitle === true,
    };
  } finally {
    await doc.destroy();
  }
}

/** A structure element as read back: its role, alternative text, its own text and its children. */
export type TStructElement = { role: string; alt?: string; text: string; page: number; children: TStructElement[] };

type TRawNode = { role?: string; alt?: string; type?: string; id?: string; children?: TRawNode[] };

/**
 * Each page's structure tree with the text of every element (from the marked content it points
 * to), in tree order, plus the marked-content ids in the order they are drawn on the page.
 */
export async function readStructure(bytes: Uint8Array): Promise<{ pages: { tree: TStructElement; drawnIds: string[]; treeIds: string[] }[] }> {
  const doc = await openPdf(bytes);
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const textById = new Map<string, string>();
      const drawnIds: string[] = [];
      let current: string | null = null;
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if (isText(item)) {
          // pdf.js drops a space that ends a line and marks the line's end instead.
          const eol = item.hasEOL && item.str && !/\s$/.test(item.str) ? " " : "";
          if (current) textById.set(current, `${textById.get(current) ?? ""}${item.str}${eol}`);
        } else if (item.type === "beginMarkedContentProps" && item.id) {
          current = item.id;
          drawnIds.push(item.id);
        } else if (item.type === "endMarkedContent") {
          current = null;
        }
      }
      const treeIds: string[] = [];
      const resolve = (raw: TRawNode): TStructElement => {
        const children: TStructElement[] = [];
        let text = "";
        for (const c of raw.children ?? []) {
          if (c.type === "content" && c.id) {
            treeIds.push(c.id);
            text += textById.get(c.id) ?? "";
          } else if (c.role) {
            const child = resolve(c);
            children.push(child);
            text += child.text;
          }
        }
        return { role: raw.role ?? "Root", alt: raw.alt, text, page: n, children };
      };
      const tree = resolve(((await page.getStructTree()) as TRawNode | null) ?? {});
      pages.push({ tree, drawnIds, treeIds });
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

/** Every element of the trees, depth first. */
export function structElements(trees: readonly TStructElement[]): TStructElement[] {
  return trees.flatMap((t) => [t, ...structElements(t.children)]);
}
