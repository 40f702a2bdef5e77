// Expected failures of the data access layer. Pages turn NotFound into a 404 and actions turn the
// others into messages; anything else is a bug and is logged.
export class NotFoundError extends Error {
  readonly code = "not_found";
  constructor(what = "Not found") {
    super(what);
  }
}

export class ForbiddenError extends Error {
  readonly code = "forbidden";
}

/** The action does not fit the assessment's review state (approve a draft, submit twice...). */
export class StateError extends ForbiddenError {}

export class InReviewError extends StateError {
  constructor() {
    super("This assessment is in review: it cannot change until a manager approves or rejects it, or the submitter withdraws it.");
  }
}

export class ConflictError extends Error {
  readonly code = "conflict";
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}

/** Input that passed its schema but breaks a rule only the database can check, per field. */
export class InputError extends Error {
  readonly code = "invalid";
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? "Check the highlighted fields.");
  }
}

export type TDalError = NotFoundError | ForbiddenError | ConflictError | InputError;

export function isDalError(e: unknown): e is TDalError {
  return e instanceof NotFoundError || e instanceof ForbiddenError || e instanceof ConflictError || e instanceof InputError;
}
