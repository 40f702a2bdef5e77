import "server-only";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/dal/errors";
import type { TPortfolioPage, TPortfolioRow, TSpendRow } from "@/lib/domain/portfolio";
import { sortOf, type TPortfolioQuery, type TPortfolioSort } from "@/lib/domain/portfolio";
import type { TKeyset } from "@/lib/domain/portfolio";
import { AssessmentStatus, AssessmentVerdict, type Prisma } from "@/lib/generated/prisma/client";

// The organisation's portfolio: filtered, sorted and paged in the database (indexes on
// organizationId + each sortable column, see the migrations), so a page costs the same at 10 and
// at 10,000 assessments apart from the count. The tenant is resolved from the caller's membership
// and its id is in every query below.

const rowSelect = {
  id: true,
  title: true,
  status: true,
  candidateModelId: true,
  incumbentApiId: true,
  verdict: true,
  monthlyOwnedUsd: true,
  monthlyApiUsd: true,
  crossoverTokensPerMonth: true,
  capabilityGapPp: true,
  licenceBlockers: true,
  updatedAt: true,
  version: true,
  createdBy: { select: { name: true } },
  updatedBy: { select: { name: true } },
} satisfies Prisma.AssessmentSelect;

type TRaw = Prisma.AssessmentGetPayload<{ select: typeof rowSelect }>;

const toRow = ({ createdBy, updatedBy, ...r }: TRaw): TPortfolioRow => ({ ...r, ownerName: createdBy.name, updatedByName: updatedBy.name });

const SORT_COLUMN: Record<TPortfolioSort, keyof Prisma.AssessmentOrderByWithRelationInput> = {
  updated: "updatedAt",
  created: "createdAt",
  title: "title",
  status: "status",
  verdict: "verdict",
  owned: "monthlyOwnedUsd",
  api: "monthlyApiUsd",
  crossover: "crossoverTokensPerMonth",
  gap: "capabilityGapPp",
  blockers: "licenceBlockers",
};
const NULLABLE_SORTS = new Set<TPortfolioSort>(["verdict", "owned", "api", "crossover", "gap", "blockers"]);

export async function orgIdForMember(userId: string, slug: string): Promise<string> {
  const member = await prisma().member.findFirst({ where: { userId, organization: { slug } }, select: { organizationId: true } });
  if (!member) throw new NotFoundError("Organisation not found");
  return member.organizationId;
}

// Prisma passes `contains` text into ILIKE unescaped, so "%" or "_" would match anything; the
// search is for words, so they match only themselves (backslash is PostgreSQL's LIKE escape).
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * The search: title or description contains the text, any case (ILIKE '%text%'). The trigram
 * indexes on both columns (pg_trgm) answer it without reading every row of the organisation.
 */
export function searchWhere(text: string): Prisma.AssessmentWhereInput {
  const search = likeLiteral(text);
  return { OR: [{ title: { contains: search, mode: "insensitive" } }, { description: { contains: search, mode: "insensitive" } }] };
}

function whereFor(organizationId: string, q: TPortfolioQuery): Prisma.AssessmentWhereInput {
  return {
    organizationId,
    ...(q.status ? { status: q.status } : {}),
    ...(q.verdict ? { verdict: q.verdict } : {}),
    ...(q.model ? { candidateModelId: q.model } : {}),
    ...(q.owner ? { createdById: q.owner } : {}),
    ...(q.q ? searchWhere(q.q) : {}),
  };
}

/** The list's order, or (`reversed`) the same order read from its end. */
function orderFor(q: TPortfolioQuery, reversed = false): Prisma.AssessmentOrderByWithRelationInput[] {
  const { sort, dir } = sortOf(q);
  const column = SORT_COLUMN[sort];
  const flip = (d: "asc" | "desc") => (reversed ? (d === "asc" ? "desc" : "asc") : d);
  // Assessments without the figure (stage not filled in) go last whichever way the list is sorted;
  // id breaks ties so paging is stable.
  const first = NULLABLE_SORTS.has(sort) ? { [column]: { sort: flip(dir), nulls: reversed ? "first" : "last" } } : { [column]: flip(dir) };
  return [first as Prisma.AssessmentOrderByWithRelationInput, { id: flip("asc") }];
}

type TFacetCounts = { models: { id: string; count: number }[]; owners: { id: string; count: number }[] };

// The filter facets (assessments per candidate model and per owner) are counted over the whole
// organisation, which at 10,000 assessments costs more than the page itself. They change only when
// an assessment is created, deleted or saved, so they are kept per organisation under a stamp read
// with the page: the count, the latest update and the sum of versions (every save bumps a version,
// a create or delete moves the count). The stamp comes from the database, so writes by any process,
// or straight to the database, are seen; only a change of stamp recounts.
const FACET_CACHE_MAX_ORGS = 200;
const facetCache = new Map<string, { stamp: string; facets: TFacetCounts }>();

