import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
    ["Łódź ≥ €5", "Łódź ≥ €5"],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\""],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
  ])("text that a spreadsheet would run as a formula is defused: %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers raw (negative numbers are numbers, not formulas) and leaves null, undefined and non-finite empty", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(12036326062.868992)).toBe("12036326062.868992");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe("");
  });
});

describe("toCsv", () => {
  it("joins cells with commas and rows with CRLF, ending in CRLF", () => {
    expect(toCsv(["a", "b"], [["x,y", 1], [null, "z"]])).toBe('a,b\r\n"x,y",1\r\n,z\r\n');
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["Title"], [])).toBe("Title\r\n");
  });
});
