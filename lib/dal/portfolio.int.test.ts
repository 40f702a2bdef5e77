import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { createAssessment } from "@/lib/dal/assessments";
import { NotFoundError } from "@/lib/dal/errors";
import { isKeyFor, listPortfolio, listPortfolioAfter, listPortfolioForExport, portfolioExportBatches, searchWhere } from "@/lib/dal/portfolio";
import { PORTFOLIO_SORTS } from "@/lib/domain/portfolio";
import { AssessmentStatus, AssessmentVerdict } from "@/lib/generated/prisma/client";
import type { TPortfolioRow } from "@/lib/domain/portfolio";
import type { TActor } from "@/lib/domain/shared";
import { parsePortfolioQuery } from "@/lib/domain/portfolio";
import { ASSESSMENT_TEMPLATES, getTemplate } from "@/lib/domain/assessment";

let t: TTestDb;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };
let ana: TActor, mo: TActor, vic: TActor, olga: TActor;

const N = 30;
const STATUSES = ["draft", "in_review", "approved", "rejected"] as const;
const VERDICTS = ["go_self_host", "hybrid", "stay_api", null] as const;
const MODELS = ["llama-3.3-70b-instruct", "qwen2.5-72b-instruct", "llama-3.1-8b"] as const;
const pad = (i: number) => String(i).padStart(2, "0");

/** Row i of Acme's portfolio, with every figure a function of i so expectations can be computed. */
function acmeRow(i: number) {
  return {
    title: `Row ${pad(i)} ${i % 3 === 0 ? "Ticket triage" : "Summaries"}`,
    description: i % 7 === 0 ? "Runs on our Kubernetes cluster" : "",
    status: STATUSES[i % 4]!,
    verdict: VERDICTS[i % 4]!,
    candidateModelId: MODELS[i % 3]!,
    // Every fifth row has no economics yet: its costs are null and must sort last either way.
    monthlyOwnedUsd: i % 5 === 0 ? null : 1000 + ((i * 37) % 11) * 100,
    monthlyApiUsd: i % 5 === 0 ? null : 5000 - i * 10,
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
  };
}

const q = (params: Record<string, string> = {}) => parsePortfolioQuery(params);
const titles = (rows: TPortfolioRow[]) => rows.map((r) => r.title);

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  globex = await makeOrg(t.prisma, "Globex");
  ana = await makeUser(t.prisma, acme.id, "analyst", "Ana");
  mo = await makeUser(t.prisma, acme.id, "manager", "Mo");
  vic = await makeUser(t.prisma, acme.id, "viewer", "Vic");
  olga = await makeUser(t.prisma, globex.id, "owner", "Olga");
  // Written directly so the figures are exact; the DAL's own create path is covered below.
  await t.prisma.assessment.createMany({
    data: Array.from({ length: N }, (_, i) => {
      const { updatedAt, ...r } = acmeRow(i);
      const author = i % 2 === 0 ? ana : mo;
      return { ...r, organizationId: acme.id, incumbentApiId: "openai-gpt-4o", inputs: {}, summaryVersion: 1, createdById: author.userId, updatedById: author.userId, updatedAt, createdAt: updatedAt };
    }),
  });
  // Another tenant with look-alike content: none of it may ever show up for Acme.
  await t.prisma.assessment.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({
      ...acmeRow(i),
      title: `Row ${pad(i)} Ticket triage (Globex)`,
      organizationId: globex.id,
      incumbentApiId: "openai-gpt-4o",
      inputs: {},
      summaryVersion: 1,
      createdById: olga.userId,
      updatedById: olga.userId,
    })),
  });
});

afterAll(async () => {
  await t?.close();
});

