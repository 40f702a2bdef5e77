// Parser for lm-evaluation-harness per-item logs (`--log_samples`: samples_<task>_<date>.jsonl, one
// JSON object per line with doc_id, target, resps, filtered_resps, filter, metrics and one numeric
// field per metric, e.g. "acc": 1.0). Two such files for the same task, one per model, pair item by
// item: the paired statistics (stats.ts) then need far fewer items than independent samples.
// Never throws on user data.
import type { TParseResult } from "../shared";
import { fail, fieldError, isRecord, MAX_EVAL_FILE_CHARS } from "./eval-import-json";
import type { TPairedCounts } from "./stats";

/** Metrics read as pass/fail, in the order they are tried when none is named. */
export const SAMPLE_PASS_METRICS = ["acc", "exact_match", "pass@1", "acc_norm", "pass_at_1"] as const;

export type TLmEvalSamples = {
  metric: string;
  filter: string | null;
  /** doc_id → passed. */
  items: Map<string, boolean>;
  warnings: string[];
};

export function isJsonLines(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > 1 && lines.slice(0, 3).every((l) => l.trim().startsWith("{"));
}

export function parseLmEvalSamples(text: string, opts: { metric?: string; filter?: string } = {}): TParseResult<TLmEvalSamples> {
  if (text.length > MAX_EVAL_FILE_CHARS) return fail("(root)", `file is too large (${text.length} characters; limit ${MAX_EVAL_FILE_CHARS})`);
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const rows: Record<string, unknown>[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      return fail(`line ${i + 1}`, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    if (!isRecord(value)) return fail(`line ${i + 1}`, "expected one JSON object per line");
    rows.push(value);
  }
  if (rows.length === 0) return fail("(root)", "file is empty");
  const first = rows[0];
  if (!("doc_id" in first)) return fail("line 1", 'missing "doc_id": expected an lm-evaluation-harness samples_*.jsonl file (run with --log_samples)');
  const metric = opts.metric ?? SAMPLE_PASS_METRICS.find((m) => typeof first[m] === "number" || typeof first[m] === "boolean");
  if (!metric) return fail("line 1", `no pass/fail metric found (looked for ${SAMPLE_PASS_METRICS.join(", ")})`);
  const filter = opts.filter ?? (typeof first.filter === "string" ? first.filter : null);
  const items = new Map<string, boolean>();
  const warnings: string[] = [];
  let otherFilters = 0;
  for (const [i, row] of rows.entries()) {
    if (filter !== null && typeof row.filter === "string" && row.filter !== filter) {
      otherFilters += 1;
      continue;
    }
    const id = row.doc_id;
    if (typeof id !== "number" && typeof id !== "string") return { ok: false, errors: [fieldError(`line ${i + 1}`, '"doc_id" must be a number or a string')] };
    const v = row[metric];
    const passed = typeof v === "boolean" ? v : typeof v === "number" && (v === 0 || v === 1) ? v === 1 : null;
    if (passed === null) return { ok: false, errors: [fieldError(`line ${i + 1}`, `"${metric}" is ${JSON.stringify(v)}: only 0/1 (pass/fail) metrics can be paired`)] };
    const key = String(id);
    if (items.has(key)) return { ok: false, errors: [fieldError(`line ${i + 1}`, `doc_id ${key} appears twice for filter ${filter ?? "(none)"}`)] };
    items.set(key, passed);
  }
  if (otherFilters > 0) warnings.push(`${otherFilters} line(s) of other filters were left out; using filter "${filter}".`);
  return { ok: true, data: { metric, filter, items, warnings } };
}

export type TPairedSamples = TPairedCounts & { items: number; onlyInCandidate: number; onlyInIncumbent: number };

/** Pairs two models' per-item results by doc_id; items only one side has are counted, not paired. */
export function pairSamples(candidate: ReadonlyMap<string, boolean>, incumbent: ReadonlyMap<string, boolean>): TPairedSamples {
  const out: TPairedSamples = { bothPass: 0, candidateOnly: 0, incumbentOnly: 0, bothFail: 0, items: 0, onlyInCandidate: 0, onlyInIncumbent: 0 };
  for (const [id, c] of candidate) {
    const i = incumbent.get(id);
    if (i === undefined) {
      out.onlyInCandidate += 1;
      continue;
    }
    out.items += 1;
    if (c && i) out.bothPass += 1;
    else if (c) out.candidateOnly += 1;
    else if (i) out.incumbentOnly += 1;
    else out.bothFail += 1;
  }
  for (const id of incumbent.keys()) if (!candidate.has(id)) out.onlyInIncumbent += 1;
  return out;
}
