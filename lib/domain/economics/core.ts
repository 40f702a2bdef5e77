// The economics as a handful of arithmetic operations on a flat record of numbers. The full
// computation (economics.ts), the tornado and the Monte Carlo all evaluate these same functions;
// nothing here allocates or validates, so 10,000 samples cost a few milliseconds.
//
// Model: volume V = tokens per month (input + output at a fixed mix).
//   API(V)   = V × a,  a = (share_in × price_in + share_out × price_out) / 1e6
//   owned(V) = F + replicas(V) × R + V × m,  replicas(V) = max(k_min, ⌈V / c⌉) + spare
// The owned curve is a staircase: every replica adds R of capacity c.

export type TEconomicsScalars = {
  /** Planned volume this month (month 1 of the horizon). */
  inputTokensPerMonth: number;
  outputTokensPerMonth: number;
  apiUsdPerMillionInputTokens: number;
  apiUsdPerMillionOutputTokens: number;
  /** Owned costs that do not scale with replicas, apart from people: safety stack, lifecycle, other. */
  fixedUsdPerMonth: number;
  /** The lifecycle roster (FTE × loaded cost ÷ 12): kept apart so the tornado and the Monte Carlo vary staffing on its own. */
  peopleUsdPerMonth: number;
  replicaUsdPerMonth: number;
  /** Input + output tokens one replica carries per month at the planned mix. */
  replicaCapacityTokensPerMonth: number;
  minReplicas: number;
  /** Replicas kept on top of what the volume needs (N+1), at every volume. */
  spareReplicas: number;
  marginalUsdPerMillionTokens: number;
  oneTimeUsd: number;
  monthlyVolumeGrowthPercent: number;
  horizonMonths: number;
  hybridShareOpen: number;
  maxCrossoverTokensPerMonth: number;
};

export type TEconomicsScalarKey = keyof TEconomicsScalars;

export function plannedTokensPerMonth(s: TEconomicsScalars): number {
  return s.inputTokensPerMonth + s.outputTokensPerMonth;
}

/** Share of tokens that are input. With no planned volume the mix is unknown: assume half. */
export function inputShareOfTokens(s: TEconomicsScalars): number {
  const total = s.inputTokensPerMonth + s.outputTokensPerMonth;
  return total > 0 ? s.inputTokensPerMonth / total : 0.5;
}

/** Blended API price per token: input and output tokens each at their own price. */
export function apiUsdPerToken(s: TEconomicsScalars): number {
  const shareIn = inputShareOfTokens(s);
  return (shareIn * s.apiUsdPerMillionInputTokens + (1 - shareIn) * s.apiUsdPerMillionOutputTokens) / 1e6;
}

export function apiMonthlyUsd(s: TEconomicsScalars, tokensPerMonth: number): number {
  return tokensPerMonth * apiUsdPerToken(s);
}

/** Replicas for a volume: max(k_min, ⌈V / c⌉), ignoring float dust so exactly k·c needs k. */
function replicasFor(tokensPerMonth: number, capacity: number, minReplicas: number): number {
  const steps = tokensPerMonth / capacity;
  return Math.max(minReplicas, Math.ceil(steps - 1e-12 * Math.max(1, steps)));
}

export function replicasAt(s: TEconomicsScalars, tokensPerMonth: number): number {
  return replicasFor(tokensPerMonth, s.replicaCapacityTokensPerMonth, s.minReplicas) + s.spareReplicas;
}

/** Every owned cost that does not scale with replicas: people plus the other fixed costs. */
export function fixedTotalUsdPerMonth(s: TEconomicsScalars): number {
  return s.fixedUsdPerMonth + s.peopleUsdPerMonth;
}

export function ownedMonthlyUsd(s: TEconomicsScalars, tokensPerMonth: number): number {
  return fixedTotalUsdPerMonth(s) + replicasAt(s, tokensPerMonth) * s.replicaUsdPerMonth + (tokensPerMonth * s.marginalUsdPerMillionTokens) / 1e6;
}

