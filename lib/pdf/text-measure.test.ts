import { describe, expect, it } from "vitest";
import { TextMeasurer, type TFontMetrics } from "./text-measure";

// Every character 500 units of a 1000-unit em: 5 pt wide at 10 pt, bold 10% wider.
const mono: TFontMetrics = { unitsPerEm: 1000, ascent: 800, descent: -200, advance: () => 500 };
const wideBold: TFontMetrics = { unitsPerEm: 1000, ascent: 800, descent: -200, advance: () => 550 };
const m = new TextMeasurer(mono, wideBold);

describe("TextMeasurer", () => {
  it("measures widths from the advances", () => {
    expect(m.width("abcd", 10)).toBe(20);
    expect(m.width("abcd", 10, true)).toBe(22);
    expect(m.width("€≥Ł", 10)).toBe(15);
  });

  it("breaks greedily at spaces, not counting the spaces that end a line", () => {
    // "aaaa bbbb cccc" at 5 pt a character: 20 + 5 + 20 = 45 fits in 45, the third word does not.
    expect(m.lineCount("aaaa bbbb cccc", 45, 10)).toBe(2);
    expect(m.lineCount("aaaa bbbb cccc", 70, 10)).toBe(1);
    expect(m.lineCount("aaaa bbbb cccc", 44, 10)).toBe(3);
  });

  it("starts a new line at each newline, an empty paragraph included", () => {
    expect(m.lineCount("a\nb\n\nc", 100, 10)).toBe(4);
  });

  it("counts a word wider than the box as the lines it fills", () => {
    expect(m.lineCount("x".repeat(50), 100, 10)).toBe(3);
  });

  it("breaks a very long word after its slashes, as the hyphenation callback allows", () => {
    const url = `https://example.com/${"a".repeat(30)}/${"b".repeat(30)}/end`;
    expect(m.lineCount(url, 200, 10)).toBe(3);
  });

  it("measures spans of different sizes and weights as one run of text", () => {
    const spans = [
      { text: "Bold: ", size: 10, isBold: true },
      { text: "then plain words", size: 10 },
    ];
    expect(m.lineCount(spans, 1000)).toBe(1);
    // 27.5 + 5.5 + 20 + 5 + 25 = 83 points for "Bold: then plain", so "words" goes to line 2 of a 90-point box.
    expect(m.lineCount(spans, 90)).toBe(2);
  });

  it("returns each line's segments, one per span, placed where they are drawn", () => {
    const lines = m.breakLines(
      [
        { text: "Bold: ", size: 10, isBold: true },
        { text: "then plain words", size: 10 },
      ],
      90,
    );
    expect(lines.map((l) => l.segments.map((s) => s.text))).toEqual([["Bold: ", "then plain"], ["words"]]);
    expect(lines[0].segments.map((s) => s.x)).toEqual([0, 33]);
    expect(lines[0].width).toBe(83);
    expect(lines[1].segments[0].x).toBe(0);
  });

  it("drops the spaces that end a line and keeps a word that runs across spans whole", () => {
    const lines = m.breakLines(
      [
        { text: "see (", size: 10 },
        { text: "note", size: 10, isBold: true },
        { text: ") now", size: 10 },
      ],
      45,
    );
    expect(lines.map((l) => l.segments.map((s) => s.text).join(""))).toEqual(["see", "(note)", "now"]);
  });
});
