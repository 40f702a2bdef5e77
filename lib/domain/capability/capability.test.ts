import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  assessCapability,
  newcombeDifference,
  wilsonInterval,
  ZCapabilityInputs,
  NO_INTERVAL_NOTE,
  type TCapabilityInputsInput,
} from "./capability";
import { sampleGrowthFactor, weightedInterval } from "./stats";
import { DomainInputError, parseWith } from "../shared/field-errors";

describe("wilsonInterval", () => {
  // Newcombe (1998, single proportion) Table II, method 3 (score, no continuity correction),
  // plus the brief's k=8/n=10 and k=0/n=10.
  it.each([
    [8, 10, 0.4902, 0.9433],
    [0, 10, 0, 0.2775],
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.8830, 1],
  ])("k=%i n=%i -> [%f, %f]", (k, n, lower, upper) => {
    const w = wilsonInterval(k, n);
    expect(w.lower).toBeCloseTo(lower, 4);
    expect(w.upper).toBeCloseTo(upper, 4);
  });

  it("returns [0, 1] rather than NaN for n = 0", () => {
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1 });
  });
});

describe("newcombeDifference (hybrid score, Newcombe 1998 Table II method 10)", () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])("%i/%i vs %i/%i -> [%f, %f]", (k1, n1, k2, n2, lower, upper) => {
    const d = newcombeDifference(k1, n1, k2, n2);
    expect(d.difference).toBeCloseTo(k1 / n1 - k2 / n2, 10);
    expect(d.lower).toBeCloseTo(lower, 4);
    expect(d.upper).toBeCloseTo(upper, 4);
  });
});

describe("weightedInterval", () => {
  it("equal weights of two symmetric intervals: half-width / √2", () => {
    const c = weightedInterval([
      { weight: 1, estimate: 0.1, lower: 0, upper: 0.2 },
      { weight: 1, estimate: -0.1, lower: -0.2, upper: 0 },
    ])!;
    expect(c.difference).toBeCloseTo(0, 12);
    expect(c.upper).toBeCloseTo(Math.sqrt(0.05 ** 2 * 2), 12);
    expect(c.lower).toBeCloseTo(-Math.sqrt(0.05 ** 2 * 2), 12);
  });

  it("a single item returns its own interval", () => {
    const c = weightedInterval([{ weight: 3, estimate: 0.05, lower: -0.01, upper: 0.2 }])!;
    expect(c.difference).toBeCloseTo(0.05, 12);
    expect(c.lower).toBeCloseTo(-0.01, 12);
    expect(c.upper).toBeCloseTo(0.2, 12);
  });

  it("returns null when there is nothing to weigh", () => {
    expect(weightedInterval([])).toBeNull();
  });
});

describe("sampleGrowthFactor", () => {
  it("scales by (half-width / distance to −t)², sized for 80% power", () => {
    // gap 0, lower −0.2, tolerance 0.05 -> (0.2 / 0.05)² = 16, × ((1.96 + 0.8416) / 1.96)²
    const power = ((1.959963984540054 + 0.8416212335729143) / 1.959963984540054) ** 2;
    expect(sampleGrowthFactor({ difference: 0, lower: -0.2, upper: 0.2 }, 0.05)).toBeCloseTo(16 * power, 10);
  });
  it("is null when the estimate sits on the threshold", () => {
    expect(sampleGrowthFactor({ difference: -0.05, lower: -0.2, upper: 0.1 }, 0.05)).toBeNull();
  });
});

function oneWorkload(
  candidate: { passCount: number; sampleCount: number },
  incumbent: { passCount: number; sampleCount: number },
  toleranceScore = 0.03,
): TCapabilityInputsInput {
  return {
    toleranceScore,
    workloads: [{ id: "w", name: "Support tickets", weight: 1, metric: "pass-rate", candidate, incumbent }],
  };
}

