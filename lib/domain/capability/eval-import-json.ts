// Shared first step of every eval-file parser: text (or an already parsed value) to JSON, as data.
import { jsonDepthProblem, type TFieldError, type TParseResult } from "../shared";

/** Uploads larger than this are refused before JSON.parse holds several copies in memory. */
export const MAX_EVAL_FILE_CHARS = 50_000_000;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readJson(input: unknown, maxChars: number = MAX_EVAL_FILE_CHARS): TParseResult<unknown> {
  if (typeof input !== "string") return { ok: true, data: input };
  if (input.length > maxChars) {
    return fail("(root)", `file is too large (${input.length} characters; limit ${maxChars})`);
  }
  if (input.trim() === "") return fail("(root)", "file is empty");
  const tooDeep = jsonDepthProblem(input);
  if (tooDeep) return fail("(root)", tooDeep);
  try {
    // A UTF-8 byte-order mark from some Windows editors would make JSON.parse fail.
    return { ok: true, data: JSON.parse(input.replace(/^\uFEFF/, "")) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail("(root)", `not valid JSON (${detail})`);
  }
}

export function fail<T>(path: string, message: string): TParseResult<T> {
  return { ok: false, errors: [fieldError(path, message)] };
}

export function fieldError(path: string, message: string): TFieldError {
  return { path, message: `${path}: ${message}` };
}

export function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

export type TEvalFormat = "lm-eval-harness" | "promptfoo" | "unknown";

/** Guesses the tool that wrote a parsed file, so an upload can pick the parser or explain the mix-up. */
export function detectEvalFormat(json: unknown): TEvalFormat {
  if (!isRecord(json) || !isRecord(json.results)) return "unknown";
  const inner = json.results;
  if ("evalId" in json || Array.isArray(inner.results) || isRecord(inner.table)) return "promptfoo";
  if ("n-samples" in json || "versions" in json || "configs" in json || "lm_eval_version" in json) return "lm-eval-harness";
  const values = Object.values(inner);
  if (values.length > 0 && values.every(isRecord)) return "lm-eval-harness";
  return "unknown";
}
