// What quantizing the served weights buys (memory, decode speed) and what the team says it costs in
// quality. The quality delta is never computed here: it is entered, and marked measured or assumed.
import { z } from "zod";
import { parseOrThrow, zText } from "../shared";
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { BYTES_PER_GB, fmt } from "../shared";
import { WEIGHT_PRECISIONS, weightBytesReadPerDecodeStep, weightsBytes, ZWeightPrecision, type TWeightPrecision } from "../sizing";
import { ZModelArchitecture, type TModelArchitecture } from "../shared";

export const ZQualityDeltaSource = z.enum(["measured", "assumed"]);
export type TQualityDeltaSource = z.infer<typeof ZQualityDeltaSource>;

export const ZQuantizationInputs = z.object({
  fromPrecision: ZWeightPrecision.default("bf16"),
  toPrecision: ZWeightPrecision,
  /** KV bytes a decode step reads per sequence; it does not shrink with the weights, so it dilutes the gain. */
  kvBytesReadPerSequence: z.number().nonnegative().max(1e13).default(0),
  qualityDelta: z
    .object({
      /** Change in the team's chosen score, in percentage points (negative = worse). */
      points: z.number().min(-100).max(100),
      metric: zText({ max: 200 }).optional(),
      source: ZQualityDeltaSource,
      note: zText({ max: 2000, multiline: true }).optional(),
    })
    .optional(),
});
export type TQuantizationInputsRaw = z.input<typeof ZQuantizationInputs>;

export type TQuantizationEffect = {
  fromPrecision: TWeightPrecision;
  toPrecision: TWeightPrecision;
  weightsBytesBefore: number;
  weightsBytesAfter: number;
  /** after ÷ before. */
  memoryRatio: number;
  /** Bandwidth-bound decode tokens/s after ÷ before, batch 1. */
  decodeSpeedRatio: number;
  qualityDeltaPoints: number | null;
  qualityDeltaSource: TQualityDeltaSource | null;
  figures: TFigure[];
};

export function quantizationEffect(rawInputs: TQuantizationInputsRaw, rawModel: TModelArchitecture): TQuantizationEffect {
  const inputs = parseOrThrow(ZQuantizationInputs, rawInputs, "quantization inputs");
  const model = parseOrThrow(ZModelArchitecture, rawModel, "model architecture");
  const before = weightsBytes(model, inputs.fromPrecision);
  const after = weightsBytes(model, inputs.toPrecision);
  const bytesBefore = WEIGHT_PRECISIONS[inputs.fromPrecision].bytesPerParam;
  const bytesAfter = WEIGHT_PRECISIONS[inputs.toPrecision].bytesPerParam;
  const kv = inputs.kvBytesReadPerSequence;
  // Bytes one batch-1 step reads: the body at its precision, the output head at 16 bits when quantized.
  const readBefore = weightBytesReadPerDecodeStep(model, { precision: inputs.fromPrecision, scope: "all-linear" }, 1) + kv;
  const readAfter = weightBytesReadPerDecodeStep(model, { precision: inputs.toPrecision, scope: "all-linear" }, 1) + kv;
  const decodeSpeedRatio = readBefore / readAfter;
  const approx = WEIGHT_PRECISIONS[inputs.toPrecision].isApproximate || WEIGHT_PRECISIONS[inputs.fromPrecision].isApproximate;
  const quality = inputs.qualityDelta;
  const figures = [
    makeFigure(
      "quantization.weightsGbAfter",
      `Weights at ${WEIGHT_PRECISIONS[inputs.toPrecision].label}`,
      after / BYTES_PER_GB,
      "GB",
      `layers × B_w + embeddings × B_emb, B_w = ${WEIGHT_PRECISIONS[inputs.toPrecision].bytesFormula}`,
      [approx ? "GGUF bytes per weight are approximate." : "", WEIGHT_PRECISIONS[inputs.toPrecision].isQuantized && !WEIGHT_PRECISIONS[inputs.toPrecision].coversEmbeddings ? "Embeddings and the output head stay at 16 bits." : ""].filter(Boolean).join(" ") || undefined,
    ),
    makeFigure("quantization.memoryRatio", "Weights memory after ÷ before", after / before, "×", `weights after ÷ weights before = ${fmt(after)} ÷ ${fmt(before)} bytes (B_w ${fmt(bytesAfter)} vs ${fmt(bytesBefore)})`),
    makeFigure(
      "quantization.decodeSpeedRatio",
      "Decode speed after ÷ before (bandwidth bound)",
      decodeSpeedRatio,
      "×",
      `(weights read before + KV) ÷ (weights read after + KV) = (${fmt(readBefore - kv)} + ${fmt(kv)}) ÷ (${fmt(readAfter - kv)} + ${fmt(kv)})`,
      "Assumes kernels reach the same share of bandwidth at both precisions; dequantisation can eat part of the gain at large batch.",
    ),
    makeFigure(
      "quantization.qualityDeltaPoints",
      "Quality change",
      quality ? quality.points : null,
      "points",
      "as entered by the team",
      quality ? `${quality.source === "measured" ? "Measured" : "Assumed, not measured"}${quality.metric ? ` on ${quality.metric}` : ""}.` : "Not entered.",
    ),
  ];
  return {
    fromPrecision: inputs.fromPrecision,
    toPrecision: inputs.toPrecision,
    weightsBytesBefore: before,
    weightsBytesAfter: after,
    memoryRatio: after / before,
    decodeSpeedRatio,
    qualityDeltaPoints: quality ? quality.points : null,
    qualityDeltaSource: quality ? quality.source : null,
    figures,
  };
}
