import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { A100_80GB, H100_SXM, H200_SXM, L40S, LLAMA_3_1_70B, LLAMA_3_1_8B, MIXTRAL_8X7B } from "../__fixtures__/sizing-models";
import { getGpu, getModel } from "../catalog";
import type { TGpu, TModelArchitecture } from "../shared";
import { bestAttempt, searchLayouts, type TLayoutPins, type TLayoutSearchInput } from "./layout-search";
import { parseSizingInputs, servingAssumptions, servingTargets, servingWorkload, sizeDeployment, type TSizingInputsRaw } from "./sizing";
import { averageRequestsPerSecond, peakRequestsPerSecond } from "./traffic";

const HOURS_PER_MONTH = 730;

/** The search input a report would build for these sizing inputs, with one $/GPU-hour per GPU. */
function searchInput(raw: TSizingInputsRaw, model: TModelArchitecture, prices: { gpu: TGpu; usdPerGpuHour: number }[], pins: TLayoutPins = {}): TLayoutSearchInput {
  const inputs = parseSizingInputs(raw);
  const context = inputs.promptTokensPerRequest + inputs.outputTokensPerRequest;
  const avg = averageRequestsPerSecond(inputs.traffic, context);
  return {
    model,
    offers: prices.map(({ gpu, usdPerGpuHour }) => ({ gpu, usdPerGpuMonth: usdPerGpuHour * HOURS_PER_MONTH, priceLabel: `$${usdPerGpuHour}/h` })),
    pins,
    quality: { maxLossPoints: 100, entered: {} },
    workload: servingWorkload(inputs, peakRequestsPerSecond(avg, inputs.peak), avg * context * HOURS_PER_MONTH * 3600),
    targets: servingTargets(inputs),
    assumptions: servingAssumptions(inputs),
  };
}

const arbModel = fc.constantFrom(LLAMA_3_1_8B, LLAMA_3_1_70B, MIXTRAL_8X7B);
const arbRaw = fc.record({
  promptTokensPerRequest: fc.integer({ min: 50, max: 6000 }),
  outputTokensPerRequest: fc.integer({ min: 20, max: 2000 }),
  requestsPerMonth: fc.double({ min: 0, max: 5e8, noNaN: true }),
  minOutputTokensPerSecondPerSequence: fc.constantFrom(0, 10, 20, 40),
  ttftSeconds: fc.option(fc.constantFrom(0.5, 1, 3, 10), { nil: undefined }),
  hasSpareReplica: fc.boolean(),
  regions: fc.integer({ min: 1, max: 3 }),
});
const arbPrices = fc.tuple(fc.double({ min: 0.5, max: 8, noNaN: true }), fc.double({ min: 0.5, max: 8, noNaN: true }), fc.double({ min: 0.5, max: 8, noNaN: true }));

type TArbRaw = { promptTokensPerRequest: number; outputTokensPerRequest: number; requestsPerMonth: number; minOutputTokensPerSecondPerSequence: number; ttftSeconds?: number; hasSpareReplica: boolean; regions: number };

function toRaw(v: TArbRaw): TSizingInputsRaw {
  return {
    promptTokensPerRequest: v.promptTokensPerRequest,
    outputTokensPerRequest: v.outputTokensPerRequest,
    traffic: { kind: "requests", requestsPerMonth: v.requestsPerMonth },
    minOutputTokensPerSecondPerSequence: v.minOutputTokensPerSecondPerSequence,
    ...(v.ttftSeconds !== undefined ? { ttftSeconds: v.ttftSeconds } : {}),
    hasSpareReplica: v.hasSpareReplica,
    regions: v.regions,
  };
}

