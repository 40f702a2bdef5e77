import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessSafety,
  DEFAULT_SAFETY_COSTS,
  NIST_AI_600_1_RISKS,
  OWASP_LLM_TOP10_2025,
  SAFETY_CONTROLS,
  SAFETY_REFERENCES,
  safetyCostBreakdown,
  ZSafetyControl,
  ZSafetyCosts,
  ZSafetyInputs,
  type TControlStatus,
} from "./safety";
import { ZProvenance } from "../shared/types";
import { DomainInputError, parseWith } from "../shared/field-errors";

const allControls = (status: TControlStatus) => Object.fromEntries(SAFETY_CONTROLS.map((c) => [c.id, status]));

describe("safety control catalog", () => {
  it("has 20-30 valid controls with unique ids", () => {
    expect(SAFETY_CONTROLS.length).toBeGreaterThanOrEqual(20);
    expect(SAFETY_CONTROLS.length).toBeLessThanOrEqual(30);
    expect(new Set(SAFETY_CONTROLS.map((c) => c.id)).size).toBe(SAFETY_CONTROLS.length);
    for (const c of SAFETY_CONTROLS) expect(ZSafetyControl.safeParse(c).success, c.id).toBe(true);
  });

  it("names the ten OWASP 2025 items and the twelve NIST AI 600-1 risks", () => {
    expect(OWASP_LLM_TOP10_2025.map((i) => i.name)).toEqual([
      "Prompt Injection",
      "Sensitive Information Disclosure",
      "Supply Chain",
      "Data and Model Poisoning",
      "Improper Output Handling",
      "Excessive Agency",
      "System Prompt Leakage",
      "Vector and Embedding Weaknesses",
      "Misinformation",
      "Unbounded Consumption",
    ]);
    expect(NIST_AI_600_1_RISKS.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it.each(OWASP_LLM_TOP10_2025.map((i) => [i.id, i.name]))("OWASP %s (%s) has at least one control", (id) => {
    expect(SAFETY_CONTROLS.some((c) => (c.owasp as string[]).includes(id))).toBe(true);
  });

  it.each(NIST_AI_600_1_RISKS.map((r) => [r.id, r.name]))("NIST risk %s (%s) has at least one control", (id) => {
    expect(SAFETY_CONTROLS.some((c) => (c.nist as string[]).includes(id))).toBe(true);
  });

  it("cites only references that exist, each with valid provenance", () => {
    for (const c of SAFETY_CONTROLS) {
      for (const ref of c.references) expect(SAFETY_REFERENCES[ref], `${c.id} -> ${ref}`).toBeDefined();
    }
    for (const ref of Object.values(SAFETY_REFERENCES)) expect(ZProvenance.safeParse(ref.provenance).success).toBe(true);
    expect(ZProvenance.safeParse(DEFAULT_SAFETY_COSTS.provenance).success).toBe(true);
    expect(ZSafetyCosts.safeParse(DEFAULT_SAFETY_COSTS.costs).success).toBe(true);
  });

  it("marks the work a closed-API vendor did for you", () => {
    const full = SAFETY_CONTROLS.filter((c) => c.vendorProvided === "full").map((c) => c.id);
    expect(full).toEqual(expect.arrayContaining(["rate-limits", "weights-provenance", "safety-benchmark"]));
  });
});

describe("assessSafety readiness", () => {
  it.each([
    ["in-place", 100, "covered"],
    ["missing", 0, "uncovered"],
    ["planned", 0, "uncovered"],
  ] as const)("all %s -> %i%%, every risk %s", (status, pct, coverage) => {
    const r = assessSafety({ controls: allControls(status) });
    expect(r.readinessPct).toBe(pct);
    expect(r.owaspCoverage).toHaveLength(10);
    expect(r.nistCoverage).toHaveLength(12);
    expect(new Set([...r.owaspCoverage, ...r.nistCoverage].map((c) => c.status))).toEqual(new Set([coverage]));
  });

  it("no input at all means every control is missing", () => {
    const r = assessSafety();
    expect(r.readinessPct).toBe(0);
    expect(r.gaps).toHaveLength(SAFETY_CONTROLS.length);
    expect(r.cost.totalUsdPerMonth).toBe(0);
  });

  it("planned controls count only in the 'if planned' readiness", () => {
    const r = assessSafety({ controls: allControls("planned") });
    expect(r.readinessPct).toBe(0);
    expect(r.readinessIfPlannedPct).toBe(100);
    expect(r.gaps.every((g) => g.status === "planned")).toBe(true);
  });

  it("weights readiness by priority", () => {
    const totalWeight = SAFETY_CONTROLS.reduce((s, c) => s + c.weight, 0);
    const r = assessSafety({ controls: { "output-handling": "in-place", "energy-tracking": "in-place" } });
    expect(r.readinessPct).toBeCloseTo(((5 + 1) / totalWeight) * 100, 10);
  });

  it("leaves not-applicable controls out of readiness and coverage", () => {
    const controls = { ...allControls("in-place"), "rag-access-control": "missing" as const };
    const withGap = assessSafety({ controls });
    expect(withGap.readinessPct).toBeLessThan(100);
    expect(withGap.owaspCoverage.find((c) => c.id === "LLM08:2025")!.status).toBe("partial");

    const notApplicable = assessSafety({ controls: { ...controls, "rag-access-control": "not-applicable" } });
    expect(notApplicable.readinessPct).toBe(100);
    expect(notApplicable.gaps).toEqual([]);
  });

  it("reports a risk whose every control is not applicable as not-applicable", () => {
    const r = assessSafety({ controls: { "energy-tracking": "not-applicable", "cost-compute-caps": "not-applicable" } });
    expect(r.nistCoverage.find((c) => c.id === "environmental")).toMatchObject({ status: "not-applicable", inPlaceShare: null });
  });

  it("returns null readiness, not NaN, when nothing applies", () => {
    const r = assessSafety({ controls: allControls("not-applicable") });
    expect(r.readinessPct).toBeNull();
    expect(r.figures.find((f) => f.key === "safety.readinessPct")!.value).toBeNull();
  });
});

describe("assessSafety coverage and gaps", () => {
  const r = assessSafety({
    controls: { "input-guard-model": "in-place", "output-guard-model": "planned", "prompt-injection-detection": "in-place" },
  });

  it("counts in-place, planned and missing controls per risk", () => {
    const llm01 = r.owaspCoverage.find((c) => c.id === "LLM01:2025")!;
    expect(llm01.status).toBe("partial");
    expect(llm01.inPlaceCount).toBe(2);
    expect(llm01.inPlaceCount + llm01.plannedCount + llm01.missingCount).toBe(llm01.controlIds.length);
    expect(r.owaspCoverage.find((c) => c.id === "LLM03:2025")!.status).toBe("uncovered");
  });

  it("ranks gaps by weight, vendor-handled first among equals", () => {
    const weights = r.gaps.map((g) => g.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const topWeight = r.gaps.filter((g) => g.weight === 5);
    expect(topWeight[0].vendorProvided).toBe("full");
    expect(r.gaps.map((g) => g.controlId)).not.toContain("input-guard-model");
    expect(r.gaps.find((g) => g.controlId === "output-guard-model")!.status).toBe("planned");
  });

  it("lists what the vendor used to handle, full before partial", () => {
    expect(r.vendorHandledGaps.every((g) => g.wasVendorHandled)).toBe(true);
    const ranks = r.vendorHandledGaps.map((g) => (g.vendorProvided === "full" ? 2 : 1));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(r.vendorHandledGaps[0]).toMatchObject({ controlId: "weights-provenance", vendorProvided: "full" });
  });
});

describe("safety stack cost", () => {
  it.each([
    // guard, red team/yr × each, monitoring, FTE × loaded, other -> monthly
    [{ mode: "gpu", gpuCount: 1, usdPerGpuHour: 0.75 }, 2, 25_000, 500, 0.5, 200_000, 0, 547.5 + 4166.666666666667 + 500 + 8333.333333333334],
    [{ mode: "gpu", gpuCount: 2, usdPerGpuHour: 2.5, hoursPerMonth: 100 }, 0, 0, 0, 0, 0, 0, 500],
    [{ mode: "usd-per-month", usdPerMonth: 1200 }, 4, 10_000, 300, 1, 180_000, 250, 1200 + 10_000 / 3 + 300 + 15_000 + 250],
    [{ mode: "usd-per-month", usdPerMonth: 0 }, 0, 0, 0, 0, 0, 0, 0],
  ] as const)("guard %j, %i × %i red team, %i tooling, %f FTE × %i, %i other", (guard, perYear, each, tooling, fte, loaded, other, monthly) => {
    const r = assessSafety({
      costs: {
        guardServing: guard,
        redTeamExercisesPerYear: perYear,
        usdPerRedTeamExercise: each,
        monitoringToolingUsdPerMonth: tooling,
        safetyStaffFte: fte,
        safetyStaffLoadedUsdPerYear: loaded,
        otherUsdPerMonth: other,
      },
    });
    expect(r.cost.totalUsdPerMonth).toBeCloseTo(monthly, 6);
    expect(r.cost.totalUsdPerYear).toBeCloseTo(monthly * 12, 6);
    const parts = r.cost.guardUsdPerMonth + r.cost.redTeamUsdPerMonth + r.cost.monitoringUsdPerMonth + r.cost.peopleUsdPerMonth + r.cost.otherUsdPerMonth;
    expect(parts).toBeCloseTo(r.cost.totalUsdPerMonth, 9);
    const total = r.figures.find((f) => f.key === "safety.totalUsdPerYear")!;
    expect(total).toMatchObject({ unit: "USD/year", formula: "total per month × 12" });
    expect(total.value).toBeCloseTo(monthly * 12, 6);
  });

  it("defaults to 730 hours a month for an always-on guard model", () => {
    const costs = ZSafetyCosts.parse({ guardServing: { mode: "gpu", gpuCount: 1, usdPerGpuHour: 1 } });
    expect(safetyCostBreakdown(costs).guardUsdPerMonth).toBe(730);
  });

  it("shows the arithmetic in each figure's formula", () => {
    const r = assessSafety({ costs: { safetyStaffFte: 2, safetyStaffLoadedUsdPerYear: 150_000 } });
    const people = r.figures.find((f) => f.key === "safety.peopleUsdPerMonth")!;
    expect(people.value).toBe(25_000);
    expect(people.formula).toContain("2 × 150000 / 12");
  });
});

describe("safety input validation", () => {
  it.each([
    [{ controls: { "no-such-control": "in-place" } }, "controls.no-such-control", /unknown safety control/],
    [{ controls: { "rate-limits": "done" } }, "controls.rate-limits", /.+/],
    [{ costs: { safetyStaffFte: -1 } }, "costs.safetyStaffFte", /must be ≥ 0/],
    [{ costs: { guardServing: { mode: "gpu", gpuCount: 1, usdPerGpuHour: 1, hoursPerMonth: 800 } } }, "costs.guardServing.hoursPerMonth", /744/],
    [{ costs: { guardServing: { mode: "cloud" } } }, "costs.guardServing.mode", /.+/],
    [{ costs: { monitoringToolingUsdPerMonth: Number.NaN } }, "costs.monitoringToolingUsdPerMonth", /.+/],
  ])("rejects %j at %s", (raw, path, message) => {
    const r = parseWith(ZSafetyInputs, raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("assessSafety throws a DomainInputError naming the field", () => {
    expect(() => assessSafety({ costs: { usdPerRedTeamExercise: -5 } })).toThrow(DomainInputError);
    expect(() => assessSafety({ costs: { usdPerRedTeamExercise: -5 } })).toThrow(/costs\.usdPerRedTeamExercise/);
  });
});

describe("assessSafety never returns NaN or Infinity", () => {
  it("holds for random statuses and costs", () => {
    const status = fc.constantFrom<TControlStatus>("in-place", "planned", "missing", "not-applicable");
    const money = fc.double({ min: 0, max: 1_000_000, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(status, { minLength: SAFETY_CONTROLS.length, maxLength: SAFETY_CONTROLS.length }),
        money,
        fc.double({ min: 0, max: 50, noNaN: true }),
        (statuses, usd, fte) => {
          const r = assessSafety({
            controls: Object.fromEntries(SAFETY_CONTROLS.map((c, i) => [c.id, statuses[i]])),
            costs: { guardServing: { mode: "usd-per-month", usdPerMonth: usd }, safetyStaffFte: fte, safetyStaffLoadedUsdPerYear: usd },
          });
          const numbers: number[] = [];
          JSON.stringify(r, (_k, v) => (typeof v === "number" && numbers.push(v), v));
          expect(numbers.every(Number.isFinite)).toBe(true);
          if (r.readinessPct !== null) {
            expect(r.readinessPct).toBeGreaterThanOrEqual(0);
            expect(r.readinessPct).toBeLessThanOrEqual(100 + 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
