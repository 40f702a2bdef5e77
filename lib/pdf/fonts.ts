import { readFileSync } from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { withoutShapingTables } from "./font-tables";

export const PDF_FONT_FAMILY = "DejaVu Sans";

let isRegistered = false;

/** The font file as a base64 data URL of the memo's lighter copy (see withoutShapingTables). */
function memoFontSource(file: string): string {
  return `data:font/ttf;base64,${Buffer.from(withoutShapingTables(readFileSync(file))).toString("base64")}`;
}

/**
 * Registers the project's own TTF fonts once per process. The built-in PDF fonts cover Latin-1
 * only, so "Ł", "≥" or "€" would print garbled; DejaVu Sans covers them. Paths resolve from the
 * working directory at render time because bundlers move this module but not public/.
 *
 * React-PDF gets a copy without the OpenType shaping tables: shaping every text run with DejaVu's
 * large GSUB/GPOS tables was a fifth of a memo's render time, for ligatures and mark positioning
 * that Latin memo text does not use. Glyphs, widths and kerning are the same.
 */
export function registerPdfFonts(): void {
  if (isRegistered) return;
  const dir = path.join(process.cwd(), "public", "fonts");
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: memoFontSource(path.join(dir, "DejaVuSans.ttf")), fontWeight: "normal" },
      { src: memoFontSource(path.join(dir, "DejaVuSans-Bold.ttf")), fontWeight: "bold" },
    ],
  });
  // React-PDF hyphenates with its English dictionary and puts stray hyphens into names and
  // identifiers: whole words only. A word too long for any line (a URL inside a sentence) may
  // break after a "/" rather than run off the page.
  Font.registerHyphenationCallback((word) => (word.length > 60 ? word.split(/(?<=\/)/) : [word]));
  isRegistered = true;
}
