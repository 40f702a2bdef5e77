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