async function orgFacets(organizationId: string): Promise<{ totalUnfiltered: number; facets: TFacetCounts }> {
  const db = prisma();
  const agg = await db.assessment.aggregate({ where: { organizationId }, _count: { _all: true }, _max: { updatedAt: true }, _sum: { version: true } });
  const totalUnfiltered = agg._count._all;
  const stamp = `${totalUnfiltered}|${agg._max.updatedAt?.getTime() ?? 0}|${agg._sum.version ?? 0}`;
  const hit = facetCache.get(organizationId);
  if (hit?.stamp === stamp) return { totalUnfiltered, facets: hit.facets };
  const [models, owners] = await Promise.all([
    db.assessment.groupBy({ by: ["candidateModelId"], where: { organizationId }, _count: { _all: true }, orderBy: { candidateModelId: "asc" } }),
    db.assessment.groupBy({ by: ["createdById"], where: { organizationId }, _count: { _all: true } }),
  ]);
  const facets = { models: models.map((m) => ({ id: m.candidateModelId, count: m._count._all })), owners: owners.map((o) => ({ id: o.createdById, count: o._count._all })) };
  facetCache.delete(organizationId);
  facetCache.set(organizationId, { stamp, facets });
  if (facetCache.size > FACET_CACHE_MAX_ORGS) facetCache.delete(facetCache.keys().next().value as string);
  return { totalUnfiltered, facets };
}

