// Cost models of the ways to serve a workload (an API billed per token, a fleet of model replicas
// rented or owned, a hybrid of the two) and the cash each one pays month by month. The verdict
// ranks options by the present value of that cash over the horizon; the finance view draws it.
//
// Sources: formulas.md "Money" (API cost by input and output price; replica staircase; CRF);
// present value with monthly compounding of an annual rate, PV = Σ cash_m / (1 + r)^(m/12);
// owned hardware bought when a replica is first needed, replaced at the end of its life, and its
// straight-line book value counted back at the end of the horizon (residual value).
// Work is one step per month of the horizon whatever the volume (replica counts by division).

/** A price that grows by `trendPercentPerYear` a year, compounding monthly from month 1. */
export function trendFactor(trendPercentPerYear: number, month: number): number {
  return Math.pow(1 + trendPercentPerYear / 100, (month - 1) / 12);
}

export type TPerTokenCost = {
  kind: "per-token";
  /** Effective prices after any cache, batch or regional adjustment. */
  usdPerMillionInputTokens: number;
  usdPerMillionOutputTokens: number;
  fixedUsdPerMonth: number;
  oneTimeUsd: number;
  priceTrendPercentPerYear: number;
};

export type TOwnedHardware = {
  /** Cash paid when one replica's hardware is bought (GPUs plus server share). */
  capexUsdPerReplica: number;
  /** Power and hosting per replica per month. */
  opexUsdPerReplicaMonth: number;
  /** Replaced after this many months; its book value falls in a straight line to zero over it. */
  lifeMonths: number;
};

export type TReplicaCost = {
  kind: "replicas";
  /** Amortised monthly cost of one replica (owned: capital recovery + power + hosting). */
  replicaUsdPerMonth: number;
  replicaCapacityTokensPerMonth: number;
  minReplicas: number;
  /** People, safety stack, lifecycle programme and other fixed costs. */
  fixedUsdPerMonth: number;
  marginalUsdPerMillionTokens: number;
  oneTimeUsd: number;
  /** Rented GPUs: yearly change of the hourly price. Owned: of the purchase price of later hardware. */
  gpuPriceTrendPercentPerYear: number;
  owned: TOwnedHardware | null;
  /** Reserved capacity: months the commitment runs (cash is owed whether used or not). */
  commitmentMonths: number | null;
};

export type THybridCost = {
  kind: "hybrid";
  /** Share of tokens the open model serves; the API serves the rest. */
  openShare: number;
  open: TPerTokenCost | TReplicaCost;
  api: TPerTokenCost;
  /** Gateway that routes each request, counted once. */
  routerUsdPerMonth: number;
};

export type TCostModel = TPerTokenCost | TReplicaCost | THybridCost;

export type TVolumePlan = {
  inputTokensPerMonth: number;
  outputTokensPerMonth: number;
  monthlyGrowthPercent: number;
  horizonMonths: number;
};

function replicasFor(tokensPerMonth: number, capacity: number, minReplicas: number): number {
  const steps = tokensPerMonth / capacity;
  return Math.max(minReplicas, Math.ceil(steps - 1e-12 * Math.max(1, steps)));
}

function perTokenUsd(m: TPerTokenCost, inputTokens: number, outputTokens: number): number {
  return (inputTokens * m.usdPerMillionInputTokens + outputTokens * m.usdPerMillionOutputTokens) / 1e6;
}

/** Monthly cost at a volume, amortised (owned hardware through its capital recovery), no trend. */
export function monthlyCostUsd(model: TCostModel, inputTokens: number, outputTokens: number): number {
  if (model.kind === "per-token") return perTokenUsd(model, inputTokens, outputTokens) + model.fixedUsdPerMonth;
  if (model.kind === "replicas") {
    const total = inputTokens + outputTokens;
    return model.fixedUsdPerMonth + replicasFor(total, model.replicaCapacityTokensPerMonth, model.minReplicas) * model.replicaUsdPerMonth + (total * model.marginalUsdPerMillionTokens) / 1e6;
  }
  const h = model.openShare;
  const api = monthlyCostUsd(model.api, (1 - h) * inputTokens, (1 - h) * outputTokens);
  const open = h > 0 ? monthlyCostUsd(model.open, h * inputTokens, h * outputTokens) : 0;
  return api + open + model.routerUsdPerMonth;
}

