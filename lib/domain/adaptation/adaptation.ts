// Fine-tuning: memory to fit (full, LoRA, QLoRA), compute (6·N·D), time, GPU-hours and the one-time
// cost of adapting a model. Sources: Kaplan et al. 2020 (6ND), QLoRA (Dettmers et al. 2023: NF4,
// double quantization 0.127 bits/param), LoRA (Hu et al. 2022: r·(d_in + d_out) per matrix),
// Korthikanti et al. 2022 (activation memory sbh·34 per layer), formulas.md "Training and fine-tuning".
import { ZAdaptationInputs, type TAdaptationInputs, type TAdaptationInputsRaw, type TAdaptationMethod, type TLoraTarget } from "./inputs";
import { describeStatedFactors, type TStatedFactor } from "../sizing";
import { DomainInputError, parseOrThrow } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { BYTES_PER_GB, BYTES_PER_GIB, fmt, formatCount } from "../shared";
import { ZGpu, ZModelArchitecture, type TGpu, type TModelArchitecture } from "../shared";

export * from "./inputs";
export * from "./quantization-effect";

/** bf16 weights 2 + bf16 grads 2 + fp32 master weights 4 + Adam m and v 8 (formulas.md). */
export const FULL_FINE_TUNE_BYTES_PER_PARAM = 16;
export const FROZEN_BF16_BYTES_PER_PARAM = 2;
/** NF4 is 4 bits; double quantization brings the block scales to 0.127 bits per parameter (QLoRA paper). */
export const NF4_BYTES_PER_PARAM = (4 + 0.127) / 8;
/** Per-layer activation bytes ≈ s·b·h·34 in 16-bit with flash attention (no 5·a·s/h score term). */
const ACTIVATION_BYTES_PER_SBH = 34;

export type TAdaptationResult = {
  method: TAdaptationMethod;
  trainableParams: number;
  /** LoRA/QLoRA adapter parameters; 0 for a full fine-tune. */
  adapterParams: number;
  memory: {
    /** Weights, gradients and optimizer state of the whole model, before sharding. */
    modelStateBytes: number;
    activationBytesPerGpu: number;
    usableBytesPerGpu: number;
    /** At gpusUsed (ZeRO-3 / FSDP shards the state across data-parallel GPUs). */
    bytesPerGpu: number | null;
  };
  minGpusToFit: number | null;
  gpusUsed: number | null;
  trainingTokens: number;
  flopsPerParamPerToken: number;
  trainingFlops: number;
  trainingHours: number | null;
  gpuHours: number | null;
  computeUsd: number | null;
  oneTimeCostUsd: number | null;
  /** Efficiency factors this plan ran with, defaults marked with their sources. */
  statedFactors: TStatedFactor[];
  warnings: string[];
  figures: TFigure[];
};

/** [d_in, d_out] of one adapted matrix in one layer (one expert for MLP targets). */
function matrixShape(model: TModelArchitecture, target: TLoraTarget): [number, number] {
  const h = model.hiddenSize;
  const qWidth = model.attentionHeads * model.headDim;
  const kvWidth = model.kvHeads * model.headDim;
  const ff = model.intermediateSize ?? 0;
  switch (target) {
    case "q":
      return [h, qWidth];
    case "k":
    case "v":
      return [h, kvWidth];
    case "o":
      return [qWidth, h];
    case "gate":
    case "up":
      return [h, ff];
    case "down":
      return [ff, h];
  }
}

/**
 * LoRA adds A (r × d_in) and B (d_out × r) beside each adapted matrix: r·(d_in + d_out)
 * parameters, per layer, and per expert for the MLP of an MoE model.
 */
export function loraAdapterParams(model: TModelArchitecture, rank: number, targets: readonly TLoraTarget[]): number {
  const mlpCopies = model.experts === undefined ? 1 : model.experts + (model.sharedExperts ?? 0);
  let perLayer = 0;
  for (const target of new Set(targets)) {
    const [dIn, dOut] = matrixShape(model, target);
    const copies = target === "gate" || target === "up" || target === "down" ? mlpCopies : 1;
    perLayer += rank * (dIn + dOut) * copies;
  }
  return perLayer * model.layers;
}