/** Open model takes `share` of the tokens, the API the rest; no open share means no owned costs at all. */
export function hybridMonthlyUsd(s: TEconomicsScalars, tokensPerMonth: number, share: number): number {
  const api = apiMonthlyUsd(s, (1 - share) * tokensPerMonth);
  return share > 0 ? api + ownedMonthlyUsd(s, share * tokensPerMonth) : api;
}

export function monthlySavingUsd(s: TEconomicsScalars): number {
  const v = plannedTokensPerMonth(s);
  return apiMonthlyUsd(s, v) - ownedMonthlyUsd(s, v);
}

/** Owned cost per token once replicas are full: R / c + m. Below the API's price or never a crossover. */
export function ownedFullReplicaUsdPerToken(s: TEconomicsScalars): number {
  return s.replicaUsdPerMonth / s.replicaCapacityTokensPerMonth + s.marginalUsdPerMillionTokens / 1e6;
}

/**
 * Smallest monthly volume at which owned ≤ API, on the staircase; +Infinity when there is none (or
 * it lies beyond maxCrossoverTokensPerMonth).
 *
 * Within step k (replicas = k) owned − API = F + kR − V(a − m) falls with V, and at the step's top
 * (V = kc) equals F − k(c(a − m) − R). When R/c + m < a that top value falls with k, so the first
 * step containing a crossover is k₀ = max(k_min, ⌈F / (c(a − m) − R)⌉), and within it the
 * crossover is V* = (F + k₀R) / (a − m). O(1): no scan over steps.
 */
export function crossoverTokensPerMonth(s: TEconomicsScalars): number {
  return crossoverFromParts(apiUsdPerToken(s) - s.marginalUsdPerMillionTokens / 1e6, s);
}

function crossoverFromParts(margin: number, s: TEconomicsScalars): number {
  const c = s.replicaCapacityTokensPerMonth;
  const R = s.replicaUsdPerMonth;
  // Spare replicas (N+1) cost the same at every volume: for the crossover they are a fixed cost.
  const F = fixedTotalUsdPerMonth(s) + s.spareReplicas * R;
  const kMin = s.minReplicas;
  const savingPerFullReplica = c * margin - R;
  if (!(margin > 0) || !(savingPerFullReplica > 0)) return Number.POSITIVE_INFINITY;
  let k = Math.max(kMin, Math.ceil(F / savingPerFullReplica));
  // Guard the ceiling against rounding on either side.
  if (k > kMin && (F + (k - 1) * R) / margin <= (k - 1) * c) k -= 1;
  if ((F + k * R) / margin > k * c * (1 + 1e-12)) k += 1;
  const stepStart = k === kMin ? 0 : (k - 1) * c;
  const v = Math.max(stepStart, (F + k * R) / margin);
  return v > s.maxCrossoverTokensPerMonth ? Number.POSITIVE_INFINITY : v;
}

export function volumeInMonth(s: TEconomicsScalars, month: number): number {
  return plannedTokensPerMonth(s) * Math.pow(1 + s.monthlyVolumeGrowthPercent / 100, month - 1);
}

/**
 * First month (1-based) in which cumulative API spend exceeds cumulative owned spend, one-time
 * costs paid in month 1 and volume growing month by month; 0 when that never happens within the
 * horizon (0 keeps this allocation-free; economics.ts turns it into null).
 *
 * Tracks the running difference Σ(API − owned) − one-time. The work is one constant-time step per
 * month of the horizon whatever the volume: the replica count is recomputed only when volume leaves
 * the current step, by division, never by walking the steps (a user's 9e15 tokens/month once made
 * that walk take minutes per report). `work`, when given, counts the loop's steps for the test that
 * pins this bound.
 */
export function breakEvenMonthOrZero(s: TEconomicsScalars, work?: TLoopWork): number {
  return breakEvenFromParts(apiUsdPerToken(s) - s.marginalUsdPerMillionTokens / 1e6, s, work);
}

