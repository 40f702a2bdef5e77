// Reads the benchmark result files teams already produce into one shape: vLLM's
// `vllm bench serve --save-result` JSON (and the older benchmarks/benchmark_serving.py result, the
// same keys), NVIDIA GenAI-Perf's profile_export_genai_perf.json, and LLMPerf's *_summary.json.
// Plain checks, no schema library, so the browser can read a multi-megabyte file without a round
// trip. Problems are returned as sentences naming the field.
import type { TLatencyStats, TMeasurementFormat, TServingMeasurement } from "./measurements";

export type TImportedMeasurement = Omit<TServingMeasurement, "id" | "layout" | "importedOn">;

export type TMeasurementImportResult =
  | { ok: true; format: TMeasurementFormat; measurement: TImportedMeasurement; warnings: string[] }
  | { ok: false; errors: string[] };

/** Detailed vLLM results carry per-request arrays: 1,000 prompts make ~3 MB. */
export const MAX_MEASUREMENT_CHARS = 50_000_000;

type TJson = Record<string, unknown>;
const isObject = (v: unknown): v is TJson => typeof v === "object" && v !== null && !Array.isArray(v);

/** A number, or a numeric string (GenAI-Perf writes some averages as strings). */
function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

class Collector {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly format: string) {}
  /** A required positive number at `key`. */
  positive(obj: TJson, key: string, label = key): number | undefined {
    const v = num(obj[key]);
    if (v === undefined) this.errors.push(`${this.format}: ${label} is missing or not a number`);
    else if (!(v > 0)) this.errors.push(`${this.format}: ${label} must be more than 0, got ${v}`);
    return v !== undefined && v > 0 ? v : undefined;
  }
}

/** Linear-interpolated percentile (NumPy's default) of unsorted values. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function stats(parts: { mean?: number; p50?: number; p90?: number; p95?: number; p99?: number }): TLatencyStats {
  const out: TLatencyStats = {};
  for (const k of ["mean", "p50", "p90", "p95", "p99"] as const) {
    const v = parts[k];
    if (v !== undefined && Number.isFinite(v) && v >= 0) out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// vLLM

function isVllm(j: TJson): boolean {
  return "output_throughput" in j && ("model_id" in j || "mean_ttft_ms" in j || "ttfts" in j);
}

/** vLLM's date stamp "20260413-092439" as an ISO-like text; anything else as written. */
function vllmDate(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : v.slice(0, 60);
}

function vllmLatency(j: TJson, metric: "ttft" | "tpot", seconds?: unknown): TLatencyStats {
  const parts: Record<string, number | undefined> = { mean: num(j[`mean_${metric}_ms`]), p50: num(j[`median_${metric}_ms`]) ?? num(j[`p50_${metric}_ms`]) };
  for (const p of ["90", "95", "99"]) parts[`p${p}`] = num(j[`p${p}_${metric}_ms`]);
  // Detailed results keep every request's TTFT (seconds): percentiles the summary left out come from them.
  if (Array.isArray(seconds)) {
    const values = seconds.map(num).filter((v): v is number => v !== undefined && v >= 0).map((v) => v * 1000);
    if (values.length > 0) {
      for (const [k, q] of [["p50", 0.5], ["p90", 0.9], ["p95", 0.95], ["p99", 0.99]] as const) parts[k] ??= percentile(values, q);
      parts.mean ??= values.reduce((a, b) => a + b, 0) / values.length;
    }
  }
  return stats(parts);
}

