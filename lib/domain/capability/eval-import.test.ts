import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  dateFromFileName,
  doubleCountedGroups,
  guessEvalSide,
  lmEvalTaskToWorkloadResult,
  parseEvalFile,
  parseLmEvalResults,
  parsePromptfooOutput,
  pickPrimaryMetric,
  promptfooTallyToWorkloadResult,
  type TFieldError,
  type TParseResult,
} from "./eval-import";
import fc from "fast-check";
import { ZWorkloadResult } from "./inputs";

const FIXTURES = path.join(__dirname, "..", "__fixtures__");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

const LM_EVAL_FILE = "lm-eval-results_2026-03-01T12-00-00.json";
const LM_EVAL_LIMITED_FILE = "lm-eval-results-limited_2026-03-02T09-30-00.json";

function okData<T>(r: TParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.data;
}

function errorsOf<T>(r: TParseResult<T>): TFieldError[] {
  if (r.ok) throw new Error("expected a failed parse");
  return r.errors;
}

describe("parseLmEvalResults on a full run", () => {
  const data = okData(parseLmEvalResults(fixture(LM_EVAL_FILE), { fileName: LM_EVAL_FILE }));
  const task = (name: string) => data.tasks.find((t) => t.task === name)!;

  it("reads model, date and version", () => {
    expect(data.modelName).toBe("meta-llama/Llama-3.1-8B-Instruct");
    expect(data.date).toBe("2026-03-01T12:00:00.000Z");
    expect(data.lmEvalVersion).toBe("0.4.9.1");
    expect(data.limit).toBeNull();
    expect(data.warnings).toEqual([]);
  });

  it.each([
    ["gsm8k", "exact_match", "strict-match", 1023 / 1319, 1319, 5],
    ["hellaswag", "acc_norm", "none", 7954 / 10042, 10042, 0],
    ["arc_easy", "acc_norm", "none", 1890 / 2376, 2376, 0],
    ["arc_challenge", "acc_norm", "none", 648 / 1172, 1172, 0],
  ])("%s: %s (%s) = %f on n = %i, %i-shot", (name, metric, filter, score, n, shots) => {
    const t = task(name);
    expect(t.metric).toBe(metric);
    expect(t.filter).toBe(filter);
    expect(t.score).toBeCloseTo(score, 12);
    expect(t.stderr).toBeGreaterThan(0);
    expect(t.sampleCount).toBe(n);
    expect(t.originalSampleCount).toBe(n);
    expect(t.limited).toBe(false);
    expect(t.higherIsBetter).toBe(true);
    expect(t.numFewshot).toBe(shots);
  });

  it("keeps every metric, not just the headline", () => {
    expect(task("gsm8k").metrics.map((m) => `${m.name},${m.filter}`)).toEqual([
      "exact_match,strict-match",
      "exact_match,flexible-extract",
    ]);
  });

  it("treats ai2_arc as a group and sums its subtasks' samples", () => {
    const g = task("ai2_arc");
    expect(g.isGroup).toBe(true);
    expect(g.subtasks).toEqual(["arc_easy", "arc_challenge"]);
    expect(g.sampleCount).toBe(2376 + 1172);
    expect(task("gsm8k").isGroup).toBe(false);
    expect(task("arc_easy").alias).toBe("arc_easy");
  });

  it("converts a task into a valid capability result", () => {
    const r = lmEvalTaskToWorkloadResult(task("gsm8k"))!;
    expect(ZWorkloadResult.safeParse(r).success).toBe(true);
    expect(r).toMatchObject({ sampleCount: 1319, source: "lm-eval-harness", limited: false });
  });
});

describe("parseLmEvalResults on a --limit run", () => {
  const data = okData(parseLmEvalResults(fixture(LM_EVAL_LIMITED_FILE)));

  it("marks every task limited and says so", () => {
    expect(data.limit).toBe(50);
    expect(data.tasks.every((t) => t.limited)).toBe(true);
    expect(data.tasks.find((t) => t.task === "gsm8k")).toMatchObject({ sampleCount: 50, originalSampleCount: 1319 });
    expect(data.warnings.join(" ")).toMatch(/--limit/);
  });

  it("reads the model from model_args given as an object", () => {
    expect(data.modelName).toBe("Qwen/Qwen3-8B");
    expect(data.date).toBe("2026-03-02T09:30:00.000Z");
  });

  it("gives perplexity-only tasks no score, and warns", () => {
    const w = data.tasks.find((t) => t.task === "wikitext")!;
    expect(w.score).toBeNull();
    expect(w.metrics.find((m) => m.name === "word_perplexity")).toMatchObject({ value: 9.7361, stderr: null });
    expect(lmEvalTaskToWorkloadResult(w)).toBeNull();
    expect(data.warnings.join(" ")).toMatch(/wikitext: no metric in 0\.\.1/);
  });

  it("detects --limit from n-samples alone when config.limit is absent", () => {
    const json = JSON.parse(fixture(LM_EVAL_LIMITED_FILE));
    delete json.config;
    const d = okData(parseLmEvalResults(json));
    expect(d.limit).toBeNull();
    expect(d.tasks.find((t) => t.task === "mmlu_college_medicine")!.limited).toBe(true);
    expect(d.modelName).toBe("Qwen/Qwen3-8B");
  });

  it("reads the model from a model_args string when model_name is absent", () => {
    const json = JSON.parse(fixture(LM_EVAL_FILE));
    delete json.model_name;
    expect(okData(parseLmEvalResults(json)).modelName).toBe("meta-llama/Llama-3.1-8B-Instruct");
  });
});

