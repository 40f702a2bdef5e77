import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { H100_SXM, L40S, LLAMA_3_1_70B, LLAMA_3_1_8B, LLAMA_65B, MIXTRAL_8X7B } from "../__fixtures__/sizing-models";
import { loraAdapterParams, NF4_BYTES_PER_PARAM, planAdaptation, quantizationEffect, type TAdaptationInputsRaw } from "./adaptation";
import { DomainInputError } from "../shared/field-errors";
import type { TModelArchitecture } from "../shared/types";

const ALL_LINEAR = ["q", "k", "v", "o", "gate", "up", "down"] as const;

/** Llama-2-7B shape: 32 layers, 4096 wide, MHA (32 heads × 128). */
const LLAMA_2_7B: TModelArchitecture = { ...LLAMA_3_1_8B, id: "llama-2-7b", name: "Llama-2-7B", totalParams: 6.74e9, activeParams: 6.74e9, kvHeads: 32, vocabSize: 32000, intermediateSize: 11008 };
/** GPT-3 175B: 96 layers, d_model 12288, 96 heads × 128 (Brown et al. 2020, Table 2.1). */
const GPT3_175B: TModelArchitecture = {
  ...LLAMA_3_1_8B,
  id: "gpt-3",
  name: "GPT-3 175B",
  totalParams: 175e9,
  activeParams: 175e9,
  layers: 96,
  hiddenSize: 12288,
  intermediateSize: 49152,
  attentionHeads: 96,
  kvHeads: 96,
  headDim: 128,
  vocabSize: 50257,
  attentionType: "mha",
};

const base: TAdaptationInputsRaw = { method: "lora", datasetTokens: 1e8, usdPerGpuHour: 2 };

describe("training compute 6·N·D", () => {
  // Oracles: Kaplan et al. 2020 (C ≈ 6ND), reference facts `training_flops_6ND`.
  it.each([
    { name: "Chinchilla 70B × 1.4T tokens", params: 70e9, tokens: 1.4e12, flops: 5.88e23 },
    { name: "GPT-3 175B × 300B tokens", params: 175e9, tokens: 300e9, flops: 3.15e23 },
    { name: "Llama-3-70B × 15T tokens", params: 70e9, tokens: 15e12, flops: 6.3e24 },
  ])("$name = $flops FLOPs", ({ params, tokens, flops }) => {
    const model = { ...LLAMA_3_1_70B, totalParams: params, activeParams: params };
    const r = planAdaptation({ method: "full", datasetTokens: tokens, usdPerGpuHour: 2 }, model, H100_SXM);
    expect(r.trainingFlops / flops).toBeCloseTo(1, 10);
    expect(r.flopsPerParamPerToken).toBe(6);
  });

  it("LoRA states its own factor (default 4) and MoE counts active parameters", () => {
    const lora = planAdaptation({ ...base, datasetTokens: 1e9 }, MIXTRAL_8X7B, H100_SXM);
    expect(lora.flopsPerParamPerToken).toBe(4);
    expect(lora.trainingFlops).toBeCloseTo(4 * 12.9e9 * 1e9, -10);
  });

  it("time = compute ÷ (GPUs × F × MFU); GPU-hours and cost follow", () => {
    const r = planAdaptation({ method: "full", datasetTokens: 1e9, gpuCount: 16, usdPerGpuHour: 2.5, trainingMfu: 0.4 }, LLAMA_3_1_8B, H100_SXM);
    const hours = (6 * LLAMA_3_1_8B.totalParams * 1e9) / (16 * 989e12 * 0.4) / 3600;
    expect(r.gpusUsed).toBe(16);
    expect(r.trainingHours).toBeCloseTo(hours, 9);
    expect(r.gpuHours).toBeCloseTo(hours * 16, 9);
    expect(r.computeUsd).toBeCloseTo(hours * 16 * 2.5, 6);
  });
});

describe("LoRA adapter size", () => {
  it.each([
    // r·(d_in + d_out) per matrix × 2 matrices × 32 layers = 8 × 8192 × 2 × 32 (PEFT prints 4,194,304 for Llama-2-7B).
    { name: "r=8 on q,v of a 4096-wide 32-layer model", model: LLAMA_2_7B, r: 8, targets: ["q", "v"], params: 4_194_304 },
    // LoRA paper Table 4 lists 4.7M and 37.7M trainable for GPT-3 175B; on Wq,Wv those are r = 1 and r = 8.
    { name: "GPT-3 175B, r=1 on q,v ≈ 4.7M", model: GPT3_175B, r: 1, targets: ["q", "v"], params: 4_718_592 },
    { name: "GPT-3 175B, r=8 on q,v ≈ 37.7M", model: GPT3_175B, r: 8, targets: ["q", "v"], params: 37_748_736 },
    // GQA: k and v project to n_kv·d_h = 1024 on Llama-3.1-8B.
    { name: "Llama-3.1-8B r=16 on q,k,v,o", model: LLAMA_3_1_8B, r: 16, targets: ["q", "k", "v", "o"], params: 16 * (8192 + 5120 + 5120 + 8192) * 32 },
    { name: "Llama-3.1-8B r=16 all linear", model: LLAMA_3_1_8B, r: 16, targets: ALL_LINEAR, params: 16 * (8192 + 5120 + 5120 + 8192 + 3 * (4096 + 14336)) * 32 },
    { name: "duplicate targets count once", model: LLAMA_2_7B, r: 8, targets: ["q", "v", "q"], params: 4_194_304 },
  ] as const)("$name → $params", ({ model, r, targets, params }) => {
    expect(loraAdapterParams(model, r, targets)).toBe(params);
  });

  it("MoE MLP adapters are per expert", () => {
    const dense = loraAdapterParams({ ...MIXTRAL_8X7B, experts: undefined, expertsPerToken: undefined }, 8, ["up"]);
    expect(loraAdapterParams(MIXTRAL_8X7B, 8, ["up"])).toBe(8 * dense);
  });
});

