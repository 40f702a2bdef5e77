// CSV as spreadsheets read it (RFC 4180: quotes doubled, fields with separators quoted, CRLF).
// Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe:
// an assessment title is user text and must not become a formula on a manager's machine.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type TCsvRow = readonly (string | number | null | undefined)[];

/** Rows as CSV lines, each ending in CRLF ("" for none): a file can be sent a batch at a time. */
export function toCsvLines(rows: readonly TCsvRow[]): string {
  let out = "";
  for (const r of rows) out += r.map(csvCell).join(",") + "\r\n";
  return out;
}

export function toCsv(header: readonly string[], rows: readonly TCsvRow[]): string {
  return toCsvLines([header, ...rows]);
}