describe("assessCapability verdicts", () => {
  it("n = 20 with a 10-point lead is still inconclusive, with an n estimate", () => {
    const r = assessCapability(oneWorkload({ passCount: 16, sampleCount: 20 }, { passCount: 14, sampleCount: 20 }));
    const w = r.workloads[0];
    expect(w.gap).toBeCloseTo(0.1, 12);
    expect(w.method).toBe("newcombe");
    expect(w.verdict).toBe("inconclusive");
    expect(w.samplesNeededPerSide).toBeGreaterThan(20);
    expect(w.notes.join(" ")).toMatch(/too small/);
    expect(r.overall.verdict).toBe("inconclusive");
  });

  it("n = 20 with a 10-point shortfall is inconclusive too", () => {
    const r = assessCapability(oneWorkload({ passCount: 12, sampleCount: 20 }, { passCount: 14, sampleCount: 20 }));
    expect(r.workloads[0].verdict).toBe("inconclusive");
  });

  it.each([
    ["pass", 1700, 1600],
    ["fail", 1400, 1600],
    ["pass", 1600, 1600],
  ] as const)("n = 2000 decides: %s (%i vs %i of 2000)", (verdict, kC, kI) => {
    const r = assessCapability(oneWorkload({ passCount: kC, sampleCount: 2000 }, { passCount: kI, sampleCount: 2000 }));
    expect(r.workloads[0].verdict).toBe(verdict);
    expect(r.overall.verdict).toBe(verdict);
    expect(r.workloads[0].samplesNeededPerSide).toBeNull();
  });

  it("the suggested n would actually decide the small case", () => {
    const small = assessCapability(oneWorkload({ passCount: 16, sampleCount: 20 }, { passCount: 14, sampleCount: 20 }));
    const n = small.workloads[0].samplesNeededPerSide!;
    const big = assessCapability(
      oneWorkload({ passCount: Math.round(0.8 * n), sampleCount: n }, { passCount: Math.round(0.7 * n), sampleCount: n }),
    );
    expect(big.workloads[0].verdict).toBe("pass");
  });

  it("flips the sign when lower is better (error rates)", () => {
    const r = assessCapability({
      workloads: [
        {
          id: "e",
          name: "Hallucination rate",
          weight: 1,
          metric: "error-rate",
          higherIsBetter: false,
          candidate: { passCount: 50, sampleCount: 1000 },
          incumbent: { passCount: 100, sampleCount: 1000 },
        },
      ],
    });
    const w = r.workloads[0];
    expect(w.gap).toBeCloseTo(0.05, 12);
    const raw = newcombeDifference(50, 1000, 100, 1000);
    expect(w.gapInterval!.lower).toBeCloseTo(-raw.upper, 12);
    expect(w.gapInterval!.upper).toBeCloseTo(-raw.lower, 12);
    expect(w.verdict).toBe("pass");
  });

  it("uses the normal interval √(se₁² + se₂²) when only stderr is known", () => {
    const r = assessCapability({
      workloads: [
        {
          id: "s",
          name: "Summaries",
          weight: 1,
          metric: "score-0-1",
          candidate: { score: 0.7, stderr: 0.01 },
          incumbent: { score: 0.72, stderr: 0.02 },
        },
      ],
    });
    const w = r.workloads[0];
    expect(w.method).toBe("normal");
    const half = 1.959963984540054 * Math.sqrt(0.01 ** 2 + 0.02 ** 2);
    expect(w.gapInterval!.lower).toBeCloseTo(-0.02 - half, 12);
    expect(w.gapInterval!.upper).toBeCloseTo(-0.02 + half, 12);
  });

  it("mixes counts on one side with stderr on the other (se from the Wilson width)", () => {
    const r = assessCapability({
      workloads: [
        {
          id: "m",
          name: "Mixed",
          weight: 1,
          metric: "accuracy",
          candidate: { passCount: 800, sampleCount: 1000 },
          incumbent: { score: 0.82, stderr: 0.01 },
        },
      ],
    });
    const w = r.workloads[0];
    expect(w.method).toBe("normal");
    const wilson = wilsonInterval(800, 1000);
    const seC = (wilson.upper - wilson.lower) / (2 * 1.959963984540054);
    const half = 1.959963984540054 * Math.sqrt(seC ** 2 + 0.01 ** 2);
    expect(w.gapInterval!.lower).toBeCloseTo(-0.02 - half, 12);
    expect(w.candidate.interval).toEqual(wilson);
    expect(w.incumbent.interval).toBeNull();
  });

  it("uses a conservative bound for a 0..1 score with n but no stderr", () => {
    const r = assessCapability({
      workloads: [
        { id: "s", name: "Rubric", weight: 1, metric: "score-0-1", candidate: { score: 0.5, sampleCount: 100 }, incumbent: { score: 0.5, sampleCount: 100 } },
      ],
    });
    expect(r.workloads[0].method).toBe("normal-bound");
    const half = 1.959963984540054 * Math.sqrt(2 * 0.25 / 100);
    expect(r.workloads[0].gapInterval!.upper).toBeCloseTo(half, 12);
  });

  it("flags 'no interval' when neither n nor stderr is known", () => {
    const r = assessCapability({
      workloads: [{ id: "t", name: "Typed", weight: 1, metric: "accuracy", candidate: { score: 0.8 }, incumbent: { score: 0.82 } }],
    });
    expect(r.workloads[0].verdict).toBe("no-interval");
    expect(r.workloads[0].notes).toContain(NO_INTERVAL_NOTE);
    expect(r.overall.verdict).toBe("no-interval");
    expect(r.overall.weightedGap).toBeCloseTo(-0.02, 12);
    expect(r.overall.interval).toBeNull();
    expect(r.overall.notes.join(" ")).toMatch(/no interval: sample sizes unknown for Typed/);
  });

  it("marks --limit runs as samples", () => {
    const r = assessCapability({
      workloads: [
        {
          id: "m",
          name: "MMLU",
          weight: 1,
          metric: "accuracy",
          candidate: { score: 0.7, sampleCount: 100, source: "lm-eval-harness", limited: true },
          incumbent: { score: 0.72, sampleCount: 100 },
        },
      ],
    });
    expect(r.workloads[0].candidate.isLimited).toBe(true);
    expect(r.workloads[0].notes.join(" ")).toMatch(/--limit/);
    expect(r.workloads[0].notes.join(" ")).toMatch(/derived/);
  });
});

