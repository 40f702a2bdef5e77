// Report stage 4: adaptation (fine-tuning) and what the served precision costs in quality. The
// precision itself comes from the infrastructure stage's layout search (or its pin).
import { planAdaptation, quantizationEffect, type TAdaptationResult, type TQuantizationEffect } from "../adaptation";
import type { TAdaptationInputsRaw } from "../adaptation";
import type { TAdaptationStageMethod, TAssessmentInputs } from "../assessment";
import type { TStageStatus } from "../shared";
import { EFFICIENCY_DEFAULTS } from "../sizing";
import { makeFigure } from "../shared";
import { fmt } from "../shared";
import type { TAssumptionLog } from "./context";
import { ENGINE_ADAPTATION_DEFAULTS, REPORT_DEFAULTS } from "./defaults";
import { usdText } from "../shared";
import { attempt, makeStage, NOT_STARTED, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TAdaptationDetail, TReportStage } from "./types";
import { WEIGHT_PRECISIONS, type TQualitySource, type TWeightPrecision } from "../sizing";
import type { TGpu, TModelArchitecture } from "../shared";

const METHOD_LABELS: Record<Exclude<TAdaptationStageMethod, "none">, string> = { full: "Full fine-tune", lora: "LoRA", qlora: "QLoRA" };

export function buildAdaptationStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  model: TModelArchitecture | null;
  gpu: TGpu;
  servedPrecision: TWeightPrecision;
  /** What the served precision costs in quality, as the layout search judged it; null without a model. */
  servedQuality: { points: number; source: TQualitySource } | null;
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
  // The team's figure counts only for the precision it was taken at.
  const entered = d.quantization?.precision === args.servedPrecision ? d.quantization?.qualityDelta : undefined;
  const served = args.servedQuality;
  const label = WEIGHT_PRECISIONS[args.servedPrecision].label;
  const isSixteenBit = !WEIGHT_PRECISIONS[args.servedPrecision].isQuantized;
  if (!isSixteenBit && model) {
    const quality =
      entered ??
      (served && served.source !== "as-released"
        ? { points: served.points, source: "assumed" as const, note: "Freehold assumption from Kurtic et al. (ACL 2025), not a measurement of this model" }
        : served?.source === "as-released"
          ? { points: 0, source: "assumed" as const, note: "The weights as released: no change against the published checkpoint" }
          : undefined);
    quantization = attempt(() => quantizationEffect({ fromPrecision: "bf16", toPrecision: args.servedPrecision, ...(quality ? { qualityDelta: quality } : {}) }, model), warnings);
    if (served?.source === "as-released") {
      // Served as published (DeepSeek-V3's FP8, gpt-oss's MXFP4): no quality change to measure.
    } else if (!entered) warnings.push(`Quality change at ${label} not entered: the layout search assumed ${fmt(served?.points ?? 0)} points. Measure it on your workloads.`);
    else if (entered.source === "assumed") warnings.push(`The quality change at ${label} is assumed, not measured.`);
  }
  const quality = entered;
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
          : { tone: warnings.length > 0 ? "caution" : "good", label: `${methodText}${!isSixteenBit ? `, ${precision}` : ""}` },
      figures,
      warnings,
      assumptions: log.forStage(stage),
      detail: { method, servedPrecision: args.servedPrecision, plan, quantization },
    }),
    plan,
  };
}
