import { OPTION_FAMILY_LABELS, type TCapabilityStatus, type TConstraintCheck, type TDecisionOption } from "@/lib/domain/recommendation";
import { REGION_LABELS, type TOptionsSection } from "@/lib/domain/report";
import { formatUsdAmount } from "@/lib/domain/shared";
import { StaleFlag } from "@/components/ui/stale-flag";

const CAPABILITY_LABEL: Record<TCapabilityStatus, string> = {
  baseline: "Today's model",
  meets: "Meets the bar",
  partial: "Meets on routed workloads",
  "not-settled": "Not settled",
  "not-validated": "Not validated",
  fails: "Below the bar",
};
const CHECK_MARK: Record<TConstraintCheck["status"], string> = { met: "Met", broken: "Broken", unknown: "Not known" };

const PROCESSING_LABEL: Record<TOptionsSection["constraints"]["processing"], string> = {
  "third-party-allowed": "third parties may process the data",
  "own-infrastructure": "only deployments you run",
  "on-premises": "on your premises only",
  "air-gapped": "air-gapped, on your premises",
};

const usd = (x: number | null) => (x === null ? "not costed" : formatUsdAmount(x));

/** The constraints the options were checked against, in one sentence. */
export function constraintsSentence(c: TOptionsSection["constraints"]): string {
  const regions = c.allowedRegions.length > 0 ? `data processed only in ${c.allowedRegions.map((r) => REGION_LABELS[r]).join(", ")}` : "no residency constraint";
  return `Checked against: ${regions}; ${PROCESSING_LABEL[c.processing]}; ${c.isAsynchronous ? "results may wait (batch allowed)" : "interactive (no batch)"}.`;
}

function OptionRow({ o, isRecommended }: { o: TDecisionOption; isRecommended: boolean }) {
  const broken = o.checks.filter((c) => c.status === "broken");
  return (
    <tr className={`border-t border-slate-100 align-top ${isRecommended ? "bg-green-50" : !o.isFeasible ? "text-slate-600" : ""}`} data-option={o.id} data-feasible={o.isFeasible ? "yes" : "no"}>
      <th scope="row" className="px-2 py-1.5 font-normal">
        <span className="font-medium">{o.label}</span>
        {isRecommended ? <span className="ml-2 rounded bg-green-700 px-1.5 py-0.5 text-xs font-medium text-white">Recommended</span> : null}
        <span className="block text-xs text-slate-600">{OPTION_FAMILY_LABELS[o.family]}</span>
        <details className="text-xs">
          <summary className="cursor-pointer text-brand-700">Formula, checks and sources</summary>
          <p className="mt-1 font-mono">{o.formula}</p>
          <ul className="mt-1 list-disc pl-4">
            {o.checks.map((c, i) => (
              <li key={i}>
                {CHECK_MARK[c.status]} ({c.key}): {c.text}
              </li>
            ))}
            {o.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {o.sources.length ? (
            <ul className="mt-1">
              {o.sources.map((s) => (
                <li key={s.url}>
                  {s.url.startsWith("http") ? (
                    <a href={s.url} className="text-brand-700 underline" rel="noreferrer">
                      {s.url}
                    </a>
                  ) : (
                    s.url
                  )}{" "}
                  ({s.age ? s.age.label : s.asOf}){s.age?.isStale ? <StaleFlag /> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      </th>
      <td className="px-2 py-1.5 tabular-nums">{usd(o.monthlyUsd)}</td>
      <td className="px-2 py-1.5 tabular-nums">{o.usdPerMillionTokens === null ? "—" : formatUsdAmount(o.usdPerMillionTokens)}</td>
      <td className="px-2 py-1.5 tabular-nums">{usd(o.oneTimeUsd)}</td>
      <td className="px-2 py-1.5 tabular-nums">{usd(o.npvUsd)}</td>
      <td className="px-2 py-1.5">{CAPABILITY_LABEL[o.capability.status]}</td>
      <td className="px-2 py-1.5">{broken.length === 0 ? (o.checks.some((c) => c.status === "unknown") ? "Met (some not known)" : "Met") : <span className="text-red-800">Excluded: {broken.map((c) => c.text).join(" ")}</span>}</td>
    </tr>
  );
}

/** Every option costed side by side; the recommended one marked, excluded ones with their reason. */
export function OptionsTable({ section, headingId = "options-heading" }: { section: TOptionsSection; headingId?: string }) {
  if (!section.isCosted) {
    return (
      <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={headingId} className="text-lg font-semibold">
          Options
        </h2>
        <p>Not costed: {section.reason}.</p>
      </section>
    );
  }
  const sorted = [...section.options].sort((a, b) => Number(b.isFeasible) - Number(a.isFeasible) || (a.npvUsd ?? Infinity) - (b.npvUsd ?? Infinity));
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-section="options">
      <h2 id={headingId} className="text-lg font-semibold">
        Options, side by side
      </h2>
      <p className="text-sm text-slate-700">
        {constraintsSentence(section.constraints)} Ranked by present cost over {section.horizonMonths} months at a {section.discountRatePercent}% discount rate (cash, one-time and hardware included).
      </p>
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Options table">
        <table className="w-full min-w-[56rem] text-left text-sm">
          <caption className="sr-only">Options with their monthly cost, cost per million tokens, one-time cost, present cost, capability and constraints</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1">
                Option
              </th>
              <th scope="col" className="px-2 py-1">
                Per month (today)
              </th>
              <th scope="col" className="px-2 py-1">
                Per million tokens
              </th>
              <th scope="col" className="px-2 py-1">
                One-time
              </th>
              <th scope="col" className="px-2 py-1">
                Present cost
              </th>
              <th scope="col" className="px-2 py-1">
                Capability
              </th>
              <th scope="col" className="px-2 py-1">
                Constraints
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => (
              <OptionRow key={o.id} o={o} isRecommended={o.id === section.recommendedOptionId} />
            ))}
          </tbody>
        </table>
      </div>
      {section.notes.length ? (
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {section.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