/** Loop steps an engine function took; tests use it to prove a bound independent of the volume. */
export type TLoopWork = { steps: number };

function breakEvenFromParts(margin: number, s: TEconomicsScalars, work?: TLoopWork): number {
  const c = s.replicaCapacityTokensPerMonth;
  const R = s.replicaUsdPerMonth;
  const F = fixedTotalUsdPerMonth(s) + s.spareReplicas * R;
  const kMin = s.minReplicas;
  const growth = 1 + s.monthlyVolumeGrowthPercent / 100;
  const horizon = s.horizonMonths;
  let volume = s.inputTokensPerMonth + s.outputTokensPerMonth;
  let replicas = replicasFor(volume, c, kMin);
  let stepTop = replicas * c * (1 + 1e-12);
  let difference = -s.oneTimeUsd;
  for (let month = 1; month <= horizon; month += 1) {
    if (work) work.steps += 1;
    if (growth < 1 || volume > stepTop) {
      replicas = replicasFor(volume, c, kMin);
      stepTop = replicas * c * (1 + 1e-12);
    }
    difference += volume * margin - F - replicas * R;
    if (difference > 0) return month;
    volume *= growth;
  }
  return 0;
}

/**
 * Cheapest open-model share at a volume. Within one replica step the hybrid cost is linear in the
 * share, so the minimum sits at 0, 1 or where the open side exactly fills k replicas. Past 10,000
 * steps the fills are thinned evenly, so the work is at most 10,002 evaluations at any volume.
 */
export function bestHybridShare(s: TEconomicsScalars, tokensPerMonth: number, work?: TLoopWork): { share: number; usdPerMonth: number } {
  let bestShare = 0;
  let bestUsd = hybridMonthlyUsd(s, tokensPerMonth, 0);
  const consider = (share: number) => {
    if (work) work.steps += 1;
    const usd = hybridMonthlyUsd(s, tokensPerMonth, share);
    if (usd < bestUsd - 1e-9 * Math.max(1, Math.abs(bestUsd))) {
      bestUsd = usd;
      bestShare = share;
    }
  };
  consider(1);
  if (tokensPerMonth > 0) {
    const fullSteps = Math.floor(tokensPerMonth / s.replicaCapacityTokensPerMonth);
    const stride = Math.max(1, Math.ceil(fullSteps / 10_000));
    for (let k = Math.max(1, s.minReplicas); k <= fullSteps; k += stride) consider((k * s.replicaCapacityTokensPerMonth) / tokensPerMonth);
  }
  return { share: bestShare, usdPerMonth: bestUsd };
}

/** Slots of the array evaluateSample writes. */
export const SAMPLE_SAVING = 0;
export const SAMPLE_CROSSOVER = 1;
export const SAMPLE_BREAK_EVEN = 2;

/**
 * The three Monte Carlo outputs of one sample, written into `out` with the shared parts computed
 * once: equal to monthlySavingUsd, crossoverTokensPerMonth and breakEvenMonthOrZero.
 */
export function evaluateSample(s: TEconomicsScalars, out: Float64Array): void {
  const total = s.inputTokensPerMonth + s.outputTokensPerMonth;
  const shareIn = total > 0 ? s.inputTokensPerMonth / total : 0.5;
  const a = (shareIn * s.apiUsdPerMillionInputTokens + (1 - shareIn) * s.apiUsdPerMillionOutputTokens) / 1e6;
  const margin = a - s.marginalUsdPerMillionTokens / 1e6;
  out[SAMPLE_SAVING] = total * a - (fixedTotalUsdPerMonth(s) + (replicasFor(total, s.replicaCapacityTokensPerMonth, s.minReplicas) + s.spareReplicas) * s.replicaUsdPerMonth + (total * s.marginalUsdPerMillionTokens) / 1e6);
  out[SAMPLE_CROSSOVER] = crossoverFromParts(margin, s);
  out[SAMPLE_BREAK_EVEN] = breakEvenFromParts(margin, s);
}
