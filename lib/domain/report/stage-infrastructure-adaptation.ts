// Report stages 3 and 4: infrastructure sizing and adaptation (fine-tuning, served precision).
import { planAdaptation, quantizationEffect, type TAdaptationResult, type TQuantizationEffect } from "../adaptation";
import type { TAdaptationInputsRaw } from "../adaptation";
import type { TAdaptationStageMethod, TAssessmentInputs, TSizingDraft } from "../assessment";
import type { TStageStatus } from "../shared";
import { EFFICIENCY_DEFAULTS, type TEfficiencyDefaultKey } from "../sizing";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { fmt } from "../shared";
import type { TAssumptionLog, TResolvedPricingFull } from "./context";
import { ENGINE_ADAPTATION_DEFAULTS, ENGINE_OWNED_DEFAULTS, ENGINE_SIZING_DEFAULTS, REPORT_DEFAULTS } from "./defaults";
import { usdText } from "../shared";
import { attempt, makeStage, NOT_STARTED, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TAdaptationDetail, TInfrastructureDetail, TReportStage, TResolvedGpu } from "./types";
import { sizeDeployment, WEIGHT_PRECISIONS, type TSizingInputsRaw, type TSizingResult, type TWeightPrecision } from "../sizing";
import type { TGpu, TModelArchitecture } from "../shared";

type TNumericSizingKey = Exclude<keyof TSizingDraft, "kvCachePrecision" | "peak" | "tensorParallelOverride" | "promptTokensPerRequest" | "outputTokensPerRequest">;

const SIZING_FIELDS: { key: TNumericSizingKey; label: string; unit: string; efficiency?: TEfficiencyDefaultKey; basis?: string }[] = [
  { key: "minReplicas", label: "Minimum replicas", unit: "replica(s)", basis: "Engine default: one replica, no high-availability spare" },
  { key: "gpusPerNode", label: "GPUs per node", unit: "GPUs", basis: "Engine default: an 8-GPU server (HGX/DGX class)" },
  { key: "maxPipelineStages", label: "Most nodes one replica may span", unit: "nodes", basis: "Engine default" },
  { key: "memoryBandwidthUtilization", label: "Memory-bandwidth utilisation", unit: "of peak", efficiency: "memoryBandwidthUtilization" },
  { key: "inferenceMfu", label: "Inference MFU", unit: "of peak", efficiency: "inferenceMfu" },
  { key: "gpuMemoryUtilization", label: "GPU memory the engine may use", unit: "of memory", efficiency: "gpuMemoryUtilization" },
  { key: "overheadGbPerGpu", label: "Runtime overhead per GPU", unit: "GB", efficiency: "overheadGbPerGpu" },
  { key: "overheadFractionOfWeights", label: "Runtime overhead, share of weights", unit: "of weights", efficiency: "overheadFractionOfWeights" },
  { key: "minOutputTokensPerSecondPerSequence", label: "Latency target", unit: "tokens/s per user", efficiency: "minOutputTokensPerSecondPerSequence" },
];

/** Traffic-dependent sizing figures; without an entered volume they have no value. */
const TRAFFIC_FIGURES = new Set(["averageRequestsPerSecond", "peakRequestsPerSecond", "peakOutputTokensPerSecond", "replicas", "totalGpus", "cloudOnDemand.usdPerMonth", "cloudReserved.usdPerMonth", "owned.usdPerMonth"]);

const METHOD_LABELS: Record<Exclude<TAdaptationStageMethod, "none">, string> = { full: "Full fine-tune", lora: "LoRA", qlora: "QLoRA" };

export type TRequestShape = { promptTokensPerRequest: number; outputTokensPerRequest: number };

