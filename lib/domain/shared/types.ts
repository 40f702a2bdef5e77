// Shared shapes of the decision engine. Pure data: no next, react, prisma or env here.
import { z } from "zod";
import { TEXT_MAX, ZHttpUrl, zText } from "./text";

/** How far a fact was checked, from facts.json's `verification_levels`. */
export const ZVerification = z.enum(["verified-primary", "verified-copy", "cross-checked", "secondary", "unverified", "user"]);
export type TVerification = z.infer<typeof ZVerification>;

/**
 * Where a value comes from. Every catalog entry and every default carries a source URL. A value a
 * team entered itself (verification "user": a quote, a measurement, a pasted config.json) may have
 * none, and the engine, which re-checks the models and GPUs it is given, must still compute with it.
 */
export const ZProvenance = z
  .object({
    /** Web links only: each may be rendered as a link on a page and in the memo. */
    sourceUrls: z.array(ZHttpUrl).max(20),
    /** ISO date (or month) the source was read or the price was valid. */
    asOf: zText({ min: 4, max: 40 }),
    verification: ZVerification,
    note: zText({ max: TEXT_MAX.note, multiline: true }).optional(),
  })
  .refine((p) => p.verification === "user" || p.sourceUrls.length > 0, { path: ["sourceUrls"], message: 'a source URL is required unless your team entered the value (verification "user")' });
export type TProvenance = z.infer<typeof ZProvenance>;

export const ZAttentionType = z.enum(["mha", "gqa", "mqa", "mla"]);
export type TAttentionType = z.infer<typeof ZAttentionType>;

/**
 * A model's architecture as the sizing formulas need it. Counts are plain numbers; parameter
 * totals are in units of parameters (not billions) so no formula has to guess a scale.
 */
export const ZModelArchitecture = z.object({
  id: zText({ min: 1, max: TEXT_MAX.id }),
  name: zText({ min: 1, max: TEXT_MAX.name }),
  hfId: zText({ max: TEXT_MAX.name }).optional(),
  licenceId: zText({ min: 1, max: TEXT_MAX.id }),
  totalParams: z.number().positive().max(1e13),
  /** Parameters touched per token; equals totalParams for dense models. */
  activeParams: z.number().positive().max(1e13),
  layers: z.number().int().positive().max(1000),
  hiddenSize: z.number().int().positive().max(1_000_000),
  intermediateSize: z.number().int().positive().max(10_000_000).optional(),
  attentionHeads: z.number().int().positive().max(10_000),
  kvHeads: z.number().int().positive().max(10_000),
  headDim: z.number().int().positive().max(10_000),
  vocabSize: z.number().int().positive().max(10_000_000),
  contextTokens: z.number().int().positive().max(100_000_000),
  attentionType: ZAttentionType,
  /** Sliding-window attention: window size and how many of `layers` use it (rest are global). */
  slidingWindowTokens: z.number().int().positive().optional(),
  slidingWindowLayers: z.number().int().nonnegative().optional(),
  /** MLA (DeepSeek-V2/V3): cached latent width per layer = kvLoraRank + qkRopeHeadDim. */
  kvLoraRank: z.number().int().positive().optional(),
  qkRopeHeadDim: z.number().int().positive().optional(),
  /** MoE */
  experts: z.number().int().positive().optional(),
  expertsPerToken: z.number().int().positive().optional(),
  sharedExperts: z.number().int().nonnegative().optional(),
  /** Accepts image (or other non-text) input; some licences (Llama 3.2/4 in the EU) treat these differently. */
  isMultimodal: z.boolean().optional(),
  /**
   * One matrix serves as input embedding and output head (Gemma, small Qwen). Absent means two
   * matrices, transformers' default for most families; it decides how many V × h parameters the
   * output head reads per token.
   */
  tieWordEmbeddings: z.boolean().optional(),
  /**
   * The precision the weights are published in when it is not 16-bit (a config.json's
   * quantization_config, or the vendor's release): DeepSeek-V3 ships FP8, gpt-oss MXFP4 experts.
   * `scope` says which weights it covers; the rest (embeddings, norms, and for experts-only also
   * attention) stay 16-bit.
   */
  checkpointQuantization: z
    .object({
      precision: z.enum(["fp8", "int8", "int4", "fp4", "mxfp4", "nf4"]),
      scope: z.enum(["all-linear", "experts-only"]),
      /** What the config said, e.g. "fp8, weight_block_size [128, 128]". */
      detail: z.string().max(200).optional(),
    })
    .optional(),
  provenance: ZProvenance,
});
export type TModelArchitecture = z.infer<typeof ZModelArchitecture>;

export const ZGpu = z.object({
  id: zText({ min: 1, max: TEXT_MAX.id }),
  name: zText({ min: 1, max: TEXT_MAX.name }),
  vendor: zText({ min: 1, max: TEXT_MAX.name }),
  /** Nominal capacity as sold, in binary GB (GiB): "80 GB" H100 = 80 × 2^30 bytes. */
  memoryGb: z.number().positive().max(10_000),
  /**
   * Total memory as the driver reports it (nvidia-smi "Memory-Usage" total), in bytes. ECC on GDDR
   * parts and firmware reservations make it smaller than nominal: an L40S shows 46,068 MiB, not
   * 48 GiB. Sizing uses this when known, else memoryGb × 2^30.
   */
  driverMemoryBytes: z.number().positive().max(1e14).optional(),
  memoryBandwidthTbps: z.number().positive().max(1000),
  bf16DenseTflops: z.number().positive().max(1_000_000),
  fp8DenseTflops: z.number().positive().max(1_000_000).optional(),
  int8DenseTops: z.number().positive().max(1_000_000).optional(),
  /** Dense FP4 (NVFP4/MXFP4 tensor cores, Blackwell); absent means no FP4 arithmetic. */
  fp4DenseTflops: z.number().positive().max(1_000_000).optional(),
  /**
   * GPU-to-GPU bandwidth one GPU has for tensor-parallel all-reduce, per direction, GB/s (decimal):
   * NVLink 4 is 900 GB/s both ways, 450 per direction; PCIe Gen4 x16 32. Absent: PCIe Gen4.
   */
  interconnectGBpsPerDirection: z.number().positive().max(100_000).optional(),
  tdpWatts: z.number().positive().max(100_000),
  provenance: ZProvenance,
});
export type TGpu = z.infer<typeof ZGpu>;
