// Open weights is not open source. For each catalog model: which parts of the release are open
// (weights, inference code, training code, training data, technical report, intermediate
// checkpoints), under what kind of licence, and the Model Openness Framework class that follows.
//
// MOF (White et al., arXiv:2403.13784, Linux Foundation Generative AI Commons): Class III "Open
// Model" needs the architecture, the final parameters and documentation (model card, technical
// report, evaluation results) under open licences; Class II "Open Tooling" adds the training,
// inference and evaluation code; Class I "Open Science" adds the training datasets, the data
// processing code and intermediate checkpoints. The classes below are Freehold's reading of the
// releases against those criteria, not an official Model Openness Tool rating.
import type { TProvenance } from "../shared";

/** open: released under an open (OSI-style) licence. restricted: released under a licence with use restrictions. */
export type TOpennessLevel = "open" | "restricted" | "not-released";
export type TOpennessComponent = "weights" | "inferenceCode" | "trainingCode" | "trainingData" | "technicalReport" | "intermediateCheckpoints";

export const OPENNESS_COMPONENT_LABELS: Record<TOpennessComponent, string> = {
  weights: "Weights (final parameters)",
  inferenceCode: "Inference code",
  trainingCode: "Training code",
  trainingData: "Training data",
  technicalReport: "Technical report (recipe)",
  intermediateCheckpoints: "Intermediate checkpoints",
};

export type TMofClass = "I" | "II" | "III" | "none";

export type TModelOpenness = {
  modelId: string;
  components: Record<TOpennessComponent, TOpennessLevel>;
  mofClass: TMofClass;
  provenance: TProvenance;
};

const MOF_PAPER = "https://arxiv.org/abs/2403.13784";
const READ_ON = "2026-11-28";
const NOTE = "Freehold's reading of the release against the Model Openness Framework criteria (not an official MOT rating). Inference code is open through Apache-2.0 implementations (Hugging Face transformers, vLLM).";

type TRelease = Omit<TModelOpenness["components"], "inferenceCode"> & { report: string | null };

/** MOF class from the components: each class needs the lower class's components too. */
export function mofClassOf(c: Record<TOpennessComponent, TOpennessLevel>): TMofClass {
  const open = (k: TOpennessComponent) => c[k] === "open";
  if (!(open("weights") && open("technicalReport"))) return "none";
  if (!(open("inferenceCode") && open("trainingCode"))) return "III";
  if (!(open("trainingData") && open("intermediateCheckpoints"))) return "II";
  return "I";
}

function entry(modelId: string, r: TRelease, verification: TProvenance["verification"] = "secondary"): TModelOpenness {
  const { report, ...rest } = r;
  const components = { ...rest, inferenceCode: "open" as const };
  return {
    modelId,
    components,
    mofClass: mofClassOf(components),
    provenance: { sourceUrls: [MOF_PAPER, ...(report ? [report] : [])], asOf: READ_ON, verification, note: NOTE },
  };
}

const closedRecipe = { trainingCode: "not-released", trainingData: "not-released", intermediateCheckpoints: "not-released" } as const;
const paper = (url: string) => ({ technicalReport: "open" as const, report: url });
const blogOnly = (url: string) => ({ technicalReport: "not-released" as const, report: url });

const LLAMA3 = paper("https://arxiv.org/abs/2407.21783");
const QWEN25 = paper("https://arxiv.org/abs/2412.15115");
const QWEN3 = paper("https://arxiv.org/abs/2505.09388");
const GEMMA2 = paper("https://arxiv.org/abs/2408.00118");
const OLMO2 = { weights: "open", trainingCode: "open", trainingData: "open", intermediateCheckpoints: "open", ...paper("https://arxiv.org/abs/2501.00656") } as const;
const OLMO3 = { ...OLMO2, ...paper("https://arxiv.org/abs/2512.13961") } as const;

