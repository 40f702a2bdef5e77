import { readFileSync } from "node:fs";
import path from "node:path";
import { verticalMetrics, withoutShapingTables } from "./font-tables";

/** A memo font as the PDF writer embeds it, with its vertical metrics. */
export type TMemoFont = { bytes: Buffer; ascent: number; descent: number };
export type TMemoFonts = { regular: TMemoFont; bold: TMemoFont };

let fonts: TMemoFonts | null = null;

function load(file: string): TMemoFont {
  const bytes = Buffer.from(withoutShapingTables(readFileSync(file)));
  return { bytes, ...verticalMetrics(bytes) };
}

/**
 * The project's own TTF fonts, read once per process. The built-in PDF fonts cover Latin-1 only,
 * so "Ł", "≥" or "€" would print garbled; DejaVu Sans covers them. Paths resolve from the working
 * directory at render time because bundlers move this module but not public/.
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
