import { formError } from "@/lib/actions/result";

/** A small form's outcome beside its button: the refusal, or what was done. */
export function InlineResult({ state, done }: { state: unknown; done?: string }) {
  const error = formError(state);
  if (error) {
    return (
      <span role="alert" className="text-sm text-red-700">
        {error}
      </span>
    );
  }
  return done ? (
    <span role="status" className="text-sm text-green-800">
      {done}
    </span>
  ) : null;
}
