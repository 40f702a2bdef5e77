// Breaks memo text into lines. The memo draws its text from these lines (engine/draw.ts), so a
// block's height is known exactly before anything is drawn: that is what lets the memo be cut into
// pages first and print "Page n of N" as plain text.

/**
 * What line breaking needs from a font: its ascent and descent (fractions of the em, both positive)
 * and the width of a piece of text at a size, kerning included, measured the way the PDF writer
 * draws it (engine/pdf-document.ts), so a line is as wide as it was measured.
 */
export type TFontFace = { ascent: number; descent: number; width: (text: string, size: number) => number };

/** A run of text in one size and weight; a paragraph with bold or coloured words is a list of these. */
export type TSpan = { text: string; size: number; isBold?: boolean };

/** A piece of a line in one span's style: its text, where it starts and how wide it is (points). */
export type TSegment = { text: string; x: number; width: number; span: number };
/** A line; `isCut` when a word too long for it continues on the next line (no space between them). */
export type TLine = { segments: TSegment[]; width: number; isCut?: boolean };

/** A word too long for a line starts on the current one only if this share of the line is left. */
const MIN_ROOM = 0.25;

type TPiece = { text: string; width: number; span: number };
type TToken = { kind: "word"; pieces: TPiece[]; width: number } | { kind: "space"; pieces: TPiece[]; width: number } | { kind: "newline" };

export class TextMeasurer {
  private readonly widthCache = new Map<string, number>();

  constructor(
    readonly regular: TFontFace,
    readonly bold: TFontFace,
  ) {}

  /** Width in points of `text` at `size`, no wrapping, kerning included. */
  width(text: string, size: number, isBold = false): number {
    return (isBold ? this.bold : this.regular).width(text, size);
  }

  /** Ascent and descent (positive, points) of a span's font at its size. */
  extent(span: TSpan): { ascent: number; descent: number } {
    const font = span.isBold ? this.bold : this.regular;
    return { ascent: font.ascent * span.size, descent: font.descent * span.size };
  }

  /** Width of a word, remembered for the life of this measurer (one memo): memo text repeats its words. */
  private wordWidth(word: string, size: number, isBold: boolean): number {
    const key = `${isBold ? "b" : "r"}${size}|${word}`;
    let w = this.widthCache.get(key);
    if (w === undefined) {
      w = this.width(word, size, isBold);
      this.widthCache.set(key, w);
    }
    return w;
  }

  private tokens(spans: readonly TSpan[]): TToken[] {
    const out: TToken[] = [];
    let word: Extract<TToken, { kind: "word" }> | null = null;
    spans.forEach((span, si) => {
      const isBold = span.isBold ?? false;
      for (const part of span.text.split(/(\n| +)/)) {
        if (part === "") continue;
        if (part === "\n") {
          word = null;
          out.push({ kind: "newline" });
        } else if (part.charCodeAt(0) === 32) {
          word = null;
          const width = this.wordWidth(part, span.size, isBold);
          out.push({ kind: "space", pieces: [{ text: part, width, span: si }], width });
        } else {
          const width = this.wordWidth(part, span.size, isBold);
          if (word) {
            // A word that runs across spans ("Blocker:" bold, then ")" plain): one unbreakable unit.
            word.pieces.push({ text: part, width, span: si });
            word.width += width;
          } else {
            word = { kind: "word", pieces: [{ text: part, width, span: si }], width };
            out.push(word);
          }
        }
      }
    });
    return out;
  }

