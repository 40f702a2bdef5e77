// The portfolio list's query, read from the URL: search, filters, sort and page. One parser for the
// page and the CSV export, so the export holds exactly the rows the list shows (without paging).
import { z } from "zod";
import { ASSESSMENT_STATUSES, CURRENT_STORED_VERDICTS } from "../assessment";

export const PORTFOLIO_STATUSES = ASSESSMENT_STATUSES;
/** The verdicts the list filters by (the current scheme; rows are recomputed when it changes). */
export const PORTFOLIO_VERDICTS = CURRENT_STORED_VERDICTS;
export const PORTFOLIO_SORTS = ["updated", "title", "status", "verdict", "owned", "api", "crossover", "gap", "blockers", "created"] as const;
export type TPortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const SORT_LABELS: Record<TPortfolioSort, string> = {
  updated: "Last update",
  created: "Created",
  title: "Title",
  status: "Status",
  verdict: "Recommendation",
  owned: "Owned cost per month",
  api: "API cost per month",
  crossover: "Crossover volume",
  gap: "Capability gap",
  blockers: "Licence blockers",
};

/** Sorting by text reads A→Z first; by time or money, newest or largest first. */
export const DEFAULT_SORT_DIR: Record<TPortfolioSort, "asc" | "desc"> = {
  updated: "desc",
  created: "desc",
  title: "asc",
  status: "asc",
  verdict: "asc",
  owned: "asc",
  api: "desc",
  crossover: "asc",
  gap: "desc",
  blockers: "desc",
};

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (one(v) === "" ? undefined : one(v)), z.enum(values).optional().catch(undefined));

export const ZPortfolioQuery = z.object({
  q: z.preprocess(one, z.string().trim().max(200).optional().catch(undefined)),
  status: optionalEnum(PORTFOLIO_STATUSES),
  verdict: optionalEnum(PORTFOLIO_VERDICTS),
  model: z.preprocess((v) => one(v) || undefined, z.string().max(120).optional().catch(undefined)),
  owner: z.preprocess((v) => one(v) || undefined, z.string().max(64).optional().catch(undefined)),
  sort: optionalEnum(PORTFOLIO_SORTS),
  dir: optionalEnum(["asc", "desc"] as const),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
  size: z.preprocess(one, z.coerce.number().pipe(z.union(PORTFOLIO_PAGE_SIZES.map((n) => z.literal(n)))).catch(DEFAULT_PAGE_SIZE)).default(DEFAULT_PAGE_SIZE),
});
export type TPortfolioQuery = z.output<typeof ZPortfolioQuery>;

/** Never throws: anything unreadable in the URL falls back to its default, so a bad link still opens. */
export function parsePortfolioQuery(params: Record<string, string | string[] | undefined>): TPortfolioQuery {
  return ZPortfolioQuery.parse(params);
}

export function sortOf(q: TPortfolioQuery): { sort: TPortfolioSort; dir: "asc" | "desc" } {
  const sort = q.sort ?? "updated";
  return { sort, dir: q.dir ?? DEFAULT_SORT_DIR[sort] };
}

/** The query as URL parameters, defaults left out, with `patch` applied (undefined removes a key). */
export function portfolioSearch(q: TPortfolioQuery, patch: Partial<Record<keyof TPortfolioQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { q: q.q, status: q.status, verdict: q.verdict, model: q.model, owner: q.owner, sort: q.sort, dir: q.dir, page: q.page, size: q.size, ...patch };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "") continue;
    if (k === "page" && Number(v) === 1) continue;
    if (k === "size" && Number(v) === DEFAULT_PAGE_SIZE) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The same query read from a URLSearchParams (route handlers), repeated keys kept like the page's searchParams. */
export function parsePortfolioSearchParams(params: URLSearchParams): TPortfolioQuery {
  const record: Record<string, string[]> = {};
  for (const [k, v] of params) (record[k] ??= []).push(v);
  return parsePortfolioQuery(record);
}

/** True when search or any filter narrows the list (sort, page and size do not). */
export function hasFilters(q: TPortfolioQuery): boolean {
  return Boolean(q.q || q.status || q.verdict || q.model || q.owner);
}

export const STATUS_LABELS: Record<(typeof PORTFOLIO_STATUSES)[number], string> = { draft: "Draft", in_review: "In review", approved: "Approved", rejected: "Rejected" };
/** Every stored verdict, older values included: "go" and "no_go" may remain on snapshots. */
export type TPortfolioVerdict = (typeof PORTFOLIO_VERDICTS)[number] | "go" | "no_go";
export const VERDICT_LABELS: Record<TPortfolioVerdict, string> = {
  go_self_host: "Go: self-host",
  go_hosted: "Go: hosted open weights",
  hybrid: "Hybrid",
  stay_api: "Stay on the API",
  blocked: "Blocked",
  insufficient: "Not enough information",
  go: "Go (earlier verdict scheme)",
  no_go: "No-go (earlier verdict scheme)",
};

/**
 * The page links to show: always the first and last page and two either side of the current one,
 * with "gap" where pages are skipped, so 400 pages stay a short row of links.
 */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const pages = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  pages.forEach((p, i) => {
    const prev = pages[i - 1];
    // An ellipsis standing for a single page is no shorter than the page's own link.
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push("gap");
    out.push(p);
  });
  return out;
}
