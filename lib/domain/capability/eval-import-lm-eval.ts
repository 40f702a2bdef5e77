// Parser for EleutherAI lm-evaluation-harness v0.4 `results_<timestamp>.json` files.
// Metric keys are "<metric>,<filter>" (e.g. "acc,none", "exact_match,strict-match") with a
// "<metric>_stderr,<filter>" partner that may be the string "N/A" (groups without a pooled stderr).
import type { TFieldError, TParseResult } from "../shared";
import { describeType, detectEvalFormat, fail, fieldError, isRecord, readJson } from "./eval-import-json";

export type TLmEvalMetric = {
  name: string;
  /** Filter pipeline the metric was computed after ("none", "strict-match", ...); null in 0.3 files. */
  filter: string | null;
  value: number;
  stderr: number | null;
};

export type TLmEvalTask = {
  task: string;
  alias: string;
  isGroup: boolean;
  subtasks: string[];
  /** Headline metric chosen by `pickPrimaryMetric`; null when no metric lies in 0..1. */
  metric: string | null;
  filter: string | null;
  score: number | null;
  stderr: number | null;
  /** Samples actually evaluated: n-samples.effective, else the entry's own sample_count (a group's
   *  count as lm-eval reports it), else the sum over subtasks. */
  sampleCount: number | null;
  originalSampleCount: number | null;
  /** Run with --limit: a sample of the benchmark, not the benchmark. */
  limited: boolean;
  higherIsBetter: boolean | null;
  numFewshot: number | null;
  version: string | null;
  metrics: TLmEvalMetric[];
};

export type TLmEvalImport = {
  modelName: string | null;
  /** ISO 8601, from the file's `date` (unix seconds) or the results_<timestamp> file name. */
  date: string | null;
  lmEvalVersion: string | null;
  /** config.limit: a count (≥ 1) or a fraction (< 1) of each task; null for full runs. */
  limit: number | null;
  tasks: TLmEvalTask[];
  warnings: string[];
};

/** Metrics most often reported as a task's headline, most preferred first. */
const PRIMARY_METRICS = ["acc_norm", "acc", "exact_match", "pass@1", "mc2", "mc1", "f1", "em", "accuracy"];
const PREFERRED_FILTERS = ["none", "strict-match", "flexible-extract"];
/** Metrics that can land in 0..1 without being a score (bits_per_byte ~0.6 is common). */
const NOT_A_SCORE = /perplexity|bits_per_byte|^ter$|loss/;
/** Numeric entries of a task's results that are counts, not metrics (lm-eval writes them on groups). */
const COUNT_KEYS = new Set(["samples", "sample_len", "sample_count"]);

