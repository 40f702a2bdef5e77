import { describe, expect, it } from "vitest";
import { cleanDraft, getIn, setIn } from "./draft";

describe("setIn / getIn", () => {
  it("sets nested paths without mutating, creating arrays for numeric segments", () => {
    const before = { a: { b: 1 } };
    const after = setIn(before, "a.c.0.d", 2);
    expect(before).toEqual({ a: { b: 1 } });
    expect(after).toEqual({ a: { b: 1, c: [{ d: 2 }] } });
    expect(getIn(after, "a.c.0.d")).toBe(2);
    expect(getIn(after, "a.x.y")).toBeUndefined();
  });
});

describe("cleanDraft", () => {
  it.each([
    [{ a: "", b: undefined, c: { d: " " } }, undefined],
    [{ a: 0, b: false }, { a: 0, b: false }],
    [{ rows: [{ x: "" }, { x: 1 }] }, { rows: [{}, { x: 1 }] }],
    [{ s: "12abc" }, { s: "12abc" }],
  ])("%j → %j", (input, expected) => {
    expect(cleanDraft(input)).toEqual(expected);
  });
});