describe("listPortfolio", () => {
  it("lists the organisation's assessments, newest update first, 25 to a page", async () => {
    const page = await listPortfolio(vic.userId, acme.slug, q());
    expect(page).toMatchObject({ total: N, totalUnfiltered: N, page: 1, pageCount: 2, pageSize: 25 });
    expect(page.rows).toHaveLength(25);
    expect(page.rows[0]).toMatchObject({ title: acmeRow(N - 1).title, ownerName: "Mo", updatedByName: "Mo", version: 1 });
    expect(titles(page.rows)).toEqual(Array.from({ length: 25 }, (_, k) => acmeRow(N - 1 - k).title));
  });

  it.each([
    ["status", { status: "approved" }, (i: number) => i % 4 === 2],
    ["recommendation", { verdict: "stay_api" }, (i: number) => i % 4 === 2],
    ["model", { model: "llama-3.1-8b" }, (i: number) => i % 3 === 2],
    ["status and model together", { status: "draft", model: "llama-3.3-70b-instruct" }, (i: number) => i % 4 === 0 && i % 3 === 0],
    ["search in the title, any case", { q: "TICKET triage" }, (i: number) => i % 3 === 0],
    ["search in the description", { q: "kubernetes" }, (i: number) => i % 7 === 0],
  ])("filters by %s", async (_what, params, keep) => {
    const page = await listPortfolio(ana.userId, acme.slug, q({ ...params, size: "100" }));
    const expected = Array.from({ length: N }, (_, i) => i).filter(keep);
    expect(page.total).toBe(expected.length);
    expect(page.totalUnfiltered).toBe(N);
    expect(new Set(titles(page.rows))).toEqual(new Set(expected.map((i) => acmeRow(i).title)));
  });

  it("filters by owner", async () => {
    const page = await listPortfolio(ana.userId, acme.slug, q({ owner: mo.userId, size: "100" }));
    expect(page.total).toBe(N / 2);
    expect(page.rows.every((r) => r.ownerName === "Mo")).toBe(true);
  });

  it("returns an empty first page when nothing matches", async () => {
    const page = await listPortfolio(ana.userId, acme.slug, q({ q: "no such words" }));
    expect(page).toMatchObject({ rows: [], total: 0, totalUnfiltered: N, page: 1, pageCount: 1 });
  });

  it("treats search text literally (LIKE wildcards match only themselves)", async () => {
    expect((await listPortfolio(ana.userId, acme.slug, q({ q: "%" }))).total).toBe(0);
    expect((await listPortfolio(ana.userId, acme.slug, q({ q: "Row _1" }))).total).toBe(0);
    expect((await listPortfolio(ana.userId, acme.slug, q({ q: "\\" }))).total).toBe(0);
    expect((await listPortfolio(ana.userId, acme.slug, q({ q: "Row 1" }))).total).toBe(10);
  });

  it.each(["asc", "desc"] as const)("sorts by owned cost %s with assessments lacking it last", async (dir) => {
    const page = await listPortfolio(ana.userId, acme.slug, q({ sort: "owned", dir, size: "50" }));
    const values = page.rows.map((r) => r.monthlyOwnedUsd);
    const known = values.filter((v): v is number => v !== null);
    expect(values.slice(known.length)).toEqual(Array(N / 5).fill(null));
    expect(known).toEqual([...known].sort((a, b) => (dir === "asc" ? a - b : b - a)));
  });

  it("sorts by recommendation with null last, and by title A→Z or Z→A", async () => {
    const byVerdict = await listPortfolio(ana.userId, acme.slug, q({ sort: "verdict", size: "50" }));
    const verdicts = byVerdict.rows.map((r) => r.verdict);
    const known = verdicts.filter((v) => v !== null);
    expect(verdicts).toEqual([...known, ...Array(N - known.length).fill(null)]);
    // The enum's order (go_self_host, go_hosted, hybrid, stay_api, blocked, insufficient) keeps these three A→Z.
    expect(known).toEqual([...known].sort());
    expect(new Set(known)).toEqual(new Set(["go_self_host", "hybrid", "stay_api"]));
    const asc = await listPortfolio(ana.userId, acme.slug, q({ sort: "title", size: "50" }));
    expect(titles(asc.rows)).toEqual(Array.from({ length: N }, (_, i) => acmeRow(i).title));
    const desc = await listPortfolio(ana.userId, acme.slug, q({ sort: "title", dir: "desc", size: "50" }));
    expect(titles(desc.rows)).toEqual(titles(asc.rows).reverse());
  });

  it("pages without gaps or repeats even when the sort column has ties, and clamps a page past the end", async () => {
    const byStatus = (page: string) => listPortfolio(ana.userId, acme.slug, q({ sort: "status", page }));
    const [one, two] = await Promise.all([byStatus("1"), byStatus("2")]);
    expect(one.rows).toHaveLength(25);
    expect(two.rows).toHaveLength(N - 25);
    const ids = [...one.rows, ...two.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(N);
    const past = await byStatus("99");
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.id)).toEqual(two.rows.map((r) => r.id));
    const big = await listPortfolio(ana.userId, acme.slug, q({ size: "50" }));
    expect(big).toMatchObject({ pageCount: 1, pageSize: 50 });
    expect(big.rows).toHaveLength(N);
  });

  it("gives facets of the whole organisation, whatever the filters", async () => {
    const page = await listPortfolio(ana.userId, acme.slug, q({ status: "approved", model: "llama-3.1-8b" }));
    expect(page.models).toEqual([
      { id: "llama-3.1-8b", count: 10 },
      { id: "llama-3.3-70b-instruct", count: 10 },
      { id: "qwen2.5-72b-instruct", count: 10 },
    ]);
    expect(page.owners).toEqual([
      { id: ana.userId, name: "Ana", count: 15 },
      { id: mo.userId, name: "Mo", count: 15 },
    ]);
  });

  it("shows rows written through the DAL with their computed figures", async () => {
    const own = await makeOrg(t.prisma, "Solo");
    const author = await makeUser(t.prisma, own.id, "analyst", "Sol");
    const template = getTemplate(ASSESSMENT_TEMPLATES[1]!.id)!;
    await createAssessment(author, own.slug, { title: "From a template", candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs });
    await createAssessment(author, own.slug, { title: "Blank", candidateModelId: "llama-3.1-8b", incumbentApiId: "openai-gpt-4o" });
    const page = await listPortfolio(author.userId, own.slug, q({ sort: "owned" }));
    expect(page.rows.map((r) => [r.title, r.monthlyOwnedUsd === null])).toEqual([
      ["From a template", false],
      ["Blank", true],
    ]);
    expect(page.rows[0]!.verdict).not.toBeNull();
    expect(page.rows[0]!.crossoverTokensPerMonth).toBeGreaterThan(0);
  });
});

