// The quality side of choosing a weight precision: how many points a precision is taken to cost
// against the weights as released, and whether that is within the team's limit. A measured figure
// from the adaptation stage always wins; without one the layout search uses the stated, sourced
// assumptions below, marked as such wherever they appear.
import type { TModelArchitecture, TProvenance } from "../shared";
import { WEIGHT_PRECISIONS, type TWeightPrecision } from "./memory";

const KURTIC_2024 = "https://arxiv.org/abs/2411.02355";

export const QUALITY_DEFAULTS_PROVENANCE: TProvenance = {
  sourceUrls: [KURTIC_2024],
  asOf: "2025-07",
  verification: "secondary",
  note: "Kurtic et al., 'Give Me BF16 or Give Me Death? Accuracy-Performance Trade-Offs in LLM Quantization' (ACL 2025): FP8 W8A8 is effectively lossless across Llama 3.1 8B-405B; INT8 loses 1-3%; INT4 weight-only is competitive with INT8. The points below are Freehold's reading of those ranges on a 0-100 score, not measurements of your model.",
};

/** Assumed change in score points (0-100 scale) against the released weights, by precision. */
export const ASSUMED_QUALITY_DELTA_POINTS: Record<TWeightPrecision, number> = {
  fp32: 0,
  bf16: 0,
  fp16: 0,
  fp8: -0.2,
  int8: -0.5,
  int4: -2,
  fp4: -1.5,
  mxfp4: -2,
  nf4: -2.5,
  gguf_q8_0: -0.3,
  gguf_q6_k: -0.5,
  gguf_q5_k_m: -1,
  gguf_q4_k_m: -2,
  gguf_q3_k_m: -4,
  gguf_q2_k: -8,
};

export const DEFAULT_MAX_QUALITY_LOSS_POINTS = 1;

export type TQualitySource = "as-released" | "measured" | "assumed" | "default-assumption";

export type TQualityVerdict = { points: number; source: TQualitySource; isWithinLimit: boolean };

export type TEnteredQualityDelta = { points: number; source: "measured" | "assumed" };

/**
 * Points a precision costs against the released weights. The checkpoint's own precision, and any
 * precision at least as wide, cost nothing: they serve the weights as published.
 */
export function qualityForPrecision(
  model: TModelArchitecture,
  precision: TWeightPrecision,
  entered: Partial<Record<TWeightPrecision, TEnteredQualityDelta>>,
  maxLossPoints: number,
): TQualityVerdict {
  const released = model.checkpointQuantization?.precision;
  const releasedBytes = released ? WEIGHT_PRECISIONS[released].bytesPerParam : 2;
  const isAsReleased = precision === released || (WEIGHT_PRECISIONS[precision].bytesPerParam >= releasedBytes && !WEIGHT_PRECISIONS[precision].coversEmbeddings);
  if (isAsReleased) return { points: 0, source: "as-released", isWithinLimit: true };
  const mine = entered[precision];
  const points = mine ? mine.points : ASSUMED_QUALITY_DELTA_POINTS[precision];
  const source: TQualitySource = mine ? mine.source : "default-assumption";
  return { points, source, isWithinLimit: points >= -maxLossPoints - 1e-9 };
}
