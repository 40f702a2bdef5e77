// Turns zod issues into {path, message} pairs a form or an upload dialog can show next to the field.
// Expected failures are data: parse* functions return them instead of throwing.
import type { z } from "zod";

export type TFieldError = { path: string; message: string };
export type TParseResult<T> = { ok: true; data: T } | { ok: false; errors: TFieldError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

export function fieldErrorsFromZod(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path, message: `${path}: ${issue.message}` };
  });
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): TParseResult<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromZod(parsed.error) };
}

/** Thrown by calculations handed invalid input; a programming error, since forms validate first. */
export class DomainInputError extends Error {
  readonly errors: TFieldError[];
  constructor(what: string, errors: TFieldError[]) {
    super(`Invalid ${what}: ${errors.map((e) => e.message).join("; ")}`);
    this.name = "DomainInputError";
    this.errors = errors;
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const result = parseWith(schema, raw);
  if (!result.ok) throw new DomainInputError(what, result.errors);
  return result.data;
}

/** Last line of defence for "no output may be NaN or Infinity". */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
