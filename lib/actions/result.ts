// What every server action returns when it does not succeed, and small readers for the forms.
// Expected failures are data, never exceptions: the form shows them beside the field or above it.
// Plain TypeScript (no "server-only"): client components import these types and helpers.

export type TFailureCode = "signed-out" | "forbidden" | "not-found" | "failed";

export type TActionFailure =
  /** The arguments or the form broke a rule; `errors` is keyed by field ("form" for the whole form). */
  | { kind: "invalid"; message: string; errors: Record<string, string>; values?: Record<string, string> }
  /** Someone else saved first; `currentVersion` is what is stored now. */
  | { kind: "conflict"; message: string; currentVersion: number; values?: Record<string, string> }
  /** Signed out, not allowed, not there (or not yours), or an unexpected failure (logged). */
  | { kind: "error"; code: TFailureCode; message: string; values?: Record<string, string> };

/** A form action's state: null before the first submit, then the action's result. */
export type TFormState<TOk> = TOk | TActionFailure | null;

export const isFailure = (state: unknown): state is TActionFailure =>
  typeof state === "object" && state !== null && ["invalid", "conflict", "error"].includes((state as { kind?: string }).kind ?? "") && "message" in state;

/** The error to show at one field, if the last submit was refused there. */
export function fieldError(state: unknown, field: string): string | undefined {
  return isFailure(state) && state.kind === "invalid" ? state.errors[field] : undefined;
}

/** The message for the whole form: a refusal that is not about one field. */
export function formError(state: unknown): string | undefined {
  if (!isFailure(state)) return undefined;
  return state.kind === "invalid" ? state.errors.form : state.message;
}

/** What was typed into a field before a refused submit, so the form can show it again. */
export function submittedValue(state: unknown, field: string): string | undefined {
  return isFailure(state) ? state.values?.[field] : undefined;
}
