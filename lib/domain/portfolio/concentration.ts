// Concentration: how much of the organisation's assessed AI spend goes to one API vendor, across its
// portfolio of assessments. Each assessment's spend is today's API cost at its planned volume (the
// portfolio's monthlyApiUsd column). Pure: the page passes the rows it read through the DAL.
import { getApiPrice } from "../catalog";

export type TSpendRow = { incumbentApiId: string; monthlyApiUsd: number | null; assessments: number };

export type TVendorShare = { vendor: string; usdPerMonth: number; share: number; assessments: number };

export type TConcentration = {
  totalUsdPerMonth: number;
  vendors: TVendorShare[];
  /** Assessments whose API cost is not known yet (no volume or price): not counted. */
  assessmentsWithoutSpend: number;
};

export function vendorOf(incumbentApiId: string): string {
  return getApiPrice(incumbentApiId)?.vendor ?? `Other (${incumbentApiId})`;
}

export function vendorConcentration(rows: readonly TSpendRow[]): TConcentration {
  const byVendor = new Map<string, { usd: number; assessments: number }>();
  let without = 0;
  let total = 0;
  for (const r of rows) {
    if (r.monthlyApiUsd === null || !(r.monthlyApiUsd >= 0)) {
      without += r.assessments;
      continue;
    }
    const v = vendorOf(r.incumbentApiId);
    const cur = byVendor.get(v) ?? { usd: 0, assessments: 0 };
    cur.usd += r.monthlyApiUsd;
    cur.assessments += r.assessments;
    byVendor.set(v, cur);
    total += r.monthlyApiUsd;
  }
  const vendors = [...byVendor]
    .map(([vendor, x]) => ({ vendor, usdPerMonth: x.usd, share: total > 0 ? x.usd / total : 0, assessments: x.assessments }))
    .sort((a, b) => b.usdPerMonth - a.usdPerMonth || a.vendor.localeCompare(b.vendor));
  return { totalUsdPerMonth: total, vendors, assessmentsWithoutSpend: without };
}
