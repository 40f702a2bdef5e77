// Test-only architectures and GPUs, hard-coded from public configs and spec sheets (values as
// collected in the project's reference facts, each row citing its source). Tests must not read the
// shared reference file, so the numbers live here.
import type { TGpu, TModelArchitecture, TProvenance } from "../shared/types";

const provenance = (url: string): TProvenance => ({ sourceUrls: [url], asOf: "2026-11", verification: "verified-copy" });

/** vLLM paper's worked example: 2 × 40 layers × 5120 hidden × 2 bytes = 800 KB per token. */
export const OPT_13B: TModelArchitecture = {
  id: "opt-13b",
  name: "OPT-13B",
  licenceId: "opt",
  totalParams: 12.85e9,
  activeParams: 12.85e9,
  layers: 40,
  hiddenSize: 5120,
  intermediateSize: 20480,
  attentionHeads: 40,
  kvHeads: 40,
  headDim: 128,
  vocabSize: 50272,
  contextTokens: 2048,
  attentionType: "mha",
  provenance: provenance("https://arxiv.org/abs/2309.06180"),
};

export const LLAMA_3_1_8B: TModelArchitecture = {
  id: "llama-3.1-8b",
  name: "Llama-3.1-8B",
  licenceId: "llama-3.1",
  totalParams: 8_030_261_248,
  activeParams: 8_030_261_248,
  layers: 32,
  hiddenSize: 4096,
  intermediateSize: 14336,
  attentionHeads: 32,
  kvHeads: 8,
  headDim: 128,
  vocabSize: 128256,
  contextTokens: 131072,
  attentionType: "gqa",
  provenance: provenance("https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json"),
};

export const LLAMA_3_1_70B: TModelArchitecture = {
  ...LLAMA_3_1_8B,
  id: "llama-3.1-70b",
  name: "Llama-3.1-70B",
  totalParams: 70_553_706_496,
  activeParams: 70_553_706_496,
  layers: 80,
  hiddenSize: 8192,
  intermediateSize: 28672,
  attentionHeads: 64,
  provenance: provenance("https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json"),
};

export const LLAMA_3_1_405B: TModelArchitecture = {
  ...LLAMA_3_1_8B,
  id: "llama-3.1-405b",
  name: "Llama-3.1-405B",
  totalParams: 405_853_388_800,
  activeParams: 405_853_388_800,
  layers: 126,
  hiddenSize: 16384,
  intermediateSize: 53248,
  attentionHeads: 128,
  provenance: provenance("https://huggingface.co/meta-llama/Llama-3.1-405B/blob/main/config.json"),
};

/** Sliding window 4096 on every layer (v0.1 config). */
export const MISTRAL_7B_V01: TModelArchitecture = {
  id: "mistral-7b-v0.1",
  name: "Mistral-7B-v0.1",
  licenceId: "apache-2.0",
  totalParams: 7.24e9,
  activeParams: 7.24e9,
  layers: 32,
  hiddenSize: 4096,
  intermediateSize: 14336,
  attentionHeads: 32,
  kvHeads: 8,
  headDim: 128,
  vocabSize: 32000,
  contextTokens: 32768,
  attentionType: "gqa",
  slidingWindowTokens: 4096,
  provenance: provenance("https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json"),
};

export const MIXTRAL_8X7B: TModelArchitecture = {
  ...MISTRAL_7B_V01,
  id: "mixtral-8x7b",
  name: "Mixtral-8x7B-v0.1",
  totalParams: 46.7e9,
  activeParams: 12.9e9,
  slidingWindowTokens: undefined,
  experts: 8,
  expertsPerToken: 2,
  provenance: provenance("https://huggingface.co/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json"),
};

/** Alternating local (sliding 4096) / global layers: 21 of 42 are local. */
export const GEMMA_2_9B: TModelArchitecture = {
  id: "gemma-2-9b",
  name: "Gemma-2-9B",
  licenceId: "gemma",
  totalParams: 9.24e9,
  activeParams: 9.24e9,
  layers: 42,
  hiddenSize: 3584,
  intermediateSize: 14336,
  attentionHeads: 16,
  kvHeads: 8,
  headDim: 256,
  vocabSize: 256000,
  contextTokens: 8192,
  attentionType: "gqa",
  slidingWindowTokens: 4096,
  slidingWindowLayers: 21,
  provenance: provenance("https://huggingface.co/google/gemma-2-9b/blob/main/config.json"),
};

