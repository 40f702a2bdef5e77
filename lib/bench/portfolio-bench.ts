// npm run bench:portfolio — the portfolio page's server time (listPortfolio: the count, the facets
// and one page of rows, everything the page asks the database for) at 10 and at 10,000 assessments
// in one organisation. Runs on in-memory PGlite, and also on PostgreSQL when TEST_DATABASE_URL
// names a server (e.g. TEST_DATABASE_URL=$(bash prisma/engine/pg-test-server.sh start)).
import { createTestDatabase, installTestPrisma, type TTestDb } from "../testing/test-db";
import { makeOrg, makeUser } from "../testing/fixtures";
import { fillOrganisation } from "../../prisma/bulk";
import { listPortfolio } from "../dal/portfolio";
import { parsePortfolioQuery } from "../domain/portfolio/query";

const RUNS = 30;
const SIZES = [10, 10_000];

// Each query with the SQL shape of its page of rows (what lib/dal/portfolio.ts asks Prisma for), so
// the benchmark can print the plan the database chooses for it at 10,000 ($1 is the organisation).
const QUERIES: { name: string; params: Record<string, string>; sql: string }[] = [
  { name: "default (newest first, page 1)", params: {}, sql: `SELECT id FROM "Assessment" WHERE "organizationId" = $1 ORDER BY "updatedAt" DESC, id ASC LIMIT 25` },
  {
    name: "search + filter + sort by owned cost",
    params: { q: "support", status: "draft", sort: "owned", dir: "asc" },
    sql: `SELECT id FROM "Assessment" WHERE "organizationId" = $1 AND status = 'draft' AND (title ILIKE '%support%' OR description ILIKE '%support%') ORDER BY "monthlyOwnedUsd" ASC NULLS LAST, id ASC LIMIT 25`,
  },
  { name: "last page, sort by crossover", params: { sort: "crossover", page: "100000" }, sql: `SELECT id FROM "Assessment" WHERE "organizationId" = $1 ORDER BY "crossoverTokensPerMonth" ASC NULLS LAST, id ASC LIMIT 25 OFFSET 9975` },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)]!;
}

/** A few members of a fresh organisation holding `size` assessments. */
async function seededOrg(t: TTestDb, name: string, size: number) {
  const org = await makeOrg(t.prisma, name);
  const users = [await makeUser(t.prisma, org.id, "owner", `Olivia ${name}`), await makeUser(t.prisma, org.id, "analyst", `Ana ${name}`), await makeUser(t.prisma, org.id, "manager", `Marek ${name}`)];
  const seeded = performance.now();
  await fillOrganisation(t.prisma, org.id, users.map((u) => u.userId), size);
  return { slug: org.slug, userId: users[0]!.userId, seedSeconds: (performance.now() - seeded) / 1000 };
}

// The two sizes live in two organisations of one database and are measured in alternation (10, then
// 10,000, then 10 ...), so both see the same machine load and the ratio between them is fair.
async function benchBackend(label: string, makeDb: () => Promise<TTestDb>) {
  const t = await makeDb();
  installTestPrisma(t.prisma);
  try {
    const orgs = [];
    for (const size of SIZES) {
      const org = await seededOrg(t, `Bench ${size}`, size);
      console.log(`${label.padEnd(10)} (seeding ${size} took ${org.seedSeconds.toFixed(1)} s)`);
      orgs.push({ size, ...org });
    }
    for (const q of QUERIES) {
      const query = parsePortfolioQuery(q.params);
      const times = orgs.map(() => [] as number[]);
      const totals = orgs.map(() => 0);
      for (let i = 0; i < 3 + RUNS; i++) {
        for (const [k, org] of orgs.entries()) {
          const t0 = performance.now();
          const page = await listPortfolio(org.userId, org.slug, query);
          if (i >= 3) times[k]!.push(performance.now() - t0);
          totals[k] = page.total;
        }
      }
      const big = orgs[orgs.length - 1]!;
      const orgId = (await t.prisma.organization.findFirstOrThrow({ where: { slug: big.slug }, select: { id: true } })).id;
      const plan = await t.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${q.sql}`, orgId);
      console.log(`${label.padEnd(10)} plan at ${big.size}, ${q.name}:\n${plan.map((r) => `             ${r["QUERY PLAN"]}`).join("\n")}`);
      const small = median(times[0]!);
      for (const [k, org] of orgs.entries()) {
        const ratio = k === 0 ? "" : ` | ${(median(times[k]!) / small).toFixed(2)}x the ${orgs[0]!.size}`;
        console.log(
          `${label.padEnd(10)} ${String(org.size).padStart(6)} assessments | ${q.name.padEnd(40)} | ${String(totals[k]).padStart(5)} match | median ${median(times[k]!).toFixed(1)} ms, p90 ${p90(times[k]!).toFixed(1)} ms${ratio}`,
        );
      }
    }
  } finally {
    await t.close();
  }
}

async function main() {
  console.log(`Portfolio page server time (listPortfolio), 10 and 10,000 interleaved, ${RUNS} runs each after 3 warm-up, node ${process.version}`);
  const serverUrl = process.env.TEST_DATABASE_URL;
  delete process.env.TEST_DATABASE_URL;
  await benchBackend("PGlite", createTestDatabase);
  if (serverUrl) {
    process.env.TEST_DATABASE_URL = serverUrl;
    await benchBackend("PostgreSQL", createTestDatabase);
  } else {
    console.log("PostgreSQL: skipped (set TEST_DATABASE_URL to a server, e.g. TEST_DATABASE_URL=$(bash prisma/engine/pg-test-server.sh start)).");
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