export function resolveRequestShape(inputs: TAssessmentInputs, log: TAssumptionLog): TRequestShape {
  const s = inputs.infrastructure?.sizing;
  const basis = REPORT_DEFAULTS.requestShapeBasis;
  return {
    promptTokensPerRequest: log.take("infrastructure", "infrastructure.sizing.promptTokensPerRequest", "Prompt tokens per request", s?.promptTokensPerRequest, REPORT_DEFAULTS.promptTokensPerRequest, { basis, unit: "tokens" }),
    outputTokensPerRequest: log.take("infrastructure", "infrastructure.sizing.outputTokensPerRequest", "Output tokens per request", s?.outputTokensPerRequest, REPORT_DEFAULTS.outputTokensPerRequest, { basis, unit: "tokens" }),
  };
}

export function resolveServedPrecision(inputs: TAssessmentInputs, log: TAssumptionLog): TWeightPrecision {
  return log.take("adaptation", "adaptation.quantization.servedPrecision", "Served weight precision", inputs.adaptation?.quantization?.servedPrecision, REPORT_DEFAULTS.servedPrecision, {
    basis: "Freehold default: serve the weights as released (16-bit), no quantization",
    display: WEIGHT_PRECISIONS.bf16.label,
  });
}

function sizingCost(inputs: TAssessmentInputs, pricing: TResolvedPricingFull, gpu: TGpu, log: TAssumptionLog): TSizingInputsRaw["cost"] {
  const p = pricing.pricing;
  if (p.mode === "cloudOnDemand") return p.usdPerGpuHour === null ? {} : { cloudOnDemand: { usdPerGpuHour: p.usdPerGpuHour } };
  if (p.mode === "cloudReserved") return p.usdPerGpuHour === null ? {} : { cloudReserved: { usdPerGpuHour: p.usdPerGpuHour, discountPercent: p.reservedDiscountPercent ?? 0 } };
  if (p.purchaseUsdPerGpu === null) return {};
  const d = inputs.infrastructure?.pricing?.owned ?? {};
  const D = ENGINE_OWNED_DEFAULTS;
  const stage = "infrastructure" as const;
  const path = "infrastructure.pricing.owned";
  const basis = "Engine default for owned hardware";
  if (d.powerWattsPerGpu === undefined) {
    log.note(stage, `${path}.powerWattsPerGpu`, "Power per GPU", `${fmt(gpu.tdpWatts)} W (the GPU's TDP)`, { basis: "The GPU's rated power: a ceiling for average draw, while the rest of the server adds to it" });
  }
  return {
    owned: {
      purchaseUsdPerGpu: p.purchaseUsdPerGpu,
      serverOverheadPercent: log.take(stage, `${path}.serverOverheadPercent`, "Server, network and storage on top of GPUs", d.serverOverheadPercent, D.serverOverheadPercent, { basis, unit: "% of GPU price" }),
      annualInterestRatePercent: log.take(stage, `${path}.annualInterestRatePercent`, "Cost of capital", d.annualInterestRatePercent, D.annualInterestRatePercent, { basis, unit: "% per year" }),
      amortisationYears: log.take(stage, `${path}.amortisationYears`, "Amortisation period", d.amortisationYears, D.amortisationYears, { basis, unit: "years" }),
      ...(d.powerWattsPerGpu !== undefined ? { powerWattsPerGpu: d.powerWattsPerGpu } : {}),
      powerUsageEffectiveness: log.take(stage, `${path}.powerUsageEffectiveness`, "Data-centre PUE", d.powerUsageEffectiveness, D.powerUsageEffectiveness, { basis }),
      usdPerKwh: log.take(stage, `${path}.usdPerKwh`, "Electricity price", d.usdPerKwh, D.usdPerKwh, { basis, unit: "USD/kWh" }),
      hostingUsdPerGpuMonth: log.take(stage, `${path}.hostingUsdPerGpuMonth`, "Hosting (colocation) per GPU-month", d.hostingUsdPerGpuMonth, D.hostingUsdPerGpuMonth, { basis: `${basis}: on your own premises, no colocation fee`, unit: "USD" }),
    },
  };
}

