// Stated efficiency factors and planning assumptions used as input defaults by sizing and
// adaptation. Each carries its source so a screen can show where the default comes from, and each is
// an input the user can override with a measured value.
import type { TProvenance } from "../shared";

export type TStatedDefault = {
  value: number;
  unit: string;
  label: string;
  provenance: TProvenance;
};

const DATABRICKS_INFERENCE = "https://www.databricks.com/blog/llm-inference-performance-engineering-best-practices";
const STAS00_ACCELERATORS =
  "https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md";
const VLLM_ENGINE_ARGS = "https://docs.vllm.ai/en/v0.8.5/serving/engine_args.html";
const TRTLLM_PERF =
  "https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md";
const NVIDIA_MULTISHOT = "https://developer.nvidia.com/blog/3x-faster-allreduce-with-nvswitch-and-tensorrt-llm-multishot/";
const VLLM_V060_BLOG = "https://blog.vllm.ai/2024/09/05/perf-update.html";
const KLEINROCK = "https://en.wikipedia.org/wiki/Erlang_(unit)#Erlang_C_formula";

export const EFFICIENCY_DEFAULTS = {
  memoryBandwidthUtilization: {
    value: 0.6,
    unit: "fraction of peak bandwidth",
    label: "Memory-bandwidth utilisation (MBU) during decode",
    provenance: {
      sourceUrls: [DATABRICKS_INFERENCE],
      asOf: "2023-10",
      verification: "verified-copy",
      note: "Databricks measured 60% MBU at batch 1 on 2×H100-80GB and 55% on 4×A100-40GB; engines reach roughly 50-70%.",
    },
  },
  inferenceMfu: {
    value: 0.5,
    unit: "fraction of peak dense FLOP/s",
    label: "Model FLOPs utilisation for prefill and compute-bound decode",
    provenance: {
      sourceUrls: [STAS00_ACCELERATORS],
      asOf: "2026-08",
      verification: "secondary",
      note: "Assumed midpoint of the 0.4-0.7 typically quoted for inference; the measured matmul-only ceiling is 80.3% of peak on H100 SXM (BF16), 51.4% on MI300X.",
    },
  },
  trainingMfu: {
    value: 0.4,
    unit: "fraction of peak dense FLOP/s",
    label: "Model FLOPs utilisation for training / fine-tuning",
    provenance: {
      sourceUrls: ["https://arxiv.org/abs/2204.02311", "https://arxiv.org/abs/2407.21783"],
      asOf: "2024-07",
      verification: "cross-checked",
      note: "PaLM 540B reached 46.2% MFU; Llama 3.1 405B pretraining 38-43% on H100. Fine-tuning runs are usually below large pretraining runs, hence 0.4.",
    },
  },
  gpuMemoryUtilization: {
    value: 0.9,
    unit: "fraction of GPU memory",
    label: "Share of GPU memory the serving engine may use (vLLM gpu_memory_utilization)",
    provenance: {
      sourceUrls: [VLLM_ENGINE_ARGS],
      asOf: "2025-05",
      verification: "verified-primary",
      note: "vLLM's default is 0.9; what is left after weights and activations becomes KV cache.",
    },
  },
  overheadGbPerGpu: {
    value: 2,
    unit: "GB per GPU (decimal, 10^9 bytes)",
    label: "Fixed runtime overhead per GPU (CUDA context, activations, CUDA graphs), inside the usable share",
    provenance: {
      sourceUrls: [VLLM_ENGINE_ARGS],
      asOf: "2025-05",
      verification: "secondary",
      note: "vLLM's memory profile takes weights, non-torch memory and the activation peak out of gpu_memory_utilization × total; logs for 8B models show 1.3-2.2 GiB for the last two (e.g. 'non_torch_memory takes 0.12GiB; PyTorch activation peak memory takes 1.19GiB'). 2 GB (decimal) is the cautious end.",
    },
  },
  overheadFractionOfWeights: {
    value: 0,
    unit: "fraction of weights",
    label: "Runtime overhead proportional to weights",
    provenance: {
      sourceUrls: [VLLM_ENGINE_ARGS],
      asOf: "2025-05",
      verification: "unverified",
      note: "Off by default because gpu_memory_utilization already holds back 10%; set 0.1-0.2 to follow estimators that add a percentage instead.",
    },
  },
  minOutputTokensPerSecondPerSequence: {
    value: 20,
    unit: "tokens/s per sequence",
    label: "Latency target: each user sees at least this many output tokens per second",
    provenance: {
      sourceUrls: [DATABRICKS_INFERENCE],
      asOf: "2023-10",
      verification: "unverified",
      note: "Assumed: 50 ms time per output token, faster than people read. Set your own service level.",
    },
  },
  peakToAverageRatio: {
    value: 3,
    unit: "×",
    label: "Peak-to-average traffic ratio",
    provenance: {
      sourceUrls: ["https://arxiv.org/abs/2509.18101"],
      asOf: "2025-09",
      verification: "unverified",
      note: "Assumed. Traffic confined to business hours (8 h × 22 working days, as the CMU on-premise TCO study assumes) is ~4× the 730-hour average.",
    },
  },
  stepOverheadMs: {
    value: 0.3,
    unit: "ms per decode step",
    label: "Per-step overhead of the serving engine (scheduling, sampling, kernel launches)",
    provenance: {
      sourceUrls: [VLLM_V060_BLOG],
      asOf: "2024-09",
      verification: "unverified",
      note: "Assumed. vLLM v0.6 cut CPU overhead per step (2.7× throughput on Llama 3 8B) with multi-step scheduling and CUDA graphs; what is left is a fraction of a millisecond. Batch-1 decode stays within 10% of the bandwidth bound with it.",
    },
  },
  allReduceLatencyUs: {
    value: 5,
    unit: "µs per all-reduce",
    label: "Fixed latency of one tensor-parallel all-reduce (two per layer per step)",
    provenance: {
      sourceUrls: [NVIDIA_MULTISHOT],
      asOf: "2024-11",
      verification: "unverified",
      note: "Assumed for NVLink with one-shot/custom all-reduce kernels; NVIDIA's MultiShot post explains why ring all-reduce latency grows with the GPU count. Raise it for PCIe-only servers.",
    },
  },
  allReduceBandwidthEfficiency: {
    value: 0.7,
    unit: "fraction of link bandwidth",
    label: "Share of the GPU-to-GPU link bandwidth a tensor-parallel all-reduce achieves",
    provenance: {
      sourceUrls: [TRTLLM_PERF],
      asOf: "2025-09",
      verification: "secondary",
      note: "NCCL bus bandwidth runs below the link's rated speed; 0.7 with the other defaults puts every TensorRT-LLM Llama 70B/405B/8B row (2×H100 TP2, 8×H100 TP8) within 19% of the published throughput (calibration test).",
    },
  },
  rooflineOverlapExponent: {
    value: 2,
    unit: "p in (memory^p + compute^p)^(1/p)",
    label: "How memory and compute time overlap in a decode step (∞ = perfect overlap, the roofline max)",
    provenance: {
      sourceUrls: [TRTLLM_PERF],
      asOf: "2025-09",
      verification: "secondary",
      note: "Fitted: with p = 2 the TensorRT-LLM table's rows where memory and compute time are close (128/2048, 500/2000, 405B TP8) land within 19%; the pure max overstates them by up to 46%.",
    },
  },
  ttftQuantile: {
    value: 0.95,
    unit: "quantile",
    label: "Share of requests the time-to-first-token target holds for",
    provenance: {
      sourceUrls: [KLEINROCK],
      asOf: "2026-11",
      verification: "secondary",
      note: "p95: the usual service-level percentile. The wait comes from Erlang C for each replica's batch slots with Poisson arrivals.",
    },
  },
  trainingReserveGbPerGpu: {
    value: 1,
    unit: "GB per GPU",
    label: "Memory held back during training (CUDA context, allocator fragmentation)",
    provenance: {
      sourceUrls: ["https://arxiv.org/abs/2305.14314"],
      asOf: "2023-05",
      verification: "unverified",
      note: "Assumed; QLoRA relies on paged optimizers to absorb memory spikes.",
    },
  },
} as const satisfies Record<string, TStatedDefault>;

export type TEfficiencyDefaultKey = keyof typeof EFFICIENCY_DEFAULTS;

/** A stated factor as used in one calculation: its value, whether it is the default, and why. */
export type TStatedFactor = { key: TEfficiencyDefaultKey; label: string; value: number; unit: string; isDefault: boolean; provenance: TProvenance | null };

/**
 * The factors a calculation ran with, for "where this number comes from": defaults carry their
 * source; an overridden value is the user's, so it carries none.
 */
export function describeStatedFactors(used: Partial<Record<TEfficiencyDefaultKey, number>>): TStatedFactor[] {
  return (Object.keys(used) as TEfficiencyDefaultKey[]).map((key) => {
    const d: TStatedDefault = EFFICIENCY_DEFAULTS[key];
    const value = used[key] ?? d.value;
    const isDefault = value === d.value;
    return { key, label: d.label, value, unit: d.unit, isDefault, provenance: isDefault ? d.provenance : null };
  });
}