export function parseLmEvalResults(input: unknown, opts: { fileName?: string } = {}): TParseResult<TLmEvalImport> {
  const read = readJson(input);
  if (!read.ok) return read;
  const json = read.data;
  if (!isRecord(json)) {
    return fail("(root)", `expected a JSON object from lm-evaluation-harness, got ${describeType(json)}`);
  }
  if (!isRecord(json.results)) {
    const hint =
      detectEvalFormat(json) === "promptfoo"
        ? " This looks like promptfoo output; import it as promptfoo instead."
        : ' An lm-evaluation-harness results_*.json has a top-level "results" object mapping each task to its metrics.';
    return fail("results", `${json.results === undefined ? "missing" : `expected an object, got ${describeType(json.results)}`}.${hint}`);
  }
  if (detectEvalFormat(json) === "promptfoo") {
    return fail("results", "this looks like promptfoo output, not lm-evaluation-harness; import it as promptfoo instead.");
  }

  const errors: TFieldError[] = [];
  for (const [task, value] of Object.entries(json.results)) {
    if (!isRecord(value)) errors.push(fieldError(`results.${task}`, `expected an object of metrics, got ${describeType(value)}`));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (Object.keys(json.results).length === 0) return fail("results", "no tasks in this file");

  const warnings: string[] = [];
  const config = isRecord(json.config) ? json.config : {};
  const limit = typeof config.limit === "number" && Number.isFinite(config.limit) ? config.limit : null;
  const nSamples = isRecord(json["n-samples"]) ? json["n-samples"] : {};
  const subtasksOf = readSubtasks(json);
  const groupNames = new Set([...Object.keys(isRecord(json.groups) ? json.groups : {}), ...[...subtasksOf].filter(([, s]) => s.length > 0).map(([g]) => g)]);

  const tasks: TLmEvalTask[] = Object.entries(json.results as Record<string, Record<string, unknown>>).map(([task, raw]) => {
    const metrics = readMetrics(raw);
    // lm-eval's lower-is-better metrics are perplexities and error measures, not pass rates.
    const primary = pickPrimaryMetric(metrics.filter((m) => higherIsBetter(json, task, m.name) !== false));
    const isGroup = groupNames.has(task);
    const counts = sampleCounts(task, nSamples, subtasksOf, ownCounts(json));
    const limited = limit !== null || (counts.effective !== null && counts.original !== null && counts.effective < counts.original);
    if (!primary) warnings.push(`${task}: no metric in 0..1 (e.g. only perplexity); it cannot be compared as a score.`);
    return {
      task,
      alias: typeof raw.alias === "string" && raw.alias.trim() !== "" ? raw.alias.replace(/^\s*-\s*/, "").trim() : task,
      isGroup,
      subtasks: subtasksOf.get(task) ?? [],
      metric: primary?.name ?? null,
      filter: primary?.filter ?? null,
      score: primary?.value ?? null,
      stderr: primary?.stderr ?? null,
      sampleCount: counts.effective,
      originalSampleCount: counts.original,
      limited,
      higherIsBetter: primary ? higherIsBetter(json, task, primary.name) : null,
      numFewshot: numberAt(json["n-shot"], task),
      version: versionAt(json.versions, task),
      metrics,
    };
  });

  if (tasks.some((t) => t.limited)) {
    warnings.push("Run with --limit: results are a sample of each benchmark, not the benchmark.");
  }
  return {
    ok: true,
    data: {
      modelName: modelNameOf(json, config),
      date: dateOf(json.date) ?? dateFromFileName(opts.fileName),
      lmEvalVersion: typeof json.lm_eval_version === "string" ? json.lm_eval_version : null,
      limit,
      tasks,
      warnings,
    },
  };
}

function readMetrics(raw: Record<string, unknown>): TLmEvalMetric[] {
  const metrics: TLmEvalMetric[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === "alias" || typeof value !== "number" || !Number.isFinite(value)) continue;
    const [name, filter = null] = splitKey(key);
    if (COUNT_KEYS.has(name)) continue;
    if (name.endsWith("_stderr")) continue;
    const stderrRaw = raw[filter === null ? `${name}_stderr` : `${name}_stderr,${filter}`];
    const stderr = typeof stderrRaw === "number" && Number.isFinite(stderrRaw) && stderrRaw >= 0 ? stderrRaw : null;
    metrics.push({ name, filter, value, stderr });
  }
  return metrics;
}

function splitKey(key: string): [string, string | null] {
  const comma = key.indexOf(",");
  return comma < 0 ? [key, null] : [key.slice(0, comma), key.slice(comma + 1)];
}

export function pickPrimaryMetric(metrics: readonly TLmEvalMetric[]): TLmEvalMetric | null {
  const scores = metrics.filter((m) => m.value >= 0 && m.value <= 1 && !NOT_A_SCORE.test(m.name));
  const rank = (m: TLmEvalMetric) => {
    const byName = PRIMARY_METRICS.indexOf(m.name);
    const byFilter = PREFERRED_FILTERS.indexOf(m.filter ?? "none");
    return (byName < 0 ? PRIMARY_METRICS.length : byName) * 100 + (byFilter < 0 ? PREFERRED_FILTERS.length : byFilter);
  };
  return [...scores].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function readSubtasks(json: Record<string, unknown>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!isRecord(json.group_subtasks)) return map;
  for (const [group, list] of Object.entries(json.group_subtasks)) {
    if (Array.isArray(list)) map.set(group, list.filter((s): s is string => typeof s === "string"));
  }
  return map;
}