describe("assessCapability weighted combination", () => {
  const inputs: TCapabilityInputsInput = {
    toleranceScore: 0.03,
    workloads: [
      { id: "a", name: "A", weight: 3, metric: "pass-rate", candidate: { passCount: 920, sampleCount: 1000 }, incumbent: { passCount: 880, sampleCount: 1000 } },
      { id: "b", name: "B", weight: 1, metric: "pass-rate", candidate: { passCount: 650, sampleCount: 1000 }, incumbent: { passCount: 760, sampleCount: 1000 } },
      { id: "c", name: "C (not run yet)", weight: 5, metric: "pass-rate", candidate: { passCount: 1, sampleCount: 2 } },
    ],
  };
  const r = assessCapability(inputs);

  it("normalises weights over assessed workloads and skips the rest", () => {
    expect(r.workloads.map((w) => w.weightShare)).toEqual([0.75, 0.25]);
    expect(r.skipped).toEqual([{ id: "c", name: "C (not run yet)", reason: "no incumbent result" }]);
  });

  it("weighted gap = Σ w·gap / Σ w", () => {
    expect(r.overall.weightedGap).toBeCloseTo(0.75 * 0.04 + 0.25 * -0.11, 12);
  });

  it("combined interval propagates each side's distance (MOVER)", () => {
    const a = newcombeDifference(920, 1000, 880, 1000);
    const b = newcombeDifference(650, 1000, 760, 1000);
    const g = 0.75 * 0.04 + 0.25 * -0.11;
    const lower = g - Math.hypot(0.75 * (a.difference - a.lower), 0.25 * (b.difference - b.lower));
    const upper = g + Math.hypot(0.75 * (a.upper - a.difference), 0.25 * (b.upper - b.difference));
    expect(r.overall.interval!.lower).toBeCloseTo(lower, 12);
    expect(r.overall.interval!.upper).toBeCloseTo(upper, 12);
    expect(r.overall.verdict).toBe("pass");
    // One workload fails on its own even though the weighted result passes.
    expect(r.workloads[1].verdict).toBe("fail");
  });

  it("reports key figures in percentage points with formulas", () => {
    const gap = r.figures.find((f) => f.key === "capability.weightedGap")!;
    expect(gap.unit).toBe("pp");
    expect(gap.value).toBeCloseTo(0.25, 10);
    expect(r.figures.every((f) => f.formula.length > 0)).toBe(true);
    expect(r.formulas.newcombe).toMatch(/Newcombe/);
  });
});

