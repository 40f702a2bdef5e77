import { describe, expect, it } from "vitest";
import { TextMeasurer, type TFontFace } from "./text-measure";

// Every character half an em: 5 pt wide at 10 pt, bold 10% wider.
const face = (em: number): TFontFace => ({ ascent: 0.8, descent: 0.2, width: (text, size) => Array.from(text).length * em * size });
const m = new TextMeasurer(face(0.5), face(0.55));

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

  it("breaks a word too long for a line after its slashes", () => {
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

  it("measures a word cut across lines piece by piece as drawn, kerning inside each piece included", () => {
    // "ab" kerned 1 pt tighter at 10 pt: a piece's width is not the sum of its characters'.
    const kerned: TFontFace = { ascent: 0.8, descent: 0.2, width: (text, size) => ((text.length * 5 - (text.match(/ab/g)?.length ?? 0)) * size) / 10 };
    const km = new TextMeasurer(kerned, kerned);
    const lines = km.breakLines("ab".repeat(20), 60, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) for (const seg of line.segments) expect(seg.width).toBe(kerned.width(seg.text, 10));
    expect(lines[0].width).toBeLessThanOrEqual(60);
  });

  it("starts a word too long for any line on the current line when a fair part of it is left", () => {
    // "Source: " is 40 pt of a 200-pt line: the URL's first piece goes beside it, cut after a "/".
    const url = `https://example.com/${"a".repeat(30)}/${"b".repeat(30)}`;
    const lines = m.breakLines(`Source: ${url}`, 200, 10);
    expect(lines[0].segments.map((s) => s.text).join("")).toBe("Source: https://example.com/");
    expect(lines.map((l) => l.segments.map((s) => s.text).join("")).join("")).toBe(`Source: ${url}`);
    expect(lines.map((l) => l.isCut ?? false)).toEqual([...lines.slice(1).map(() => true), false]);
    // With less than a quarter of the line left, it starts on a new line.
    expect(m.breakLines(`${"x".repeat(33)} ${url}`, 200, 10)[0].segments.map((s) => s.text).join("")).toBe("x".repeat(33));
  });
});