describe("parseLmEvalResults errors", () => {
  it.each([
    ["malformed JSON", fixture("malformed.json"), "(root)", /not valid JSON/],
    ["wrong shape", fixture("wrong-shape.json"), "results", /missing.*"results" object/],
    ["promptfoo file", fixture("promptfoo-output.json"), "results", /promptfoo/],
    ["an array", "[1, 2]", "(root)", /got an array/],
    ["empty text", "  ", "(root)", /empty/],
    ["no tasks", '{"results": {}}', "results", /no tasks/],
    ["results not an object", '{"results": [1]}', "results", /expected an object, got an array/],
    ["task not an object", '{"results": {"gsm8k": 0.5}}', "results.gsm8k", /expected an object of metrics, got a number/],
  ])("%s", (_label, input, path, message) => {
    const errors = errorsOf(parseLmEvalResults(input));
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toMatch(message);
    expect(errors[0].message.startsWith(path)).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    for (const input of [null, undefined, 42, "null", '"x"', "{", { results: null }, { results: { t: { "acc,none": "x" } } }]) {
      expect(() => parseLmEvalResults(input)).not.toThrow();
    }
  });
});

describe("pickPrimaryMetric and file-name dates", () => {
  it("prefers acc_norm over acc and strict-match over flexible-extract, ignoring non-0..1 values", () => {
    const m = (name: string, filter: string | null, value: number) => ({ name, filter, value, stderr: null });
    expect(pickPrimaryMetric([m("acc", "none", 0.5), m("acc_norm", "none", 0.6)])!.name).toBe("acc_norm");
    expect(pickPrimaryMetric([m("exact_match", "flexible-extract", 0.8), m("exact_match", "strict-match", 0.7)])!.filter).toBe("strict-match");
    expect(pickPrimaryMetric([m("word_perplexity", "none", 9.7)])).toBeNull();
    expect(pickPrimaryMetric([m("bits_per_byte", "none", 0.61)])).toBeNull();
    expect(pickPrimaryMetric([m("bleu", "none", 0.3)])!.name).toBe("bleu");
  });

  it.each([
    ["results_2026-03-01T12-00-00.123456.json", "2026-03-01T12:00:00.000Z"],
    ["lm-eval-results_2025-11-30T23-59-01.json", "2025-11-30T23:59:01.000Z"],
    ["results.json", null],
    [undefined, null],
  ])("%s -> %s", (name, iso) => {
    expect(dateFromFileName(name)).toBe(iso);
  });
});