describe("capability input validation", () => {
  it.each([
    [{ workloads: [] }, "workloads", /at least one/],
    [{ workloads: [{ id: "a", name: "A", weight: 0, metric: "accuracy" }] }, "workloads[0].weight", /weight must be > 0/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", candidate: { score: 80 } }] }, "workloads[0].candidate.score", /≤ 1/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", candidate: { passCount: 11, sampleCount: 10 } }] }, "workloads[0].candidate.passCount", /cannot exceed/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", candidate: { passCount: 8, sampleCount: 10, score: 0.5 } }] }, "workloads[0].candidate.score", /does not match/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy", incumbent: { passCount: 8 } }] }, "workloads[0].incumbent.sampleCount", /required/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "score-0-1", candidate: { passCount: 8, sampleCount: 10 } }] }, "workloads[0].candidate.passCount", /proportion metrics/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy" }, { id: "a", name: "B", weight: 1, metric: "accuracy" }] }, "workloads[1].id", /duplicate/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "accuracy" }], toleranceScore: 3 }, "toleranceScore", /≤ 0.5/],
    [{ workloads: [{ id: "a", name: "A", weight: 1, metric: "bleu" }] }, "workloads[0].metric", /.+/],
  ])("rejects %j at %s", (raw, path, message) => {
    const result = parseWith(ZCapabilityInputs, raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(result.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
    expect(hit!.message.startsWith(path)).toBe(true);
  });

  it("assessCapability throws a DomainInputError naming the field", () => {
    expect(() => assessCapability({ workloads: [{ id: "a", name: "A", weight: -1, metric: "accuracy" }] })).toThrow(DomainInputError);
    expect(() => assessCapability({ workloads: [{ id: "a", name: "A", weight: -1, metric: "accuracy" }] })).toThrow(/workloads\[0\]\.weight/);
  });
});

describe("assessCapability never returns NaN or Infinity", () => {
  const side = fc.oneof(
    fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), stderr: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    fc.integer({ min: 1, max: 100_000 }).chain((n) =>
      fc.record({ sampleCount: fc.constant(n), passCount: fc.integer({ min: 0, max: n }) }),
    ),
  );
  const workload = fc.record({
    id: fc.uuid(),
    name: fc.constant("w"),
    weight: fc.double({ min: 1e-6, max: 1000, noNaN: true }),
    metric: fc.constantFrom("accuracy" as const, "pass-rate" as const, "error-rate" as const),
    higherIsBetter: fc.boolean(),
    candidate: side,
    incumbent: side,
  });

  it("holds for random inputs", () => {
    fc.assert(
      fc.property(fc.array(workload, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (workloads, toleranceScore) => {
        const ids = new Set(workloads.map((w) => w.id));
        fc.pre(ids.size === workloads.length);
        const r = assessCapability({ workloads, toleranceScore });
        const numbers: number[] = [];
        JSON.stringify(r, (_k, v) => {
          if (typeof v === "number") numbers.push(v);
          return v;
        });
        // JSON.stringify turns NaN/Infinity into null, so check the collected raw numbers.
        expect(numbers.every(Number.isFinite)).toBe(true);
        if (r.overall.interval) {
          expect(r.overall.interval.lower).toBeLessThanOrEqual(r.overall.weightedGap! + 1e-12);
          expect(r.overall.interval.upper).toBeGreaterThanOrEqual(r.overall.weightedGap! - 1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });
});
