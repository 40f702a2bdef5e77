// Resolution order of the organisation price book: catalog < price book < this assessment.
import { describe, expect, it } from "vitest";
import { getApiPrice, type TApiPrice } from "../catalog";
import { changedPriceBookFields, EMPTY_PRICE_BOOK_VALUES, parsePriceBookForm, resolveApiPrice, resolveFigure, ZPriceBookValues, type TPriceBook, type TPriceBookValues } from "../assessment";
import { ZAssessmentInputs, type TAssessmentInputsRaw } from "../assessment/inputs";
import { ASSESSMENT_TEMPLATES } from "../assessment/templates";
import { buildReport, type TReportAssessment } from "./report";
import { frozenFigures } from "./history";

const book = (values: Partial<TPriceBookValues>, version = 3): TPriceBook => ({ version, values: ZPriceBookValues.parse(values), updatedByName: "Mia Manager", updatedAt: "2026-12-06T04:00:00.000Z" });
const gpt4o = getApiPrice("openai-gpt-4o") as TApiPrice;
const ASSESSMENT: TReportAssessment = { id: "a", title: "T", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-12-06T00:00:00.000Z" };
const report = (raw: TAssessmentInputsRaw, priceBook: TPriceBook | null) => buildReport({ assessment: ASSESSMENT, inputs: ZAssessmentInputs.parse(raw), priceBook, options: { monteCarloSamples: 200, seed: 1 } });

describe("resolveApiPrice", () => {
  const cases: { name: string; values: Partial<TPriceBookValues>; entered: { inputUsdPerMTok: number; outputUsdPerMTok: number } | null; source: string; input: number }[] = [
    { name: "no book: the catalog list price", values: {}, entered: null, source: "catalog", input: gpt4o.inputUsdPerMTok },
    { name: "a vendor discount", values: { apiVendorDiscountPercent: { OpenAI: 25 } }, entered: null, source: "priceBook", input: gpt4o.inputUsdPerMTok * 0.75 },
    { name: "the API's own discount wins over its vendor's", values: { apiVendorDiscountPercent: { OpenAI: 25 }, apiModelDiscountPercent: { "openai-gpt-4o": 40 } }, entered: null, source: "priceBook", input: gpt4o.inputUsdPerMTok * 0.6 },
    { name: "another vendor's discount does not apply", values: { apiVendorDiscountPercent: { Anthropic: 25 } }, entered: null, source: "catalog", input: gpt4o.inputUsdPerMTok },
    { name: "the assessment's own price wins over the book", values: { apiVendorDiscountPercent: { OpenAI: 25 } }, entered: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 }, source: "assessment", input: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveApiPrice({ row: gpt4o, book: book(c.values), entered: c.entered });
      expect(r?.source).toBe(c.source);
      expect(r?.inputUsdPerMTok).toBeCloseTo(c.input, 9);
    });
  }
  it("resolveFigure: entered < book < fallback", () => {
    expect(resolveFigure(5, 6, 7)).toEqual({ value: 5, source: "assessment" });
    expect(resolveFigure(undefined, 6, 7)).toEqual({ value: 6, source: "priceBook" });
    expect(resolveFigure(undefined, undefined, 7)).toEqual({ value: 7, source: "catalog" });
  });
});

