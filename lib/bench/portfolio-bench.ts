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

const QUERIES: { name: string; params: Record<string, string> }[] = [
  { name: "default (newest first, page 1)", params: {} },
  { name: "search + filter + sort by owned cost", params: { q: "support", status: "draft", sort: "owned", dir: "asc" } },
  { name: "last page, sort by crossover", params: { sort: "crossover", page: "100000" } },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)]!;
}

async function benchBackend(label: string, makeDb: () => Promise<TTestDb>) {
  const t = await makeDb();
  installTestPrisma(t.prisma);
  try {
    const org = await makeOrg(t.prisma, "Bench");
    const users = [await makeUser(t.prisma, org.id, "owner", "Olivia"), await makeUser(t.prisma, org.id, "analyst", "Ana"), await makeUser(t.prisma, org.id, "manager", "Marek")];
    for (const size of SIZES) {
      const seeded = performance.now();
      await fillOrganisation(t.prisma, org.id, users.map((u) => u.userId), size);
      const seedSeconds = (performance.now() - seeded) / 1000;
      for (const q of QUERIES) {
        const query = parsePortfolioQuery(q.params);
        for (let i = 0; i < 3; i++) await listPortfolio(users[0]!.userId, org.slug, query); // warm
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          const page = await listPortfolio(users[0]!.userId, org.slug, query);
          times.push(performance.now() - t0);
          total = page.total;
        }
        console.log(
          `${label.padEnd(10)} ${String(size).padStart(6)} assessments | ${q.name.padEnd(40)} | ${String(total).padStart(5)} match | median ${median(times).toFixed(1)} ms, p90 ${p90(times).toFixed(1)} ms`,
        );
      }
      console.log(`${label.padEnd(10)} (seeding up to ${size} took ${seedSeconds.toFixed(1)} s)`);
    }
  } finally {
    await t.close();
  }
}

async function main() {
  console.log(`Portfolio page server time (listPortfolio), ${RUNS} runs after 3 warm-up, node ${process.version}`);
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