/** The part of the monthly cost billed by the API vendor (for a vendor price-rise stress). */
export function vendorMonthlyUsd(model: TCostModel, inputTokens: number, outputTokens: number): number {
  if (model.kind === "per-token") return perTokenUsd(model, inputTokens, outputTokens);
  if (model.kind === "replicas") return 0;
  return perTokenUsd(model.api, (1 - model.openShare) * inputTokens, (1 - model.openShare) * outputTokens);
}

export function oneTimeUsdOf(model: TCostModel): number {
  if (model.kind === "hybrid") return model.openShare > 0 ? model.open.oneTimeUsd + model.api.oneTimeUsd : model.api.oneTimeUsd;
  return model.oneTimeUsd;
}

export type TCashMonth = {
  month: number;
  tokensPerMonth: number;
  /** Cash paid this month (month 0: one-time costs and hardware bought up front). */
  usd: number;
  /** Of which hardware purchases. */
  capexUsd: number;
  /** Of which billed per token by the API vendor. */
  vendorUsd: number;
};

export type TCashFlow = {
  months: TCashMonth[];
  /** Book value of owned hardware at the end of the horizon, counted back as an inflow in its last month. */
  residualUsd: number;
  /** Cash committed up front by a reservation: monthly replica cost × commitment months at month 1. */
  committedUsd: number;
};

type TFleet = { cohorts: { boughtMonth: number; count: number; capexEach: number }[]; installed: number };

/** Cash of a replica fleet in one month; buys and replaces owned hardware as needed. */
function replicaCash(m: TReplicaCost, month: number, tokens: number, fleet: TFleet, out: { usd: number; capexUsd: number }): void {
  const needed = replicasFor(tokens, m.replicaCapacityTokensPerMonth, m.minReplicas);
  const trend = trendFactor(m.gpuPriceTrendPercentPerYear, month);
  let usd = m.fixedUsdPerMonth + (tokens * m.marginalUsdPerMillionTokens) / 1e6;
  let capex = 0;
  if (!m.owned) {
    usd += needed * m.replicaUsdPerMonth * trend;
  } else {
    const hw = m.owned;
    // Replace hardware that reached the end of its life (bought again at today's trended price).
    for (const c of fleet.cohorts) {
      if (month - c.boughtMonth >= hw.lifeMonths) {
        c.boughtMonth = month;
        c.capexEach = hw.capexUsdPerReplica * trend;
        capex += c.count * c.capexEach;
      }
    }
    if (needed > fleet.installed) {
      const add = needed - fleet.installed;
      fleet.cohorts.push({ boughtMonth: month, count: add, capexEach: hw.capexUsdPerReplica * trend });
      fleet.installed = needed;
      capex += add * hw.capexUsdPerReplica * trend;
    }
    usd += fleet.installed * hw.opexUsdPerReplicaMonth + capex;
  }
  out.usd = usd;
  out.capexUsd = capex;
}

/**
 * Month-by-month cash over `months` months (≥ the horizon) for a volume plan. Month 0 carries the
 * one-time costs and, for owned hardware, the fleet bought before go-live; the residual book value
 * comes back in the horizon's last month.
 */
