import { buttonClass } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

export type TVersionOption = { value: string; label: string };

/** A plain GET form, so a comparison is a URL that can be shared and works without JavaScript. */
export function DiffChooser({ action, options, from, to }: { action: string; options: TVersionOption[]; from: string; to: string }) {
  const groups = [{ label: "Versions", options }];
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3">
      <SelectField label="From" name="from" id="diff-from" groups={groups} defaultValue={from} />
      <SelectField label="To" name="to" id="diff-to" groups={groups} defaultValue={to} />
      <button type="submit" className={buttonClass("secondary")}>
        Compare
      </button>
    </form>
  );
}
