// The memo's Sources appendix: the catalog date it used, each source's age, and a STALE mark on
// every source older than 180 days (issue 12 item 3).
import { describe, expect, it } from "vitest";
import { getTemplate, ZAssessmentInputs } from "@/lib/domain/assessment";
import { CATALOG_DATE, catalogAge } from "@/lib/domain/catalog";
import { buildReport, type TReport } from "@/lib/domain/report";
import type { TBlock, TRun } from "../model/types";
import { sourcesSection } from "./appendix";

function reportOn(today: string): TReport {
  const t = getTemplate("ticket-triage")!;
  const inputs = ZAssessmentInputs.parse(JSON.parse(JSON.stringify(t.inputs)));
  return buildReport({ assessment: { id: t.id, title: t.name, description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" }, inputs, options: { monteCarloSamples: 200, today } });
}
const textOf = (b: TBlock) => (b.kind === "paragraph" ? (typeof b.text === "string" ? b.text : (b.text as TRun[]).map((r) => r.text).join("")) : "");
const runsOf = (b: TBlock): TRun[] => (b.kind === "paragraph" && typeof b.text !== "string" ? (b.text as TRun[]) : []);

describe("memo Sources appendix", () => {
  const report = reportOn("2026-12-06");
  const blocks = sourcesSection(report).blocks;
  const entries = blocks.slice(2);

  it("names the catalog date it used and the day ages were counted to, with the stale count", () => {
    expect(report.meta.catalog).toEqual({ date: CATALOG_DATE, agesCountedOn: "2026-12-06", staleSourceCount: report.sources.filter((s) => s.age?.isStale).length });
    // The newest rows (Olmo 3, Gemma 3 4B/12B) were read on 2026-12-06.
    expect(CATALOG_DATE).toBe("2026-12-06");
    expect(report.meta.catalog.staleSourceCount).toBeGreaterThan(0);
    expect(textOf(blocks[1])).toBe(`Catalog of 2026-12-06 (its newest row); ages counted to 2026-12-06. ${report.meta.catalog.staleSourceCount} sources are older than 180 days and marked STALE: re-check them before relying on the figures they back.`);
  });

  it("gives every source its age, and marks exactly the stale ones STALE in bold red", () => {
    expect(entries).toHaveLength(report.sources.length);
    report.sources.forEach((src, i) => {
      const runs = runsOf(entries[i]);
      const isMarked = runs[0]?.text === "STALE ";
      expect(isMarked, src.url ?? "own figures").toBe(src.age?.isStale === true);
      if (isMarked) expect(runs[0]).toMatchObject({ isBold: true, color: "#b91c1c" });
      if (src.age) expect(textOf(entries[i])).toContain(src.age.label.replace(/^dated/, "Dated"));
    });
    // gpt-4o mini's price row (2025-07-04) is one of them: 520 days old on 2026-12-06.
    const api = report.sources.findIndex((s) => s.backs.some((b) => b.startsWith("API price: OpenAI gpt-4o-mini")));
    expect(report.sources[api].age).toEqual(catalogAge("2025-07-04", "2026-12-06"));
    expect(textOf(entries[api])).toMatch(/^STALE https:\/\/.*\nDated 2025-07-04, 520 days old: older than 180 days, re-check · /);
  });

  it("on the catalog's own day nothing read that day is stale, and ages follow the day given", () => {
    const fresh = reportOn(CATALOG_DATE);
    const dec5 = fresh.sources.filter((s) => s.asOf === CATALOG_DATE);
    expect(dec5.length).toBeGreaterThan(0);
    for (const s of dec5) expect(s.age).toMatchObject({ ageDays: 0, isStale: false });
    // Read again 200 days later, the same sources have gone stale.
    const later = reportOn("2027-06-23");
    for (const s of later.sources.filter((x) => x.asOf === CATALOG_DATE)) expect(s.age?.isStale).toBe(true);
  });
});