  /**
   * A word wider than a line, cut where it may break: after a "/", else anywhere. The
   * first chunk fills the `room` left on the current line (it is empty if nothing fits there).
   */
  private cutWord(pieces: TPiece[], width: number, spans: readonly TSpan[], room: number): TPiece[][] {
    const chunks: TPiece[][] = [];
    let chunk: TPiece[] = [];
    let used = 0;
    let limit = room;
    const byPiece = pieces.flatMap((p) => {
      // Split each piece into units after each "/" (URLs, "$27,100/month").
      const units = p.text.split(/(?<=\/)/);
      return units.flatMap((u) => {
        const span = spans[p.span];
        const w = this.width(u, span.size, span.isBold ?? false);
        // A unit still too wide (a long path segment) goes character by character.
        return w > width ? Array.from(u).map((c) => ({ text: c, width: this.width(c, span.size, span.isBold ?? false), span: p.span })) : [{ text: u, width: w, span: p.span }];
      });
    });
    for (const unit of byPiece) {
      if (used + unit.width > limit && (used > 0 || limit < width)) {
        chunks.push(chunk);
        chunk = [];
        used = 0;
        limit = width;
      }
      chunk.push(unit);
      used += unit.width;
    }
    if (chunk.length > 0) chunks.push(chunk);
    // Each chunk is drawn as one string per span, kerned as a whole: measure it that way.
    return chunks.map((units) => this.merged(units, spans));
  }

  /** Adjacent pieces of one span joined into one, measured as a whole. */
  private merged(pieces: TPiece[], spans: readonly TSpan[]): TPiece[] {
    const out: TPiece[] = [];
    for (const p of pieces) {
      const last = out[out.length - 1];
      if (last && last.span === p.span) last.text += p.text;
      else out.push({ ...p });
    }
    for (const p of out) p.width = this.width(p.text, spans[p.span].size, spans[p.span].isBold ?? false);
    return out;
  }

  /**
   * Lines of `spans` in a box `width` points wide: greedy, breaking at spaces and at "\n" (each
   * paragraph takes at least one line; spaces that end a line are dropped). Consecutive text of
   * one span on a line is one segment.
   */
  breakLines(spans: readonly TSpan[] | string, width: number, size = 9.5, isBold = false): TLine[] {
    const list: readonly TSpan[] = typeof spans === "string" ? [{ text: spans, size, isBold }] : spans;
    const lines: TLine[] = [];
    let line: TLine = { segments: [], width: 0 };
    let spaces: TPiece[] = [];
    const newLine = () => {
      lines.push(line);
      line = { segments: [], width: 0 };
      spaces = [];
    };
    const append = (p: TPiece) => {
      const last = line.segments[line.segments.length - 1];
      if (last && last.span === p.span) {
        last.text += p.text;
        last.width += p.width;
      } else {
        line.segments.push({ text: p.text, x: line.width, width: p.width, span: p.span });
      }
      line.width += p.width;
    };
    const place = (pieces: TPiece[], w: number) => {
      const spaceWidth = spaces.reduce((sum, p) => sum + p.width, 0);
      if (line.segments.length > 0 && line.width + spaceWidth + w > width) newLine();
      if (line.segments.length > 0) spaces.forEach(append);
      spaces = [];
      pieces.forEach(append);
    };
    for (const token of this.tokens(list)) {
      if (token.kind === "newline") {
        newLine();
      } else if (token.kind === "space") {
        if (line.segments.length > 0) spaces.push(...token.pieces);
      } else if (token.width <= width) {
        place(token.pieces, token.width);
      } else {
        // A long word (a URL) starts on the current line if a fair part of the line is left.
        const room = line.segments.length === 0 ? width : width - line.width - spaces.reduce((sum, p) => sum + p.width, 0);
        this.cutWord(token.pieces, width, list, room >= width * MIN_ROOM ? room : 0).forEach((chunk, i) => {
          if (i > 0) {
            line.isCut = true;
            newLine();
          }
          if (chunk.length > 0) place(chunk, chunk.reduce((sum, p) => sum + p.width, 0));
        });
      }
    }
    lines.push(line);
    return lines;
  }

  /** Lines `spans` take in a box `width` wide. */
  lineCount(spans: readonly TSpan[] | string, width: number, size = 9.5, isBold = false): number {
    return this.breakLines(spans, width, size, isBold).length;
  }
}
