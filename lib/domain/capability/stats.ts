// Interval statistics for pass rates and their differences. Pure numbers in, plain numbers out.
//
// Sources:
// - Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical inference",
//   JASA 22:209-212 (score interval for one proportion).
// - Newcombe, R. G. (1998) "Interval estimation for the difference between independent proportions:
//   comparison of eleven methods", Statistics in Medicine 17:873-890, method 10 (hybrid score).
// - Zou, G. Y. & Donner, A. (2008) "Construction of confidence limits about effect measures: a general
//   approach" (MOVER), Statistics in Medicine 27:1693-1702, for combining asymmetric intervals.
// - Newcombe, R. G. (1998) "Improved confidence intervals for the difference between binomial
//   proportions based on paired data", Statistics in Medicine 17:2635-2650, method 10 (square-and-add
//   of Wilson limits with a correlation correction), for two models run on the same items.
// - McNemar, Q. (1947) exact conditional test: the discordant pairs are Binomial(b + c, 1/2) under
//   no difference. Test oracle: Fagerland, Lydersen & Laake (2017) "Statistical Analysis of
//   Contingency Tables", chapter 8, Cavo et al. (2012) table [[59, 6], [16, 80]].

/** Two-sided 95% standard normal quantile. */
export const Z_95 = 1.959963984540054;

export type TInterval = { lower: number; upper: number };

export const FORMULAS = {
  wilson:
    "Wilson 95%: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), p = k/n, z = 1.96",
  newcombe:
    "Newcombe hybrid score 95% for d = p₁ − p₂: [d − √((p₁−l₁)² + (u₂−p₂)²), d + √((u₁−p₁)² + (p₂−l₂)²)], (lᵢ, uᵢ) Wilson limits",
  normal: "Normal 95% for d = s₁ − s₂: d ± z·√(se₁² + se₂²)",
  normalBound:
    "Conservative normal 95%: se ≤ √(m(1−m)/n) for a mean m of scores in [0, 1] (Bhatia–Davis bound)",
  weighted:
    "Weighted gap G = Σ wᵢ·gᵢ / Σ wᵢ; 95% limits G − √Σ(ŵᵢ·(gᵢ − Lᵢ))², G + √Σ(ŵᵢ·(Uᵢ − gᵢ))², ŵᵢ = wᵢ/Σw (MOVER)",
  pairedNewcombe:
    "Paired (same items) Newcombe 95% for d = p₁ − p₂: [d − √((p₁−l₁)² − 2φ(p₁−l₁)(u₂−p₂) + (u₂−p₂)²), d + √((u₁−p₁)² − 2φ(u₁−p₁)(p₂−l₂) + (p₂−l₂)²)], φ the corrected correlation of the 2×2 table",
  mcnemar: "McNemar exact: p = min(1, 2·P(X ≤ min(b, c))), X ~ Binomial(b + c, ½), b and c the items only one model got right",
  samplesNeeded:
    "n needed ≈ n · (h / |g + t|)² · ((1.96 + 0.84) / 1.96)², h = current half-width on the side facing −t (width shrinks as 1/√n; 80% power if the observed gap holds)",
} as const;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Wilson score interval for k successes in n trials. k may be fractional (a mean of 0/1 items). */
export function wilsonInterval(passCount: number, sampleCount: number, z: number = Z_95): TInterval {
  if (!(sampleCount > 0) || !Number.isFinite(sampleCount)) return { lower: 0, upper: 1 };
  const n = sampleCount;
  const p = clamp(passCount / n, 0, 1);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or 1 the exact limit is 0 or 1; rounding would otherwise leave 1e-17 off.
  const lower = p === 0 ? 0 : clamp(centre - half, 0, 1);
  const upper = p === 1 ? 1 : clamp(centre + half, 0, 1);
  return { lower, upper };
}

export type TDifferenceInterval = TInterval & { difference: number };

/** Newcombe's hybrid score interval for p₁ − p₂ of two independent proportions. */
export function newcombeDifference(
  passCount1: number,
  sampleCount1: number,
  passCount2: number,
  sampleCount2: number,
  z: number = Z_95,
): TDifferenceInterval {
  const p1 = clamp(passCount1 / sampleCount1, 0, 1);
  const p2 = clamp(passCount2 / sampleCount2, 0, 1);
  const w1 = wilsonInterval(passCount1, sampleCount1, z);
  const w2 = wilsonInterval(passCount2, sampleCount2, z);
  const d = p1 - p2;
  const lower = d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2);
  const upper = d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2);
  return { difference: d, lower: clamp(lower, -1, 1), upper: clamp(upper, -1, 1) };
}

/** Normal-approximation interval for s₁ − s₂ from two standard errors. */
export function normalDifference(
  score1: number,
  stderr1: number,
  score2: number,
  stderr2: number,
  z: number = Z_95,
): TDifferenceInterval {
  const d = score1 - score2;
  const half = z * Math.sqrt(stderr1 ** 2 + stderr2 ** 2);
  return { difference: d, lower: clamp(d - half, -1, 1), upper: clamp(d + half, -1, 1) };
}