describe("buildReport with a price book", () => {
  it("prices the incumbent at the book's discount and says the figure came from the organisation price book", () => {
    const plain = report({}, null);
    const booked = report({}, book({ apiVendorDiscountPercent: { OpenAI: 25 } }));
    expect(booked.meta.incumbent.inputUsdPerMTok).toBeCloseTo(plain.meta.incumbent.inputUsdPerMTok! * 0.75, 9);
    expect(booked.meta.incumbent.priceSource).toMatch(/^organisation price book, set by Mia Manager on 2026-12-06 \(version 3\): 25% off/);
    expect(booked.stages.economics.assumptions.find((a) => a.path === "economics.apiPriceOverride.inputUsdPerMTok")?.basis).toMatch(/organisation price book/);
  });
  it("an API price the assessment entered wins over the book", () => {
    const r = report({ economics: { apiPriceOverride: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 } } }, book({ apiVendorDiscountPercent: { OpenAI: 25 } }));
    expect(r.meta.incumbent.inputUsdPerMTok).toBe(1);
    expect(r.meta.incumbent.priceSource).toBe("your price");
  });
  it("uses the book's internal H100 price unless the assessment enters its own", () => {
    const b = book({ gpus: { "h100-sxm-80gb": { usdPerGpuHour: 1.11 } } });
    const booked = report({}, b);
    expect(booked.stages.infrastructure.detail?.pricing.usdPerGpuHour).toBe(1.11);
    expect(booked.stages.infrastructure.detail?.pricing.label).toMatch(/organisation price book/);
    const own = report({ infrastructure: { pricing: { usdPerGpuHour: 3.33 } } }, b);
    expect(own.stages.infrastructure.detail?.pricing.usdPerGpuHour).toBe(3.33);
    expect(report({}, null).stages.infrastructure.detail?.pricing.label).not.toMatch(/price book/);
  });
  it("applies the finance defaults, allowed regions and role costs, each marked with the book", () => {
    const r = report({}, book({ discountRatePercent: 12, horizonMonths: 24, allowedRegions: ["EU"], roleLoadedUsdPerYear: { "ML engineer": 120_000 } }));
    expect(r.options.discountRatePercent).toBe(12);
    expect(r.stages.economics.assumptions.find((a) => a.path === "economics.finance.discountRatePercent")?.basis).toMatch(/organisation price book/);
    expect(r.stages.economics.assumptions.find((a) => a.path === "economics.horizonMonths")?.value).toBe(24);
    expect(r.options.constraints.allowedRegions).toEqual(["EU"]);
    expect(r.stages.lifecycle.detail?.inputs.staffing.find((s) => s.role === "ML engineer")?.loadedUsdPerYear).toBe(120_000);
    const entered = report({ economics: { finance: { discountRatePercent: 5 } } }, book({ discountRatePercent: 12 }));
    expect(entered.options.discountRatePercent).toBe(5);
  });
  it("prices the other APIs of a discounted vendor at the discount too", () => {
    const t = ASSESSMENT_TEMPLATES.find((x) => x.id === "support-summarisation")!;
    const run = (b: TPriceBook | null) => buildReport({ assessment: { ...ASSESSMENT, incumbentApiId: t.incumbentApiId, candidateModelId: t.candidateModelId }, inputs: t.inputs, priceBook: b, options: { monteCarloSamples: 200, seed: 1 } });
    const booked = run(book({ apiVendorDiscountPercent: { OpenAI: 25 } })).options.options.filter((o) => o.kind === "api-tier" && o.vendor === "OpenAI");
    expect(booked.length).toBeGreaterThan(0);
    for (const o of booked) expect(o.formula).toMatch(/list less 25%, organisation price book/);
    expect(run(null).options.options.filter((o) => o.kind === "api-tier").every((o) => !/price book/.test(o.formula))).toBe(true);
  });
  it("freezes the book's values with the figures", () => {
    const figures = frozenFigures(report({}, book({ apiVendorDiscountPercent: { OpenAI: 25 } }, 7)));
    expect(figures.find((f) => f.key === "priceBook.version")?.value).toBe(7);
    expect(figures.find((f) => f.key === "priceBook.API discount: OpenAI (%)")?.value).toBe(25);
  });
});

describe("the price book form", () => {
  it("reads blanks as not set and names each wrong field", () => {
    const r = parsePriceBookForm({ "vendor:OpenAI": "25", "gpuHour:h100-sxm-80gb": "1.9", "vendor:Anthropic": "", "region:EU": "on" }, []);
    expect(r).toEqual({ ok: true, values: { ...EMPTY_PRICE_BOOK_VALUES, apiVendorDiscountPercent: { OpenAI: 25 }, gpus: { "h100-sxm-80gb": { usdPerGpuHour: 1.9 } }, allowedRegions: ["EU"] } });
    const bad = parsePriceBookForm({ "vendor:OpenAI": "125", "gpuHour:h100-sxm-80gb": "abc", horizonMonths: "6" }, []);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors["vendor:OpenAI"]).toMatch(/cannot exceed 100%/);
      expect(bad.errors["gpuHour:h100-sxm-80gb"]).toMatch(/not a number/);
      expect(bad.errors.horizonMonths).toMatch(/at least 12 months/);
    }
  });
  it("lists the changed fields for the audit log", () => {
    const changes = changedPriceBookFields(EMPTY_PRICE_BOOK_VALUES, ZPriceBookValues.parse({ apiVendorDiscountPercent: { OpenAI: 25 }, usdPerKwh: 0.1 }));
    expect(changes).toEqual([
      { field: "API discount: OpenAI (%)", from: "not set", to: "25" },
      { field: "Power tariff (USD/kWh)", from: "not set", to: "0.1" },
    ]);
  });
});