describe("parsePromptfooOutput (v3)", () => {
  const data = okData(parsePromptfooOutput(fixture("promptfoo-output.json")));
  const provider = (key: string) => data.providers.find((p) => p.key === key)!;

  it("reads eval metadata and file stats", () => {
    expect(data.evalId).toBe("eval-Xk2-2026-03-03T10:15:42");
    expect(data.version).toBe(3);
    expect(data.timestamp).toBe("2026-03-03T10:15:42.318Z");
    expect(data.stats).toEqual({ successes: 8, failures: 3, errors: 1 });
  });

  it("counts per provider, keeping errors out of the graded sample", () => {
    expect(data.providers.map((p) => p.key)).toEqual(["qwen3-32b (self-hosted vLLM)", "openai:chat:gpt-4.1-mini"]);
    expect(provider("qwen3-32b (self-hosted vLLM)")).toMatchObject({
      id: "openai:chat:Qwen/Qwen3-32B",
      passCount: 4,
      failCount: 1,
      errorCount: 1,
      sampleCount: 5,
    });
    expect(provider("qwen3-32b (self-hosted vLLM)").meanScore).toBeCloseTo((1 + 0.9 + 1 + 0.5 + 0.85) / 5, 12);
    expect(provider("openai:chat:gpt-4.1-mini")).toMatchObject({ label: null, passCount: 4, failCount: 2, errorCount: 0, sampleCount: 6 });
    expect(provider("openai:chat:gpt-4.1-mini").meanScore).toBeCloseTo((1 + 1 + 0.4 + 0.9 + 0.95 + 0.6) / 6, 12);
    expect(data.warnings.join(" ")).toMatch(/1 test\(s\) ended in a provider or runtime error/);
  });

  it("groups by a var", () => {
    const d = okData(parsePromptfooOutput(fixture("promptfoo-output.json"), { groupBy: { var: "category" } }));
    const groups = d.providers.find((p) => p.key === "openai:chat:gpt-4.1-mini")!.groups;
    expect(groups.map((g) => [g.key, g.passCount, g.sampleCount])).toEqual([
      ["billing", 2, 3],
      ["technical", 2, 3],
    ]);
  });

  it("groups by test description", () => {
    const d = okData(parsePromptfooOutput(fixture("promptfoo-output.json"), { groupBy: "description" }));
    const groups = d.providers[0].groups;
    expect(groups).toHaveLength(6);
    expect(groups.find((g) => g.key === "Data export to S3 fails")).toMatchObject({ errorCount: 1, sampleCount: 0, meanScore: null });
  });

  it("labels a missing group var", () => {
    const d = okData(parsePromptfooOutput(fixture("promptfoo-output.json"), { groupBy: { var: "region" } }));
    expect(d.providers[0].groups.map((g) => g.key)).toEqual(["(no region)"]);
  });

  it("converts a provider into a valid pass-rate result", () => {
    const r = promptfooTallyToWorkloadResult(provider("qwen3-32b (self-hosted vLLM)"))!;
    expect(r).toEqual({ score: 0.8, passCount: 4, sampleCount: 5, source: "promptfoo", limited: false });
    expect(ZWorkloadResult.safeParse(r).success).toBe(true);
    expect(promptfooTallyToWorkloadResult({ passCount: 0, failCount: 0, latencyOrCostOnlyFailures: 0, errorCount: 2, sampleCount: 0, meanScore: null })).toBeNull();
  });
});

describe("parsePromptfooOutput (legacy v2)", () => {
  it("reads the results array of a v2 file", () => {
    const d = okData(parsePromptfooOutput(fixture("promptfoo-output-v2.json")));
    expect(d.version).toBe(2);
    expect(d.providers.map((p) => [p.key, p.passCount, p.sampleCount])).toEqual([
      ["qwen3-32b (self-hosted vLLM)", 2, 2],
      ["openai:chat:gpt-4.1-mini", 2, 2],
    ]);
  });

  it("falls back to results.table when there is no results array", () => {
    const json = JSON.parse(fixture("promptfoo-output-v2.json"));
    delete json.results.results;
    const d = okData(parsePromptfooOutput(json, { groupBy: { var: "category" } }));
    expect(d.providers.map((p) => [p.key, p.passCount, p.sampleCount])).toEqual([
      ["openai:chat:Qwen/Qwen3-32B", 2, 2],
      ["openai:chat:gpt-4.1-mini", 2, 2],
    ]);
    expect(d.providers[0].groups.map((g) => g.key)).toEqual(["billing"]);
  });
});

describe("parsePromptfooOutput errors", () => {
  const v3 = () => JSON.parse(fixture("promptfoo-output.json"));

  it.each([
    ["malformed JSON", fixture("malformed.json"), "(root)", /not valid JSON/],
    ["wrong shape", fixture("wrong-shape.json"), "results", /missing.*promptfoo eval -o/],
    ["lm-eval file", fixture(LM_EVAL_FILE), "results", /lm-evaluation-harness/],
    ["no results", JSON.stringify({ evalId: "e", results: { version: 3, results: [] } }), "results.results", /no test results/],
    ["a string", '"hello"', "(root)", /got a string/],
  ])("%s", (_label, input, path, message) => {
    const errors = errorsOf(parsePromptfooOutput(input));
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toMatch(message);
  });

  it("names the result and field that is wrong", () => {
    const json = v3();
    delete json.results.results[3].success;
    json.results.results[5].provider = 7;
    const errors = errorsOf(parsePromptfooOutput(json));
    expect(errors.map((e) => e.path)).toEqual(["results.results[3].success", "results.results[5].provider"]);
    expect(errors[0].message).toMatch(/^results\.results\[3\]\.success: .*boolean/);
  });

  it("names a broken legacy table", () => {
    const json = JSON.parse(fixture("promptfoo-output-v2.json"));
    delete json.results.results;
    json.results.table.body[1].outputs[0].pass = "yes";
    const errors = errorsOf(parsePromptfooOutput(json));
    expect(errors[0].path).toBe("results.table.body[1].outputs[0].pass");
  });

  it("warns when the file's stats disagree with its results", () => {
    const json = v3();
    json.results.stats.successes = 99;
    expect(okData(parsePromptfooOutput(json)).warnings.join(" ")).toMatch(/do not add up/);
  });
});