/**
 * Combines per-item intervals of gᵢ into one for Σ ŵᵢ·gᵢ. Each side uses its own distance, so the
 * asymmetric Newcombe limits stay asymmetric instead of being forced into one standard error.
 */
export function weightedInterval(
  items: readonly { weight: number; estimate: number; lower: number; upper: number }[],
): TDifferenceInterval | null {
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  if (!(totalWeight > 0)) return null;
  let estimate = 0;
  let lowerVar = 0;
  let upperVar = 0;
  for (const item of items) {
    const share = item.weight / totalWeight;
    estimate += share * item.estimate;
    lowerVar += (share * (item.estimate - item.lower)) ** 2;
    upperVar += (share * (item.upper - item.estimate)) ** 2;
  }
  return {
    difference: estimate,
    lower: clamp(estimate - Math.sqrt(lowerVar), -1, 1),
    upper: clamp(estimate + Math.sqrt(upperVar), -1, 1),
  };
}

/** One-sided 80% power quantile: the usual sample-size convention. */
const Z_POWER_80 = 0.8416212335729143;

/**
 * How much the sample must grow for the interval to clear −tolerance, assuming its width shrinks as
 * 1/√n. Sized for 80% power: growing only until the interval would just touch −t leaves a coin flip
 * whether the next run decides. Returns null when the estimate sits on the threshold (no n decides).
 */
export function sampleGrowthFactor(
  interval: TDifferenceInterval,
  tolerance: number,
): number | null {
  const threshold = -tolerance;
  const distance = Math.abs(interval.difference - threshold);
  if (distance < 1e-9) return null;
  const halfWidth =
    interval.difference > threshold
      ? interval.difference - interval.lower
      : interval.upper - interval.difference;
  const factor = (halfWidth / distance) ** 2 * ((Z_95 + Z_POWER_80) / Z_95) ** 2;
  return Number.isFinite(factor) ? Math.max(1, factor) : null;
}

/** A paired 2×2 table: both right, only the candidate right, only the incumbent right, both wrong. */
export type TPairedCounts = { bothPass: number; candidateOnly: number; incumbentOnly: number; bothFail: number };

export function pairedTotal(t: TPairedCounts): number {
  return t.bothPass + t.candidateOnly + t.incumbentOnly + t.bothFail;
}

/**
 * Newcombe's method 10 for the difference of two proportions measured on the same items
 * (candidate pass rate − incumbent pass rate). The correlation term narrows the interval when the
 * two models tend to get the same items right, which is why a paired design needs fewer items.
 */
export function newcombePairedDifference(t: TPairedCounts, z: number = Z_95): TDifferenceInterval {
  const a = t.bothPass;
  const b = t.candidateOnly;
  const c = t.incumbentOnly;
  const d = t.bothFail;
  const n = a + b + c + d;
  if (!(n > 0)) return { difference: 0, lower: -1, upper: 1 };
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const w1 = wilsonInterval(a + b, n, z);
  const w2 = wilsonInterval(a + c, n, z);
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  let phi = 0;
  if (margins > 0) {
    const cross = a * d - b * c;
    const corrected = cross > n / 2 ? cross - n / 2 : cross < 0 ? cross : 0;
    phi = corrected / Math.sqrt(margins);
  }
  const diff = p1 - p2;
  const lower = diff - Math.sqrt(Math.max(0, (p1 - w1.lower) ** 2 - 2 * phi * (p1 - w1.lower) * (w2.upper - p2) + (w2.upper - p2) ** 2));
  const upper = diff + Math.sqrt(Math.max(0, (w1.upper - p1) ** 2 - 2 * phi * (w1.upper - p1) * (p2 - w2.lower) + (p2 - w2.lower) ** 2));
  return { difference: diff, lower: clamp(lower, -1, 1), upper: clamp(upper, -1, 1) };
}

/** log of n choose k, by summing logs (exact enough for the tails used here; n up to millions). */
function logChoose(n: number, k: number): number {
  let s = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i += 1) s += Math.log((n - m + i) / i);
  return s;
}

/** McNemar's exact conditional test (two-sided) and its mid-p version. Work grows with min(b, c), not with n. */
export function mcnemarExact(candidateOnly: number, incumbentOnly: number): { pValue: number; midPValue: number; discordant: number } {
  const m = candidateOnly + incumbentOnly;
  if (m === 0) return { pValue: 1, midPValue: 1, discordant: 0 };
  const k = Math.min(candidateOnly, incumbentOnly);
  const logHalf = m * Math.log(0.5);
  let tail = 0;
  let atK = 0;
  for (let i = 0; i <= k; i += 1) {
    const p = Math.exp(logChoose(m, i) + logHalf);
    tail += p;
    if (i === k) atK = p;
  }
  return { pValue: Math.min(1, 2 * tail), midPValue: Math.min(1, 2 * (tail - atK / 2)), discordant: m };
}
