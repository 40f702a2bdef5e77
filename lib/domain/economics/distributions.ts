// Distributions for uncertain inputs, sampled by inverse CDF so each draw uses exactly one uniform
// number: a run is reproducible from its seed, and adding an input does not reshuffle the others'
// draws in a way that is hard to reason about.
import { z } from "zod";
import { normalQuantile, Z_90 } from "../shared";

const finite = z.number().min(-1e18).max(1e18);

export const ZDistribution = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("uniform"), low: finite, high: finite }),
    z.object({ kind: z.literal("triangular"), low: finite, mode: finite, high: finite }),
    /** Given by its 10th and 90th percentiles: the way people state a range they believe 80% in. */
    z.object({ kind: z.literal("lognormal"), p10: z.number().positive().max(1e18), p90: z.number().positive().max(1e18) }),
  ])
  .superRefine((d, ctx) => {
    if (d.kind === "uniform" && d.low > d.high) ctx.addIssue({ code: "custom", path: ["high"], message: "high must be ≥ low" });
    if (d.kind === "triangular" && !(d.low <= d.mode && d.mode <= d.high)) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: "need low ≤ mode ≤ high" });
    }
    if (d.kind === "lognormal" && d.p10 > d.p90) ctx.addIssue({ code: "custom", path: ["p90"], message: "p90 must be ≥ p10" });
  });
export type TDistribution = z.infer<typeof ZDistribution>;

/** Smallest value a distribution can produce (0 for lognormal, which is always positive). */
export function distributionMinimum(d: TDistribution): number {
  return d.kind === "lognormal" ? 0 : d.low;
}

export function distributionMaximum(d: TDistribution): number {
  return d.kind === "lognormal" ? Number.POSITIVE_INFINITY : d.high;
}

export function distributionMean(d: TDistribution): number {
  if (d.kind === "uniform") return (d.low + d.high) / 2;
  if (d.kind === "triangular") return (d.low + d.mode + d.high) / 3;
  const { mu, sigma } = lognormalParameters(d.p10, d.p90);
  return Math.exp(mu + (sigma * sigma) / 2);
}

export function lognormalParameters(p10: number, p90: number): { mu: number; sigma: number } {
  return { mu: (Math.log(p10) + Math.log(p90)) / 2, sigma: (Math.log(p90) - Math.log(p10)) / (2 * Z_90) };
}

/**
 * A distribution flattened to numbers for the sampling loop: kind code and three parameters.
 * uniform: (low, high − low); triangular: (low, mode, high); lognormal: (mu, sigma).
 */
export type TCompiledDistribution = { kind: 0 | 1 | 2; a: number; b: number; c: number };

export function compileDistribution(d: TDistribution): TCompiledDistribution {
  if (d.kind === "uniform") return { kind: 0, a: d.low, b: d.high - d.low, c: 0 };
  if (d.kind === "triangular") return { kind: 1, a: d.low, b: d.mode, c: d.high };
  const { mu, sigma } = lognormalParameters(d.p10, d.p90);
  return { kind: 2, a: mu, b: sigma, c: 0 };
}

/** Inverse CDF at u ∈ [0, 1). */
export function sampleCompiled(d: TCompiledDistribution, u: number): number {
  if (d.kind === 0) return d.a + u * d.b;
  if (d.kind === 1) {
    const low = d.a;
    const mode = d.b;
    const high = d.c;
    const width = high - low;
    if (width <= 0) return low;
    const split = (mode - low) / width;
    return u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode));
  }
  return Math.exp(d.a + d.b * normalQuantile(u));
}

export function sampleDistribution(d: TDistribution, u: number): number {
  return sampleCompiled(compileDistribution(d), u);
}

/**
 * Fills `column` with draws clamped to [lo, hi], advancing the mulberry32 state held in
 * `state[0]` (the same stream as math.mulberry32). A cold call runs largely in the interpreter, so
 * the generator is inlined and each kind has its own loop: one loop serving several kinds would be
 * deoptimised each time it met a kind it had not seen, and start over.
 */
export function fillColumn(d: TCompiledDistribution, column: Float64Array, lo: number, hi: number, state: Uint32Array): void {
  if (d.kind === 0) fillUniform(d.a, d.b, column, lo, hi, state);
  else if (d.kind === 1) fillTriangular(d.a, d.b, d.c, column, lo, hi, state);
  else fillLognormal(d.a, d.b, column, lo, hi, state);
}

function fillUniform(low: number, width: number, column: Float64Array, lo: number, hi: number, state: Uint32Array): void {
  let x = state[0];
  for (let i = 0; i < column.length; i += 1) {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), x | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const v = low + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * width;
    column[i] = v < lo ? lo : v > hi ? hi : v;
  }
  state[0] = x;
}

function fillTriangular(low: number, mode: number, high: number, column: Float64Array, lo: number, hi: number, state: Uint32Array): void {
  const width = high - low;
  const split = width > 0 ? (mode - low) / width : 0;
  const left = width * (mode - low);
  const right = width * (high - mode);
  let x = state[0];
  for (let i = 0; i < column.length; i += 1) {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), x | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    const v = width <= 0 ? low : u < split ? low + Math.sqrt(u * left) : high - Math.sqrt((1 - u) * right);
    column[i] = v < lo ? lo : v > hi ? hi : v;
  }
  state[0] = x;
}

function fillLognormal(mu: number, sigma: number, column: Float64Array, lo: number, hi: number, state: Uint32Array): void {
  let x = state[0];
  for (let i = 0; i < column.length; i += 1) {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = Math.imul(x ^ (x >>> 15), x | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const v = Math.exp(mu + sigma * normalQuantile(((t ^ (t >>> 14)) >>> 0) / 4294967296));
    column[i] = v < lo ? lo : v > hi ? hi : v;
  }
  state[0] = x;
}
