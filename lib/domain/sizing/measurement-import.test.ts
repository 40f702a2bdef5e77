// Real result files from each tool's users (see __fixtures__/serving/SOURCES.md for repository,
// path and commit), plus malformed ones that must get a sentence naming the problem.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseServingBenchmark } from "./measurement-import";

const dir = path.join(__dirname, "..", "__fixtures__", "serving");
const parse = (file: string) => parseServingBenchmark(readFileSync(path.join(dir, file), "utf8"), file);
function ok(file: string) {
  const r = parse(file);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r;
}

describe("vLLM bench serve / benchmark_serving.py", () => {
  it("summary file: lengths from the totals, throughput, TTFT and TPOT percentiles as written", () => {
    const r = ok("vllm-bench-serve-gpt-oss-120b-h100-tp8-c100.json");
    expect(r.format).toBe("vllm-bench-serve");
    const m = r.measurement;
    // total_input_tokens 102,400 and total_output_tokens 12,800 over 100 completed requests.
    expect(m.promptTokens).toBe(1024);
    expect(m.outputTokens).toBe(128);
    expect(m.concurrency).toBe(100);
    expect(m.outputTokensPerSecond).toBeCloseTo(3386.194265821373, 9);
    expect(m.ttftMs.p50).toBeCloseTo(1412.9004654987511, 9);
    expect(m.ttftMs.p99).toBeCloseTo(1996.1227116014925, 9);
    expect(m.tpotMs.mean).toBeCloseTo(18.048327419607855, 9);
    expect(m.runDate).toBe("2026-01-29 03:47:29");
  });

  it("detailed file: percentiles the summary lacks come from the per-request arrays", () => {
    const m = ok("vllm-bench-serve-llama-3.1-70b-h100-tp8-c100-detailed.json").measurement;
    expect(m.completedRequests).toBe(500);
    expect(m.outputTokens).toBe(128);
    expect(m.outputTokensPerSecond).toBeCloseTo(1214.52294974465, 6);
    expect(m.ttftMs.p95).toBeGreaterThan(m.ttftMs.p90!);
    expect(m.ttftMs.p99).toBeGreaterThan(m.ttftMs.p95!);
  });
});

describe("GenAI-Perf profile_export_genai_perf.json", () => {
  it("a real Triton + TensorRT-LLM run", () => {
    const m = ok("genai-perf-llama-3.1-8b-trtllm-c100-profile_export_genai_perf.json").measurement;
    expect(m.concurrency).toBe(100);
    expect(m.outputTokensPerSecond).toBeCloseTo(44190.56, 1);
    expect(m.ttftMs.p95).toBeCloseTo(351.02, 1);
    expect(m.tpotMs.p50).toBeCloseTo(2.179, 2);
    expect(m.hardwareNote).toMatch(/tensorrtllm/);
  });

  it("numeric strings are read as numbers (the exporter's own test file)", () => {
    const m = ok("genai-perf-exporter-test-expected-profile_export_genai_perf.json").measurement;
    expect(m.requestsPerSecond).toBe(7);
  });
});

describe("LLMPerf *_summary.json", () => {
  it("seconds are turned into milliseconds; mean output length from the results", () => {
    const m = ok("llmperf-yi-1.5-34b-4xa10g-vllm-c8_summary.json").measurement;
    expect(m.modelName).toBe("01-ai/Yi-1.5-34B-Chat");
    expect(m.concurrency).toBe(8);
    expect(m.outputTokensPerSecond).toBeCloseTo(95.81719381923115, 9);
    expect(m.ttftMs.p95).toBeCloseTo(4254.826318100367, 6);
    expect(m.promptTokens).toBe(550);
  });
});

describe("malformed files get a clear message", () => {
  it.each([
    { file: "malformed-truncated.json", message: /not JSON/ },
    { file: "malformed-not-a-benchmark.json", message: /not a vLLM, GenAI-Perf or LLMPerf result/ },
    { file: "malformed-vllm-fields.json", message: /completed \(requests\) must be more than 0/ },
    { file: "malformed-vllm-fields.json", message: /output_throughput is missing or not a number/ },
    { file: "malformed-genai-perf-unit.json", message: /"furlongs" is not a time unit/ },
  ])("$file: $message", ({ file, message }) => {
    const r = parse(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.join(" ")).toMatch(message);
      expect(r.errors.every((e) => e.startsWith(file))).toBe(true);
    }
  });
});
