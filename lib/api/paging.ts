// The list's cursor. The portfolio DAL pages by page number today (listPortfolio); the cursor
// wraps that number so clients never depend on it, and the DAL's keyset paging can replace what
// the cursor holds without changing the API. A cursor is opaque: "p" and the page, base64url.

const MAX_PAGE = 100_000;

export const encodePageCursor = (page: number): string => Buffer.from(`p${page}`, "utf8").toString("base64url");

/** The page a cursor names, or null when it is not one this API gave out. */
export function decodePageCursor(cursor: string): number | null {
  const m = /^p([1-9]\d{0,5})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  const page = m ? Number(m[1]) : NaN;
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : null;
}