type TCounts = { effective: number | null; original: number | null };

/** A task's or group's own sample count written next to its metrics (results or groups entry). */
function ownCounts(json: Record<string, unknown>): Map<string, number> {
  const map = new Map<string, number>();
  for (const section of [json.groups, json.results]) {
    if (!isRecord(section)) continue;
    for (const [task, raw] of Object.entries(section)) {
      if (!isRecord(raw)) continue;
      const n = countAt(raw.sample_count) ?? countAt(raw.samples);
      if (n !== null) map.set(task, n);
    }
  }
  return map;
}

function sampleCounts(task: string, nSamples: Record<string, unknown>, subtasksOf: Map<string, string[]>, own: Map<string, number>, depth = 0): TCounts {
  const fromNSamples = nSamples[task];
  if (isRecord(fromNSamples)) {
    return { effective: countAt(fromNSamples.effective), original: countAt(fromNSamples.original) };
  }
  // A group's own count is what the file says it evaluated; summing subtasks double-counts a
  // subtask listed under two groups and counts subtasks the group's score leaves out.
  const ownCount = own.get(task);
  if (ownCount !== undefined) return { effective: ownCount, original: null };
  const subtasks = subtasksOf.get(task) ?? [];
  // Depth guard: a malformed file could list a group inside itself.
  if (subtasks.length === 0 || depth > 10) return { effective: null, original: null };
  let effective: number | null = 0;
  let original: number | null = 0;
  for (const sub of subtasks) {
    const c = sampleCounts(sub, nSamples, subtasksOf, own, depth + 1);
    effective = effective === null || c.effective === null ? null : effective + c.effective;
    original = original === null || c.original === null ? null : original + c.original;
  }
  return { effective, original };
}

function countAt(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

function numberAt(map: unknown, key: string): number | null {
  if (!isRecord(map)) return null;
  const v = map[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function versionAt(map: unknown, key: string): string | null {
  if (!isRecord(map)) return null;
  const v = map[key];
  return typeof v === "number" || typeof v === "string" ? String(v) : null;
}

function higherIsBetter(json: Record<string, unknown>, task: string, metric: string): boolean | null {
  const map = json.higher_is_better;
  if (!isRecord(map) || !isRecord(map[task])) return null;
  const v = map[task][metric];
  return typeof v === "boolean" ? v : null;
}

function modelNameOf(json: Record<string, unknown>, config: Record<string, unknown>): string | null {
  if (typeof json.model_name === "string" && json.model_name !== "") return json.model_name;
  const args = modelArgs(config.model_args);
  const fromArgs = args.pretrained ?? args.model ?? args.path ?? args.engine;
  if (typeof fromArgs === "string" && fromArgs !== "") return fromArgs;
  return typeof config.model === "string" && config.model !== "" ? config.model : null;
}

/** model_args is "pretrained=org/name,dtype=bfloat16" in most files and an object in some. */
function modelArgs(raw: unknown): Record<string, unknown> {
  if (isRecord(raw)) return raw;
  if (typeof raw !== "string") return {};
  const out: Record<string, unknown> = {};
  for (const pair of raw.split(",")) {
    const eq = pair.indexOf("=");
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

const YEAR_2000_S = 946_684_800;
const YEAR_2100_S = 4_102_444_800;

function dateOf(raw: unknown): string | null {
  if (typeof raw === "number" && raw > YEAR_2000_S && raw < YEAR_2100_S) {
    return new Date(raw * 1000).toISOString();
  }
  if (typeof raw === "string") {
    const t = Date.parse(raw);
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  return null;
}

/** lm-eval names files results_2026-03-01T12-00-00.123456.json (local time, no zone). */
export function dateFromFileName(fileName: string | undefined): string | null {
  const m = fileName?.match(/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})/);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}
