// Inputs of the capability-validation stage: the team's workloads and the candidate (open-weights)
// and incumbent (closed API) results on each. Scores are in score units 0..1 (0.03 = 3 points).
import { z } from "zod";
import { TEXT_MAX, zText } from "../shared";

/** Metrics that are a share of items passed, so k of n counts (and Wilson intervals) apply. */
export const PROPORTION_METRICS = ["accuracy", "pass-rate", "win-rate", "exact-match", "error-rate"] as const;
export const ZCapabilityMetric = z.enum([...PROPORTION_METRICS, "score-0-1"]);
export type TCapabilityMetric = z.infer<typeof ZCapabilityMetric>;

export function isProportionMetric(metric: TCapabilityMetric): boolean {
  return (PROPORTION_METRICS as readonly string[]).includes(metric);
}

export const ZResultSource = z.enum(["typed", "lm-eval-harness", "promptfoo"]);
export type TResultSource = z.infer<typeof ZResultSource>;

/** 100M items: ~1,000× the largest common benchmarks (MMLU 14k, HumanEval 164) and eval suites. */
const MAX_SAMPLES = 100_000_000;

export const ZWorkloadResult = z
  .object({
    /** Mean score in 0..1. May be left out when passCount and sampleCount are given. */
    score: z.number().min(0, "score must be ≥ 0").max(1, "score must be ≤ 1 (use 0..1, not percent)").optional(),
    sampleCount: z.number().int("sampleCount must be a whole number").min(1, "sampleCount must be ≥ 1").max(MAX_SAMPLES).optional(),
    passCount: z.number().int("passCount must be a whole number").min(0, "passCount must be ≥ 0").max(MAX_SAMPLES).optional(),
    stderr: z.number().min(0, "stderr must be ≥ 0").max(0.5, "stderr must be ≤ 0.5 (a 0..1 score)").optional(),
    source: ZResultSource.default("typed"),
    /** Run with --limit (or any subset): a sample of the benchmark, not the benchmark. */
    limited: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.passCount !== undefined && r.sampleCount === undefined) {
      ctx.addIssue({ code: "custom", path: ["sampleCount"], message: "sampleCount is required when passCount is given" });
    }
    if (r.passCount !== undefined && r.sampleCount !== undefined && r.passCount > r.sampleCount) {
      ctx.addIssue({ code: "custom", path: ["passCount"], message: `passCount (${r.passCount}) cannot exceed sampleCount (${r.sampleCount})` });
    }
    if (r.score === undefined && (r.passCount === undefined || r.sampleCount === undefined)) {
      ctx.addIssue({ code: "custom", path: ["score"], message: "score is required unless passCount and sampleCount are both given" });
    }
    if (r.score !== undefined && r.passCount !== undefined && r.sampleCount !== undefined) {
      const fromCounts = r.passCount / r.sampleCount;
      // Half a point of slack for a score typed with rounding.
      if (Math.abs(fromCounts - r.score) > 0.005) {
        ctx.addIssue({
          code: "custom",
          path: ["score"],
          message: `score ${r.score} does not match passCount/sampleCount = ${fromCounts.toFixed(4)}`,
        });
      }
    }
  });
export type TWorkloadResult = z.output<typeof ZWorkloadResult>;

const count = z.number().int("counts are whole numbers").min(0).max(MAX_SAMPLES);

/**
 * Both models ran the same items: how many each got right alone and together (from per-item
 * results, e.g. lm-eval --log_samples files or one promptfoo run with both providers).
 */
export const ZPairedCounts = z.object({ bothPass: count, candidateOnly: count, incumbentOnly: count, bothFail: count }).refine((t) => t.bothPass + t.candidateOnly + t.incumbentOnly + t.bothFail > 0, "paired counts need at least one item");
export type TPairedCountsInput = z.infer<typeof ZPairedCounts>;

export const ZCapabilityWorkload = z
  .object({
    id: zText({ min: 1, max: 100, tooShort: "id is required" }),
    name: zText({ min: 1, max: TEXT_MAX.name, tooShort: "name is required" }),
    /** Relative importance; normalised over the workloads that have both results. */
    weight: z.number().positive("weight must be > 0").max(1_000_000),
    metric: ZCapabilityMetric,
    higherIsBetter: z.boolean().default(true),
    candidate: ZWorkloadResult.optional(),
    incumbent: ZWorkloadResult.optional(),
    /** Per-item agreement when both ran the same items; the comparison is then paired. */
    paired: ZPairedCounts.optional(),
  })
  .superRefine((w, ctx) => {
    const t = w.paired;
    if (t) {
      const n = t.bothPass + t.candidateOnly + t.incumbentOnly + t.bothFail;
      if (!isProportionMetric(w.metric)) ctx.addIssue({ code: "custom", path: ["paired"], message: `paired counts apply to pass/fail metrics, not "${w.metric}"` });
      const check = (side: "candidate" | "incumbent", passes: number) => {
        const r = w[side];
        if (r?.passCount !== undefined && r.passCount !== passes) ctx.addIssue({ code: "custom", path: ["paired"], message: `paired counts give the ${side} ${passes} passes, but its passCount is ${r.passCount}` });
        if (r?.sampleCount !== undefined && r.sampleCount !== n) ctx.addIssue({ code: "custom", path: ["paired"], message: `paired counts cover ${n} items, but the ${side}'s sampleCount is ${r.sampleCount}` });
      };
      check("candidate", t.bothPass + t.candidateOnly);
      check("incumbent", t.bothPass + t.incumbentOnly);
    }
    if (isProportionMetric(w.metric)) return;
    for (const side of ["candidate", "incumbent"] as const) {
      if (w[side]?.passCount !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [side, "passCount"],
          message: `passCount only applies to proportion metrics, not "${w.metric}"; give stderr or sampleCount instead`,
        });
      }
    }
  });
export type TCapabilityWorkload = z.output<typeof ZCapabilityWorkload>;

export const ZCapabilityInputs = z
  .object({
    candidateName: zText({ max: TEXT_MAX.name }).default("candidate"),
    incumbentName: zText({ max: TEXT_MAX.name }).default("incumbent"),
    workloads: z.array(ZCapabilityWorkload).min(1, "add at least one workload").max(200),
    /** How much worse than the incumbent the candidate may be, in score units (0.03 = 3 points). */
    toleranceScore: z.number().min(0, "toleranceScore must be ≥ 0").max(0.5, "toleranceScore must be ≤ 0.5 (use 0..1, 0.03 = 3 points)").default(0.03),
  })
  .superRefine((inputs, ctx) => {
    const seen = new Set<string>();
    inputs.workloads.forEach((w, i) => {
      if (seen.has(w.id)) {
        ctx.addIssue({ code: "custom", path: ["workloads", i, "id"], message: `duplicate workload id "${w.id}"` });
      }
      seen.add(w.id);
    });
  });
export type TCapabilityInputs = z.output<typeof ZCapabilityInputs>;
export type TCapabilityInputsInput = z.input<typeof ZCapabilityInputs>;