describe("layout search: the cheapest feasible layout", () => {
  it("never returns a layout that costs more than another feasible layout it enumerated (exhaustive costing)", () => {
    fc.assert(
      fc.property(arbModel, arbRaw, arbPrices, (model, r, [p1, p2, p3]) => {
        const input = searchInput(toRaw(r), model, [{ gpu: H100_SXM, usdPerGpuHour: p1 }, { gpu: H200_SXM, usdPerGpuHour: p2 }, { gpu: A100_80GB, usdPerGpuHour: p3 }]);
        const result = searchLayouts({ ...input, isExhaustive: true });
        const feasible = result.options.filter((o) => o.feasible);
        expect(result.evaluatedExactly).toBe(result.enumerated);
        if (feasible.length === 0) {
          expect(result.chosen).toBeNull();
          return;
        }
        expect(result.chosen).not.toBeNull();
        expect(result.bestAttempt).toBeNull();
        for (const o of feasible) expect(result.chosen!.usdPerMonth).toBeLessThanOrEqual(o.usdPerMonth * (1 + 1e-12));
      }),
      { numRuns: 60 },
    );
  });

  it("pruning by a lower bound chooses what exhaustive costing chooses", () => {
    fc.assert(
      fc.property(arbModel, arbRaw, arbPrices, (model, r, [p1, p2, p3]) => {
        const input = searchInput(toRaw(r), model, [{ gpu: H100_SXM, usdPerGpuHour: p1 }, { gpu: H200_SXM, usdPerGpuHour: p2 }, { gpu: A100_80GB, usdPerGpuHour: p3 }]);
        const pruned = searchLayouts(input);
        const exhaustive = searchLayouts({ ...input, isExhaustive: true });
        expect(pruned.chosen === null).toBe(exhaustive.chosen === null);
        if (pruned.chosen && exhaustive.chosen) expect(Math.abs(pruned.chosen.usdPerMonth - exhaustive.chosen.usdPerMonth)).toBeLessThanOrEqual(1e-9 * exhaustive.chosen.usdPerMonth);
        // A bound never exceeds the exact cost, so a pruned option really is no cheaper than the choice.
        // Costs within compareOptions' tie tolerance (1e-9 relative) count as equal: prices like 0.5 and 0.5000000000000001 differ only in rounding.
        const floor = pruned.chosen ? pruned.chosen.usdPerMonth * (1 - 1e-9) : -Infinity;
        for (const o of pruned.options.filter((x) => !x.isExact && x.feasible)) expect(o.usdPerMonth).toBeGreaterThanOrEqual(floor);
      }),
      { numRuns: 40 },
    );
  });

  it("pinning every dimension reproduces sizing of that fixed layout", () => {
    fc.assert(
      fc.property(
        arbModel,
        arbRaw,
        fc.constantFrom(H100_SXM, H200_SXM, A100_80GB),
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom("bf16", "fp8", "int4") as fc.Arbitrary<"bf16" | "fp8" | "int4">,
        (model, r, gpu, t, weightPrecision) => {
          const raw: TSizingInputsRaw = { ...toRaw(r), weightPrecision, tensorParallelOverride: t, pipelineStagesOverride: 1, cost: { cloudOnDemand: { usdPerGpuHour: 2 } } };
          const sized = sizeDeployment(raw, model, gpu);
          const result = searchLayouts(searchInput(raw, model, [{ gpu, usdPerGpuHour: 2 }], { gpuId: gpu.id, tensorParallel: t, pipelineStages: 1, weightPrecision, kvCachePrecision: sized.layout.kvCachePrecision }));
          expect(result.options).toHaveLength(1);
          const o = result.options[0];
          expect(o.tensorParallel).toBe(t);
          if (!sized.fits) {
            expect(o.feasible).toBe(false);
            return;
          }
          expect(o.batch).toBe(sized.throughput!.batchAtTarget);
          if (o.feasible) {
            expect(o.replicas).toBe(sized.replicas);
            expect(o.totalGpus).toBe(sized.totalGpus);
            expect(o.usdPerMonth).toBeCloseTo(sized.costs.cloudOnDemand!.usdPerMonth, 6);
          } else {
            // Pinned into a layout that misses a target: sizing still runs it and says so.
            expect(sized.throughput!.latencyTargetMet && sized.throughput!.ttftTargetMet).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("layout search: the issue's cases", () => {
  // Llama 3.3 70B FP8 on H100, 1000/1000 tokens, 10B tokens/month: TP1 holds only a handful of
  // sequences next to 70 GB of weights, so two GPUs per replica come out far cheaper.
  it("70B FP8 on H100 at 10B tokens/month: TP2 or wider, not TP1", () => {
    const model = getModel("llama-3.3-70b-instruct")!;
    const h100 = getGpu("h100-sxm-80gb")!;
    const raw: TSizingInputsRaw = { promptTokensPerRequest: 1000, outputTokensPerRequest: 1000, traffic: { kind: "tokens", tokensPerMonth: 1e10 }, weightPrecision: "fp8" };
    const result = searchLayouts(searchInput(raw, model, [{ gpu: h100, usdPerGpuHour: 2.5 }], { gpuId: h100.id, weightPrecision: "fp8" }));
    const chosen = result.chosen!;
    expect(chosen.tensorParallel).toBeGreaterThanOrEqual(2);
    const tp1 = result.options.find((o) => o.tensorParallel === 1)!;
    expect(tp1.batch).toBeLessThan(chosen.batch);
    if (tp1.feasible) expect(tp1.usdPerMonth / chosen.usdPerMonth).toBeGreaterThan(2);
  });

  it("with every GPU offered, a GPU too small for the model never wins and the cheap one that fits does", () => {
    const raw: TSizingInputsRaw = { promptTokensPerRequest: 1000, outputTokensPerRequest: 300, traffic: { kind: "requests", requestsPerMonth: 1e6 } };
    const result = searchLayouts(searchInput(raw, LLAMA_3_1_8B, [{ gpu: H100_SXM, usdPerGpuHour: 3 }, { gpu: L40S, usdPerGpuHour: 0.9 }]));
    expect(result.chosen!.gpuId).toBe(L40S.id);
    const h100 = result.options.filter((o) => o.gpuId === H100_SXM.id && o.feasible);
    for (const o of h100) expect(o.usdPerMonth).toBeGreaterThan(result.chosen!.usdPerMonth);
  });

  it("a quantized precision beyond the quality limit is not chosen, however cheap", () => {
    const raw: TSizingInputsRaw = { promptTokensPerRequest: 1000, outputTokensPerRequest: 500, traffic: { kind: "requests", requestsPerMonth: 5e6 } };
    const input = searchInput(raw, LLAMA_3_1_70B, [{ gpu: H100_SXM, usdPerGpuHour: 3 }]);
    const strict = searchLayouts({ ...input, quality: { maxLossPoints: 0.5, entered: {} } });
    expect(["bf16", "fp8"]).toContain(strict.chosen!.weightPrecision);
    expect(strict.options.some((o) => o.weightPrecision === "int4" && /quality/.test(o.infeasibleReason ?? ""))).toBe(true);
  });

  it("nothing meets the targets: the best attempt is the servable layout nearest them, never one that does not fit", () => {
    const raw: TSizingInputsRaw = { promptTokensPerRequest: 1000, outputTokensPerRequest: 500, traffic: { kind: "requests", requestsPerMonth: 1e6 }, minOutputTokensPerSecondPerSequence: 500, weightPrecision: "bf16" };
    const result = searchLayouts(searchInput(raw, LLAMA_3_1_70B, [{ gpu: H100_SXM, usdPerGpuHour: 3 }], { weightPrecision: "bf16" }));
    expect(result.chosen).toBeNull();
    const best = result.bestAttempt!;
    expect(best.isServable).toBe(true);
    // The widest degree decodes fastest.
    expect(best.tensorParallel).toBe(8);
    for (const o of result.options.filter((x) => x.isServable)) expect(best.targetShortfall).toBeLessThanOrEqual(o.targetShortfall);
    expect(bestAttempt(result.options.filter((o) => !o.isServable))).toBeNull();
  });

  it("work does not grow with traffic: the same candidates at 1e6 and 1e17 tokens a month", () => {
    const at = (tokensPerMonth: number) =>
      searchLayouts(searchInput({ promptTokensPerRequest: 500, outputTokensPerRequest: 200, traffic: { kind: "tokens", tokensPerMonth }, ttftSeconds: 2 }, LLAMA_3_1_8B, [{ gpu: H100_SXM, usdPerGpuHour: 3 }]));
    expect(at(1e17).enumerated).toBe(at(1e6).enumerated);
    expect(at(1e17).chosen!.replicas).toBeGreaterThan(1e5);
  });
});
