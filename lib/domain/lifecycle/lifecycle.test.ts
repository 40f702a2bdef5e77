import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessLifecycle,
  DEFAULT_LIFECYCLE_INPUTS,
  DEFAULT_LIFECYCLE_PROVENANCE,
  DEFAULT_STAFFING_TEMPLATE,
  ZLifecycleInputs,
  type TLifecycleInputsInput,
} from "./lifecycle";
import { ZProvenance } from "../shared/types";
import { DomainInputError, parseWith } from "../shared/field-errors";

const refresh = {
  refreshesPerYear: 4,
  evalGpuHoursPerRefresh: 50,
  usdPerGpuHour: 2,
  evalPersonDaysPerRefresh: 5,
  usdPerPersonDay: 800,
  retuneUsdPerRefresh: 3000,
  regressionSuiteUsdPerRefresh: 400,
};

describe("assessLifecycle arithmetic", () => {
  // inputs -> expected monthly parts [people, refresh, patching, monitoring]
  it.each<[string, TLifecycleInputsInput, [number, number, number, number]]>([
    ["nothing", {}, [0, 0, 0, 0]],
    ["one engineer", { staffing: [{ role: "ML engineer", fte: 1, loadedUsdPerYear: 240_000 }] }, [20_000, 0, 0, 0]],
    [
      "two roles",
      { staffing: [{ role: "ML engineer", fte: 1.5, loadedUsdPerYear: 200_000 }, { role: "SRE", fte: 0.5, loadedUsdPerYear: 180_000 }] },
      [25_000 + 7_500, 0, 0, 0],
    ],
    // per refresh 50×2 + 5×800 + 3000 + 400 = 7500; × 4 / 12 = 2500
    ["refreshes only", { refresh }, [0, 2500, 0, 0]],
    ["refreshes without optional costs", { refresh: { ...refresh, retuneUsdPerRefresh: undefined, regressionSuiteUsdPerRefresh: undefined } }, [0, 4100 * 4 / 12, 0, 0]],
    ["patching and monitoring", { patching: { hoursPerMonth: 10, usdPerHour: 120 }, monitoringToolingUsdPerMonth: 300 }, [0, 0, 1200, 300]],
    [
      "everything",
      {
        staffing: [{ role: "MLOps", fte: 1, loadedUsdPerYear: 120_000 }],
        refresh,
        patching: { hoursPerMonth: 10, usdPerHour: 120 },
        monitoringToolingUsdPerMonth: 300,
      },
      [10_000, 2500, 1200, 300],
    ],
  ])("%s", (_label, inputs, [people, refreshMonthly, patching, monitoring]) => {
    const r = assessLifecycle(inputs);
    expect(r.cost.peopleUsdPerMonth).toBeCloseTo(people, 9);
    expect(r.cost.refreshUsdPerMonth).toBeCloseTo(refreshMonthly, 9);
    expect(r.cost.patchingUsdPerMonth).toBeCloseTo(patching, 9);
    expect(r.cost.monitoringUsdPerMonth).toBeCloseTo(monitoring, 9);
    const total = people + refreshMonthly + patching + monitoring;
    expect(r.cost.totalUsdPerMonth).toBeCloseTo(total, 9);
    expect(r.cost.totalUsdPerYear).toBeCloseTo(total * 12, 9);
    expect(r.figures.find((f) => f.key === "lifecycle.totalUsdPerYear")!.value).toBeCloseTo(total * 12, 9);
  });

  it("cost of one refresh and its formula", () => {
    const r = assessLifecycle({ refresh });
    expect(r.cost.refreshUsdEach).toBe(7500);
    expect(r.cost.refreshUsdPerYear).toBe(30_000);
    expect(r.figures.find((f) => f.key === "lifecycle.refreshUsdEach")!.formula).toContain("50 × 2 + 5 × 800 + 3000 + 400");
  });

  it("zero staffing means zero people cost", () => {
    const r = assessLifecycle({ staffing: [], refresh, patching: { hoursPerMonth: 4, usdPerHour: 100 } });
    expect(r.cost.peopleUsdPerMonth).toBe(0);
    expect(r.burden.totalFte).toBe(0);
    expect(r.figures.find((f) => f.key === "lifecycle.peopleUsdPerMonth")!.value).toBe(0);
  });

  it("per-role monthly cost", () => {
    const r = assessLifecycle({ staffing: [{ role: "SRE", fte: 0.5, loadedUsdPerYear: 180_000 }] });
    expect(r.roles).toEqual([{ role: "SRE", fte: 0.5, loadedUsdPerYear: 180_000, usdPerMonth: 7_500 }]);
  });
});

