// Measured serving results: what a team's own benchmark run says about one layout, stored with the
// assessment, and how it corrects the estimate. The estimate is recomputed at the measurement's own
// conditions (prompt and output lengths, concurrency); measured ÷ estimated is the layout's speed
// factor, applied to every time the model computes for it. At the measured shape and concurrency
// the sizing then reproduces the measured throughput exactly; elsewhere it scales the estimate.
import { z } from "zod";
import type { TModelArchitecture } from "../shared";
import { fmt } from "../shared";
import { ZKvCachePrecision, ZWeightPrecision } from "./memory";
import { buildServingSpeed, decodeStep, evaluateLayout, type TServingAssumptions, type TServingLayout } from "./serving-model";

export const ZMeasurementFormat = z.enum(["vllm-bench-serve", "genai-perf", "llmperf"]);
export type TMeasurementFormat = z.infer<typeof ZMeasurementFormat>;

export const MEASUREMENT_FORMAT_LABELS: Record<TMeasurementFormat, string> = {
  "vllm-bench-serve": "vLLM bench serve / benchmark_serving.py",
  "genai-perf": "NVIDIA GenAI-Perf",
  llmperf: "LLMPerf",
};

const ms = z.number().nonnegative().max(1e9);
export const ZLatencyStats = z.strictObject({ mean: ms.optional(), p50: ms.optional(), p90: ms.optional(), p95: ms.optional(), p99: ms.optional() });
export type TLatencyStats = z.infer<typeof ZLatencyStats>;

export const ZMeasuredLayout = z.strictObject({
  gpuId: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9][a-z0-9._:-]*$/, "a GPU id (lower-case, digits, . _ : -)"),
  tensorParallel: z.number().int().min(1).max(64),
  pipelineStages: z.number().int().min(1).max(256),
  weightPrecision: ZWeightPrecision,
  kvCachePrecision: ZKvCachePrecision,
});
export type TMeasuredLayout = z.infer<typeof ZMeasuredLayout>;

/** One imported benchmark run, as stored in the infrastructure stage. Times in milliseconds. */
export const ZServingMeasurement = z.strictObject({
  id: z.string().min(1).max(80),
  format: ZMeasurementFormat,
  fileName: z.string().min(1).max(200),
  /** ISO date the file was imported. */
  importedOn: z.string().min(4).max(40),
  /** When the benchmark ran, as the file says (free text: tools disagree on the format). */
  runDate: z.string().max(60).optional(),
  modelName: z.string().max(300),
  /** What the file says about the engine or hardware (backend, endpoint), or the team's note. */
  hardwareNote: z.string().max(300).optional(),
  promptTokens: z.number().gt(0).max(10_000_000),
  outputTokens: z.number().gt(0).max(1_000_000),
  /** Closed loop: requests kept in flight. Absent with a request rate: open loop. */
  concurrency: z.number().int().min(1).max(1_000_000).optional(),
  requestRatePerSecond: z.number().gt(0).max(1e9).optional(),
  outputTokensPerSecond: z.number().gt(0).max(1e12),
  requestsPerSecond: z.number().gt(0).max(1e9).optional(),
  completedRequests: z.number().int().min(0).max(1e12).optional(),
  durationSeconds: z.number().gt(0).max(1e9).optional(),
  ttftMs: ZLatencyStats,
  tpotMs: ZLatencyStats,
  /** The layout the run was made on: the measurement replaces the estimate for this layout only. */
  layout: ZMeasuredLayout,
});
export type TServingMeasurement = z.infer<typeof ZServingMeasurement>;

export function measuredLayoutKey(l: TMeasuredLayout): string {
  return `${l.gpuId}|tp${l.tensorParallel}|pp${l.pipelineStages}|w:${l.weightPrecision}|kv:${l.kvCachePrecision}`;
}

export type TMeasurementComparison = {
  /** Measured ÷ estimated speed on this layout. */
  speedFactor: number;
  estimatedOutputTokensPerSecond: number;
  measuredOutputTokensPerSecond: number;
  method: string;
  warnings: string[];
};

/** A measurement far from the estimate is more likely the wrong layout than a 20× faster engine. */
const SPEED_FACTOR_RANGE = { min: 0.05, max: 20 };

