import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumberText, parseNumberText, percentReadingOf } from "./number-text";

describe("number fields typed as text", () => {
  it("reads grouped digits, blanks and non-numbers", () => {
    expect(parseNumberText("10,200,000,000")).toBe(10_200_000_000);
    expect(parseNumberText(" 1 500 ")).toBe(1500);
    expect(parseNumberText("")).toBeUndefined();
    expect(parseNumberText("ten")).toBe("ten");
  });

  it("reads a percentage typed into a 0–1 share as the share, and into a field in % as the number", () => {
    expect(parseNumberText("90%", percentReadingOf("fraction 0..1"))).toBeCloseTo(0.9, 12);
    expect(parseNumberText("95 %", percentReadingOf("quantile, 0.5 to 0.99"))).toBeCloseTo(0.95, 12);
    expect(parseNumberText("30%", percentReadingOf("% per year"))).toBe(30);
    // A field with no percent reading leaves "%" to the server, which refuses it at the field.
    expect(parseNumberText("90%", percentReadingOf("tokens per month"))).toBe("90%");
  });

  it("shows a stored number grouped", () => {
    expect(formatNumberText(10_200_000_000)).toBe("10,200,000,000");
    expect(formatNumberText(0.3)).toBe("0.3");
    expect(formatNumberText(undefined)).toBe("");
  });

  it("what it shows parses back to exactly the stored number", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => parseNumberText(formatNumberText(v)) === v));
  });
});
