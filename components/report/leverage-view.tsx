import type { TConcentration } from "@/lib/domain/portfolio";
import { priceRiseText, walkAwayText, type TLeverage } from "@/lib/domain/report";
import { FigureList } from "@/components/wizard/results-panel";
import { formatUsdAmount } from "@/lib/domain/shared";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Leverage and the exit path: walk-away price, price-rise stress, exit readiness, concentration, deprecation. */
export function LeverageView({ leverage, concentration, incumbentName, incumbentVendor }: { leverage: TLeverage; concentration: TConcentration | null; incumbentName: string; incumbentVendor: string | null }) {
  const vendorShare = concentration && incumbentVendor ? concentration.vendors.find((v) => v.vendor === incumbentVendor) : undefined;
  return (
    <div className="flex flex-col gap-6" data-section="leverage">
      <section aria-labelledby="walkaway-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="walkaway-heading" className="text-lg font-semibold">
          Walk-away price
        </h2>
        {leverage.isAvailable && leverage.alternative && leverage.incumbent ? (
          <>
            <p>
              A credible alternative caps what {incumbentName} can charge, even if you never use it. The alternative here is <strong>{leverage.alternative.label}</strong>. {leverage.alternative.why}
            </p>
            <p>
              Today you pay {formatUsdAmount(leverage.incumbent.usdPerMillionTokens)} per million tokens (blended). Walking away pays once the price reaches:
            </p>
            <ul className="list-disc pl-5" aria-label="Walk-away prices by volume">
              {leverage.walkAway.map((w) => (
                <li key={w.volumeMultiple}>{walkAwayText(w)}</li>
              ))}
            </ul>
            <FigureList figures={leverage.figures} label="Leverage figures" />
          </>
        ) : (
          <p>Not available: {leverage.reason}.</p>
        )}
      </section>
      <section aria-labelledby="stress-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="stress-heading" className="text-lg font-semibold">
          If the vendor raises prices
        </h2>
        {leverage.priceRises.length ? (
          <ul className="list-disc pl-5" aria-label="Price-rise stress">
            {leverage.priceRises.map((r) => (
              <li key={r.increasePercent}>{priceRiseText(r, incumbentName)}</li>
            ))}
          </ul>
        ) : (
          <p>Not computed: {leverage.reason ?? "no costed options"}.</p>
        )}
      </section>
      <section aria-labelledby="exit-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="exit-heading" className="text-lg font-semibold">
          Exit readiness
        </h2>
        {leverage.exit ? (
          <>
            <p>{leverage.exit.text}</p>
            <dl className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-sm">
              <dt>Validation</dt>
              <dd>{leverage.exit.validation}</dd>
              <dt>Lead time to capacity</dt>
              <dd>
                {leverage.exit.leadTimeWeeks} week(s) ({leverage.exit.leadTimeBasis})
              </dd>
              <dt>Switching cost (one-time)</dt>
              <dd>{formatUsdAmount(leverage.exit.switchingCostUsd)}</dd>
              <dt>Weeks to switch</dt>
              <dd>{leverage.exit.weeksToSwitch}</dd>
            </dl>
          </>
        ) : (
          <p>No exit path is costed.</p>
        )}
      </section>
      <section aria-labelledby="concentration-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="concentration-heading" className="text-lg font-semibold">
          Concentration across your assessments
        </h2>
        {concentration && concentration.totalUsdPerMonth > 0 ? (
          <>
            <p>
              {vendorShare
                ? `${pct(vendorShare.share)} of the organisation's assessed AI spend (${formatUsdAmount(concentration.totalUsdPerMonth)} a month across its assessments) goes to ${vendorShare.vendor}.`
                : `The organisation's assessed AI spend is ${formatUsdAmount(concentration.totalUsdPerMonth)} a month.`}
            </p>
            <table className="w-full max-w-xl text-left text-sm tabular-nums">
              <caption className="sr-only">Assessed API spend by vendor</caption>
              <thead>
                <tr>
                  <th scope="col">Vendor</th>
                  <th scope="col">USD per month</th>
                  <th scope="col">Share</th>
                  <th scope="col">Assessments</th>
                </tr>
              </thead>
              <tbody>
                {concentration.vendors.map((v) => (
                  <tr key={v.vendor} className="border-t border-slate-100">
                    <th scope="row" className="font-normal">
                      {v.vendor}
                    </th>
                    <td>{formatUsdAmount(v.usdPerMonth)}</td>
                    <td>{pct(v.share)}</td>
                    <td>{v.assessments}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {concentration.assessmentsWithoutSpend > 0 ? <p className="text-sm text-slate-700">{concentration.assessmentsWithoutSpend} assessment(s) without an API cost yet are not counted.</p> : null}
          </>
        ) : (
          <p>No assessment of the organisation has an API cost yet.</p>
        )}
      </section>
      <section aria-labelledby="deprecation-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="deprecation-heading" className="text-lg font-semibold">
          Deprecation risk, both sides
        </h2>
        <ul className="list-disc pl-5">
          <li>{leverage.deprecation.api}</li>
          <li>{leverage.deprecation.openModel}</li>
        </ul>
      </section>
    </div>
  );
}
