// ASCII slugs for URLs and file names. One implementation: organisation slugs, memo and export
// file names all read "Łódź Analytics" as "lodz-analytics".

/** Lower-case ASCII letters and digits joined by single dashes, at most `maxLength` characters. */
export function slugify(text: string, options: { maxLength?: number; fallback?: string } = {}): string {
  const { maxLength = 40, fallback = "org" } = options;
  const slug = text
    .normalize("NFKD")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
  return slug || fallback;
}
