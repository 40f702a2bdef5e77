// File names for downloaded memos: what it is, which version, which day (slug and header rules
// live in the domain, shared with the CSV and JSON exports).
import { contentDisposition, fileTitle, slugify, type TDownloadName } from "@/lib/domain/shared";

export { contentDisposition };

/** "Łódź ≥ €5 analysis" → "lodz-5-analysis": ASCII letters and digits, dash-separated, ≤ 60 chars. */
export const titleSlug = (title: string): string => slugify(title, { maxLength: 60, fallback: "assessment" });

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function assessmentMemoFilename(title: string, version: number, generatedAt: Date): TDownloadName {
  const day = isoDay(generatedAt);
  return { ascii: `freehold-${titleSlug(title)}-v${version}-${day}.pdf`, unicode: `Freehold - ${fileTitle(title)} - v${version} - ${day}.pdf` };
}

export function comparisonMemoFilename(titles: readonly string[], generatedAt: Date): TDownloadName {
  const day = isoDay(generatedAt);
  const slug = titles.map(titleSlug).join("-vs-").slice(0, 100);
  return { ascii: `freehold-comparison-${slug}-${day}.pdf`, unicode: `Freehold - comparison - ${titles.join(" vs ")} - ${day}.pdf` };
}
