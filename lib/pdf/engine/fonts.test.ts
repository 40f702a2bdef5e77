import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { withoutShapingTables } from "./font-tables";
import { memoFonts } from "./fonts";

const SAMPLES = [
  "AV To Wa Ty “quoted” Yo.",
  "Łódź ≥ €5 analysis — Zażółć gęślą jaźń",
  "$34,148 /month · 10,680,000,000 tokens/month",
  "https://github.com/meta-llama/llama-models/blob/main/LICENSE",
  "Weighted gap G = Σ wᵢ·gᵢ / Σ wᵢ × 100",
  "Cafe\u0301 with a combining accent",
  "emoji 🙂 not in the font",
];

describe("memo font faces", () => {
  it.each(["regular", "bold"] as const)("measure %s text exactly as pdfkit lays it out from the font file, kerning included", (weight) => {
    const file = path.join(process.cwd(), "public", "fonts", weight === "bold" ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont("f", Buffer.from(withoutShapingTables(readFileSync(file))));
    const face = memoFonts()[weight].face;
    for (const text of SAMPLES) {
      // pdfkit lays a string out word by word (each with its trailing space): compare whole strings.
      expect(face.width(text, 9.5), text).toBeCloseTo(doc.font("f", 9.5).widthOfString(text), 9);
    }
  });

  it("kerns: a kerned pair is narrower than its letters apart", () => {
    const { face } = memoFonts().regular;
    expect(face.width("AV", 10)).toBeLessThan(face.width("A", 10) + face.width("V", 10));
    expect(face.ascent).toBeGreaterThan(0.5);
    expect(face.descent).toBeGreaterThan(0);
  });
});