function parseVllm(j: TJson): TMeasurementImportResult {
  const c = new Collector("vLLM result");
  const completed = c.positive(j, "completed", "completed (requests)");
  const totalIn = c.positive(j, "total_input_tokens");
  const totalOut = c.positive(j, "total_output_tokens");
  const outputTps = c.positive(j, "output_throughput");
  if (c.errors.length > 0 || !completed || !totalIn || !totalOut || !outputTps) return { ok: false, errors: c.errors };
  const rate = j.request_rate === "inf" || j.request_rate === null || j.request_rate === undefined ? undefined : num(j.request_rate);
  const concurrency = num(j.max_concurrency);
  const failed = num(j.failed) ?? 0;
  if (failed > 0) c.warnings.push(`${failed} request(s) failed in this run; the figures cover the ${completed} that completed.`);
  if (concurrency === undefined && rate === undefined) c.warnings.push("No max_concurrency and an unlimited request rate: every prompt was sent at once, so concurrency is the number of prompts.");
  const prompts = num(j.num_prompts);
  return {
    ok: true,
    format: "vllm-bench-serve",
    warnings: c.warnings,
    measurement: {
      format: "vllm-bench-serve",
      fileName: "",
      ...(vllmDate(j.date) ? { runDate: vllmDate(j.date) } : {}),
      modelName: typeof j.model_id === "string" ? j.model_id.slice(0, 300) : "not stated",
      ...(typeof j.backend === "string" ? { hardwareNote: `backend ${j.backend}${typeof j.endpoint_type === "string" ? `, endpoint ${j.endpoint_type}` : ""}`.slice(0, 300) } : {}),
      promptTokens: totalIn / completed,
      outputTokens: totalOut / completed,
      ...(concurrency !== undefined && concurrency >= 1
        ? { concurrency: Math.round(concurrency) }
        : rate === undefined && prompts !== undefined && prompts >= 1
          ? { concurrency: Math.round(prompts) }
          : {}),
      ...(rate !== undefined && rate > 0 ? { requestRatePerSecond: rate } : {}),
      outputTokensPerSecond: outputTps,
      ...(num(j.request_throughput) ? { requestsPerSecond: num(j.request_throughput) } : {}),
      completedRequests: Math.round(completed),
      ...(num(j.duration) ? { durationSeconds: num(j.duration) } : {}),
      ttftMs: vllmLatency(j, "ttft", j.ttfts),
      tpotMs: vllmLatency(j, "tpot"),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// GenAI-Perf

function isGenAiPerf(j: TJson): boolean {
  return isObject(j.output_token_throughput) && (isObject(j.time_to_first_token) || isObject(j.request_latency));
}

const UNIT_TO_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, us: 1e-3, "µs": 1e-3, ns: 1e-6 };

function genAiLatency(c: Collector, obj: unknown, name: string): TLatencyStats {
  if (!isObject(obj)) return {};
  const unit = typeof obj.unit === "string" ? obj.unit.toLowerCase() : "ms";
  const k = UNIT_TO_MS[unit];
  if (k === undefined) {
    c.errors.push(`GenAI-Perf result: ${name}.unit "${unit}" is not a time unit (ms, s, us, ns)`);
    return {};
  }
  const at = (key: string) => {
    const v = num(obj[key]);
    return v === undefined ? undefined : v * k;
  };
  return stats({ mean: at("avg"), p50: at("p50"), p90: at("p90"), p95: at("p95"), p99: at("p99") });
}

function parseGenAiPerf(j: TJson): TMeasurementImportResult {
  const c = new Collector("GenAI-Perf result");
  const out = isObject(j.output_token_throughput) ? c.positive(j.output_token_throughput, "avg", "output_token_throughput.avg") : undefined;
  const osl = isObject(j.output_sequence_length) ? num(j.output_sequence_length.avg) : undefined;
  const isl = isObject(j.input_sequence_length) ? num(j.input_sequence_length.avg) : undefined;
  if (!(osl && osl > 0)) c.errors.push("GenAI-Perf result: output_sequence_length.avg is missing or not more than 0");
  if (!(isl && isl > 0)) c.errors.push("GenAI-Perf result: input_sequence_length.avg is missing or not more than 0");
  const ttft = genAiLatency(c, j.time_to_first_token, "time_to_first_token");
  const itl = genAiLatency(c, j.inter_token_latency, "inter_token_latency");
  if (c.errors.length > 0 || !out || !osl || !isl) return { ok: false, errors: c.errors };
  const cfg = isObject(j.input_config) ? j.input_config : {};
  const loadgen = isObject(cfg.loadgen) ? cfg.loadgen : cfg;
  const concurrency = num(loadgen.concurrency);
  const rate = num(loadgen.request_rate);
  const model = Array.isArray(cfg.model) ? cfg.model.filter((x) => typeof x === "string").join(", ") : typeof cfg.model === "string" ? cfg.model : isObject(cfg.models) && Array.isArray(cfg.models.items) ? "see input_config.models" : "not stated";
  if (Object.keys(ttft).length === 0) c.warnings.push("No time_to_first_token in the file (a non-streaming run): TTFT is not known.");
  const rps = isObject(j.request_throughput) ? num(j.request_throughput.avg) : undefined;
  const note = [typeof cfg.backend === "string" ? `backend ${cfg.backend}` : "", typeof cfg.service_kind === "string" ? `service ${cfg.service_kind}` : "", typeof cfg.endpoint_type === "string" ? `endpoint ${cfg.endpoint_type}` : ""].filter(Boolean).join(", ");
  return {
    ok: true,
    format: "genai-perf",
    warnings: c.warnings,
    measurement: {
      format: "genai-perf",
      fileName: "",
      modelName: model.slice(0, 300),
      ...(note ? { hardwareNote: note.slice(0, 300) } : {}),
      promptTokens: isl,
      outputTokens: osl,
      ...(concurrency !== undefined && concurrency >= 1 ? { concurrency: Math.round(concurrency) } : {}),
      ...(rate !== undefined && rate > 0 ? { requestRatePerSecond: rate } : {}),
      outputTokensPerSecond: out,
      ...(rps && rps > 0 ? { requestsPerSecond: rps } : {}),
      ...(isObject(j.benchmark_duration) && num(j.benchmark_duration.avg) ? { durationSeconds: num(j.benchmark_duration.avg) } : {}),
      ttftMs: ttft,
      tpotMs: itl,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// LLMPerf

function isLlmPerf(j: TJson): boolean {
  return "results_mean_output_throughput_token_per_s" in j || ("mean_output_tokens" in j && "num_concurrent_requests" in j);
}

function llmPerfSeconds(j: TJson, prefix: string): TLatencyStats {
  const at = (suffix: string) => {
    const v = num(j[`${prefix}_${suffix}`]);
    return v === undefined ? undefined : v * 1000;
  };
  return stats({ mean: at("mean"), p50: at("quantiles_p50"), p90: at("quantiles_p90"), p95: at("quantiles_p95"), p99: at("quantiles_p99") });
}

function parseLlmPerf(j: TJson): TMeasurementImportResult {
  const c = new Collector("LLMPerf summary");
  const out = c.positive(j, "results_mean_output_throughput_token_per_s");
  const isl = c.positive(j, "mean_input_tokens");
  // The tokens actually generated, when the summary has them (the requested mean otherwise).
  const osl = num(j.results_number_output_tokens_mean) ?? c.positive(j, "mean_output_tokens");
  const concurrency = num(j.num_concurrent_requests);
  if (c.errors.length > 0 || !out || !isl || !osl) return { ok: false, errors: c.errors };
  const errors = num(j.results_number_errors) ?? 0;
  if (errors > 0) c.warnings.push(`${errors} request(s) failed in this run.`);
  const ts = num(j.timestamp);
  const completed = num(j.results_num_completed_requests);
  const perMinute = num(j.results_num_completed_requests_per_min);
  return {
    ok: true,
    format: "llmperf",
    warnings: c.warnings,
    measurement: {
      format: "llmperf",
      fileName: "",
      ...(ts ? { runDate: new Date(ts * 1000).toISOString().slice(0, 19).replace("T", " ") } : {}),
      modelName: typeof j.model === "string" ? j.model.slice(0, 300) : "not stated",
      promptTokens: isl,
      outputTokens: osl,
      ...(concurrency !== undefined && concurrency >= 1 ? { concurrency: Math.round(concurrency) } : {}),
      outputTokensPerSecond: out,
      ...(perMinute && perMinute > 0 ? { requestsPerSecond: perMinute / 60 } : {}),
      ...(completed !== undefined ? { completedRequests: Math.round(completed) } : {}),
      ttftMs: llmPerfSeconds(j, "results_ttft_s"),
      tpotMs: llmPerfSeconds(j, "results_inter_token_latency_s"),
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Parses one file's text; `fileName` is kept as the measurement's provenance. */
export function parseServingBenchmark(text: string, fileName: string): TMeasurementImportResult {
  if (text.length > MAX_MEASUREMENT_CHARS) return { ok: false, errors: [`${fileName}: the file is too large (${text.length} characters; limit ${MAX_MEASUREMENT_CHARS})`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${fileName}: not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  if (!isObject(json)) return { ok: false, errors: [`${fileName}: expected a JSON object of benchmark results, got ${Array.isArray(json) ? "an array" : json === null ? "null" : typeof json}`] };
  const parse = isVllm(json) ? parseVllm : isGenAiPerf(json) ? parseGenAiPerf : isLlmPerf(json) ? parseLlmPerf : null;
  if (!parse) {
    return {
      ok: false,
      errors: [
        `${fileName}: not a vLLM, GenAI-Perf or LLMPerf result. Expected vLLM's output_throughput and model_id, GenAI-Perf's output_token_throughput and time_to_first_token objects, or LLMPerf's results_mean_output_throughput_token_per_s.`,
      ],
    };
  }
  const r = parse(json);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => `${fileName}: ${e}`) };
  return { ...r, measurement: { ...r.measurement, fileName: fileName.slice(0, 200) } };
}
