import Link from "next/link";
import { REASON_SEVERITY_ORDER, VERDICT_LABELS, type TRecommendation } from "@/lib/domain/recommendation";

const VERDICT_STYLE: Record<TRecommendation["verdict"], string> = {
  "go-self-host": "border-green-600 bg-green-50 text-green-950",
  "go-hosted": "border-emerald-600 bg-emerald-50 text-emerald-950",
  hybrid: "border-sky-600 bg-sky-50 text-sky-950",
  stay: "border-slate-500 bg-slate-50 text-slate-950",
  blocked: "border-red-600 bg-red-50 text-red-950",
  insufficient: "border-amber-500 bg-amber-50 text-amber-950",
};
const SEVERITY_LABEL: Record<string, string> = { blocker: "Blocker", limiting: "Limiting", condition: "Condition", note: "Note", supporting: "Supporting" };

export function RecommendationView({ rec, assumptionsHref }: { rec: TRecommendation; assumptionsHref: string }) {
  const reasons = [...rec.reasons].sort((a, b) => REASON_SEVERITY_ORDER.indexOf(a.severity) - REASON_SEVERITY_ORDER.indexOf(b.severity) || b.weight - a.weight);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="verdict-heading" className={`flex flex-col gap-2 rounded-lg border-2 p-4 ${VERDICT_STYLE[rec.verdict]}`}>
        <h2 id="verdict-heading" className="text-xl font-semibold" data-verdict={rec.verdict}>
          {VERDICT_LABELS[rec.verdict]}
        </h2>
        <p>{rec.headline}</p>
        {rec.missing.length ? <p className="text-sm font-medium">Missing: {rec.missing.join("; ")}.</p> : null}
        {rec.nonCostReasons.length ? <p className="text-sm">Cheaper options exist; the reasons they are not recommended are listed below.</p> : null}
        {!rec.isConclusive && rec.verdict !== "insufficient" ? <p className="text-sm font-medium">Not conclusive yet: a stage the verdict rests on is missing or assumed.</p> : null}
      </section>
      <section aria-labelledby="reasons-heading" className="flex flex-col gap-2">
        <h2 id="reasons-heading" className="text-lg font-semibold">
          Reasons, blockers first
        </h2>
        <ol className="flex list-decimal flex-col gap-1 pl-6">
          {reasons.map((r, i) => (
            <li key={i}>
              <strong>{SEVERITY_LABEL[r.severity]}</strong> ({r.kind}): {r.text}
            </li>
          ))}
        </ol>
      </section>
      {rec.conditions.length ? (
        <section aria-labelledby="conditions-heading" className="flex flex-col gap-2">
          <h2 id="conditions-heading" className="text-lg font-semibold">
            Before go-live
          </h2>
          <ul className="list-disc pl-6">
            {rec.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="change-heading" className="flex flex-col gap-2">
        <h2 id="change-heading" className="text-lg font-semibold">
          What would change the answer
        </h2>
        {rec.whatWouldChange.length ? (
          <ul className="list-disc pl-6">
            {rec.whatWouldChange.map((c, i) => (
              <li key={i}>
                {c.direction === "towards-go" ? "Towards open weights" : "Towards the API"}: {c.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>No single change of input would move the verdict.</p>
        )}
      </section>
      <section aria-labelledby="assumed-heading" className="flex flex-col gap-2">
        <h2 id="assumed-heading" className="text-lg font-semibold">
          Inputs this recommendation assumed ({rec.assumptions.length})
        </h2>
        {rec.assumptions.length ? (
          <>
            <ul className="list-disc columns-1 pl-6 md:columns-2">
              {rec.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
            <p className="text-sm">
              <Link href={assumptionsHref} className="text-brand-700 underline">
                Fill them in, starting from the overview
              </Link>
            </p>
          </>
        ) : (
          <p>None: every input was entered.</p>
        )}
      </section>
    </div>
  );
}