export const MODEL_OPENNESS: readonly TModelOpenness[] = [
  entry("llama-3.1-8b", { weights: "restricted", ...closedRecipe, ...LLAMA3 }),
  entry("llama-3.1-70b", { weights: "restricted", ...closedRecipe, ...LLAMA3 }),
  entry("llama-3.1-405b", { weights: "restricted", ...closedRecipe, ...LLAMA3 }),
  entry("llama-3.3-70b-instruct", { weights: "restricted", ...closedRecipe, ...LLAMA3 }),
  entry("llama-4-scout-17b-16e", { weights: "restricted", ...closedRecipe, ...blogOnly("https://ai.meta.com/blog/llama-4-multimodal-intelligence/") }),
  entry("llama-4-maverick-17b-128e", { weights: "restricted", ...closedRecipe, ...blogOnly("https://ai.meta.com/blog/llama-4-multimodal-intelligence/") }),
  entry("mistral-7b-v0.1", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2310.06825") }),
  entry("mixtral-8x7b-v0.1", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2401.04088") }),
  entry("mixtral-8x22b-v0.1", { weights: "open", ...closedRecipe, ...blogOnly("https://mistral.ai/news/mixtral-8x22b") }),
  entry("mistral-small-24b-instruct-2501", { weights: "open", ...closedRecipe, ...blogOnly("https://mistral.ai/news/mistral-small-3") }),
  entry("qwen2.5-7b-instruct", { weights: "open", ...closedRecipe, ...QWEN25 }),
  entry("qwen2.5-32b-instruct", { weights: "open", ...closedRecipe, ...QWEN25 }),
  entry("qwen2.5-72b-instruct", { weights: "restricted", ...closedRecipe, ...QWEN25 }),
  entry("qwen3-8b", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("qwen3-32b", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("qwen3-235b-a22b", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("deepseek-v3", { weights: "restricted", ...closedRecipe, ...paper("https://arxiv.org/abs/2412.19437") }),
  entry("deepseek-r1", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2501.12948") }),
  entry("gemma-2-9b", { weights: "restricted", ...closedRecipe, ...GEMMA2 }),
  entry("gemma-2-27b", { weights: "restricted", ...closedRecipe, ...GEMMA2 }),
  entry("gemma-3-27b-it", { weights: "restricted", ...closedRecipe, ...paper("https://arxiv.org/abs/2503.19786") }),
  entry("phi-4", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2412.08905") }),
  entry("gpt-oss-120b", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2508.10925") }),
  entry("gpt-oss-20b", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2508.10925") }),
  entry("olmo-2-1124-7b", OLMO2),
  entry("olmo-2-1124-13b", OLMO2),
  entry("olmo-2-0325-32b", OLMO2),
  // Added with the December 2026 catalog update. Model cards stand in where no technical report was read.
  entry("deepseek-v3.1", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2412.19437") }),
  entry("deepseek-v3.2", { weights: "open", ...closedRecipe, ...paper("https://arxiv.org/abs/2412.19437") }),
  entry("kimi-k2-instruct", { weights: "restricted", ...closedRecipe, ...blogOnly("https://huggingface.co/moonshotai/Kimi-K2-Instruct") }),
  entry("glm-4.6", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/zai-org/GLM-4.6") }),
  entry("glm-4.5", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/zai-org/GLM-4.5") }),
  entry("glm-4.5-air", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/zai-org/GLM-4.5-Air") }),
  entry("qwen3-30b-a3b", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("qwen3-coder-480b-a35b-instruct", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("qwen3-coder-30b-a3b-instruct", { weights: "open", ...closedRecipe, ...QWEN3 }),
  entry("mistral-small-3.2-24b-instruct-2506", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/mistralai/Mistral-Small-3.2-24B-Instruct-2506") }),
  entry("magistral-small-2506", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/mistralai/Magistral-Small-2506") }),
  entry("devstral-small-2505", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/mistralai/Devstral-Small-2505") }),
  entry("llama-3.2-1b-instruct", { weights: "restricted", ...closedRecipe, ...blogOnly("https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct") }),
  entry("llama-3.2-3b-instruct", { weights: "restricted", ...closedRecipe, ...blogOnly("https://huggingface.co/meta-llama/Llama-3.2-3B-Instruct") }),
  entry("gemma-3-1b-it", { weights: "restricted", ...closedRecipe, ...paper("https://arxiv.org/abs/2503.19786") }),
  entry("granite-3.2-2b-instruct", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/ibm-granite/granite-3.2-2b-instruct") }),
  entry("granite-3.0-8b-instruct", { weights: "open", ...closedRecipe, ...blogOnly("https://huggingface.co/ibm-granite/granite-3.0-8b-instruct") }),
  entry("gemma-3-4b-it", { weights: "restricted", ...closedRecipe, ...paper("https://arxiv.org/abs/2503.19786") }),
  entry("gemma-3-12b-it", { weights: "restricted", ...closedRecipe, ...paper("https://arxiv.org/abs/2503.19786") }),
  entry("olmo-3-1025-7b", OLMO3),
  entry("olmo-3-1125-32b", OLMO3),
];

const BY_MODEL = new Map(MODEL_OPENNESS.map((m) => [m.modelId, m]));

export function getModelOpenness(modelId: string): TModelOpenness | undefined {
  return BY_MODEL.get(modelId);
}

export const MOF_CLASS_LABELS: Record<TMofClass, string> = {
  I: "MOF Class I (Open Science)",
  II: "MOF Class II (Open Tooling)",
  III: "MOF Class III (Open Model)",
  none: "Below MOF Class III (weights or report not under open terms)",
};
