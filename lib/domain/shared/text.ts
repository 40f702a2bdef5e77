// Every string the app accepts goes through these helpers, so each is bounded, free of characters
// that break storage or display, and normalised the same way.
//
// - NUL (U+0000): PostgreSQL text and jsonb cannot store it, so it used to surface as a 500.
// - Other C0/C1 control characters: invisible, they make two equal-looking values differ; only
//   tab, and line breaks in multi-line text, are kept.
// - Lone surrogates (half of a UTF-16 pair): not Unicode text; drivers store them as U+FFFD or fail.
// - NFC normalisation: "é" typed as one code point or as "e" + accent compares and sorts as one.
import { z } from "zod";
import { isHttpUrl } from "./url";

/** Limits shared across schemas; each says what it has to hold. */
export const TEXT_MAX = {
  /** Catalog-style ids ("llama-3.1-8b-instruct", "custom:my-model"). */
  id: 120,
  /** A display name: a model, GPU, vendor, workload, role. */
  name: 200,
  /** A short line: a date, a unit, a label. */
  short: 80,
  /** A one-paragraph note. */
  note: 2000,
  /** A longer quote or description (licence clauses, control descriptions). */
  long: 10_000,
  /** A URL: browsers and servers commonly cap them near 2,000 characters. */
  url: 2000,
} as const;

 
const CONTROL_SINGLE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;
 
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TTextProblem = "nul" | "control" | "surrogate";

/** What is wrong with the characters of a string, if anything (length is checked separately). */
export function textProblem(value: string, options: { multiline?: boolean } = {}): TTextProblem | null {
  if (value.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(value)) return "surrogate";
  if ((options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return "control";
  return null;
}

export const TEXT_PROBLEM_MESSAGE: Record<TTextProblem, string> = {
  nul: "contains a NUL character (U+0000), which cannot be stored; remove it",
  surrogate: "contains a broken character (half of a UTF-16 surrogate pair); retype or remove it",
  control: "contains an invisible control character; remove it (only tabs, and line breaks in multi-line text, are allowed)",
};

/** Normalised form of accepted text: NFC, optionally trimmed. */
export function normaliseText(value: string, options: { trim?: boolean } = {}): string {
  const nfc = value.normalize("NFC");
  return options.trim ? nfc.trim() : nfc;
}

export type TTextOptions = {
  max: number;
  min?: number;
  /** Allow line breaks (notes, comments, descriptions). */
  multiline?: boolean;
  /** Trim surrounding whitespace before the length checks (form fields). */
  trim?: boolean;
  tooLong?: string;
  tooShort?: string;
};

/**
 * A bounded, normalised string. Characters are checked on the raw value (so the message points at
 * what was typed), then the value is normalised, then the length is checked.
 */
export function zText(options: TTextOptions) {
  const { max, min = 0, multiline = false, trim = false } = options;
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value, { multiline });
      if (problem) ctx.addIssue({ code: "custom", message: TEXT_PROBLEM_MESSAGE[problem] });
    })
    .transform((value) => normaliseText(value, { trim }))
    .pipe(
      z
        .string()
        .min(min, options.tooShort ?? (min === 1 ? "is required" : `must have at least ${min} characters`))
        .max(max, options.tooLong ?? `must be at most ${max.toLocaleString("en-US")} characters`),
    );
}

/** A web link (http or https only): what may become an href on a page or in a PDF. */
export const ZHttpUrl = zText({ max: TEXT_MAX.url, min: 1 }).refine(isHttpUrl, "must be a web address starting with http:// or https://");