export async function listPortfolio(userId: string, slug: string, q: TPortfolioQuery): Promise<TPortfolioPage> {
  const organizationId = await orgIdForMember(userId, slug);
  const db = prisma();
  const where = whereFor(organizationId, q);
  const [total, { totalUnfiltered, facets }] = await Promise.all([db.assessment.count({ where }), orgFacets(organizationId)]);
  const pageCount = Math.max(1, Math.ceil(total / q.size));
  const page = Math.min(q.page, pageCount);
  const start = (page - 1) * q.size;
  const end = Math.min(page * q.size, total);
  // OFFSET walks every row it skips, so a page past the middle is read from the list's far end
  // (the last page then costs what the first does) and put back in order.
  const fromEnd = start > total - end;
  const [rows, ownerUsers] = await Promise.all([
    // Authors' names by a second query for the page's rows only: joined into the same statement
    // (relationJoins' default), the database builds them for every row the OFFSET skips too.
    fromEnd
      ? db.assessment.findMany({ where, select: rowSelect, orderBy: orderFor(q, true), skip: total - end, take: end - start, relationLoadStrategy: "query" }).then((r) => r.reverse())
      : db.assessment.findMany({ where, select: rowSelect, orderBy: orderFor(q), skip: start, take: q.size, relationLoadStrategy: "query" }),
    // Names are read on every page (not cached with the counts): a renamed user shows at once.
    db.user.findMany({ where: { id: { in: facets.owners.map((o) => o.id) } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(ownerUsers.map((u) => [u.id, u.name]));
  return {
    rows: rows.map(toRow),
    total,
    totalUnfiltered,
    page,
    pageCount,
    pageSize: q.size,
    models: facets.models.map((m) => ({ ...m })),
    owners: facets.owners.map((o) => ({ id: o.id, name: names.get(o.id) ?? "Former member", count: o.count })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

// The enum columns sort in their type's declaration order (the same in schema.prisma and in the
// database; an integration test compares them), and Prisma filters enums by membership only, so
// "after this status" is "one of the statuses declared after it".
const ENUM_ORDER: Partial<Record<TPortfolioSort, readonly string[]>> = { status: Object.values(AssessmentStatus), verdict: Object.values(AssessmentVerdict) };

/** The stored value a key's text or number stands for in its column. */
function keyValue(sort: TPortfolioSort, value: string | number): unknown {
  return sort === "updated" || sort === "created" ? new Date(value) : value;
}

/** Rows strictly after the key in the list's order (sort column in its direction, missing values last, then id). */
function afterKey(k: TKeyset): Prisma.AssessmentWhereInput {
  const column = SORT_COLUMN[k.sort];
  const nullsAfter = NULLABLE_SORTS.has(k.sort) ? [{ [column]: null }] : [];
  if (k.value === null) return { [column]: null, id: { gt: k.id } };
  const value = keyValue(k.sort, k.value);
  const order = ENUM_ORDER[k.sort];
  let beyond: unknown;
  if (order) {
    const at = order.indexOf(String(value));
    beyond = { in: k.dir === "asc" ? order.slice(at + 1) : order.slice(0, Math.max(0, at)) };
  } else beyond = k.dir === "asc" ? { gt: value } : { lt: value };
  return { OR: [{ [column]: beyond }, { [column]: value, id: { gt: k.id } }, ...nullsAfter] } as Prisma.AssessmentWhereInput;
}

const SORT_VALUE: Record<TPortfolioSort, (r: TRaw & { createdAt: Date }) => string | number | null> = {
  updated: (r) => r.updatedAt.toISOString(),
  created: (r) => r.createdAt.toISOString(),
  title: (r) => r.title,
  status: (r) => r.status,
  verdict: (r) => r.verdict,
  owned: (r) => r.monthlyOwnedUsd,
  api: (r) => r.monthlyApiUsd,
  crossover: (r) => r.crossoverTokensPerMonth,
  gap: (r) => r.capabilityGapPp,
  blockers: (r) => r.licenceBlockers,
};

/** Whether a key was made for this query's sort and direction and holds a value that sort can have. */
export function isKeyFor(k: TKeyset, q: TPortfolioQuery): boolean {
  const { sort, dir } = sortOf(q);
  if (k.sort !== sort || k.dir !== dir) return false;
  if (k.value === null) return NULLABLE_SORTS.has(sort);
  const order = ENUM_ORDER[sort];
  if (order) return order.includes(String(k.value));
  if (sort === "updated" || sort === "created") return typeof k.value === "string" && !Number.isNaN(Date.parse(k.value));
  return sort === "title" ? typeof k.value === "string" : typeof k.value === "number";
}

/**
 * One page of the list after a key (or the first page), for the API: the same filters and order as
 * the portfolio page, paged by keyset so a deep page costs what the first does. `next` is the key of
 * the page's last row when more rows follow, else null. A key made for another sort or direction is
 * refused by the caller before this runs.
 */
export async function listPortfolioAfter(userId: string, slug: string, q: TPortfolioQuery, after: TKeyset | null): Promise<{ rows: TPortfolioRow[]; total: number; next: TKeyset | null }> {
  const organizationId = await orgIdForMember(userId, slug);
  const db = prisma();
  const where = whereFor(organizationId, q);
  const { sort, dir } = sortOf(q);
  const [total, found] = await Promise.all([
    db.assessment.count({ where }),
    db.assessment.findMany({ where: after ? { AND: [where, afterKey(after)] } : where, select: { ...rowSelect, createdAt: true }, orderBy: orderFor(q), take: q.size + 1 }),
  ]);
  const page = found.slice(0, q.size);
  const last = page.at(-1);
  const next = found.length > q.size && last ? { sort, dir, value: SORT_VALUE[sort](last), id: last.id } : null;
  return { rows: page.map(({ createdAt: _created, ...r }) => toRow(r)), total, next };
}

/** Every row matching the filters, in list order, for the CSV export (capped: a spreadsheet, not a dump). */
export const MAX_EXPORT_ROWS = 50_000;
// The first batch is small so the download starts at once; later ones are larger for throughput.
const EXPORT_FIRST_BATCH = 200;
const EXPORT_BATCH = 1_000;

/**
 * The export's rows a batch at a time, so the CSV can stream. On the first pull one light query
 * fixes which rows and in what order (ids only, the list's where and order); each batch then reads
 * its rows by id, in the organisation (a row deleted meanwhile is left out). Membership is checked
 * before this returns, so a foreign organisation is a NotFoundError and not a broken stream; the id
 * query waits for the first pull so the download's first byte does not wait for it.
 */
export async function portfolioExportBatches(userId: string, slug: string, q: TPortfolioQuery): Promise<AsyncGenerator<TPortfolioRow[]>> {
  const organizationId = await orgIdForMember(userId, slug);
  return (async function* () {
    const ordered = await prisma().assessment.findMany({ where: whereFor(organizationId, q), select: { id: true }, orderBy: orderFor(q), take: MAX_EXPORT_ROWS });
    const ids = ordered.map((r) => r.id);
    for (let start = 0; start < ids.length; ) {
      const slice = ids.slice(start, start + (start === 0 ? EXPORT_FIRST_BATCH : EXPORT_BATCH));
      start += slice.length;
      const rows = await prisma().assessment.findMany({ where: { organizationId, id: { in: slice } }, select: rowSelect });
      const byId = new Map(rows.map((r) => [r.id, r]));
      yield slice.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toRow(row)] : [];
      });
    }
  })();
}

export async function listPortfolioForExport(userId: string, slug: string, q: TPortfolioQuery): Promise<TPortfolioRow[]> {
  const out: TPortfolioRow[] = [];
  for await (const batch of await portfolioExportBatches(userId, slug, q)) out.push(...batch);
  return out;
}

/**
 * Today's API spend of every assessment of the organisation, summed per incumbent API (for vendor
 * concentration on the leverage page). One grouped query; the tenant is in its where.
 */
export async function portfolioSpendByIncumbent(userId: string, slug: string): Promise<TSpendRow[]> {
  const organizationId = await orgIdForMember(userId, slug);
  const groups = await prisma().assessment.groupBy({ by: ["incumbentApiId"], where: { organizationId }, _sum: { monthlyApiUsd: true }, _count: { _all: true } });
  const unknown = await prisma().assessment.groupBy({ by: ["incumbentApiId"], where: { organizationId, monthlyApiUsd: null }, _count: { _all: true } });
  const unknownBy = new Map(unknown.map((g) => [g.incumbentApiId, g._count._all]));
  const out: TSpendRow[] = [];
  for (const g of groups) {
    const missing = unknownBy.get(g.incumbentApiId) ?? 0;
    const known = g._count._all - missing;
    if (known > 0) out.push({ incumbentApiId: g.incumbentApiId, monthlyApiUsd: g._sum.monthlyApiUsd ?? 0, assessments: known });
    if (missing > 0) out.push({ incumbentApiId: g.incumbentApiId, monthlyApiUsd: null, assessments: missing });
  }
  return out;
}