describe("burden", () => {
  it.each<[string, TLifecycleInputsInput, number, "light" | "moderate" | "heavy"]>([
    ["none", {}, 0, "light"],
    ["half an FTE", { staffing: [{ role: "ML", fte: 0.5, loadedUsdPerYear: 1 }] }, 0.5, "light"],
    // 1 FTE + 4 × 5 days / 220 + 10 h × 12 / 1760
    [
      "FTE plus part-time work",
      { staffing: [{ role: "ML", fte: 1, loadedUsdPerYear: 1 }], refresh, patching: { hoursPerMonth: 10, usdPerHour: 1 } },
      1 + 20 / 220 + 120 / 1760,
      "moderate",
    ],
    ["three FTE", { staffing: [{ role: "ML", fte: 3, loadedUsdPerYear: 1 }] }, 3, "heavy"],
  ])("%s", (_label, inputs, fteEquivalent, level) => {
    const b = assessLifecycle(inputs).burden;
    expect(b.fteEquivalent).toBeCloseTo(fteEquivalent, 12);
    expect(b.level).toBe(level);
  });

  it("reports refreshes per year", () => {
    expect(assessLifecycle({ refresh }).burden).toMatchObject({ refreshesPerYear: 4, refreshPersonDaysPerYear: 20 });
  });
});

describe("monotone in FTE", () => {
  it("more FTE never costs less", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 1_000_000, noNaN: true }),
        (a, b, loaded) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const cost = (fte: number) =>
            assessLifecycle({ ...DEFAULT_LIFECYCLE_INPUTS, staffing: [{ role: "ML", fte, loadedUsdPerYear: loaded }] }).cost.totalUsdPerMonth;
          expect(cost(hi)).toBeGreaterThanOrEqual(cost(lo));
        },
      ),
    );
  });
});

describe("defaults", () => {
  it("template has ML engineer, MLOps/SRE and safety/evals roles", () => {
    expect(DEFAULT_STAFFING_TEMPLATE.map((r) => r.role)).toEqual(["ML engineer", "MLOps / SRE", "Safety and evaluations"]);
  });

  it("are valid inputs with provenance that says they are assumptions", () => {
    expect(ZLifecycleInputs.safeParse(DEFAULT_LIFECYCLE_INPUTS).success).toBe(true);
    expect(ZProvenance.safeParse(DEFAULT_LIFECYCLE_PROVENANCE).success).toBe(true);
    expect(DEFAULT_LIFECYCLE_PROVENANCE.note).toMatch(/Assumptions to override/);
  });

  it("default programme: 2.5 FTE at 200k plus refreshes, patching and tooling", () => {
    const r = assessLifecycle(DEFAULT_LIFECYCLE_INPUTS);
    expect(r.cost.peopleUsdPerMonth).toBeCloseTo((2.5 * 200_000) / 12, 9);
    // per refresh 40 × 2.5 + 10 × 909 + 0 + 500 = 9690; × 2 / 12
    expect(r.cost.refreshUsdEach).toBe(9690);
    expect(r.cost.patchingUsdPerMonth).toBe(8 * 114);
    expect(r.burden.level).toBe("moderate");
  });
});

describe("lifecycle input validation", () => {
  it.each([
    [{ staffing: [{ role: "ML", fte: -1, loadedUsdPerYear: 1 }] }, "staffing[0].fte", /must be ≥ 0/],
    [{ staffing: [{ role: "", fte: 1, loadedUsdPerYear: 1 }] }, "staffing[0].role", /required/],
    [{ staffing: [{ role: "ML", fte: 1, loadedUsdPerYear: 9e9 }] }, "staffing[0].loadedUsdPerYear", /too large/],
    [{ refresh: { ...refresh, refreshesPerYear: 100 } }, "refresh.refreshesPerYear", /≤ 52/],
    [{ refresh: { ...refresh, usdPerGpuHour: undefined } }, "refresh.usdPerGpuHour", /.+/],
    [{ patching: { hoursPerMonth: 1000, usdPerHour: 1 } }, "patching.hoursPerMonth", /744/],
    [{ monitoringToolingUsdPerMonth: Number.POSITIVE_INFINITY }, "monitoringToolingUsdPerMonth", /.+/],
  ])("rejects %j at %s", (raw, path, message) => {
    const r = parseWith(ZLifecycleInputs, raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("assessLifecycle throws a DomainInputError naming the field", () => {
    expect(() => assessLifecycle({ patching: { hoursPerMonth: -1, usdPerHour: 1 } })).toThrow(DomainInputError);
    expect(() => assessLifecycle({ patching: { hoursPerMonth: -1, usdPerHour: 1 } })).toThrow(/patching\.hoursPerMonth/);
  });
});