/** Embedding and output head stay in 16-bit under QLoRA; untied embeddings assumed (two copies). */
function embeddingParams(model: TModelArchitecture): number {
  return Math.min(model.totalParams, 2 * model.vocabSize * model.hiddenSize);
}

export function modelStateBytes(model: TModelArchitecture, method: TAdaptationMethod, adapterParams: number, adapterBytesPerParam: number): number {
  const adapters = adapterParams * adapterBytesPerParam;
  if (method === "full") return model.totalParams * FULL_FINE_TUNE_BYTES_PER_PARAM;
  if (method === "lora") return model.totalParams * FROZEN_BF16_BYTES_PER_PARAM + adapters;
  const embeddings = embeddingParams(model);
  return (model.totalParams - embeddings) * NF4_BYTES_PER_PARAM + embeddings * FROZEN_BF16_BYTES_PER_PARAM + adapters;
}

/**
 * Activations of one micro-batch on one GPU. With checkpointing only each layer's 16-bit input is
 * kept (2·s·b·h per layer) plus one layer's full activations during recompute; without it every
 * layer keeps s·b·h·34. fp32 logits (s·b·V·4) are added either way: large vocabularies make them big.
 */
export function activationBytesPerGpu(model: TModelArchitecture, inputs: TAdaptationInputs): number {
  const sbh = inputs.sequenceLengthTokens * inputs.microBatchSequencesPerGpu * model.hiddenSize;
  const layers = inputs.gradientCheckpointing ? model.layers * 2 * sbh + ACTIVATION_BYTES_PER_SBH * sbh : model.layers * ACTIVATION_BYTES_PER_SBH * sbh;
  const logits = inputs.sequenceLengthTokens * inputs.microBatchSequencesPerGpu * model.vocabSize * 4;
  return layers + logits;
}

function needsMlpWidth(inputs: TAdaptationInputs, model: TModelArchitecture): void {
  const usesMlp = inputs.loraTargets.some((t) => t === "gate" || t === "up" || t === "down");
  if (inputs.method !== "full" && usesMlp && model.intermediateSize === undefined) {
    throw new DomainInputError("adaptation inputs", [
      { path: "loraTargets", message: "loraTargets: adapting gate/up/down needs the model's intermediateSize" },
    ]);
  }
}

