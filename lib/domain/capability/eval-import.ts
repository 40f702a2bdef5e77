// Importers for evaluation results the team already has: lm-evaluation-harness and promptfoo files.
// Parsers never throw on user data; they return { ok: false, errors: [{ path, message }] }.
import type { TParseResult } from "../shared";
import type { TWorkloadResult } from "./inputs";
import { detectEvalFormat, readJson, fail, type TEvalFormat } from "./eval-import-json";
import { parseLmEvalResults, type TLmEvalImport, type TLmEvalTask } from "./eval-import-lm-eval";
import { parsePromptfooOutput, type TPromptfooGroupBy, type TPromptfooImport, type TPromptfooTally } from "./eval-import-promptfoo";

export * from "./eval-import-lm-eval";
export * from "./eval-import-promptfoo";
export { detectEvalFormat, MAX_EVAL_FILE_CHARS, type TEvalFormat } from "./eval-import-json";
export type { TFieldError, TParseResult } from "../shared";

export type TEvalFileImport =
  | { format: "lm-eval-harness"; result: TLmEvalImport }
  | { format: "promptfoo"; result: TPromptfooImport };

/** For an upload box that accepts either tool's file: detects the format, then parses. */
export function parseEvalFile(
  input: unknown,
  opts: { fileName?: string; groupBy?: TPromptfooGroupBy } = {},
): TParseResult<TEvalFileImport> {
  const read = readJson(input);
  if (!read.ok) return read;
  const format: TEvalFormat = detectEvalFormat(read.data);
  if (format === "lm-eval-harness") {
    const r = parseLmEvalResults(read.data, opts);
    return r.ok ? { ok: true, data: { format, result: r.data } } : r;
  }
  if (format === "promptfoo") {
    const r = parsePromptfooOutput(read.data, opts);
    return r.ok ? { ok: true, data: { format, result: r.data } } : r;
  }
  return fail(
    "(root)",
    'not a recognised evaluation file: expected an lm-evaluation-harness results_*.json (top-level "results" of task → metrics) or promptfoo output (promptfoo eval -o out.json)',
  );
}

/** A task's headline metric as a capability result; null when the task has no 0..1 score. */
export function lmEvalTaskToWorkloadResult(task: TLmEvalTask): TWorkloadResult | null {
  if (task.score === null) return null;
  return {
    score: task.score,
    ...(task.sampleCount !== null && task.sampleCount > 0 ? { sampleCount: task.sampleCount } : {}),
    // A 0..1 score's stderr cannot exceed 0.5; anything larger is not a usable stderr.
    ...(task.stderr !== null && task.stderr <= 0.5 ? { stderr: task.stderr } : {}),
    source: "lm-eval-harness",
    limited: task.limited,
  };
}

/** A promptfoo provider's (or group's) pass counts as a pass-rate capability result. */
export function promptfooTallyToWorkloadResult(tally: TPromptfooTally): TWorkloadResult | null {
  if (tally.sampleCount === 0) return null;
  return {
    score: tally.passCount / tally.sampleCount,
    passCount: tally.passCount,
    sampleCount: tally.sampleCount,
    source: "promptfoo",
    limited: false,
  };
}

export type TEvalSide = "candidate" | "incumbent";

/** Closed-API model names and lm-eval API backends: results for them are the incumbent's. */
const CLOSED_API = /^(openai|anthropic|azure|vertex|bedrock|gemini|claude|gpt-|o[1345]\b|o[1345]-)|openai-(chat-)?completions|[:/](gpt-|claude|gemini)/;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * Which side a file's model most likely is, so a gpt-4o file does not default to "candidate":
 * the assessment's own model names first, then closed-API names. Null when nothing says.
 */
export function guessEvalSide(modelName: string | null | undefined, names: { candidate?: string; incumbent?: string } = {}): TEvalSide | null {
  if (!modelName) return null;
  const model = norm(modelName.split("/").pop() ?? modelName);
  const matches = (name: string | undefined) => {
    const n = name ? norm(name) : "";
    return n.length >= 3 && (model.includes(n) || n.includes(model));
  };
  const inc = matches(names.incumbent);
  const cand = matches(names.candidate);
  if (inc !== cand) return inc ? "incumbent" : "candidate";
  return CLOSED_API.test(modelName.toLowerCase()) ? "incumbent" : null;
}

/**
 * Messages for lm-eval groups imported together with any of their subtasks: a group's score is an
 * aggregate of its subtasks, so importing both counts the same samples twice in the weighted gap.
 */
export function doubleCountedGroups(items: readonly { key: string; label: string; subtasks?: readonly string[] }[], chosenKeys: ReadonlySet<string>): string[] {
  const labelOf = new Map(items.map((it) => [it.key, it.label]));
  const messages: string[] = [];
  for (const it of items) {
    if (!chosenKeys.has(it.key) || !it.subtasks?.length) continue;
    const overlap = it.subtasks.filter((s) => chosenKeys.has(s));
    if (overlap.length) {
      messages.push(`${it.label} is an aggregate of its subtasks; import either the group or ${overlap.map((s) => labelOf.get(s) ?? s).join(", ")}, not both (the same samples would count twice).`);
    }
  }
  return messages;
}
