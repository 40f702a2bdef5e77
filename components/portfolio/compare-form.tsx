"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { COMPARE_MAX, COMPARE_MIN, compareSelection } from "@/lib/domain/portfolio";

/**
 * Wraps the portfolio table so its row checkboxes (name="ids") choose what to compare. With
 * JavaScript it sends one comma-separated `ids` parameter and explains a wrong count; without it,
 * the browser submits the same choice as repeated `ids` parameters.
 */
export function CompareForm({ slug, children }: { slug: string; children: ReactNode }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(0);
  const [error, setError] = useState("");

  const idsOf = (form: HTMLFormElement) => new FormData(form).getAll("ids").map(String);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const result = compareSelection(slug, idsOf(e.currentTarget));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError("");
    router.push(result.href);
  }

  return (
    <form
      method="get"
      action={`/o/${slug}/compare`}
      onSubmit={onSubmit}
      onChange={(e) => {
        setChosen(idsOf(e.currentTarget).length);
        setError("");
      }}
      aria-describedby="compare-hint"
      className="flex flex-col gap-3"
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          Compare selected
        </Button>
        <p id="compare-hint" className="text-sm text-slate-700" aria-live="polite">
          Tick {COMPARE_MIN} to {COMPARE_MAX} assessments to compare them side by side ({chosen} chosen).
        </p>
      </div>
      <div role="alert" className={error ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : ""}>
        {error}
      </div>
    </form>
  );
}
