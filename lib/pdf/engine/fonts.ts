import { readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { withoutShapingTables } from "./font-tables";
import type { TFontFace } from "./text-measure";

/** A memo font: the parsed font the PDF writer embeds, and its face for measuring text. */
export type TMemoFont = { font: fontkit.Font; face: TFontFace };
export type TMemoFonts = { regular: TMemoFont; bold: TMemoFont };

/** Letters that combine with the one before (accents typed separately): such text is measured whole. */
const COMBINING = /\p{M}/u;

/**
 * Widths as fontkit lays text out (the engine pdfkit draws with): each character's advance plus
 * the kerning of each pair. Without the OpenType shaping tables (see withoutShapingTables) that
 * is all fontkit does to a run of precomposed characters, so a word measures exactly as it is
 * drawn. Advances and pair adjustments are read once per process from the font itself: a bounded
 * cache of font data, not of the memo's text.
 */
function faceOf(font: fontkit.Font): TFontFace {
  const advances = new Map<number, number>();
  const kerning = new Map<string, number>();
  const advance = (cp: number) => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = font.glyphForCodePoint(cp).advanceWidth;
      advances.set(cp, a);
    }
    return a;
  };
  const kern = (a: number, b: number) => {
    const key = `${a},${b}`;
    let k = kerning.get(key);
    if (k === undefined) {
      k = font.layout(String.fromCodePoint(a, b)).advanceWidth - advance(a) - advance(b);
      kerning.set(key, k);
    }
    return k;
  };
  const width = (text: string, size: number) => {
    if (COMBINING.test(text)) return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
    let units = 0;
    let previous = -1;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 32;
      units += advance(cp) + (previous >= 0 ? kern(previous, cp) : 0);
      previous = cp;
    }
    return (units * size) / font.unitsPerEm;
  };
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm, width };
}

function load(file: string): TMemoFont {
  const font = fontkit.create(Buffer.from(withoutShapingTables(readFileSync(file))));
  if (!("layout" in font)) throw new Error(`${file} is a font collection, not a font.`);
  return { font, face: faceOf(font) };
}

let fonts: TMemoFonts | null = null;

/**
 * The project's own TTF fonts, parsed once per process and shared by every memo. The built-in PDF
 * fonts cover Latin-1 only, so "Ł", "≥" or "€" would print garbled; DejaVu Sans covers them. Paths
 * resolve from the working directory at render time because bundlers move this module but not public/.
 *
 * The memo embeds a copy without the OpenType shaping tables: shaping every word with DejaVu's
 * large GSUB/GPOS tables costs render time for ligatures and mark positioning that Latin memo
 * text does not use. Glyphs, widths and kerning (the 'kern' table) are the same.
 */
export function memoFonts(): TMemoFonts {
  if (!fonts) {
    const dir = path.join(process.cwd(), "public", "fonts");
    fonts = { regular: load(path.join(dir, "DejaVuSans.ttf")), bold: load(path.join(dir, "DejaVuSans-Bold.ttf")) };
  }
  return fonts;
}
