// Capability validation: is the open-weights candidate good enough on the team's own workloads,
// compared with the incumbent API, given how many samples the comparison rests on?
import type { TFigure } from "../shared";
import { finiteOrNull, parseOrThrow } from "../shared";
import {
  FORMULAS,
  Z_95,
  mcnemarExact,
  newcombeDifference,
  newcombePairedDifference,
  normalDifference,
  pairedTotal,
  sampleGrowthFactor,
  weightedInterval,
  wilsonInterval,
  type TDifferenceInterval,
  type TInterval,
} from "./stats";
import {
  ZCapabilityInputs,
  isProportionMetric,
  type TCapabilityInputsInput,
  type TCapabilityMetric,
  type TCapabilityWorkload,
  type TWorkloadResult,
} from "./inputs";

export * from "./inputs";
export { FORMULAS as CAPABILITY_FORMULAS, wilsonInterval, newcombeDifference } from "./stats";

export type TCapabilityVerdict = "pass" | "fail" | "inconclusive" | "no-interval";
export type TIntervalMethod = "paired-newcombe" | "newcombe" | "normal" | "normal-bound" | "none";

export const NO_INTERVAL_NOTE = "no interval: sample sizes unknown";

export type TSideSummary = {
  score: number;
  sampleCount: number | null;
  /** Wilson 95% interval of the pass rate; null for non-proportion metrics or unknown n. */
  interval: TInterval | null;
  isLimited: boolean;
};

export type TWorkloadAssessment = {
  id: string;
  name: string;
  metric: TCapabilityMetric;
  higherIsBetter: boolean;
  /** Weight normalised over the assessed workloads (sums to 1). */
  weightShare: number;
  candidate: TSideSummary;
  incumbent: TSideSummary;
  /** candidate − incumbent, sign-flipped when lower is better, so > 0 always means "candidate better". */
  gap: number;
  gapInterval: TInterval | null;
  method: TIntervalMethod;
  verdict: TCapabilityVerdict;
  /** Inconclusive only: factor by which the sample must grow, and the resulting n per side. */
  sampleGrowthFactor: number | null;
  /** Items to run per model: paired designs count items both models run. */
  samplesNeededPerSide: number | null;
  /** Paired results only: McNemar's exact test and what an unpaired design would have needed. */
  paired: null | { items: number; candidateOnly: number; incumbentOnly: number; mcnemarPValue: number; unpairedSamplesNeededPerSide: number | null };
  notes: string[];
};

export type TSkippedWorkload = { id: string; name: string; reason: string };

export type TCapabilityResult = {
  candidateName: string;
  incumbentName: string;
  toleranceScore: number;
  workloads: TWorkloadAssessment[];
  skipped: TSkippedWorkload[];
  overall: {
    weightedGap: number | null;
    interval: TInterval | null;
    verdict: TCapabilityVerdict;
    sampleGrowthFactor: number | null;
    notes: string[];
  };
  figures: TFigure[];
  formulas: typeof FORMULAS;
};

function verdictFor(interval: TInterval | null, toleranceScore: number): TCapabilityVerdict {
  if (!interval) return "no-interval";
  const threshold = -toleranceScore;
  if (interval.lower >= threshold) return "pass";
  if (interval.upper < threshold) return "fail";
  return "inconclusive";
}

function scoreOf(r: TWorkloadResult): number {
  // The schema guarantees score or both counts; counts win because they are exact.
  if (r.passCount !== undefined && r.sampleCount !== undefined) return r.passCount / r.sampleCount;
  return r.score ?? 0;
}

/** Successes for the Wilson interval; derived from score × n when only the rate was reported. */
function passCountOf(r: TWorkloadResult): number | null {
  if (r.sampleCount === undefined) return null;
  return r.passCount ?? scoreOf(r) * r.sampleCount;
}

function sideSummary(r: TWorkloadResult, metric: TCapabilityMetric, paired?: { passes: number; n: number }): TSideSummary {
  if (paired && isProportionMetric(metric)) {
    return { score: paired.passes / paired.n, sampleCount: paired.n, interval: wilsonInterval(paired.passes, paired.n), isLimited: r.limited };
  }
  const k = passCountOf(r);
  const hasWilson = isProportionMetric(metric) && k !== null && r.sampleCount !== undefined;
  return {
    score: scoreOf(r),
    sampleCount: r.sampleCount ?? null,
    interval: hasWilson ? wilsonInterval(k, r.sampleCount as number) : null,
    isLimited: r.limited,
  };
}

type TStandardError = { se: number; isBound: boolean } | null;

function standardErrorOf(r: TWorkloadResult, metric: TCapabilityMetric): TStandardError {
  if (r.stderr !== undefined) return { se: r.stderr, isBound: false };
  if (r.sampleCount === undefined) return null;
  const score = scoreOf(r);
  if (isProportionMetric(metric)) {
    // Half the Wilson width over z: unlike √(p(1−p)/n) it does not collapse to 0 at p = 0 or 1.
    const w = wilsonInterval(passCountOf(r) ?? 0, r.sampleCount);
    return { se: (w.upper - w.lower) / (2 * Z_95), isBound: false };
  }
  return { se: Math.sqrt((score * (1 - score)) / r.sampleCount), isBound: true };
}

