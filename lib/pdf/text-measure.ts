// Breaks memo text into lines from the font's advance widths. The memo draws its text from these
// lines (memo-draw.tsx), so a block's height is known exactly before React-PDF lays anything out:
// that is what lets the memo be cut into pages first and each page be laid out once.

/** What line breaking needs from a font: its em size, vertical metrics and each character's advance. */
export type TFontMetrics = { unitsPerEm: number; ascent: number; descent: number; advance: (codePoint: number) => number };

/** A run of text in one size and weight; a paragraph with bold or coloured words is a list of these. */
export type TSpan = { text: string; size: number; isBold?: boolean };

/** A piece of a line in one span's style: its text, where it starts and how wide it is (points). */
export type TSegment = { text: string; x: number; width: number; span: number };
export type TLine = { segments: TSegment[]; width: number };

/** A word longer than this may break after a "/" (URLs inside sentences). */
const LONG_WORD = 60;

type TPiece = { text: string; width: number; span: number };
type TToken = { kind: "word"; pieces: TPiece[]; width: number } | { kind: "space"; pieces: TPiece[]; width: number } | { kind: "newline" };

export class TextMeasurer {
  private readonly widthCache = new Map<string, number>();

  constructor(
    readonly regular: TFontMetrics,
    readonly bold: TFontMetrics,
  ) {}

  /** Width in points of `text` at `size`, no wrapping (kerning is not applied when the memo draws). */
  width(text: string, size: number, isBold = false): number {
    const font = isBold ? this.bold : this.regular;
    let units = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.codePointAt(i) ?? 32;
      if (code > 0xffff) i += 1;
      units += font.advance(code);
    }
    return (units * size) / font.unitsPerEm;
  }

  /** Ascent and descent (positive, points) of a span's font at its size. */
  extent(span: TSpan): { ascent: number; descent: number } {
    const font = span.isBold ? this.bold : this.regular;
    return { ascent: (font.ascent * span.size) / font.unitsPerEm, descent: (-font.descent * span.size) / font.unitsPerEm };
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

  /** A word wider than a line, cut where it may break: after "/" if it is long, else anywhere. */
  private cutWord(pieces: TPiece[], width: number, spans: readonly TSpan[]): TPiece[][] {
    const chunks: TPiece[][] = [];
    let chunk: TPiece[] = [];
    let used = 0;
    const text = pieces.map((p) => p.text).join("");
    const byPiece = pieces.flatMap((p) => {
      // Split each piece into units: after "/" for long words, else per character.
      const units = text.length > LONG_WORD ? p.text.split(/(?<=\/)/) : Array.from(p.text);
      return units.flatMap((u) => {
        const span = spans[p.span];
        const w = this.width(u, span.size, span.isBold ?? false);
        // A unit still too wide (a long path segment) goes character by character.
        return w > width ? Array.from(u).map((c) => ({ text: c, width: this.width(c, span.size, span.isBold ?? false), span: p.span })) : [{ text: u, width: w, span: p.span }];
      });
    });
    for (const unit of byPiece) {
      if (used > 0 && used + unit.width > width) {
        chunks.push(chunk);
        chunk = [];
        used = 0;
      }
      chunk.push(unit);
      used += unit.width;
    }
    if (chunk.length > 0) chunks.push(chunk);
    return chunks;
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
        this.cutWord(token.pieces, width, list).forEach((chunk, i) => {
          if (i > 0) newLine();
          place(
            chunk,
            chunk.reduce((sum, p) => sum + p.width, 0),
          );
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

type TFontkitLike = { unitsPerEm: number; ascent: number; descent: number; glyphForCodePoint: (codePoint: number) => { advanceWidth: number } };

function isFontkitLike(font: unknown): font is TFontkitLike {
  const f = font as TFontkitLike;
  return typeof font === "object" && font !== null && typeof f.unitsPerEm === "number" && typeof f.ascent === "number" && typeof f.glyphForCodePoint === "function";
}

/** Metrics read from a fontkit font (what React-PDF's font store holds once a font is loaded). */
export function fontkitMetrics(font: unknown): TFontMetrics {
  if (!isFontkitLike(font)) throw new Error("Not a fontkit font: cannot read advance widths.");
  const advances = new Map<number, number>();
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    advance: (code) => {
      let a = advances.get(code);
      if (a === undefined) {
        a = font.glyphForCodePoint(code).advanceWidth;
        advances.set(code, a);
      }
      return a;
    },
  };
}