export function cashFlow(model: TCostModel, plan: TVolumePlan, months: number = plan.horizonMonths): TCashFlow {
  const growth = 1 + plan.monthlyGrowthPercent / 100;
  const out: TCashMonth[] = [];
  const fleets = { open: { cohorts: [], installed: 0 } as TFleet };
  const scratch = { usd: 0, capexUsd: 0 };
  const replicaModel = model.kind === "replicas" ? model : model.kind === "hybrid" && model.open.kind === "replicas" && model.openShare > 0 ? model.open : null;
  const openShare = model.kind === "hybrid" ? model.openShare : 1;

  // Hardware for month 1 is bought before go-live (month 0).
  let upfrontCapex = 0;
  if (replicaModel?.owned) {
    const first = (plan.inputTokensPerMonth + plan.outputTokensPerMonth) * openShare;
    const n = replicasFor(first, replicaModel.replicaCapacityTokensPerMonth, replicaModel.minReplicas);
    fleets.open.cohorts.push({ boughtMonth: 0, count: n, capexEach: replicaModel.owned.capexUsdPerReplica });
    fleets.open.installed = n;
    upfrontCapex = n * replicaModel.owned.capexUsdPerReplica;
  }
  out.push({ month: 0, tokensPerMonth: 0, usd: oneTimeUsdOf(model) + upfrontCapex, capexUsd: upfrontCapex, vendorUsd: 0 });

  let input = plan.inputTokensPerMonth;
  let output = plan.outputTokensPerMonth;
  for (let month = 1; month <= months; month += 1) {
    let usd = 0;
    let capexUsd = 0;
    let vendorUsd = 0;
    if (model.kind === "per-token") {
      vendorUsd = perTokenUsd(model, input, output) * trendFactor(model.priceTrendPercentPerYear, month);
      usd = vendorUsd + model.fixedUsdPerMonth;
    } else if (model.kind === "replicas") {
      replicaCash(model, month, input + output, fleets.open, scratch);
      usd = scratch.usd;
      capexUsd = scratch.capexUsd;
    } else {
      const h = model.openShare;
      vendorUsd = perTokenUsd(model.api, (1 - h) * input, (1 - h) * output) * trendFactor(model.api.priceTrendPercentPerYear, month);
      usd = vendorUsd + model.api.fixedUsdPerMonth + model.routerUsdPerMonth;
      if (h > 0) {
        if (model.open.kind === "replicas") {
          replicaCash(model.open, month, h * (input + output), fleets.open, scratch);
          usd += scratch.usd;
          capexUsd = scratch.capexUsd;
        } else {
          usd += perTokenUsd(model.open, h * input, h * output) * trendFactor(model.open.priceTrendPercentPerYear, month) + model.open.fixedUsdPerMonth;
        }
      }
    }
    out.push({ month, tokensPerMonth: input + output, usd, capexUsd, vendorUsd });
    input *= growth;
    output *= growth;
  }

  let residualUsd = 0;
  if (replicaModel?.owned) {
    const life = replicaModel.owned.lifeMonths;
    for (const c of fleets.open.cohorts) {
      const age = plan.horizonMonths - c.boughtMonth;
      residualUsd += c.count * c.capexEach * Math.max(0, 1 - age / life);
    }
  }
  const committedUsd =
    replicaModel && !replicaModel.owned && replicaModel.commitmentMonths
      ? replicasFor((plan.inputTokensPerMonth + plan.outputTokensPerMonth) * openShare, replicaModel.replicaCapacityTokensPerMonth, replicaModel.minReplicas) *
        replicaModel.replicaUsdPerMonth *
        replicaModel.commitmentMonths
      : 0;
  return { months: out, residualUsd, committedUsd };
}

/** Present value at an annual rate, monthly compounding; month 0 is not discounted. */
export function discountFactor(annualRatePercent: number, month: number): number {
  return Math.pow(1 + annualRatePercent / 100, -month / 12);
}

export type TCashSummary = {
  /** Present value of the cash over the horizon, residual value counted back. */
  npvUsd: number;
  /** Of which billed per token by the API vendor. */
  npvVendorUsd: number;
  /** Undiscounted cash over the horizon, residual counted back. */
  horizonUsd: number;
  /** Undiscounted cash over the first 36 months (one-time and hardware included, residual not). */
  tco36Usd: number;
  /** Cash paid before go-live (one-time costs and hardware). */
  upfrontUsd: number;
};

export function summariseCash(flow: TCashFlow, horizonMonths: number, discountRatePercent: number): TCashSummary {
  let npv = 0;
  let npvVendor = 0;
  let horizon = 0;
  let tco = 0;
  for (const m of flow.months) {
    const f = discountFactor(discountRatePercent, m.month);
    if (m.month <= horizonMonths) {
      npv += m.usd * f;
      npvVendor += m.vendorUsd * f;
      horizon += m.usd;
    }
    if (m.month <= 36) tco += m.usd;
  }
  npv -= flow.residualUsd * discountFactor(discountRatePercent, horizonMonths);
  horizon -= flow.residualUsd;
  return { npvUsd: npv, npvVendorUsd: npvVendor, horizonUsd: horizon, tco36Usd: tco, upfrontUsd: flow.months[0]?.usd ?? 0 };
}

/**
 * First month (1-based) in which the cumulative cash of `option` is no more than that of
 * `baseline` (one-time and up-front costs included); null when it never is within the horizon.
 */
export function paybackMonth(option: TCashFlow, baseline: TCashFlow, horizonMonths: number): number | null {
  let difference = 0;
  const n = Math.min(option.months.length, baseline.months.length);
  for (let i = 0; i < n; i += 1) {
    const month = option.months[i].month;
    if (month > horizonMonths) break;
    difference += baseline.months[i].usd - option.months[i].usd;
    if (month >= 1 && difference >= 0) return month;
  }
  return null;
}