export function planAdaptation(rawInputs: TAdaptationInputsRaw, rawModel: TModelArchitecture, rawGpu: TGpu): TAdaptationResult {
  const inputs = parseOrThrow(ZAdaptationInputs, rawInputs, "adaptation inputs");
  const model = parseOrThrow(ZModelArchitecture, rawModel, "model architecture");
  const gpu = parseOrThrow(ZGpu, rawGpu, "GPU");
  needsMlpWidth(inputs, model);
  const warnings: string[] = [];
  const isFull = inputs.method === "full";

  const adapterParams = isFull ? 0 : loraAdapterParams(model, inputs.loraRank, inputs.loraTargets);
  const trainableParams = isFull ? model.totalParams : adapterParams;
  const stateBytes = modelStateBytes(model, inputs.method, adapterParams, inputs.adapterBytesPerParam);
  const activations = activationBytesPerGpu(model, inputs);
  const usable = gpu.memoryGb * BYTES_PER_GIB - inputs.trainingReserveGbPerGpu * BYTES_PER_GB;
  const roomForState = usable - activations;
  const minGpus = roomForState > 0 ? Math.max(1, Math.ceil(stateBytes / roomForState)) : null;
  if (minGpus === null) {
    warnings.push("Activations alone exceed one GPU's memory: shorten the sequence, lower the micro-batch or turn on gradient checkpointing.");
  }
  let gpusUsed = minGpus;
  if (minGpus !== null && inputs.gpuCount !== undefined) {
    if (inputs.gpuCount < minGpus) warnings.push(`${formatCount(inputs.gpuCount, "GPUs")} cannot hold the training state; using the minimum, ${minGpus}.`);
    gpusUsed = Math.max(minGpus, inputs.gpuCount);
  }

  const trainingTokens = inputs.datasetTokens * inputs.epochs;
  const flopsPerParamPerToken = isFull ? 6 : inputs.loraFlopsPerParamPerToken;
  // MoE: only the active parameters do work for a token.
  const trainingFlops = flopsPerParamPerToken * model.activeParams * trainingTokens;
  const flopsPerGpu = gpu.bf16DenseTflops * 1e12 * inputs.trainingMfu;
  const trainingHours = gpusUsed === null ? null : trainingFlops / (gpusUsed * flopsPerGpu) / 3600;
  const gpuHours = gpusUsed === null || trainingHours === null ? null : trainingHours * gpusUsed;
  const computeUsd = gpuHours === null ? null : gpuHours * inputs.usdPerGpuHour;
  const engineeringUsd = inputs.engineeringPersonDays * inputs.usdPerPersonDay;
  const oneTimeCostUsd = computeUsd === null ? null : computeUsd + inputs.dataPrepUsd + inputs.labellingUsd + engineeringUsd;
  const bytesPerGpu = gpusUsed === null ? null : stateBytes / gpusUsed + activations;

  const figures = [
    ...memoryFigures(model, inputs, { adapterParams, stateBytes, activations, usable, minGpus, gpusUsed, bytesPerGpu }),
    makeFigure("adaptation.trainingTokens", "Training tokens", trainingTokens, "tokens", `dataset tokens × epochs = ${fmt(inputs.datasetTokens)} × ${fmt(inputs.epochs)}`),
    makeFigure(
      "adaptation.trainingFlops",
      "Training compute",
      trainingFlops,
      "FLOPs",
      `${flopsPerParamPerToken} × N × D = ${flopsPerParamPerToken} × ${fmt(model.activeParams)} × ${fmt(trainingTokens)}`,
      isFull ? "Forward 2ND + backward 4ND (Kaplan et al. 2020)." : "LoRA: forward and activation gradients through the frozen base; frozen weights get no weight gradients.",
    ),
    makeFigure(
      "adaptation.trainingHours",
      "Training time",
      trainingHours,
      "hours",
      `compute ÷ (GPUs × F × MFU) ÷ 3600 = ${fmt(trainingFlops)} ÷ (${gpusUsed ?? "n/a"} × ${fmt(gpu.bf16DenseTflops * 1e12)} × ${inputs.trainingMfu}) ÷ 3600`,
    ),
    makeFigure("adaptation.gpuHours", "GPU-hours", gpuHours, "GPU-hours", "training hours × GPUs"),
    makeFigure("adaptation.computeUsd", "Compute cost", computeUsd, "USD", `GPU-hours × usd/GPU-hour = ${fmt(gpuHours)} × ${fmt(inputs.usdPerGpuHour)}`),
    makeFigure(
      "adaptation.oneTimeCostUsd",
      "One-time adaptation cost",
      oneTimeCostUsd,
      "USD",
      `compute + data preparation + labelling + person-days × day rate = ${fmt(computeUsd)} + ${fmt(inputs.dataPrepUsd)} + ${fmt(inputs.labellingUsd)} + ${fmt(inputs.engineeringPersonDays)} × ${fmt(inputs.usdPerPersonDay)}`,
    ),
  ];

  return {
    method: inputs.method,
    trainableParams,
    adapterParams,
    memory: { modelStateBytes: stateBytes, activationBytesPerGpu: activations, usableBytesPerGpu: usable, bytesPerGpu },
    minGpusToFit: minGpus,
    gpusUsed,
    trainingTokens,
    flopsPerParamPerToken,
    trainingFlops,
    trainingHours,
    gpuHours,
    computeUsd,
    oneTimeCostUsd,
    statedFactors: describeStatedFactors({ trainingMfu: inputs.trainingMfu, trainingReserveGbPerGpu: inputs.trainingReserveGbPerGpu }),
    warnings,
    figures,
  };
}