describe("parseEvalFile", () => {
  it.each([
    [LM_EVAL_FILE, "lm-eval-harness"],
    [LM_EVAL_LIMITED_FILE, "lm-eval-harness"],
    ["promptfoo-output.json", "promptfoo"],
    ["promptfoo-output-v2.json", "promptfoo"],
  ])("detects %s as %s", (name, format) => {
    expect(okData(parseEvalFile(fixture(name), { fileName: name })).format).toBe(format);
  });

  it.each([
    ["wrong-shape.json", /not a recognised evaluation file/],
    ["malformed.json", /not valid JSON/],
  ])("rejects %s", (name, message) => {
    expect(errorsOf(parseEvalFile(fixture(name)))[0].message).toMatch(message);
  });
});

describe("parsers never throw on arbitrary input", () => {
  const arbitraryFile = fc.oneof(
    fc.json(),
    fc.string(),
    fc.jsonValue(),
    fc.record({ results: fc.dictionary(fc.string(), fc.jsonValue()) }),
    fc.record({ results: fc.record({ results: fc.array(fc.jsonValue()), table: fc.jsonValue() }) }),
  );
  it.each([
    ["parseLmEvalResults", (x: unknown) => parseLmEvalResults(x)],
    ["parsePromptfooOutput", (x: unknown) => parsePromptfooOutput(x, { groupBy: { var: "category" } })],
    ["parseEvalFile", (x: unknown) => parseEvalFile(x)],
  ] as const)("%s", (_name, parse) => {
    fc.assert(
      fc.property(arbitraryFile, (input) => {
        const r = parse(input);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.message.startsWith(e.path)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("lm-eval groups: their own sample count, counts are not metrics, no double counting", () => {
  const GROUP_FILE = "lm-eval-results-group-counts_2026-03-05T08-00-00.json";
  const data = okData(parseLmEvalResults(fixture(GROUP_FILE), { fileName: GROUP_FILE }));
  const group = data.tasks.find((t) => t.task === "negotiationtom")!;

  it("takes a group's sample count from its own sample_count, not the sum of its subtasks", () => {
    expect(group.isGroup).toBe(true);
    expect(group.sampleCount).toBe(40);
    expect(data.tasks.find((t) => t.task === "negotiationtom_belief")!.sampleCount).toBe(30);
  });

  it("does not list sample_len or sample_count as metrics", () => {
    expect(group.metrics.map((m) => m.name)).toEqual(["acc"]);
  });

  it("flags a group imported together with one of its subtasks", () => {
    const items = data.tasks.map((t) => ({ key: t.task, label: t.alias, subtasks: t.subtasks }));
    expect(doubleCountedGroups(items, new Set(["negotiationtom", "negotiationtom_intent"]))).toEqual([
      "negotiationtom is an aggregate of its subtasks; import either the group or negotiationtom_intent, not both (the same samples would count twice).",
    ]);
    expect(doubleCountedGroups(items, new Set(["negotiationtom_belief", "negotiationtom_intent"]))).toEqual([]);
    expect(doubleCountedGroups(items, new Set(["negotiationtom"]))).toEqual([]);
  });
});

describe("guessEvalSide", () => {
  it("puts a closed-API model on the incumbent side and the assessment's own models on theirs", () => {
    expect(guessEvalSide("gpt-4o")).toBe("incumbent");
    expect(guessEvalSide("openai:gpt-4o-mini")).toBe("incumbent");
    expect(guessEvalSide("claude-3-5-sonnet")).toBe("incumbent");
    expect(guessEvalSide("Qwen/Qwen3-8B")).toBeNull();
    expect(guessEvalSide(null)).toBeNull();
    expect(guessEvalSide("meta-llama/Llama-3.3-70B-Instruct", { candidate: "Llama 3.3 70B Instruct", incumbent: "GPT-4o" })).toBe("candidate");
    expect(guessEvalSide("gpt-4o-2024-08-06", { candidate: "Llama 3.3 70B Instruct", incumbent: "GPT-4o" })).toBe("incumbent");
  });
});
