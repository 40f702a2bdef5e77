// The catalog check behind `npm run catalog:check`: every row of every data file passes its kind's
// schema (so a row without a source URL fails), ids are unique, references resolve, every API and
// hosted offering has processing terms whose region is either documented or, on the row, stated as
// not documented, and rows older than CATALOG_STALE_AFTER_DAYS are listed. Pure: the caller passes
// the files and today's date.
import { CATALOG_KINDS, type TCatalogKind } from "./catalog-schema";
import { CATALOG_STALE_AFTER_DAYS, catalogAgeDays } from "./staleness";
import { getVendorTerms, processingOffersFor } from "./vendor-terms";

/** What a price row's region says when no source read documents where the offering processes data. */
export const REGION_NOT_DOCUMENTED = "processing region not documented";

export type TCatalogFiles = Record<TCatalogKind, unknown>;
export type TCatalogProblem = { kind: TCatalogKind; row: string; message: string };
export type TStaleRow = { kind: TCatalogKind; id: string; asOf: string; ageDays: number };
export type TCatalogCheck = { rowCount: number; problems: TCatalogProblem[]; stale: TStaleRow[]; newestAsOf: string | null };

type TRow = { id?: unknown; asOf?: unknown; provenance?: { asOf?: unknown }; licenceId?: unknown; modelId?: unknown; gpuId?: unknown; vendor?: unknown; provider?: unknown; region?: unknown };

export function checkCatalog(files: TCatalogFiles, todayIso: string): TCatalogCheck {
  const problems: TCatalogProblem[] = [];
  const stale: TStaleRow[] = [];
  const ids: Record<TCatalogKind, Set<string>> = { licences: new Set(), models: new Set(), gpus: new Set(), "api-prices": new Set(), "gpu-cloud-prices": new Set(), "gpu-purchase-prices": new Set(), "hosted-open-weight-prices": new Set() };
  let rowCount = 0;
  let newestAsOf: string | null = null;
  const kinds = Object.keys(CATALOG_KINDS) as TCatalogKind[];
  for (const kind of kinds) {
    const rows = files[kind];
    if (!Array.isArray(rows)) {
      problems.push({ kind, row: "(file)", message: "must be a JSON array of rows" });
      continue;
    }
    rows.forEach((raw: unknown, index) => {
      rowCount += 1;
      const row = (raw ?? {}) as TRow;
      const name = typeof row.id === "string" ? row.id : `#${index}`;
      const parsed = CATALOG_KINDS[kind].safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ kind, row: name, message: `${issue.path.join(".") || "(row)"}: ${issue.message}` });
        return;
      }
      if (ids[kind].has(name)) problems.push({ kind, row: name, message: "duplicate id" });
      ids[kind].add(name);
      const asOf = String(row.asOf ?? row.provenance?.asOf ?? "");
      const ageDays = catalogAgeDays(asOf, todayIso);
      if (ageDays !== null && ageDays > CATALOG_STALE_AFTER_DAYS) stale.push({ kind, id: name, asOf, ageDays });
      if (newestAsOf === null || asOf > newestAsOf) newestAsOf = asOf;
    });
  }
  // References between files: a model's licence, a price's GPU or model must exist.
  const refs: { kind: TCatalogKind; field: "licenceId" | "gpuId" | "modelId"; target: TCatalogKind }[] = [
    { kind: "models", field: "licenceId", target: "licences" },
    { kind: "gpu-cloud-prices", field: "gpuId", target: "gpus" },
    { kind: "gpu-purchase-prices", field: "gpuId", target: "gpus" },
    { kind: "hosted-open-weight-prices", field: "modelId", target: "models" },
  ];
  for (const { kind, field, target } of refs) {
    const rows = files[kind];
    if (!Array.isArray(rows)) continue;
    for (const raw of rows as TRow[]) {
      const ref = raw?.[field];
      if (typeof ref === "string" && !ids[target].has(ref)) problems.push({ kind, row: String(raw.id), message: `${field} "${ref}" is not in ${target}.json` });
    }
  }
  // Data-processing regions: an offering's vendor has processing terms (vendor-terms.ts), and when
  // none of its offers documents a region the row says so instead of naming one by assumption.
  for (const kind of ["api-prices", "hosted-open-weight-prices"] as const) {
    const rows = files[kind];
    if (!Array.isArray(rows)) continue;
    for (const raw of rows as TRow[]) {
      const vendor = kind === "api-prices" ? raw?.vendor : raw?.provider;
      if (typeof vendor !== "string" || typeof raw.region !== "string") continue;
      const row = String(raw.id);
      if (!getVendorTerms(vendor)) {
        problems.push({ kind, row, message: `"${vendor}" has no processing terms in vendor-terms.ts: state where it processes data, or that it is not documented` });
        continue;
      }
      const documented = processingOffersFor(vendor, row).some((o) => o.regions !== null);
      if (!documented && !raw.region.includes(REGION_NOT_DOCUMENTED)) problems.push({ kind, row, message: `region: no source read documents where ${vendor} processes this offering; say "${REGION_NOT_DOCUMENTED}"` });
    }
  }
  stale.sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id));
  return { rowCount, problems, stale, newestAsOf };
}