function memoryFigures(
  model: TModelArchitecture,
  inputs: TAdaptationInputs,
  m: { adapterParams: number; stateBytes: number; activations: number; usable: number; minGpus: number | null; gpusUsed: number | null; bytesPerGpu: number | null },
): TFigure[] {
  const stateFormula: Record<TAdaptationMethod, string> = {
    full: `16 bytes × P = 16 × ${fmt(model.totalParams)}`,
    lora: `2 bytes × P (frozen bf16) + adapters × ${inputs.adapterBytesPerParam} bytes = 2 × ${fmt(model.totalParams)} + ${fmt(m.adapterParams)} × ${inputs.adapterBytesPerParam}`,
    qlora: `(4 + 0.127) bits × (P − embeddings) + 2 bytes × embeddings + adapters × ${inputs.adapterBytesPerParam} bytes = 0.5159 × ${fmt(model.totalParams - embeddingParams(model))} + 2 × ${fmt(embeddingParams(model))} + ${fmt(m.adapterParams)} × ${inputs.adapterBytesPerParam}`,
  };
  const s = inputs.sequenceLengthTokens;
  const b = inputs.microBatchSequencesPerGpu;
  const figures = [
    makeFigure(
      "adaptation.modelStateGb",
      "Weights, gradients and optimizer state",
      m.stateBytes / BYTES_PER_GB,
      "GB",
      stateFormula[inputs.method],
      inputs.method === "full" ? "bf16 weights 2 + grads 2 + fp32 master 4 + Adam m, v 8." : undefined,
    ),
    makeFigure(
      "adaptation.activationGbPerGpu",
      "Activations per GPU",
      m.activations / BYTES_PER_GB,
      "GB",
      inputs.gradientCheckpointing
        ? `L × 2·s·b·h + 34·s·b·h + s·b·V × 4 = ${model.layers} × 2 × ${s} × ${b} × ${model.hiddenSize} + 34 × ${s} × ${b} × ${model.hiddenSize} + ${s} × ${b} × ${model.vocabSize} × 4`
        : `L × 34·s·b·h + s·b·V × 4 = ${model.layers} × 34 × ${s} × ${b} × ${model.hiddenSize} + ${s} × ${b} × ${model.vocabSize} × 4`,
      "Estimate (Korthikanti et al. 2022, flash attention); measure your own run to replace it.",
    ),
    makeFigure(
      "adaptation.minGpusToFit",
      "Fewest GPUs that fit",
      m.minGpus,
      "GPUs",
      `⌈state ÷ (usable per GPU − activations)⌉ = ⌈${fmt(m.stateBytes / BYTES_PER_GB)} ÷ (${fmt(m.usable / BYTES_PER_GB)} − ${fmt(m.activations / BYTES_PER_GB)})⌉ GB`,
      "State sharded across data-parallel GPUs (ZeRO-3 / FSDP); gather buffers and fragmentation are in the reserve.",
    ),
    makeFigure("adaptation.gbPerGpu", "Memory per GPU", m.bytesPerGpu === null ? null : m.bytesPerGpu / BYTES_PER_GB, "GB", `state ÷ GPUs + activations, GPUs = ${m.gpusUsed ?? "n/a"}`),
  ];
  if (inputs.method !== "full") {
    figures.unshift(
      makeFigure(
        "adaptation.adapterParams",
        "Adapter parameters",
        m.adapterParams,
        "parameters",
        `r × Σ(d_in + d_out) over targets × L = ${inputs.loraRank} × Σ[${[...new Set(inputs.loraTargets)].join(", ")}] × ${model.layers}`,
      ),
    );
  }
  return figures;
}