export function buildInfrastructureStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  model: TModelArchitecture | null;
  gpu: TGpu;
  resolvedGpu: TResolvedGpu;
  pricing: TResolvedPricingFull;
  pricingWarnings: string[];
  shape: TRequestShape;
  servedPrecision: TWeightPrecision;
  /** Prompt + output tokens per month from the economics stage; null when not entered. */
  tokensPerMonth: number | null;
}): { stage: TReportStage<"infrastructure", TInfrastructureDetail>; sizing: TSizingResult | null } {
  const { inputs, status, log, model, gpu, pricing, shape } = args;
  const d = inputs.infrastructure?.sizing ?? {};
  const warnings = [...args.pricingWarnings];
  const stage = "infrastructure" as const;
  const fields: Record<string, number> = {};
  for (const f of SIZING_FIELDS) {
    const e = f.efficiency ? EFFICIENCY_DEFAULTS[f.efficiency] : null;
    fields[f.key] = log.take(stage, `infrastructure.sizing.${f.key}`, f.label, d[f.key], ENGINE_SIZING_DEFAULTS[f.key], {
      basis: e ? `Stated default: ${e.label}` : (f.basis ?? "Engine default"),
      unit: f.unit,
      provenance: e?.provenance ?? null,
    });
  }
  const kvCachePrecision = log.take(stage, "infrastructure.sizing.kvCachePrecision", "KV-cache precision", d.kvCachePrecision, ENGINE_SIZING_DEFAULTS.kvCachePrecision, { basis: "Engine default: KV cache at 16 bits" });
  if (!d.peak) {
    log.note(stage, "infrastructure.sizing.peak", "Peak traffic", `${fmt(EFFICIENCY_DEFAULTS.peakToAverageRatio.value)} × the monthly average`, {
      basis: `Stated default: ${EFFICIENCY_DEFAULTS.peakToAverageRatio.label}`,
      provenance: EFFICIENCY_DEFAULTS.peakToAverageRatio.provenance,
    });
  }
  const raw: TSizingInputsRaw = {
    ...(fields as Omit<TSizingInputsRaw, "promptTokensPerRequest" | "outputTokensPerRequest" | "traffic">),
    weightPrecision: args.servedPrecision,
    kvCachePrecision,
    ...(d.peak ? { peak: d.peak } : {}),
    ...(d.tensorParallelOverride !== undefined ? { tensorParallelOverride: d.tensorParallelOverride } : {}),
    promptTokensPerRequest: shape.promptTokensPerRequest,
    outputTokensPerRequest: shape.outputTokensPerRequest,
    traffic: { kind: "tokens", tokensPerMonth: args.tokensPerMonth ?? 0 },
    cost: sizingCost(inputs, pricing, gpu, log),
  };
  const assumptions = () => log.forStage(stage);
  const isVolumeKnown = args.tokensPerMonth !== null;
  const sizing = model ? attempt(() => sizeDeployment(raw, model, gpu), warnings) : null;
  if (!model) warnings.push("No model to size: the candidate is unknown.");
  const base = { key: stage, status, warnings, assumptions: assumptions() };
  if (!sizing) {
    return {
      stage: makeStage({ ...base, summary: "Sizing could not run; see the warnings.", outcome: { tone: "unknown", label: "Not sized" }, detail: null }),
      sizing: null,
    };
  }
  warnings.push(...sizing.warnings);
  if (!isVolumeKnown) warnings.push("Monthly volume not entered (economics stage): replicas, traffic and monthly cost are shown once it is.");
  const figures: TFigure[] = isVolumeKnown
    ? sizing.figures
    : sizing.figures.map((f) => (TRAFFIC_FIGURES.has(f.key) ? { ...f, value: null, note: "Needs the monthly volume (economics stage)." } : f));
  const detail: TInfrastructureDetail = { gpu: args.resolvedGpu, pricing: pricing.pricing, inputs: raw, isVolumeKnown, sizing };
  const precision = WEIGHT_PRECISIONS[args.servedPrecision].label;
  if (!sizing.fits || !sizing.placement) {
    return {
      stage: makeStage({ ...base, summary: `${model?.name} at ${precision} does not fit on ${gpu.name} as configured.`, outcome: { tone: "bad", label: "Does not fit" }, figures, detail }),
      sizing,
    };
  }
  const perReplica = sizing.placement.gpusPerReplica;
  const layout = isVolumeKnown && sizing.replicas !== null ? `${sizing.replicas} replica(s) × ${perReplica} ${gpu.name} (${sizing.totalGpus} GPUs)` : `${perReplica} × ${gpu.name} per replica`;
  const cost = sizing.costs[pricing.pricing.mode];
  const summary =
    status === "not-started"
      ? `Sized on defaults: ${layout}. ${NOT_STARTED_SUFFIX}`
      : `${model?.name} at ${precision}: ${layout}${isVolumeKnown && cost ? `, ${usdText(cost.usdPerMonth)}/month (${pricing.pricing.label})` : ""}.`;
  return {
    stage: makeStage({
      ...base,
      summary,
      outcome: status === "not-started" ? NOT_STARTED : { tone: sizing.throughput?.latencyTargetMet === false ? "caution" : "good", label: isVolumeKnown ? `${sizing.totalGpus} × ${gpu.name}` : `${perReplica} GPU(s) per replica` },
      figures,
      detail,
    }),
    sizing,
  };
}

