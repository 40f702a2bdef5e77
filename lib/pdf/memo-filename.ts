// File names for downloaded memos: what it is, which version, which day; ASCII for old clients
// plus RFC 5987 filename* so a title like "Łódź" survives in browsers that read it.

/** "Łódź ≥ €5 analysis" → "lodz-5-analysis": ASCII letters and digits, dash-separated, ≤ 60 chars. */
export function titleSlug(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return ascii || "assessment";
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function assessmentMemoFilename(title: string, version: number, generatedAt: Date): { ascii: string; unicode: string } {
  const day = isoDay(generatedAt);
  const unicodeTitle = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").trim() || "assessment";
  return { ascii: `freehold-${titleSlug(title)}-v${version}-${day}.pdf`, unicode: `Freehold - ${unicodeTitle} - v${version} - ${day}.pdf` };
}

export function comparisonMemoFilename(titles: readonly string[], generatedAt: Date): { ascii: string; unicode: string } {
  const day = isoDay(generatedAt);
  const slug = titles.map(titleSlug).join("-vs-").slice(0, 100);
  return { ascii: `freehold-comparison-${slug}-${day}.pdf`, unicode: `Freehold - comparison - ${titles.join(" vs ")} - ${day}.pdf` };
}

export function contentDisposition(name: { ascii: string; unicode: string }): string {
  // encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(name.unicode).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}