describe("fine-tuning memory", () => {
  it("full fine-tune of a 65B model needs > 780 GB (QLoRA paper: 'from >780GB')", () => {
    const r = planAdaptation({ method: "full", datasetTokens: 1e8, usdPerGpuHour: 2 }, LLAMA_65B, H100_SXM);
    expect(r.memory.modelStateBytes).toBeCloseTo(16 * 65.2e9, -3);
    expect(r.memory.modelStateBytes).toBeGreaterThan(780e9);
    expect(r.minGpusToFit).toBeGreaterThanOrEqual(13);
  });

  it("LoRA on GPT-3 175B holds the frozen base in 16 bits: ~350 GB (LoRA paper: 1.2 TB → 350 GB)", () => {
    const r = planAdaptation({ ...base, loraRank: 4, loraTargets: ["q", "v"] }, GPT3_175B, H100_SXM);
    expect(r.memory.modelStateBytes / 1e9).toBeCloseTo(350, -1);
  });

  it("NF4 with double quantization costs 4.127 bits per parameter", () => {
    expect(NF4_BYTES_PER_PARAM * 8).toBeCloseTo(4.127, 12);
  });

  // QLoRA paper: "finetune a 65B parameter model on a single 48GB GPU".
  it("QLoRA 65B with modest adapters and sequence length stays under 48 GB", () => {
    const r = planAdaptation({ ...base, method: "qlora", loraRank: 16, sequenceLengthTokens: 512 }, LLAMA_65B, L40S);
    expect(r.memory.modelStateBytes).toBeLessThan(48e9);
    expect(r.memory.bytesPerGpu!).toBeLessThan(48e9);
    expect(r.minGpusToFit).toBe(1);
  });

  it("QLoRA 65B in the Guanaco setup (r=64 on all linear layers, 512 tokens) fits one 48 GB GPU", () => {
    const r = planAdaptation({ ...base, method: "qlora", loraRank: 64, loraTargets: [...ALL_LINEAR], sequenceLengthTokens: 512 }, LLAMA_65B, L40S);
    expect(r.minGpusToFit).toBe(1);
    expect(r.memory.bytesPerGpu!).toBeLessThan(48 * 2 ** 30);
  });

  it("method order: full > LoRA > QLoRA for the same model", () => {
    const state = (method: "full" | "lora" | "qlora") => planAdaptation({ ...base, method }, LLAMA_3_1_70B, H100_SXM).memory.modelStateBytes;
    expect(state("full")).toBeGreaterThan(state("lora"));
    expect(state("lora")).toBeGreaterThan(state("qlora"));
  });

  it("checkpointing shrinks activations; asking for too few GPUs is raised to the minimum", () => {
    const on = planAdaptation({ ...base, gradientCheckpointing: true, sequenceLengthTokens: 4096 }, LLAMA_3_1_8B, H100_SXM);
    const off = planAdaptation({ ...base, gradientCheckpointing: false, sequenceLengthTokens: 4096 }, LLAMA_3_1_8B, H100_SXM);
    expect(off.memory.activationBytesPerGpu).toBeGreaterThan(on.memory.activationBytesPerGpu);
    const tooFew = planAdaptation({ method: "full", datasetTokens: 1e8, usdPerGpuHour: 2, gpuCount: 1 }, LLAMA_3_1_70B, H100_SXM);
    expect(tooFew.gpusUsed).toBe(tooFew.minGpusToFit);
    expect(tooFew.warnings[0]).toMatch(/cannot hold/);
  });

  it("reports when activations alone overflow a GPU, without NaN", () => {
    const r = planAdaptation({ ...base, sequenceLengthTokens: 1_000_000, microBatchSequencesPerGpu: 8 }, LLAMA_3_1_70B, L40S);
    expect(r.minGpusToFit).toBeNull();
    expect(r.trainingHours).toBeNull();
    expect(r.oneTimeCostUsd).toBeNull();
    for (const f of r.figures) expect(f.value === null || Number.isFinite(f.value)).toBe(true);
  });
});