// ---------------------------------------------------------------------------------------------

export function buildAdaptationStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  model: TModelArchitecture | null;
  gpu: TGpu;
  servedPrecision: TWeightPrecision;
  onDemandUsdPerGpuHour: number | null;
}): { stage: TReportStage<"adaptation", TAdaptationDetail>; plan: TAdaptationResult | null } {
  const { inputs, status, log, model, gpu } = args;
  const d = inputs.adaptation ?? {};
  const stage = "adaptation" as const;
  const warnings: string[] = [];
  const method: TAdaptationStageMethod = log.take(stage, "adaptation.method", "Fine-tuning method", d.method, REPORT_DEFAULTS.adaptationMethod, {
    basis: "Freehold default: use the model as released",
    display: "none (no fine-tuning)",
  });
  let plan: TAdaptationResult | null = null;
  if (method !== "none" && model) {
    const D = ENGINE_ADAPTATION_DEFAULTS;
    const p = "adaptation";
    const engineBasis = "Engine default";
    const isLora = method !== "full";
    const trainingPrice = args.onDemandUsdPerGpuHour ?? REPORT_DEFAULTS.fallbackTrainingUsdPerGpuHour;
    const raw: TAdaptationInputsRaw = {
      method,
      datasetTokens: log.take(stage, `${p}.datasetTokens`, "Training dataset", d.datasetTokens, REPORT_DEFAULTS.datasetTokens, {
        basis: "Freehold default: about 5,000 examples of 2,000 tokens",
        unit: "tokens",
      }),
      epochs: log.take(stage, `${p}.epochs`, "Epochs", d.epochs, D.epochs, { basis: engineBasis }),
      sequenceLengthTokens: log.take(stage, `${p}.sequenceLengthTokens`, "Training sequence length", d.sequenceLengthTokens, D.sequenceLengthTokens, { basis: engineBasis, unit: "tokens" }),
      microBatchSequencesPerGpu: log.take(stage, `${p}.microBatchSequencesPerGpu`, "Micro-batch per GPU", d.microBatchSequencesPerGpu, D.microBatchSequencesPerGpu, { basis: engineBasis, unit: "sequences" }),
      gradientCheckpointing: log.take(stage, `${p}.gradientCheckpointing`, "Gradient checkpointing", d.gradientCheckpointing, D.gradientCheckpointing, { basis: engineBasis, display: "on" }),
      ...(isLora
        ? {
            loraRank: log.take(stage, `${p}.loraRank`, "LoRA rank", d.loraRank, D.loraRank, { basis: engineBasis }),
            loraTargets: d.loraTargets ?? D.loraTargets,
          }
        : {}),
      trainingMfu: log.take(stage, `${p}.trainingMfu`, "Training MFU", d.trainingMfu, D.trainingMfu, {
        basis: `Stated default: ${EFFICIENCY_DEFAULTS.trainingMfu.label}`,
        provenance: EFFICIENCY_DEFAULTS.trainingMfu.provenance,
      }),
      ...(d.gpuCount !== undefined ? { gpuCount: d.gpuCount } : {}),
      usdPerGpuHour: log.take(stage, `${p}.usdPerGpuHour`, "Training GPU-hour price", d.usdPerGpuHour, trainingPrice, {
        basis: args.onDemandUsdPerGpuHour !== null ? `On-demand price of ${gpu.name} (training runs on the serving GPU type)` : "Freehold fallback: no cloud price for this GPU",
        unit: "USD/GPU-hour",
      }),
      dataPrepUsd: log.take(stage, `${p}.dataPrepUsd`, "Data preparation", d.dataPrepUsd, D.dataPrepUsd, { basis: "None entered", unit: "USD" }),
      labellingUsd: log.take(stage, `${p}.labellingUsd`, "Labelling", d.labellingUsd, D.labellingUsd, { basis: "None entered", unit: "USD" }),
      engineeringPersonDays: log.take(stage, `${p}.engineeringPersonDays`, "Engineering effort", d.engineeringPersonDays, 10, {
        basis: "Freehold assumption: 10 person-days to prepare, run and evaluate one fine-tune",
        unit: "person-days",
      }),
      usdPerPersonDay: log.take(stage, `${p}.usdPerPersonDay`, "Day rate", d.usdPerPersonDay, REPORT_DEFAULTS.usdPerPersonDay, {
        basis: "Freehold assumption: 200,000 USD/year loaded ÷ 220 working days",
        unit: "USD/day",
      }),
    };
    if (isLora && d.loraTargets === undefined) log.note(stage, `${p}.loraTargets`, "LoRA targets", D.loraTargets.join(", "), { basis: engineBasis });
    plan = attempt(() => planAdaptation(raw, model, gpu), warnings);
    if (plan) warnings.push(...plan.warnings);
  }
  let quantization: TQuantizationEffect | null = null;
  const quality = d.quantization?.qualityDelta;
  if (args.servedPrecision !== "bf16" && model) {
    quantization = attempt(() => quantizationEffect({ fromPrecision: "bf16", toPrecision: args.servedPrecision, ...(quality ? { qualityDelta: quality } : {}) }, model), warnings);
    if (!quality) warnings.push(`Quality change at ${WEIGHT_PRECISIONS[args.servedPrecision].label} not entered: measure it on your workloads, or enter an assumed figure.`);
    else if (quality.source === "assumed") warnings.push(`The quality change at ${WEIGHT_PRECISIONS[args.servedPrecision].label} is assumed, not measured.`);
  }
  const precision = WEIGHT_PRECISIONS[args.servedPrecision].label;
  const methodText = method === "none" ? "No fine-tuning" : `${METHOD_LABELS[method]}${plan?.oneTimeCostUsd != null ? `: ${usdText(plan.oneTimeCostUsd)} one-time` : ""}`;
  const qualityText = quality ? `, quality ${quality.points >= 0 ? "+" : ""}${fmt(quality.points)} points (${quality.source})` : "";
  const figures = [
    ...(method === "none" ? [makeFigure("adaptation.oneTimeCostUsd", "One-time adaptation cost", 0, "USD", "no fine-tuning planned (method: none)")] : []),
    ...(plan?.figures ?? []),
    ...(quantization?.figures ?? []),
  ];
  return {
    stage: makeStage({
      key: stage,
      status,
      summary: status === "not-started" ? `Model used as released, served at ${precision}. ${NOT_STARTED_SUFFIX}` : `${methodText}; served at ${precision}${qualityText}.`,
      outcome:
        status === "not-started"
          ? NOT_STARTED
          : { tone: warnings.length > 0 ? "caution" : "good", label: `${methodText}${args.servedPrecision !== "bf16" ? `, ${precision}` : ""}` },
      figures,
      warnings,
      assumptions: log.forStage(stage),
      detail: { method, servedPrecision: args.servedPrecision, plan, quantization },
    }),
    plan,
  };
}