/**
 * Estimate at the measurement's conditions and the ratio to what was measured. Closed loop
 * (a concurrency, requests sent as fast as they complete): output tokens/s at batch = concurrency.
 * Open loop (a request rate below capacity): throughput only echoes the rate, so time per output
 * token is compared at the mean concurrency Little's law gives (rate × time in system).
 */
export function compareMeasurement(model: TModelArchitecture, layout: TServingLayout, m: TServingMeasurement, a: TServingAssumptions): TMeasurementComparison {
  const warnings: string[] = [];
  const s = Math.max(1, Math.round(m.promptTokens));
  const n = Math.max(1, Math.round(m.outputTokens));
  const targets = { minOutputTokensPerSecondPerSequence: 0, ttftSeconds: null, ttftQuantile: 0.95 };
  let speedFactor: number;
  let estimated: number;
  let method: string;
  const isOpenLoop = m.concurrency === undefined && m.requestRatePerSecond !== undefined;
  const meanTpotMs = m.tpotMs.mean ?? m.tpotMs.p50;
  if (isOpenLoop && meanTpotMs !== undefined && meanTpotMs > 0) {
    const ttftMs = m.ttftMs.mean ?? m.ttftMs.p50 ?? 0;
    const rate = m.requestsPerSecond ?? m.requestRatePerSecond ?? 0;
    const concurrency = Math.max(1, Math.round(rate * ((ttftMs + (n - 1) * meanTpotMs) / 1000)));
    const sp = buildServingSpeed(model, layout, s, n, a);
    const stepMs = decodeStep(sp, concurrency).seconds * 1000;
    speedFactor = stepMs / meanTpotMs;
    estimated = m.outputTokensPerSecond;
    method = `open loop at ${fmt(rate)} requests/s: estimated step ${fmt(stepMs, 3)} ms at ${concurrency} concurrent (Little's law) ÷ measured TPOT ${fmt(meanTpotMs, 3)} ms`;
  } else {
    const concurrency = m.concurrency ?? 1;
    const e = evaluateLayout(model, layout, s, n, targets, a, { batchOverride: concurrency });
    estimated = e.outputTokensPerSecond;
    speedFactor = m.outputTokensPerSecond / estimated;
    method = `closed loop at ${concurrency} concurrent: measured ${fmt(m.outputTokensPerSecond)} ÷ estimated ${fmt(estimated)} output tokens/s at ${s}/${n} tokens`;
    if (m.concurrency === undefined) warnings.push(`${m.fileName}: the file states no concurrency or request rate; it is compared as one request at a time.`);
    if (e.batch < concurrency) warnings.push(`${m.fileName}: ${concurrency} concurrent requests do not all fit in the estimated KV cache (${e.batch} do); the comparison uses ${e.batch}.`);
  }
  if (!(speedFactor >= SPEED_FACTOR_RANGE.min && speedFactor <= SPEED_FACTOR_RANGE.max)) {
    warnings.push(`${m.fileName}: measured is ${fmt(speedFactor, 3)}× the estimate; check the layout it was run on. The factor is limited to ${SPEED_FACTOR_RANGE.min}-${SPEED_FACTOR_RANGE.max}.`);
    speedFactor = Math.min(SPEED_FACTOR_RANGE.max, Math.max(SPEED_FACTOR_RANGE.min, Number.isFinite(speedFactor) ? speedFactor : 1));
  } else if (speedFactor < 0.5 || speedFactor > 2) {
    warnings.push(`${m.fileName}: measured speed is ${fmt(speedFactor, 3)}× the estimate, a large gap: check that the file's layout (GPU, tensor-parallel degree, precision) is the one selected.`);
  }
  return { speedFactor, estimatedOutputTokensPerSecond: estimated, measuredOutputTokensPerSecond: m.outputTokensPerSecond, method, warnings };
}

export function measurementProvenance(m: TServingMeasurement): string {
  return `measured, ${MEASUREMENT_FORMAT_LABELS[m.format]}, file ${m.fileName}${m.runDate ? `, run ${m.runDate}` : ""}, imported ${m.importedOn}`;
}
