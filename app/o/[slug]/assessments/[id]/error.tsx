"use client";
import { Button } from "@/components/ui/button";

export default function AssessmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">This step could not be shown</h1>
      <p className="text-slate-700">Nothing you saved has been lost. {error.digest ? `(Reference ${error.digest})` : null}</p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
