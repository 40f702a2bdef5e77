// Keyset paging for the API's portfolio list: a page is asked for as "the rows after this one" (the
// last row's sort value and id), not as an offset, so a page costs the same at any depth and a row
// added or deleted meanwhile neither repeats nor skips another. The key travels as an opaque cursor.
import { z } from "zod";
import { PORTFOLIO_SORTS, type TPortfolioSort } from "./query";

export type TKeyset = {
  sort: TPortfolioSort;
  dir: "asc" | "desc";
  /** The last row's sort value: a number, text, an enum's value, or an ISO time; null when it had none. */
  value: string | number | null;
  id: string;
};

const ZKeyset = z.object({
  sort: z.enum(PORTFOLIO_SORTS),
  dir: z.enum(["asc", "desc"]),
  value: z.union([z.string().max(400), z.number().finite(), z.null()]),
  id: z.string().min(1).max(64),
});

const PREFIX = "k1:";

export const encodeKeyset = (k: TKeyset): string => Buffer.from(PREFIX + JSON.stringify(k), "utf8").toString("base64url");

/** The key a cursor holds, or null when it is not one this API gave out. */
export function decodeKeyset(cursor: string): TKeyset | null {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) return null;
  try {
    const parsed = ZKeyset.safeParse(JSON.parse(text.slice(PREFIX.length)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
