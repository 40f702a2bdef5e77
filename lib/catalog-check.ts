// `npm run catalog:check [-- --today YYYY-MM-DD]`: validates every row of lib/domain/catalog/data/*.json
// against its kind's schema and lists rows older than 180 days relative to today (the system date
// unless --today is given; printed either way). Exits 1 on any invalid row, e.g. one without a source.
// It reads the files itself rather than importing the catalog, whose import would stop at the first
// bad row: this lists every problem at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkCatalog, type TCatalogFiles } from "./domain/catalog/check";
import { CATALOG_KINDS, type TCatalogKind } from "./domain/catalog/catalog-schema";
import { CATALOG_STALE_AFTER_DAYS } from "./domain/catalog/staleness";

const dataDir = path.join(import.meta.dirname, "domain", "catalog", "data");
const todayArg = process.argv.indexOf("--today");
const today = todayArg > 0 ? String(process.argv[todayArg + 1]) : new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
  console.error(`--today must be a date YYYY-MM-DD, got "${today}".`);
  process.exit(2);
}

const files = {} as TCatalogFiles;
for (const kind of Object.keys(CATALOG_KINDS) as TCatalogKind[]) {
  files[kind] = JSON.parse(readFileSync(path.join(dataDir, `${kind}.json`), "utf8"));
}
const result = checkCatalog(files, today);

console.log(`Catalog check: ${result.rowCount} rows in ${Object.keys(files).length} files; today is ${today}${todayArg > 0 ? " (--today)" : " (system date; pass --today YYYY-MM-DD to check against another day)"}.`);
if (result.stale.length > 0) {
  console.log(`\n${result.stale.length} row(s) older than ${CATALOG_STALE_AFTER_DAYS} days (re-check their source):`);
  for (const s of result.stale) console.log(`  ${s.kind}.json  ${s.id}  dated ${s.asOf}  (${s.asOf.length < 10 ? "up to " : ""}${s.ageDays} days)`);
}
if (result.problems.length > 0) {
  console.error(`\n${result.problems.length} problem(s):`);
  for (const p of result.problems) console.error(`  ${p.kind}.json  ${p.row}: ${p.message}`);
  process.exit(1);
}
console.log("\nEvery row is valid and has a source.");