describe("one-time cost", () => {
  it("adds compute, data preparation, labelling and engineering time", () => {
    const r = planAdaptation(
      { ...base, dataPrepUsd: 5000, labellingUsd: 12_000, engineeringPersonDays: 20, usdPerPersonDay: 800 },
      LLAMA_3_1_8B,
      H100_SXM,
    );
    expect(r.oneTimeCostUsd).toBeCloseTo(r.computeUsd! + 5000 + 12_000 + 16_000, 6);
  });
});

// Llama 3.1 70B: 128,256 × 8,192 = 1,050,673,152 parameters per embedding matrix, two of them
// (untied). Quantized formats keep both at 2 bytes; GGUF's file average covers them.
const EMB = 2 * 128_256 * 8192;
const BODY = 70_553_706_496 - EMB;
const INT4 = (4 + 20 / 128) / 8;
describe("quantization effect", () => {
  it.each([
    { from: "bf16", to: "fp8", memory: (BODY + EMB * 2) / (70_553_706_496 * 2), speed: (BODY * 2 + (EMB / 2) * 2) / (BODY + (EMB / 2) * 2) },
    { from: "bf16", to: "int4", memory: (BODY * INT4 + EMB * 2) / (70_553_706_496 * 2), speed: (BODY * 2 + EMB) / (BODY * INT4 + EMB) },
    { from: "fp8", to: "bf16", memory: (70_553_706_496 * 2) / (BODY + EMB * 2), speed: (BODY + EMB) / (BODY * 2 + EMB) },
    { from: "bf16", to: "gguf_q4_k_m", memory: 0.3, speed: (BODY * 2 + EMB) / (BODY * 0.6 + (EMB / 2) * 0.6) },
  ] as const)("$from → $to: memory × $memory, decode × $speed (embeddings at their real precision)", ({ from, to, memory, speed }) => {
    const r = quantizationEffect({ fromPrecision: from, toPrecision: to }, LLAMA_3_1_70B);
    expect(r.memoryRatio).toBeCloseTo(memory, 12);
    expect(r.decodeSpeedRatio).toBeCloseTo(speed, 12);
    expect(r.qualityDeltaPoints).toBeNull();
    expect(r.qualityDeltaSource).toBeNull();
  });

  it("KV reads dilute the speed-up; the quality delta is carried with its source", () => {
    const kv = 70.55e9; // as many bytes of KV as FP8 weights
    const r = quantizationEffect({ toPrecision: "fp8", kvBytesReadPerSequence: kv, qualityDelta: { points: -0.8, source: "measured", metric: "MMLU" } }, LLAMA_3_1_70B);
    expect(r.decodeSpeedRatio).toBeCloseTo((BODY * 2 + EMB + kv) / (BODY + EMB + kv), 12);
    expect(r.qualityDeltaPoints).toBe(-0.8);
    expect(r.qualityDeltaSource).toBe("measured");
    expect(r.figures.find((f) => f.key === "quantization.qualityDeltaPoints")?.note).toMatch(/Measured on MMLU/);
  });

  it("rejects a quality delta without a source", () => {
    expect(() => quantizationEffect({ toPrecision: "int4", qualityDelta: { points: -2 } as never }, LLAMA_3_1_70B)).toThrow("qualityDelta.source");
  });
});

describe("validation", () => {
  it.each([
    { name: "zero dataset", inputs: { ...base, datasetTokens: 0 }, field: "datasetTokens" },
    { name: "unknown target", inputs: { ...base, loraTargets: ["qkv"] }, field: "loraTargets[0]" },
    { name: "MFU above 1", inputs: { ...base, trainingMfu: 1.2 }, field: "trainingMfu" },
    { name: "unknown method", inputs: { ...base, method: "dpo" }, field: "method" },
  ])("rejects $name naming $field", ({ inputs, field }) => {
    expect(() => planAdaptation(inputs as TAdaptationInputsRaw, LLAMA_3_1_8B, H100_SXM)).toThrow(DomainInputError);
    expect(() => planAdaptation(inputs as TAdaptationInputsRaw, LLAMA_3_1_8B, H100_SXM)).toThrow(field);
  });

  it("MLP targets need the model's MLP width", () => {
    expect(() => planAdaptation({ ...base, loraTargets: ["up"] }, { ...LLAMA_3_1_8B, intermediateSize: undefined }, H100_SXM)).toThrow("intermediateSize");
  });
});

describe("properties", () => {
  it("more data never costs less; more GPUs never take longer", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("full", "lora", "qlora"),
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.double({ min: 1e6, max: 1e12, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        (method, a, b, extraGpus) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const run = (datasetTokens: number, gpuCount?: number) => planAdaptation({ method, datasetTokens, usdPerGpuHour: 2, gpuCount }, LLAMA_3_1_8B, H100_SXM);
          expect(run(large).computeUsd!).toBeGreaterThanOrEqual(run(small).computeUsd!);
          const min = run(small).minGpusToFit!;
          expect(run(small, min + extraGpus).trainingHours!).toBeLessThanOrEqual(run(small, min).trainingHours!);
        },
      ),
      { numRuns: 50 },
    );
  });
});
