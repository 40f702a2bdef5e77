import { describe, expect, it } from "vitest";
import { getTemplate, ZAssessmentInputs, type TAssessmentInputsRaw } from "../assessment";
import { buildReport } from "./report";
import { memoSections } from "./memo-sections";
import type { TReport } from "./types";

function reportOf(id: string, patch: (raw: TAssessmentInputsRaw) => TAssessmentInputsRaw = (x) => x, samples = 2_000): TReport {
  const t = getTemplate(id)!;
  const inputs = ZAssessmentInputs.parse(patch(JSON.parse(JSON.stringify(t.inputs))));
  return buildReport({ assessment: { id: t.id, title: t.name, description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" }, inputs, options: { monteCarloSamples: samples } });
}

describe("leverage and the exit path", () => {
  const code = reportOf("internal-code-assistant", (raw) => ({ ...raw, economics: { ...raw.economics, constraints: {} } }));
  const l = code.leverage;

  it("the walk-away price is the alternative's cost per million tokens (one-time spread over the horizon), at 0.5×, 1× and 2× volume", () => {
    expect(l.isAvailable).toBe(true);
    const alt = code.options.options.find((o) => o.id === l.alternative!.optionId)!;
    expect(alt.isOpenModel).toBe(true);
    const at1 = l.walkAway.find((w) => w.volumeMultiple === 1)!;
    const expected = ((alt.monthlyUsd! + alt.oneTimeUsd! / 36) / at1.tokensPerMonth) * 1e6;
    expect(at1.walkAwayUsdPerMillionTokens).toBeCloseTo(expected, 9);
    // Fixed costs make the walk-away price fall as volume grows.
    const [half, , double] = l.walkAway;
    expect(half.walkAwayUsdPerMillionTokens).toBeGreaterThan(at1.walkAwayUsdPerMillionTokens);
    expect(double.walkAwayUsdPerMillionTokens).toBeLessThan(at1.walkAwayUsdPerMillionTokens);
    // Owning is already cheaper than Claude at this volume: the headroom is negative.
    expect(at1.headroomShare!).toBeLessThan(0);
  });

  it("a vendor price rise costs 10/30/50% of the first year's API bill, and says who wins then", () => {
    const api = code.options.options.find((o) => o.isIncumbent)!;
    const g = 1.005;
    const firstYear = Array.from({ length: 12 }, (_, m) => api.monthlyUsd! * g ** m).reduce((a, b) => a + b, 0);
    expect(l.priceRises.map((r) => r.increasePercent)).toEqual([10, 30, 50]);
    l.priceRises.forEach((r) => expect(r.extraUsdPerYear).toBeCloseTo((firstYear * r.increasePercent) / 100, 3));
    expect(l.priceRises.every((r) => !r.winnerIsIncumbent)).toBe(true);
  });

  it("exit readiness: validated, lead time, switching cost and weeks, with the lead time's basis", () => {
    expect(l.exit).toMatchObject({ isValidated: true });
    expect(l.exit!.weeksToSwitch).toBeGreaterThanOrEqual(l.exit!.leadTimeWeeks);
    expect(code.assumptions.some((a) => a.path === "economics.options.infrastructureLeadTimeWeeks")).toBe(true);
    expect(l.deprecation.openModel).toMatch(/do not expire/);
  });

  it("a retiring API model is named with its shutdown date", () => {
    const t = getTemplate("ticket-triage")!;
    const r = buildReport({ assessment: { id: "x", title: "x", description: "", candidateModelId: t.candidateModelId, incumbentApiId: "google-gemini-2.0-flash", status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" }, inputs: t.inputs, options: { monteCarloSamples: 10 } });
    expect(r.leverage.deprecation.api).toMatch(/shutdown on 2026-06-01/);
  });
});

describe("finance view", () => {
  const support = reportOf("support-summarisation");

  it("shows today's API, the recommendation and the self-hosting modes as cash, with NPV at the stated default discount rate", () => {
    const f = support.finance!;
    expect(f.discountRatePercent).toBe(8);
    expect(support.assumptions.find((a) => a.path === "economics.finance.discountRatePercent")?.provenance?.sourceUrls[0]).toMatch(/damodaran|adamodar/);
    expect(f.rows[0].isIncumbent).toBe(true);
    expect(f.points).toHaveLength(f.horizonMonths + 1);
    // Cumulative cash ends at the undiscounted horizon total.
    f.rows.forEach((row, i) => expect(f.points[f.points.length - 1].cumulative[i]).toBeCloseTo(row.horizonUsd, 3));
  });

  it("a higher discount rate lowers every present cost; an API price decline lowers the API's", () => {
    const r15 = reportOf("support-summarisation", (raw) => ({ ...raw, economics: { ...raw.economics, finance: { discountRatePercent: 15, apiPriceTrendPercentPerYear: -20 } } }));
    const api8 = support.options.options.find((o) => o.isIncumbent)!.npvUsd!;
    const api15 = r15.options.options.find((o) => o.isIncumbent)!.npvUsd!;
    expect(api15).toBeLessThan(api8);
    expect(r15.finance!.apiTrendPercentPerYear).toBe(-20);
  });
});

describe("uncertainty that is fair", () => {
  const r = reportOf("support-summarisation");
  it("default ranges are centred, so the base case sits near the median, and the report says where it sits", () => {
    const mc = r.charts.monteCarlo!;
    expect(Math.abs(mc.baseCase.percentile - 0.5)).toBeLessThan(0.1);
    expect(mc.baseCase.note).toMatch(/near the median/);
    expect(mc.figures.find((f) => f.key === "monteCarlo.baseCasePercentile")?.value).toBe(mc.baseCase.percentile);
    for (const key of ["apiUsdPerMillionInputTokens", "replicaUsdPerMonth", "replicaCapacityTokensPerMonth", "peopleUsdPerMonth"] as const) {
      const range = mc.inputs.find((i) => i.key === key)!;
      // Centred to the last few bits: relative error, since a capacity is ~1e10 tokens.
      expect(Math.abs((range.low + range.high) / 2 - range.base)).toBeLessThanOrEqual(1e-12 * Math.abs(range.base));
    }
  });

  it("the tornado ranks staffing, GPU price, utilisation and volume with the rest", () => {
    const keys = r.charts.tornado!.bars.map((b) => b.key);
    for (const k of ["peopleUsdPerMonth", "replicaUsdPerMonth", "replicaCapacityTokensPerMonth", "inputTokensPerMonth"]) expect(keys).toContain(k);
  });

  it("a skewed entered range moves the base case off the median, and the report says so", () => {
    const skewed = reportOf("support-summarisation", (raw) => ({
      ...raw,
      economics: { ...raw.economics, uncertainty: { ranges: [{ key: "apiUsdPerMillionInputTokens", lowMultiplier: 0.6, highMultiplier: 1, shape: "triangular" }, { key: "apiUsdPerMillionOutputTokens", lowMultiplier: 0.6, highMultiplier: 1, shape: "triangular" }] } },
    }));
    expect(skewed.charts.monteCarlo!.baseCase.percentile).toBeGreaterThan(0.9);
    expect(skewed.charts.monteCarlo!.baseCase.note).toMatch(/not the median/);
  });
});

describe("memo sections", () => {
  it("build the verdict, options, finance and leverage sections as plain text and tables", () => {
    const r = reportOf("contract-extraction-eu");
    const sections = memoSections(r, { totalUsdPerMonth: 1000, vendors: [{ vendor: "OpenAI", share: 0.8 }, { vendor: "Anthropic", share: 0.2 }] });
    expect(sections.map((s) => s.id)).toEqual(["verdict", "options", "finance", "leverage"]);
    expect(sections[0].paragraphs[0]).toMatch(/^Not enough information\./);
    const table = sections[1].tables[0];
    expect(table.rows.length).toBe(r.options.options.length);
    expect(table.rows.find((row) => row[0].includes("as used today"))![7]).toMatch(/^Excluded: /);
    expect(sections[3].bullets.join(" ")).toMatch(/Concentration: OpenAI 80%/);
    expect(JSON.stringify(sections)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe("open weights is not open source (licence stage)", () => {
  it("always says what the release opens; says it matters when the organisation needs to reproduce or audit", () => {
    const plain = reportOf("support-summarisation", (x) => x, 10);
    expect(plain.stages.licence.findings.find((f) => f.id.startsWith("openness:"))?.title).toBe("Open weights, not open source: Below MOF Class III (weights or report not under open terms)");
    expect(plain.stages.licence.detail?.openness?.components.trainingData).toBe("not-released");
    const needs = reportOf("support-summarisation", (raw) => ({ ...raw, licence: { ...raw.licence, opennessNeeds: ["reproducibility", "audit-training-data"] } }), 10);
    const flagged = needs.stages.licence.findings.filter((f) => f.severity === "needs-attention" && f.id.startsWith("openness:"));
    expect(flagged.map((f) => f.title)).toEqual(["You need to reproduce the model; the release does not allow it", "You need to audit the training data; the release does not allow it"]);
    expect(flagged[0].detail).toMatch(/training code, training data/);
  });
});
