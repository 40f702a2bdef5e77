import { describe, expect, it } from "vitest";
import API from "./data/api-prices.json";
import CLOUD from "./data/gpu-cloud-prices.json";
import GPUS from "./data/gpus.json";
import HOSTED from "./data/hosted-open-weight-prices.json";
import LICENCES from "./data/licences.json";
import MODELS from "./data/models.json";
import PURCHASE from "./data/gpu-purchase-prices.json";
import { checkCatalog, REGION_NOT_DOCUMENTED, type TCatalogFiles } from "./check";
import { catalogAge, catalogAgeDays, catalogOptionLabel } from "./staleness";

const files = (): TCatalogFiles =>
  structuredClone({ licences: LICENCES, models: MODELS, gpus: GPUS, "api-prices": API, "gpu-cloud-prices": CLOUD, "gpu-purchase-prices": PURCHASE, "hosted-open-weight-prices": HOSTED });

describe("catalog check (npm run catalog:check)", () => {
  it("passes on the catalog as committed", () => {
    const result = checkCatalog(files(), "2026-12-06");
    expect(result.problems).toEqual([]);
    expect(result.rowCount).toBeGreaterThan(300);
  });

  it("fails on a planted price row without a source, naming the file, row and field", () => {
    const planted = files();
    const row = structuredClone(CLOUD[0]);
    row.id = "planted-no-source";
    row.provenance.sourceUrls = [];
    (planted["gpu-cloud-prices"] as unknown[]).push(row);
    const { problems } = checkCatalog(planted, "2026-12-06");
    expect(problems).toEqual([{ kind: "gpu-cloud-prices", row: "planted-no-source", message: "provenance.sourceUrls: every catalog row needs at least one source URL" }]);
  });

  it("fails on a model row whose source field is missing altogether, and on a price without region or unit", () => {
    const planted = files();
    const model = structuredClone(MODELS[0]) as { id: string; provenance: Partial<(typeof MODELS)[0]["provenance"]> };
    model.id = "planted-model";
    delete model.provenance.sourceUrls;
    (planted.models as unknown[]).push(model);
    const price = structuredClone(API[0]) as Partial<(typeof API)[0]>;
    price.id = "planted-price";
    delete price.region;
    delete price.unit;
    (planted["api-prices"] as unknown[]).push(price);
    const messages = checkCatalog(planted, "2026-12-06").problems.map((p) => `${p.row} ${p.message.split(":")[0]}`);
    expect(messages).toEqual(["planted-model provenance.sourceUrls", "planted-price region", "planted-price unit"]);
  });

  it("a row marked as entered by a user is not a catalog row", () => {
    const planted = files();
    // An invalid row is not in the catalog: the one price naming Gaudi 3 then points at nothing, and says so.
    (planted.gpus as { id: string; provenance: { verification: string } }[]).find((g) => g.id === "gaudi-3-128gb")!.provenance.verification = "user";
    expect(checkCatalog(planted, "2026-12-06").problems.map((p) => `${p.row}: ${p.message}`)).toEqual([expect.stringMatching(/^gaudi-3-128gb: provenance.verification: /), 'gaudi-3-unit: gpuId "gaudi-3-128gb" is not in gpus.json']);
  });

  it("flags a reference to a licence that is not in the catalog", () => {
    const planted = files();
    (planted.models as { licenceId: string }[])[0].licenceId = "no-such-licence";
    expect(checkCatalog(planted, "2026-12-06").problems.map((p) => p.message)).toEqual(['licenceId "no-such-licence" is not in licences.json']);
  });

  it("lists rows older than 180 days relative to the day it is given, oldest first", () => {
    const today = checkCatalog(files(), "2026-12-06");
    expect(today.stale.find((s) => s.id === "aws-p5-capacity-block")).toEqual({ kind: "gpu-cloud-prices", id: "aws-p5-capacity-block", asOf: "2024-12", ageDays: 735 });
    expect(today.stale.some((s) => s.id === "aws-p5-48xlarge-on-demand")).toBe(false);
    for (let i = 1; i < today.stale.length; i++) expect(today.stale[i - 1].ageDays).toBeGreaterThanOrEqual(today.stale[i].ageDays);
    // The same catalog read 200 days later: today's fresh AWS row (2026-12-05) is stale then.
    expect(checkCatalog(files(), "2027-06-24").stale.some((s) => s.id === "aws-p5-48xlarge-on-demand")).toBe(true);
  });
});

