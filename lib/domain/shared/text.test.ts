import { describe, expect, it } from "vitest";
import { isHttpUrl, jsonNestingDepth, MAX_JSON_DEPTH, ZHttpUrl, zText } from "./index";

describe("zText (issue 17: NUL and lone surrogates reached the database)", () => {
  const title = zText({ trim: true, min: 3, max: 20 });
  const note = zText({ max: 50, multiline: true });

  it.each([
    ["a\u0000bcd", /NUL/],
    ["abc\uD800", /broken character/],
    ["\uDC00abc", /broken character/],
    ["abc\u0007d", /control character/],
    ["two\nlines", /control character/],
    ["abc\u202Ed\u2028", /control character/],
  ])("refuses %j with a field message", (value, message) => {
    const r = title.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });

  it("keeps tabs, and line breaks where text is multi-line", () => {
    expect(note.parse("line one\r\nline two\ttabbed")).toBe("line one\r\nline two\ttabbed");
  });

  it("normalises to NFC and trims before checking the length", () => {
    expect(title.parse("  Cafe\u0301 report  ")).toBe("Café report");
    expect(title.safeParse("  ab  ").success).toBe(false);
    expect(title.safeParse("x".repeat(21)).success).toBe(false);
  });

  it("accepts well-formed pairs (emoji) and other scripts", () => {
    expect(title.parse("Łódź 🚀 東京")).toBe("Łódź 🚀 東京");
  });
});

describe("web links only (issue 17: javascript: URLs reached the PDF)", () => {
  it.each(["https://huggingface.co/meta-llama", "http://intranet.example/quote.pdf"])("accepts %s", (url) => {
    expect(isHttpUrl(url)).toBe(true);
    expect(ZHttpUrl.safeParse(url).success).toBe(true);
  });

  it.each(["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "//evil.example/x", "https://", "internal quote 2026", ""])(
    "refuses %j",
    (url) => {
      expect(isHttpUrl(url)).toBe(false);
      expect(ZHttpUrl.safeParse(url).success).toBe(false);
    },
  );
});

describe("JSON nesting depth (issue 17: deep JSON overflowed the stack)", () => {
  it("measures depth without recursion and ignores brackets inside strings", () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[[["}]}')).toBe(3);
    expect(jsonNestingDepth('"\\"[[["')).toBe(0);
  });

  it("stops early on a hostile file", () => {
    const started = performance.now();
    expect(jsonNestingDepth("[".repeat(5_000_000))).toBe(MAX_JSON_DEPTH + 1);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
