import { describe, expect, it } from "vitest";
import { buildReport, type TReport } from "@/lib/domain/report";
import { templateReportArgs } from "@/lib/bench/kit";
import { BUILT_IN_CATALOG_VERSION, createReportCache, DEFAULT_PRICING_VERSION, reportCacheKey, type TReportCacheSubject } from "./report-cache";

const subject: TReportCacheSubject = {
  id: "a1",
  version: 3,
  status: "draft",
  title: "Support summaries",
  description: "",
  candidateModelId: "m",
  incumbentApiId: "api",
  updatedAt: new Date("2026-01-01T00:00:00Z"),
};

function counting(): { build: () => TReport; count: () => number } {
  let n = 0;
  return {
    build: () => {
      n += 1;
      return { marker: n } as unknown as TReport;
    },
    count: () => n,
  };
}

describe("report cache key", () => {
  it("defaults to the built-in catalog and no price book, and equals the explicit defaults", () => {
    expect(reportCacheKey(subject)).toBe(reportCacheKey(subject, { catalogVersion: BUILT_IN_CATALOG_VERSION, pricingVersion: DEFAULT_PRICING_VERSION }));
  });

  it.each<[string, Partial<TReportCacheSubject>]>([
    ["a new version", { version: 4 }],
    ["a status change (reviews move it without a new version)", { status: "in_review" }],
    ["a rename", { title: "Renamed" }],
    ["another candidate", { candidateModelId: "m2" }],
    ["another incumbent", { incumbentApiId: "api2" }],
    ["another update time", { updatedAt: new Date("2026-01-02T00:00:00Z") }],
    ["another assessment", { id: "a2" }],
  ])("changes with %s", (_label, change) => {
    expect(reportCacheKey({ ...subject, ...change })).not.toBe(reportCacheKey(subject));
  });

  it("changes with the price book's version and the catalog's version", () => {
    expect(reportCacheKey(subject, { pricingVersion: 7 })).not.toBe(reportCacheKey(subject, { pricingVersion: 8 }));
    expect(reportCacheKey(subject, { pricingVersion: 7 })).not.toBe(reportCacheKey(subject));
    expect(reportCacheKey(subject, { catalogVersion: "2026-02" })).not.toBe(reportCacheKey(subject));
  });

  it("cannot be forged by a title that contains the separator", () => {
    expect(reportCacheKey({ ...subject, title: 'a","b' , description: "" })).not.toBe(reportCacheKey({ ...subject, title: "a", description: "b" }));
  });
});

describe("report cache", () => {
  it("builds once per key and returns the same report on every later request", () => {
    const cache = createReportCache();
    const { build, count } = counting();
    const first = cache.get("k", build);
    expect(cache.get("k", build)).toBe(first);
    expect(cache.get("k", build)).toBe(first);
    expect(count()).toBe(1);
    cache.get("k2", build);
    expect(count()).toBe(2);
  });

  it("keeps only the most recently used entries", () => {
    const cache = createReportCache(2);
    const { build, count } = counting();
    cache.get("a", build);
    cache.get("b", build);
    cache.get("a", build); // a is now the most recent: b goes first
    cache.get("c", build);
    expect(cache.size).toBe(2);
    cache.get("a", build);
    expect(count()).toBe(3);
    cache.get("b", build);
    expect(count()).toBe(4);
  });

  it("freezes what it shares, so one request cannot change another's report", () => {
    const cache = createReportCache();
    const { args } = templateReportArgs(0);
    const report = cache.get("t", () => buildReport({ ...args, options: { monteCarloSamples: 200 } }));
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.stages.economics)).toBe(true);
    expect(() => {
      (report.warnings as string[]).push("x");
    }).toThrow(TypeError);
  });

  it("serves a report equal to a fresh build of the same assessment", () => {
    const cache = createReportCache();
    const { args } = templateReportArgs(0);
    const fresh = buildReport({ ...args, options: { monteCarloSamples: 500 } });
    const cached = cache.get("t", () => buildReport({ ...args, options: { monteCarloSamples: 500 } }));
    expect(cache.get("t", () => fresh)).toEqual(fresh);
    expect(cached).toEqual(fresh);
  });
});
