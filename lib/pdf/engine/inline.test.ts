import { describe, expect, it } from "vitest";
import { drawSpans, webLink } from "./inline";
import { TEXT } from "./theme";

describe("webLink", () => {
  it.each(["https://example.com/terms", "http://example.com", "HTTPS://EXAMPLE.COM/x"])("keeps %s", (url) => expect(webLink(url)).toBe(url));

  it.each(["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd", "mailto:a@b.c", "/relative/path", "example.com", ""])("drops %j", (url) =>
    expect(webLink(url)).toBeUndefined(),
  );
});

describe("drawSpans", () => {
  const p = { type: "P", parent: null };

  it("makes a linked run a Link element inside its paragraph, and a non-web link plain text of the paragraph", () => {
    const [plain, linked, unsafe] = drawSpans(
      [{ text: "See " }, { text: "terms", link: "https://example.com" }, { text: "x", link: "javascript:alert(1)" }],
      TEXT.body,
      p,
    );
    expect(plain.tag).toBe(p);
    expect(linked).toMatchObject({ link: "https://example.com", tag: { type: "Link", parent: p } });
    expect(unsafe.link).toBeUndefined();
    expect(unsafe.tag).toBe(p);
  });
});
