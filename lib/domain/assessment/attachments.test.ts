import { describe, expect, it } from "vitest";
import { attachmentFileName, formatBytes, MAX_ATTACHMENT_NAME_CHARS, sniffAttachment } from "./attachments";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "utf8")] : p)));
const PDF = bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const DOCX = bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml");
const XLSX = bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....xl/workbook.xml");
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], "....weights.bin");
const EXE = bytes("MZ\u0090\u0000\u0003");

describe("sniffAttachment: the type comes from the bytes, and the name must agree", () => {
  it.each([
    ["review.pdf", PDF, "application/pdf"],
    ["scan.PNG", PNG, "image/png"],
    ["quote.jpeg", JPEG, "image/jpeg"],
    ["quote.jpg", JPEG, "image/jpeg"],
    ["review.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["quote.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["findings.md", bytes("# Red team\n\n- prompt injection: 3 of 40\n"), "text/plain; charset=utf-8"],
    ["results.csv", bytes("task,score\nmmlu,0.71\n"), "text/csv; charset=utf-8"],
    ["results.json", bytes('\uFEFF{"results":{"mmlu":{"acc":0.7}}}'), "application/json; charset=utf-8"],
    ["Łódź notes.txt", bytes("Zażółć gęślą jaźń\r\n"), "text/plain; charset=utf-8"],
  ])("accepts %s", (name, content, type) => {
    expect(sniffAttachment(content, name)).toMatchObject({ ok: true, contentType: type });
  });

  it.each([
    ["a page renamed .pdf", "licence.pdf", bytes("<!doctype html><script>alert(1)</script>"), /web page or SVG/],
    ["an SVG renamed .txt", "chart.txt", bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /web page or SVG/],
    ["a program renamed .pdf", "quote.pdf", EXE, /program/],
    ["a plain ZIP renamed .docx", "review.docx", ZIP, /ZIP archive/],
    ["a PNG named .pdf", "review.pdf", PNG, /content is a PNG image, but its name ends \.pdf/],
    ["a PDF named .png", "scan.png", PDF, /content is a PDF document, but its name ends \.png/],
    ["binary named .txt", "notes.txt", bytes([0x00, 0x01, 0x02, 0x03, 0xfe]), /not one of the accepted formats .*not a text file/],
    ["JSON that does not parse", "results.json", bytes("{not json"), /not valid JSON/],
    ["an HTML name", "page.html", bytes("<p>hi</p>"), /Files ending \.html cannot be attached/],
    ["no extension", "README", bytes("hello"), /without an extension/],
    ["an empty file", "empty.pdf", new Uint8Array(0), /empty/],
  ])("refuses %s with a message that says why", (_label, name, content, message) => {
    const r = sniffAttachment(content, name);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toMatch(message);
  });
});

describe("attachmentFileName", () => {
  it("drops paths and control characters, keeps the extension when shortening", () => {
    expect(attachmentFileName("C:\\Users\\ana\\licence review.pdf")).toBe("licence review.pdf");
    expect(attachmentFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(attachmentFileName('a"b\u0007c.pdf')).toBe("a b c.pdf");
    const long = attachmentFileName(`${"x".repeat(400)}.pdf`);
    expect(long.length).toBe(MAX_ATTACHMENT_NAME_CHARS);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(attachmentFileName("   ")).toBe("evidence");
  });
});

describe("formatBytes", () => {
  it.each([
    [0, "0 bytes"],
    [999, "999 bytes"],
    [1000, "1.0 kB"],
    [84_000, "84 kB"],
    [8_388_608, "8.4 MB"],
  ])("%d → %s", (n, s) => expect(formatBytes(n)).toBe(s));
});