describe("catalog age", () => {
  it("counts whole days from the first day of the period a row is dated", () => {
    expect(catalogAgeDays("2026-12-05", "2026-12-06")).toBe(1);
    expect(catalogAgeDays("2026-06-09", "2026-12-06")).toBe(180);
    expect(catalogAgeDays("2026", "2026-12-06")).toBe(339);
    expect(catalogAgeDays("2024-12", "2026-12-06")).toBe(735);
    expect(catalogAgeDays("not a date", "2026-12-06")).toBeNull();
    expect(catalogAgeDays("2027-01-01", "2026-12-06")).toBe(0);
  });

  it("flags only rows older than 180 days and says so in the label", () => {
    expect(catalogAge("2026-06-09", "2026-12-06")).toMatchObject({ ageDays: 180, isStale: false, label: "dated 2026-06-09, 180 days old" });
    expect(catalogAge("2026-06-08", "2026-12-06")).toMatchObject({ ageDays: 181, isStale: true, label: "dated 2026-06-08, 181 days old: older than 180 days, re-check" });
    expect(catalogAge("2026", "2026-12-06").label).toBe("dated 2026, up to 339 days old: older than 180 days, re-check");
    expect(catalogAge("2026-12-06", "2026-12-06").label).toBe("dated 2026-12-06, today");
  });
});

describe("catalog option label (issue 12: pickers say how old a price is)", () => {
  it("dates every option and marks it stale past 180 days, on the same rule as catalogAge", () => {
    expect(catalogOptionLabel("Lambda 1x H100, $2.99/GPU-h", "2026-06-09", "2026-12-06")).toBe("Lambda 1x H100, $2.99/GPU-h, as of 2026-06-09");
    expect(catalogOptionLabel("Lambda 1x H100, $2.99/GPU-h", "2026-06-08", "2026-12-06")).toBe("Lambda 1x H100, $2.99/GPU-h, as of 2026-06-08, stale: older than 180 days");
    // A row dated only by year counts from its first day, so it is never fresher than its source shows.
    expect(catalogOptionLabel("H100 SXM, $30,000 per GPU", "2026", "2026-12-06")).toMatch(/as of 2026, stale: older than 180 days$/);
    expect(catalogOptionLabel("x", "2026-12-06", "2026-12-06")).toBe("x, as of 2026-12-06");
    // A date the age rule cannot read is shown as written, never flagged.
    expect(catalogOptionLabel("x", "unknown", "2026-12-06")).toBe("x, as of unknown");
    for (const asOf of ["2025-07-04", "2026-11-28", "2024", "2026-06"]) {
      expect(catalogOptionLabel("x", asOf, "2026-12-06").endsWith("stale: older than 180 days")).toBe(catalogAge(asOf, "2026-12-06").isStale);
    }
  });
});

describe("data-processing regions (issue 12)", () => {
  it("flags a row that names a region its vendor's terms do not document", () => {
    const f = files();
    const groq = (f["hosted-open-weight-prices"] as { provider: string; region: string; id: string }[]).find((r) => r.provider === "Groq")!;
    expect(groq.region).toContain(REGION_NOT_DOCUMENTED);
    groq.region = "US (provider default)";
    expect(checkCatalog(f, "2026-12-06").problems).toContainEqual(expect.objectContaining({ kind: "hosted-open-weight-prices", row: groq.id, message: expect.stringContaining(REGION_NOT_DOCUMENTED) }));
  });

  it("flags an offering whose vendor has no processing terms at all", () => {
    const f = files();
    const row = (f["api-prices"] as { vendor: string; id: string }[])[0];
    row.vendor = "Nobody Inc";
    expect(checkCatalog(f, "2026-12-06").problems).toContainEqual(expect.objectContaining({ kind: "api-prices", row: row.id, message: expect.stringContaining("no processing terms") }));
  });

  it("accepts a documented region: DeepSeek states PRC servers, Together a US-only endpoint", () => {
    const f = files();
    const deepseek = (f["api-prices"] as { vendor: string; region: string }[]).filter((r) => r.vendor === "DeepSeek");
    expect(deepseek.length).toBeGreaterThan(0);
    for (const r of deepseek) expect(r.region).toMatch(/^China/);
    expect(checkCatalog(f, "2026-12-06").problems).toEqual([]);
  });
});
