// What the adaptation stage asks for: how the model is fine-tuned, on how much data, and what the
// surrounding work costs. Efficiency factors default to efficiency-defaults.ts.
import { z } from "zod";
import { EFFICIENCY_DEFAULTS as D } from "../sizing";

export const ZAdaptationMethod = z.enum(["full", "lora", "qlora"]);
export type TAdaptationMethod = z.infer<typeof ZAdaptationMethod>;

/** Linear layers LoRA can adapt, in Hugging Face PEFT's short names (q_proj → q). */
export const ZLoraTarget = z.enum(["q", "k", "v", "o", "gate", "up", "down"]);
export type TLoraTarget = z.infer<typeof ZLoraTarget>;

export const ZAdaptationInputs = z.object({
  method: ZAdaptationMethod,
  // 1e15 tokens: ~30× the largest published pre-training corpora (~3e13); fine-tuning sets are 1e6-1e10.
  datasetTokens: z.number().positive().max(1e15),
  epochs: z.number().positive().max(1000).default(1),
  sequenceLengthTokens: z.number().int().min(1).max(10_000_000).default(2048),
  microBatchSequencesPerGpu: z.number().int().min(1).max(65_536).default(1),
  gradientCheckpointing: z.boolean().default(true),
  // 65,536: above any model's hidden size, where a LoRA stops being low-rank.
  loraRank: z.number().int().min(1).max(65_536).default(16),
  loraTargets: z.array(ZLoraTarget).min(1).default(["q", "k", "v", "o"]),
  /** Adapter weight, gradient and Adam m, v, all fp32: 4 + 4 + 8. */
  adapterBytesPerParam: z.number().positive().max(64).default(16),
  /**
   * FLOPs per parameter per token for LoRA/QLoRA: forward 2 + activation gradients 2 through the
   * frozen base; weight gradients (the other 2 of 6) are skipped for frozen weights. 4-6 is the range.
   */
  loraFlopsPerParamPerToken: z.number().min(2).max(8).default(4),
  trainingMfu: z.number().gt(0).lte(1).default(D.trainingMfu.value),
  trainingReserveGbPerGpu: z.number().min(0).max(10_000).default(D.trainingReserveGbPerGpu.value),
  /** GPUs to train on; defaults to the fewest that fit. Fewer than that is raised with a warning. */
  // 1M GPUs: above the largest training clusters announced.
  gpuCount: z.number().int().min(1).max(1_000_000).optional(),
  usdPerGpuHour: z.number().nonnegative().max(10_000),
  dataPrepUsd: z.number().nonnegative().max(1e10).default(0),
  labellingUsd: z.number().nonnegative().max(1e10).default(0),
  engineeringPersonDays: z.number().nonnegative().max(1e6).default(0),
  usdPerPersonDay: z.number().nonnegative().max(1e6).default(0),
});
export type TAdaptationInputs = z.infer<typeof ZAdaptationInputs>;
export type TAdaptationInputsRaw = z.input<typeof ZAdaptationInputs>;