function rawDifference(
  w: TCapabilityWorkload,
  cand: TWorkloadResult,
  inc: TWorkloadResult,
): { interval: TDifferenceInterval | null; method: TIntervalMethod } {
  const kC = passCountOf(cand);
  const kI = passCountOf(inc);
  if (isProportionMetric(w.metric) && w.paired) {
    return { interval: newcombePairedDifference(w.paired), method: "paired-newcombe" };
  }
  if (isProportionMetric(w.metric) && kC !== null && kI !== null) {
    return {
      interval: newcombeDifference(kC, cand.sampleCount as number, kI, inc.sampleCount as number),
      method: "newcombe",
    };
  }
  const seC = standardErrorOf(cand, w.metric);
  const seI = standardErrorOf(inc, w.metric);
  if (seC && seI) {
    return {
      interval: normalDifference(scoreOf(cand), seC.se, scoreOf(inc), seI.se),
      method: seC.isBound || seI.isBound ? "normal-bound" : "normal",
    };
  }
  return { interval: null, method: "none" };
}

function orient(d: TDifferenceInterval, higherIsBetter: boolean): TDifferenceInterval {
  if (higherIsBetter) return d;
  return { difference: -d.difference, lower: -d.upper, upper: -d.lower };
}

function pp(x: number): string {
  return `${(x * 100).toFixed(1)} pp`;
}

function assessWorkload(
  w: TCapabilityWorkload,
  cand: TWorkloadResult,
  inc: TWorkloadResult,
  weightShare: number,
  toleranceScore: number,
): TWorkloadAssessment {
  const t = w.paired && isProportionMetric(w.metric) ? w.paired : null;
  const n = t ? pairedTotal(t) : 0;
  const candidate = sideSummary(cand, w.metric, t ? { passes: t.bothPass + t.candidateOnly, n } : undefined);
  const incumbent = sideSummary(inc, w.metric, t ? { passes: t.bothPass + t.incumbentOnly, n } : undefined);
  const rawGap = candidate.score - incumbent.score;
  const gap = w.higherIsBetter ? rawGap : -rawGap;
  const { interval: raw, method } = rawDifference(w, cand, inc);
  const oriented = raw ? orient(raw, w.higherIsBetter) : null;
  const gapInterval = oriented ? { lower: oriented.lower, upper: oriented.upper } : null;
  const verdict = verdictFor(gapInterval, toleranceScore);
  const notes: string[] = [];

  if (candidate.isLimited || incumbent.isLimited) {
    notes.push("Run with --limit: these results are a sample of the benchmark, not the benchmark.");
  }
  if (isProportionMetric(w.metric) && method === "newcombe" && (cand.passCount === undefined || inc.passCount === undefined)) {
    notes.push("Pass counts derived as score × sampleCount.");
  }
  if (method === "normal-bound") {
    notes.push("No stderr given: used the largest possible spread of a 0..1 score (conservative interval).");
  }
  if (method === "none") notes.push(NO_INTERVAL_NOTE);
  let paired: TWorkloadAssessment["paired"] = null;
  if (t) {
    const test = mcnemarExact(t.candidateOnly, t.incumbentOnly);
    paired = { items: n, candidateOnly: t.candidateOnly, incumbentOnly: t.incumbentOnly, mcnemarPValue: test.pValue, unpairedSamplesNeededPerSide: null };
    notes.push(
      `Paired: both models ran the same ${n} items; ${t.candidateOnly} only the candidate got right, ${t.incumbentOnly} only the incumbent (McNemar exact p = ${test.pValue.toPrecision(3)}).`,
    );
  }

  let growth: number | null = null;
  let samplesNeeded: number | null = null;
  if (verdict === "inconclusive" && oriented) {
    growth = sampleGrowthFactor(oriented, toleranceScore);
    const nMax = Math.max(candidate.sampleCount ?? 0, incumbent.sampleCount ?? 0);
    samplesNeeded = growth !== null && nMax > 0 ? finiteOrNull(Math.ceil(nMax * growth)) : null;
    if (t && paired) {
      // What the same counts would need if the two runs were independent samples.
      const independent = orient(newcombeDifference(t.bothPass + t.candidateOnly, n, t.bothPass + t.incumbentOnly, n), w.higherIsBetter);
      const g = sampleGrowthFactor(independent, toleranceScore);
      paired.unpairedSamplesNeededPerSide = g !== null ? finiteOrNull(Math.ceil(n * g)) : null;
    }
    notes.push(
      `Test set too small to decide: the 95% interval [${pp(oriented.lower)}, ${pp(oriented.upper)}] straddles −${pp(toleranceScore)}.` +
        (samplesNeeded !== null
          ? t
            ? ` Roughly ${samplesNeeded} paired items would be needed (estimate)${paired?.unpairedSamplesNeededPerSide ? `, against ${paired.unpairedSamplesNeededPerSide} per side unpaired` : ""}.`
            : ` Roughly ${samplesNeeded} samples per side would be needed (estimate).`
          : growth !== null
            ? ` Roughly ${growth.toFixed(1)}× the current samples would be needed (estimate).`
            : " The gap sits on the tolerance; no sample size will settle it."),
    );
  }

  return {
    id: w.id,
    name: w.name,
    metric: w.metric,
    higherIsBetter: w.higherIsBetter,
    weightShare,
    candidate,
    incumbent,
    gap,
    gapInterval,
    method,
    verdict,
    sampleGrowthFactor: growth,
    samplesNeededPerSide: samplesNeeded,
    paired,
    notes,
  };
}

