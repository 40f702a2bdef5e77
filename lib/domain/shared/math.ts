// Small numeric helpers shared by sizing, adaptation, economics and uncertainty. Pure functions,
// no allocation in the ones called per Monte Carlo sample.

/** Hours in an average month (8,760 h / 12). Every "per month" figure uses it. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** Decimal gigabyte: how figures are shown (a 70B bf16 model is "141 GB"). */
export const BYTES_PER_GB = 1e9;
/**
 * Binary gigabyte. GPU vendors' "80 GB" for HBM/GDDR is binary (an H100 80GB reports 81,559 MiB
 * usable in nvidia-smi), so GPU capacity is converted with 2^30.
 */
export const BYTES_PER_GIB = 2 ** 30;

/**
 * Capital recovery factor: the constant annual payment per unit of capital at annual rate r over n
 * years, r(1+r)^n / ((1+r)^n − 1). With r = 0 it is straight-line, 1/n.
 */
export function capitalRecoveryFactor(annualRate: number, years: number): number {
  // Near r = 0, (1+r)^n − 1 cancels catastrophically; the first-order series is exact enough there.
  if (annualRate < 1e-9) return 1 / years + (annualRate * (years + 1)) / (2 * years);
  const growthMinusOne = Math.expm1(years * Math.log1p(annualRate));
  return (annualRate * (1 + growthMinusOne)) / growthMinusOne;
}

/** mulberry32: a tiny seeded 32-bit PRNG; fast, deterministic, good enough for Monte Carlo. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Acklam's rational approximation to the standard normal quantile (relative error < 1.15e-9).
// One uniform in, one normal out, so every distribution consumes exactly one draw per sample.
// Coefficients are literals (not array reads): a cold Monte Carlo runs this in the interpreter.
function acklamTail(q: number): number {
  const r = Math.sqrt(-2 * Math.log(q));
  return (
    (((((-7.784894002430293e-3 * r - 3.223964580411365e-1) * r - 2.400758277161838) * r - 2.549732539343734) * r + 4.374664141464968) * r + 2.938163982698783) /
    ((((7.784695709041462e-3 * r + 3.224671290700398e-1) * r + 2.445134137142996) * r + 3.754408661907416) * r + 1)
  );
}

export function normalQuantile(p: number): number {
  // Clamp away from 0 and 1 so the tails stay finite.
  const q = p < 1e-12 ? 1e-12 : p > 1 - 1e-12 ? 1 - 1e-12 : p;
  if (q < 0.02425) return acklamTail(q);
  if (q > 0.97575) return -acklamTail(1 - q);
  const u = q - 0.5;
  const r = u * u;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * u) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1)
  );
}

/** z such that P(Z ≤ z) = 0.9; lognormal inputs are given by their P10 and P90. */
export const Z_90 = 1.2815515655446004;

/**
 * Smallest k with P(X ≤ k) ≥ q for X ~ Poisson(λ). Exact summation up to λ = 500; above that the
 * normal approximation with continuity correction (error well under one arrival at that scale).
 */
export function poissonQuantile(lambda: number, q: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 500) return Math.max(0, Math.ceil(lambda + normalQuantile(q) * Math.sqrt(lambda) - 0.5));
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  let k = 0;
  while (cdf < q && k < 10_000) {
    k += 1;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/**
 * Percentile of an ascending-sorted array, linear interpolation between order statistics (the
 * "type 7" rule of R and NumPy). +Infinity entries sort last and propagate: a percentile that
 * touches one is +Infinity, which callers report as "never".
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(Math.max(p, 0), 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo];
  const b = sorted[hi];
  if (a === b || h === lo) return a;
  if (!Number.isFinite(b)) return b;
  return a + (h - lo) * (b - a);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Round to `digits` significant figures, for stable display and formula strings. */
export function roundSig(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

function groupThousands(plain: string): string {
  const [whole, fraction] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A number as it appears inside a formula string: integers below 1e9 exact with separators, large
 * values in engineering form ("70.55e9", "989e12"), the rest to `digits` significant figures.
 * Deliberately not toLocaleString: the first Intl call costs ~20 ms of ICU start-up.
 */
export function fmt(x: number | null, digits = 4): string {
  if (x === null || !Number.isFinite(x)) return "n/a";
  const abs = Math.abs(x);
  if (abs >= 1e9) {
    const exponent = Math.floor(Math.log10(abs) / 3) * 3;
    return `${roundSig(x / 10 ** exponent, digits)}e${exponent}`;
  }
  if (Number.isInteger(x)) return groupThousands(String(x));
  if (abs < 1e-4) return roundSig(x, digits).toExponential(digits - 1);
  return groupThousands(String(roundSig(x, digits)));
}

/**
 * The largest value a version counter can hold: versions are PostgreSQL `integer` columns, and a
 * larger number sent as an expected version would fail in the database (a 500) instead of being
 * refused as input. Every schema that reads a version bounds it with this.
 */
export const MAX_VERSION = 2_147_483_647;
