import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * Checkboxes in a plain GET form: submitting sends ?ids=a&ids=b, which the page reads like ?ids=a,b,
 * so picking works without JavaScript and the result is a shareable URL.
 */
export function ComparePicker({ slug, assessments, selected, min, max }: { slug: string; assessments: { id: string; title: string }[]; selected: readonly string[]; min: number; max: number }) {
  if (assessments.length < min) {
    return (
      <p className="text-slate-700">
        This organisation has {assessments.length === 0 ? "no assessments" : "only one assessment"} so far; a comparison needs at least {min}.{" "}
        <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
          Go to the assessments
        </Link>
      </p>
    );
  }
  return (
    <form method="get" action={`/o/${slug}/compare`} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">
          Assessments to compare ({min} to {max})
        </legend>
        {assessments.map((a) => (
          <label key={a.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="ids" value={a.id} defaultChecked={selected.includes(a.id)} className="size-4" />
            {a.title}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className={buttonClass("primary")}>
          Compare selected
        </button>
      </div>
    </form>
  );
}
