import { VERDICT_LABELS } from "@/lib/domain/portfolio";

const styles: Record<keyof typeof VERDICT_LABELS, string> = {
  go_self_host: "bg-green-100 text-green-900",
  go_hosted: "bg-emerald-100 text-emerald-900",
  hybrid: "bg-sky-100 text-sky-900",
  stay_api: "bg-slate-200 text-slate-900",
  blocked: "bg-red-100 text-red-900",
  insufficient: "bg-amber-100 text-amber-900",
  go: "bg-slate-100 text-slate-800",
  no_go: "bg-slate-100 text-slate-800",
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