describe("search through the trigram indexes", () => {
  // At 30 rows the planner reads the table, so the cases above never reach the indexes. Here it is
  // made to use them (no sequential or plain index scans): a trigram index only narrows ILIKE to
  // candidates that are rechecked, and the matches must be exactly the scan's, escaped wildcards,
  // case and texts shorter than a trigram included.
  it.each([
    ["TICKET triage", (i: number) => i % 3 === 0],
    ["kubernetes", (i: number) => i % 7 === 0],
    ["row 1", (i: number) => i >= 10 && i < 20],
    ["ow", () => true],
    ["%", () => false],
    ["Row _1", () => false],
    ["\\", () => false],
  ])("%j", async (text, keep) => {
    const { plan, found } = await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_indexscan = off");
      // Without the organisation in the query (its rows are picked out below), so the only way in
      // that is left is the trigram indexes; the SQL is what Prisma sends for searchWhere.
      const explained = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "Assessment" WHERE title ILIKE ('%' || $1 || '%') OR description ILIKE ('%' || $1 || '%')`,
        text.replace(/[\\%_]/g, "\\$&"),
      );
      const rows = await tx.assessment.findMany({ where: searchWhere(text), select: { title: true, organizationId: true } });
      return { plan: explained.map((r) => r["QUERY PLAN"]).join("\n"), found: rows.filter((r) => r.organizationId === acme.id).map((r) => r.title) };
    });
    expect(plan).toContain("Assessment_title_trgm_idx");
    expect(plan).toContain("Assessment_description_trgm_idx");
    const expected = Array.from({ length: N }, (_, i) => i).filter(keep);
    expect(new Set(found)).toEqual(new Set(expected.map((i) => acmeRow(i).title)));
  });
});

describe("tenant isolation", () => {
  it("refuses an organisation the caller is not a member of, or that does not exist", async () => {
    await expect(listPortfolio(olga.userId, acme.slug, q())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPortfolio(ana.userId, globex.slug, q())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPortfolio(ana.userId, "no-such-org", q())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listPortfolioForExport(olga.userId, acme.slug, q())).rejects.toBeInstanceOf(NotFoundError);
    // The streamed export refuses before it returns anything to stream.
    await expect(portfolioExportBatches(olga.userId, acme.slug, q())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never shows another organisation's rows, even when they match the search or a filter naming its owner", async () => {
    const search = await listPortfolio(ana.userId, acme.slug, q({ q: "Globex", size: "100" }));
    expect(search.total).toBe(0);
    const byForeignOwner = await listPortfolio(ana.userId, acme.slug, q({ owner: olga.userId }));
    expect(byForeignOwner.total).toBe(0);
    expect(byForeignOwner.owners.map((o) => o.name)).toEqual(["Ana", "Mo"]);
    const theirs = await listPortfolio(olga.userId, globex.slug, q({ size: "100" }));
    expect(theirs.total).toBe(5);
    expect(theirs.rows.every((r) => r.title.endsWith("(Globex)"))).toBe(true);
  });
});

describe("listPortfolioForExport", () => {
  it("returns every matching row in list order, without paging", async () => {
    const rows = await listPortfolioForExport(ana.userId, acme.slug, q({ sort: "api", dir: "asc", page: "2", size: "25" }));
    expect(rows).toHaveLength(N);
    const api = rows.map((r) => r.monthlyApiUsd);
    expect(api.slice(-N / 5)).toEqual(Array(N / 5).fill(null));
    const filtered = await listPortfolioForExport(ana.userId, acme.slug, q({ q: "triage", status: "draft" }));
    expect(filtered.map((r) => r.title)).toEqual(
      Array.from({ length: N }, (_, i) => i)
        .filter((i) => i % 3 === 0 && i % 4 === 0)
        .reverse()
        .map((i) => acmeRow(i).title),
    );
  });
});

describe("streamed export", () => {
  it("yields the list's rows in list order across batches, the first batch small", async () => {
    const paged: string[] = [];
    for (let page = 1; page <= 2; page += 1) paged.push(...titles((await listPortfolio(ana.userId, acme.slug, q({ sort: "owned", dir: "desc", size: "25", page: String(page) }))).rows));
    const batches: TPortfolioRow[][] = [];
    for await (const batch of await portfolioExportBatches(ana.userId, acme.slug, q({ sort: "owned", dir: "desc" }))) batches.push(batch);
    expect(batches.flat().map((r) => r.title)).toEqual(paged);
    expect(batches.every((b) => b.length > 0)).toBe(true);
  });
});

describe("facet counts", () => {
  it("follow every create, save and delete, even one written straight to the database", async () => {
    const org = await makeOrg(t.prisma, "Facets");
    const owner = await makeUser(t.prisma, org.id, "owner", "Fay");
    const base = { organizationId: org.id, incumbentApiId: "openai-gpt-4o", inputs: {}, summaryVersion: 1, createdById: owner.userId, updatedById: owner.userId };
    const a = await t.prisma.assessment.create({ data: { ...base, title: "One", candidateModelId: MODELS[0] }, select: { id: true } });
    const facets = async () => {
      const page = await listPortfolio(owner.userId, org.slug, q());
      return { total: page.totalUnfiltered, models: page.models, owners: page.owners.map((o) => [o.name, o.count]) };
    };
    expect(await facets()).toEqual({ total: 1, models: [{ id: MODELS[0], count: 1 }], owners: [["Fay", 1]] });
    // A save moves the candidate (and bumps the version, as every save does).
    await t.prisma.assessment.update({ where: { id: a.id }, data: { candidateModelId: MODELS[1], version: { increment: 1 } } });
    expect((await facets()).models).toEqual([{ id: MODELS[1], count: 1 }]);
    const b = await t.prisma.assessment.create({ data: { ...base, title: "Two", candidateModelId: MODELS[1] }, select: { id: true } });
    expect(await facets()).toEqual({ total: 2, models: [{ id: MODELS[1], count: 2 }], owners: [["Fay", 2]] });
    await t.prisma.assessment.delete({ where: { id: b.id } });
    expect(await facets()).toEqual({ total: 1, models: [{ id: MODELS[1], count: 1 }], owners: [["Fay", 1]] });
    // Names are read on every page: a rename shows at once though the counts are unchanged.
    await t.prisma.user.update({ where: { id: owner.userId }, data: { name: "Fay Renamed" } });
    expect((await facets()).owners).toEqual([["Fay Renamed", 1]]);
  });
});

describe("offset paging (the page's list)", () => {
  it("every page, whether read from the start or from the far end, is its slice of the list, for every sort in both directions", async () => {
    for (const sort of PORTFOLIO_SORTS) {
      for (const dir of ["asc", "desc"]) {
        const expected = (await listPortfolioForExport(ana.userId, acme.slug, q({ sort, dir }))).map((r) => r.id);
        for (const size of ["10", "25"]) {
          const first = await listPortfolio(ana.userId, acme.slug, q({ sort, dir, size }));
          const pages = [first.rows.map((r) => r.id)];
          for (let page = 2; page <= first.pageCount; page += 1) pages.push((await listPortfolio(ana.userId, acme.slug, q({ sort, dir, size, page: String(page) }))).rows.map((r) => r.id));
          expect(pages.flat(), `${sort} ${dir} by ${size}`).toEqual(expected);
        }
      }
    }
  });
});

describe("keyset paging (the API's list)", () => {
  /** Every row by walking keys, page after page. */
  async function walk(params: Record<string, string>): Promise<string[]> {
    const query = q({ ...params, size: "25" });
    const out: string[] = [];
    let after = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: Awaited<ReturnType<typeof listPortfolioAfter>> = await listPortfolioAfter(ana.userId, acme.slug, query, after);
      out.push(...page.rows.map((r) => r.id));
      if (!page.next) return out;
      expect(isKeyFor(page.next, query)).toBe(true);
      after = page.next;
    }
    throw new Error("more than 10 pages");
  }

  it("visits every row once, in the list's order, for every sort in both directions (ties, enums and missing values included)", async () => {
    for (const sort of PORTFOLIO_SORTS) {
      for (const dir of ["asc", "desc"]) {
        const expected = (await listPortfolioForExport(ana.userId, acme.slug, q({ sort, dir }))).map((r) => r.id);
        expect(await walk({ sort, dir }), `${sort} ${dir}`).toEqual(expected);
      }
    }
  });

  it("keeps the filters across pages and counts what they match", async () => {
    const params = { q: "summaries", sort: "owned", dir: "desc" };
    const expected = (await listPortfolioForExport(ana.userId, acme.slug, q(params))).map((r) => r.id);
    expect(await walk(params)).toEqual(expected);
    expect((await listPortfolioAfter(ana.userId, acme.slug, q(params), null)).total).toBe(expected.length);
  });

  it("neither repeats nor skips a row when one is added before the key meanwhile", async () => {
    const query = q({ sort: "title", dir: "asc", size: "25" });
    const first = await listPortfolioAfter(ana.userId, acme.slug, query, null);
    const extra = await t.prisma.assessment.create({ data: { organizationId: acme.id, title: "Row 00 inserted", incumbentApiId: "openai-gpt-4o", candidateModelId: MODELS[0], inputs: {}, summaryVersion: 1, createdById: ana.userId, updatedById: ana.userId }, select: { id: true } });
    try {
      const second = await listPortfolioAfter(ana.userId, acme.slug, query, first.next);
      const seen = [...first.rows, ...second.rows].map((r) => r.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(extra.id);
      expect(seen.length).toBe(first.total);
    } finally {
      await t.prisma.assessment.delete({ where: { id: extra.id } });
    }
  });

  it("refuses a key made for another sort, direction or value type", async () => {
    const key = { sort: "owned" as const, dir: "asc" as const, value: 1200, id: "x" };
    expect(isKeyFor(key, q({ sort: "owned", dir: "asc" }))).toBe(true);
    expect(isKeyFor(key, q({ sort: "owned", dir: "desc" }))).toBe(false);
    expect(isKeyFor(key, q({ sort: "api", dir: "asc" }))).toBe(false);
    expect(isKeyFor({ ...key, value: "1200" }, q({ sort: "owned", dir: "asc" }))).toBe(false);
    expect(isKeyFor({ sort: "status", dir: "asc", value: "finished", id: "x" }, q({ sort: "status", dir: "asc" }))).toBe(false);
    expect(isKeyFor({ sort: "title", dir: "asc", value: null, id: "x" }, q({ sort: "title", dir: "asc" }))).toBe(false);
  });

  it("relies on the database declaring each enum in schema.prisma's order", async () => {
    const labels = async (type: string) => (await t.prisma.$queryRawUnsafe<{ enumlabel: string }[]>(`SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`, type)).map((r) => r.enumlabel);
    expect(await labels("AssessmentStatus")).toEqual(Object.values(AssessmentStatus));
    expect(await labels("AssessmentVerdict")).toEqual(Object.values(AssessmentVerdict));
  });
});
