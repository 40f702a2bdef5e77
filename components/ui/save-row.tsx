import { Button } from "@/components/ui/button";

/** A form's submit button with the outcome of the last submit beside it: the refusal (alert) or the success note (status). */
export function SaveRow({ label, pending, error, okText }: { label: string; pending: boolean; error?: string; okText?: string | null }) {
  return (
    <div className="flex items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
      {okText ? (
        <span role="status" className="text-sm text-green-800">
          {okText}
        </span>
      ) : null}
    </div>
  );
}
