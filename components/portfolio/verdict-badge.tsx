import { VERDICT_LABELS } from "@/lib/domain/portfolio";

const styles: Record<keyof typeof VERDICT_LABELS, string> = {
  go: "bg-green-100 text-green-900",
  hybrid: "bg-sky-100 text-sky-900",
  no_go: "bg-red-100 text-red-900",
};

export function VerdictBadge({ verdict }: { verdict: keyof typeof VERDICT_LABELS | null }) {
  if (!verdict) return <NotKnown />;
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${styles[verdict]}`}>{VERDICT_LABELS[verdict]}</span>;
}

/** A dash to the eye, words to a screen reader (which would otherwise read nothing or "dash"). */
export function NotKnown({ label = "not known" }: { label?: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </>
  );
}