function missingReason(w: TCapabilityWorkload): string {
  if (!w.candidate && !w.incumbent) return "no results for either model";
  return w.candidate ? "no incumbent result" : "no candidate result";
}

export function assessCapability(raw: TCapabilityInputsInput): TCapabilityResult {
  const inputs = parseOrThrow(ZCapabilityInputs, raw, "capability inputs");
  const { toleranceScore } = inputs;
  const complete = inputs.workloads.filter((w) => w.candidate && w.incumbent);
  const skipped = inputs.workloads
    .filter((w) => !(w.candidate && w.incumbent))
    .map((w) => ({ id: w.id, name: w.name, reason: missingReason(w) }));
  const totalWeight = complete.reduce((s, w) => s + w.weight, 0);

  const workloads = complete.map((w) =>
    assessWorkload(w, w.candidate as TWorkloadResult, w.incumbent as TWorkloadResult, w.weight / totalWeight, toleranceScore),
  );

  const notes: string[] = [];
  let weightedGap: number | null = null;
  let interval: TInterval | null = null;
  let growth: number | null = null;
  if (workloads.length === 0) {
    notes.push("No workload has both a candidate and an incumbent result yet.");
  } else {
    weightedGap = workloads.reduce((s, w) => s + w.weightShare * w.gap, 0);
    const lacking = workloads.filter((w) => !w.gapInterval);
    if (lacking.length > 0) {
      notes.push(`${NO_INTERVAL_NOTE} for ${lacking.map((w) => w.name).join(", ")}; no combined interval.`);
    } else {
      const combined = weightedInterval(
        workloads.map((w) => ({
          weight: w.weightShare,
          estimate: w.gap,
          lower: w.gapInterval!.lower,
          upper: w.gapInterval!.upper,
        })),
      );
      if (combined) {
        interval = { lower: combined.lower, upper: combined.upper };
        if (verdictFor(interval, toleranceScore) === "inconclusive") {
          growth = sampleGrowthFactor(combined, toleranceScore);
          notes.push(
            `The combined interval straddles −${pp(toleranceScore)}: the test sets are too small to decide` +
              (growth !== null ? `; about ${growth.toFixed(1)}× more samples per workload would be needed (estimate).` : "."),
          );
        }
      }
    }
    if (workloads.some((w) => w.candidate.isLimited || w.incumbent.isLimited)) {
      notes.push("Some results were run with --limit: samples, not the full benchmarks.");
    }
  }
  if (skipped.length > 0) {
    notes.push(`Not assessed (missing results): ${skipped.map((s) => s.name).join(", ")}.`);
  }
  const verdict = weightedGap === null ? "no-interval" : verdictFor(interval, toleranceScore);

  return {
    candidateName: inputs.candidateName,
    incumbentName: inputs.incumbentName,
    toleranceScore,
    workloads,
    skipped,
    overall: { weightedGap, interval, verdict, sampleGrowthFactor: growth, notes },
    figures: capabilityFigures(weightedGap, interval, toleranceScore),
    formulas: FORMULAS,
  };
}

function toPp(x: number | null): number | null {
  return x === null ? null : finiteOrNull(x * 100);
}

function capabilityFigures(gap: number | null, interval: TInterval | null, toleranceScore: number): TFigure[] {
  return [
    {
      key: "capability.weightedGap",
      label: "Weighted capability gap (candidate − incumbent)",
      value: toPp(gap),
      unit: "pp",
      formula: "G = Σ wᵢ·gᵢ / Σ wᵢ × 100",
      note: "Positive means the candidate does better.",
    },
    {
      key: "capability.weightedGapLower",
      label: "Weighted gap, 95% lower limit",
      value: toPp(interval?.lower ?? null),
      unit: "pp",
      formula: FORMULAS.weighted,
    },
    {
      key: "capability.weightedGapUpper",
      label: "Weighted gap, 95% upper limit",
      value: toPp(interval?.upper ?? null),
      unit: "pp",
      formula: FORMULAS.weighted,
    },
    {
      key: "capability.tolerance",
      label: "Largest acceptable shortfall",
      value: toPp(toleranceScore),
      unit: "pp",
      formula: "pass if lower limit ≥ −t; fail if upper limit < −t; otherwise inconclusive",
    },
  ];
}