/** MLA: caches (kv_lora_rank 512 + qk_rope_head_dim 64) per layer per token. */
export const DEEPSEEK_V3: TModelArchitecture = {
  id: "deepseek-v3",
  name: "DeepSeek-V3",
  licenceId: "deepseek",
  totalParams: 671e9,
  activeParams: 37e9,
  layers: 61,
  hiddenSize: 7168,
  intermediateSize: 18432,
  attentionHeads: 128,
  kvHeads: 128,
  headDim: 128,
  vocabSize: 129280,
  contextTokens: 163840,
  attentionType: "mla",
  kvLoraRank: 512,
  qkRopeHeadDim: 64,
  experts: 256,
  expertsPerToken: 8,
  sharedExperts: 1,
  provenance: provenance("https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json"),
};

/** LLaMA-65B (QLoRA paper's model): 80 layers, 8192 hidden, 22016 MLP, 64 heads, 32000 vocab. */
export const LLAMA_65B: TModelArchitecture = {
  id: "llama-65b",
  name: "LLaMA-65B",
  licenceId: "llama-1",
  totalParams: 65.2e9,
  activeParams: 65.2e9,
  layers: 80,
  hiddenSize: 8192,
  intermediateSize: 22016,
  attentionHeads: 64,
  kvHeads: 64,
  headDim: 128,
  vocabSize: 32000,
  contextTokens: 2048,
  attentionType: "mha",
  provenance: provenance("https://arxiv.org/abs/2302.13971"),
};

export const H100_SXM: TGpu = {
  id: "h100-sxm",
  name: "NVIDIA H100 SXM5 80GB",
  vendor: "NVIDIA",
  memoryGb: 80,
  memoryBandwidthTbps: 3.35,
  bf16DenseTflops: 989,
  fp8DenseTflops: 1979,
  int8DenseTops: 1979,
  // NVLink 4: 900 GB/s bidirectional, 450 GB/s per direction (same spec page).
  interconnectGBpsPerDirection: 450,
  tdpWatts: 700,
  provenance: provenance("https://www.nvidia.com/en-us/data-center/h100/"),
};

export const H200_SXM: TGpu = {
  ...H100_SXM,
  id: "h200-sxm",
  name: "NVIDIA H200 SXM 141GB",
  memoryGb: 141,
  memoryBandwidthTbps: 4.8,
  provenance: provenance("https://www.nvidia.com/en-us/data-center/h200/"),
};

export const A100_80GB: TGpu = {
  id: "a100-80gb",
  name: "NVIDIA A100 80GB SXM4",
  vendor: "NVIDIA",
  memoryGb: 80,
  memoryBandwidthTbps: 2.039,
  bf16DenseTflops: 312,
  int8DenseTops: 624,
  tdpWatts: 400,
  provenance: provenance("https://www.nvidia.com/en-us/data-center/a100/"),
};

/** A 48 GB card for the QLoRA single-GPU claim (L40S: 48 GB, 362 dense BF16 TFLOPS). */
export const L40S: TGpu = {
  id: "l40s",
  name: "NVIDIA L40S",
  vendor: "NVIDIA",
  memoryGb: 48,
  memoryBandwidthTbps: 0.864,
  bf16DenseTflops: 362,
  fp8DenseTflops: 733,
  tdpWatts: 350,
  provenance: provenance("https://www.nvidia.com/en-us/data-center/l40s/"),
};

export const RTX_4090: TGpu = {
  id: "rtx-4090",
  name: "NVIDIA GeForce RTX 4090",
  vendor: "NVIDIA",
  memoryGb: 24,
  memoryBandwidthTbps: 1.008,
  bf16DenseTflops: 165.2,
  tdpWatts: 450,
  provenance: provenance("https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/rtx-4090/"),
};
