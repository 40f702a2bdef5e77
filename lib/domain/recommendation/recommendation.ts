// The go / hybrid / no-go recommendation. Each stage can only lower the verdict (go > hybrid >
// no-go): licence blockers and a model that does not fit force no-go; a capability gap that is not
// settled caps it at hybrid; the economics decide between the three. Safety and lifecycle add
// conditions and notes but never flip the verdict: they are costs (already in the economics) and
// work to do before go-live. Inputs are plain summaries so the rules can be tested table by table.
import type { TStageStatus } from "../shared";
import type { TCapabilityVerdict } from "../capability";
import { roundSig } from "../shared";
import { countText, multipleText, pctText, ppText, shareText, tokensText, usdPerMonthText, usdText } from "../shared";

export type TVerdict = "go" | "hybrid" | "no-go";
export type TReasonKind = "licence" | "capability" | "infrastructure" | "economics" | "safety" | "lifecycle";
/**
 * blocker: forces no-go. limiting: caps the verdict at hybrid. condition: to do before go-live.
 * note: worth knowing. supporting: an argument for the verdict. Reasons are ranked in this order.
 */
export type TReasonSeverity = "blocker" | "limiting" | "condition" | "note" | "supporting";
export const REASON_SEVERITY_ORDER: readonly TReasonSeverity[] = ["blocker", "limiting", "condition", "note", "supporting"];

export type TReason = { kind: TReasonKind; severity: TReasonSeverity; weight: number; text: string; figureKeys?: string[] };
export type TChange = { kind: TReasonKind; direction: "towards-go" | "towards-no-go"; text: string };

export type TRecommendation = {
  verdict: TVerdict;
  headline: string;
  /** False when a stage the verdict rests on (licence, capability, economics) is missing or assumed. */
  isConclusive: boolean;
  reasons: TReason[];
  /** Work that must be done before go-live whatever the verdict. */
  conditions: string[];
  /** Concrete changes of input that would move the verdict. */
  whatWouldChange: TChange[];
  /** Inputs that were not entered and were defaulted (labels). */
  assumptions: string[];
  /** For a hybrid driven by cost: the cheapest share of tokens to route to the open model. */
  hybridShareOpen: number | null;
};

export type TRecommendationInput = {
  candidateName: string;
  incumbentName: string;
  /** null: no licence could be resolved for the model. */
  licence: null | {
    status: TStageStatus;
    licenceName: string;
    blockers: { title: string }[];
    needsCounsel: { title: string }[];
  };
  capability: null | {
    status: TStageStatus;
    verdict: TCapabilityVerdict;
    /** Score units (0.03 = 3 points); > 0 means the candidate is better. */
    weightedGap: number | null;
    interval: { lower: number; upper: number } | null;
    tolerance: number;
    sampleGrowthFactor: number | null;
    workloads: { name: string; verdict: TCapabilityVerdict; samplesNeededPerSide: number | null }[];
  };
  infrastructure: null | { status: TStageStatus; fits: boolean; latencyTargetMet: boolean; gpuName: string };
  /** null: the economics could not be computed; `economicsMissing` says why. */
  economics: null | {
    status: TStageStatus;
    plannedTokensPerMonth: number;
    apiUsdPerMonth: number;
    ownedUsdPerMonth: number;
    monthlySavingUsd: number;
    crossoverTokensPerMonth: number | null;
    breakEvenMonth: number | null;
    horizonMonths: number;
    oneTimeUsd: number;
    /** Σ over the horizon of API − owned, before one-time costs: the most one-time cost that can be recovered. */
    horizonSavingBeforeOneTimeUsd: number;
    bestHybridShare: number;
    bestHybridUsdPerMonth: number;
    apiUsdPerMillionTokens: number;
    ownedFullReplicaUsdPerMillionTokens: number;
    /** Cloud modes: the GPU-hour price below which a crossover exists at all; null otherwise. */
    maxUsdPerGpuHourForCrossover: number | null;
    probabilityOwnedCheaper: number | null;
  };
  economicsMissing?: string;
  safety: null | { status: TStageStatus; readinessPct: number | null; topGaps: string[] };
  lifecycle: null | { status: TStageStatus; fteEquivalent: number; level: "light" | "moderate" | "heavy"; usdPerMonth: number };
  defaultedInputs: string[];
};

/** A cost-driven go needs this share of Monte Carlo scenarios to favour owning, else it is a hybrid. */
export const MIN_PROBABILITY_FOR_GO = 0.7;
export const LOW_SAFETY_READINESS_PCT = 50;
/** A hybrid must save at least this share of the all-API cost to be worth running two stacks. */
export const MIN_HYBRID_SAVING_SHARE = 0.02;

const VERDICT_RANK: Record<TVerdict, number> = { "no-go": 0, hybrid: 1, go: 2 };
const KIND_WEIGHT: Record<TReasonKind, number> = { licence: 90, infrastructure: 85, capability: 80, economics: 75, safety: 50, lifecycle: 40 };

export function rankReasons(reasons: readonly TReason[]): TReason[] {
  const order = (r: TReason) => REASON_SEVERITY_ORDER.indexOf(r.severity);
  return [...reasons].sort((a, b) => order(a) - order(b) || b.weight - a.weight);
}

type TState = { verdict: TVerdict; reasons: TReason[]; changes: TChange[]; conditions: string[]; isConclusive: boolean; hybridShare: number | null };

function add(state: TState, kind: TReasonKind, severity: TReasonSeverity, text: string, figureKeys?: string[], extraWeight = 0): void {
  state.reasons.push({ kind, severity, weight: KIND_WEIGHT[kind] + extraWeight, text, ...(figureKeys ? { figureKeys } : {}) });
}

function limit(state: TState, verdict: TVerdict): void {
  if (VERDICT_RANK[verdict] < VERDICT_RANK[state.verdict]) state.verdict = verdict;
}

const pp = (x: number) => ppText(x * 100);
/** The tolerance as the shortfall it allows: "−3 pp". */
const tol = (t: number) => `−${Math.abs(roundSig(t * 100, 2))} pp`;

function licenceRules(s: TState, input: TRecommendationInput): void {
  const l = input.licence;
  if (!l) {
    s.isConclusive = false;
    add(s, "licence", "condition", "No licence terms are on file for this model, so nothing was checked: complete licence diligence with counsel before any use.");
    s.conditions.push("Licence diligence: record the model's licence and review it with counsel.");
    return;
  }
  if (l.blockers.length > 0) {
    limit(s, "no-go");
    for (const b of l.blockers) add(s, "licence", "blocker", `${l.licenceName}: ${b.title}.`, ["licence.blockers"]);
    s.changes.push({
      kind: "licence",
      direction: "towards-go",
      text: `A licence that permits what you plan (${l.blockers.map((b) => b.title.toLowerCase()).join("; ")}): a model under Apache-2.0 or MIT, a separate licence from the rights holder, or a plan without the blocked activity.`,
    });
    return;
  }
  if (l.status === "not-started") {
    s.isConclusive = false;
    add(s, "licence", "condition", `${l.licenceName} was checked against default organisation facts only: no blocker found, but your users, revenue, sector and uses were not entered.`);
    s.conditions.push("Licence diligence: enter your users, revenue, sector, uses and regions.");
    return;
  }
  if (l.needsCounsel.length > 0) {
    add(s, "licence", "condition", `${l.needsCounsel.length} clause(s) of ${l.licenceName} need counsel's reading: ${l.needsCounsel.map((f) => f.title).join("; ")}.`, ["licence.needsCounsel"]);
    s.conditions.push(`Counsel to review ${l.needsCounsel.length} licence clause(s) before go-live.`);
  } else {
    add(s, "licence", "supporting", `${l.licenceName} raises no blocker for what you plan.`, ["licence.blockers"]);
  }
  if (l.status === "in-progress") s.isConclusive = false;
}

function infrastructureRules(s: TState, input: TRecommendationInput): void {
  const i = input.infrastructure;
  if (!i) return;
  if (!i.fits) {
    limit(s, "no-go");
    add(s, "infrastructure", "blocker", `${input.candidateName} does not fit on the ${i.gpuName} configuration entered.`);
    s.changes.push({ kind: "infrastructure", direction: "towards-go", text: "A GPU with more memory, more GPUs per node or a lower served precision so that the model fits." });
    return;
  }
  if (!i.latencyTargetMet) {
    add(s, "infrastructure", "condition", `Even one request decodes slower than the latency target on ${i.gpuName}: capacity is shown at batch 1.`, ["decodeTokensPerSecondPerSequence"]);
    s.conditions.push("Meet the latency target: a faster GPU, more tensor parallelism or lower precision.");
  }
}

function capabilityRules(s: TState, input: TRecommendationInput): void {
  const c = input.capability;
  const t = c?.tolerance ?? 0.03;
  if (!c || c.status === "not-started" || c.weightedGap === null) {
    limit(s, "hybrid");
    s.isConclusive = false;
    add(s, "capability", "limiting", `Capability is not validated on your workloads yet: at most a pilot on part of the traffic.`);
    s.changes.push({ kind: "capability", direction: "towards-go", text: `Results for ${input.candidateName} and ${input.incumbentName} on your own workloads, with a gap within the ${tol(t)} tolerance.` });
    return;
  }
  const gap = c.weightedGap;
  const bounds = c.interval ? ` (95% interval ${pp(c.interval.lower)} to ${pp(c.interval.upper)})` : "";
  const keys = ["capability.weightedGap", "capability.weightedGapLower", "capability.weightedGapUpper"];
  switch (c.verdict) {
    case "pass":
      add(s, "capability", "supporting", `Capability gap ${pp(gap)}${bounds} is within the ${tol(t)} tolerance.`, keys);
      return;
    case "fail": {
      const passing = c.workloads.filter((w) => w.verdict === "pass").map((w) => w.name);
      const upper = c.interval ? pp(c.interval.upper) : pp(gap);
      s.changes.push({ kind: "capability", direction: "towards-go", text: `A capability gap within the ${tol(t)} tolerance: today the upper 95% limit is ${upper} (better prompts, fine-tuning or a larger model).` });
      if (passing.length > 0) {
        limit(s, "hybrid");
        add(s, "capability", "limiting", `${input.candidateName} falls short overall (gap ${pp(gap)}${bounds}) but passes on ${passing.join(", ")}: route only those workloads.`, keys);
      } else {
        limit(s, "no-go");
        add(s, "capability", "blocker", `${input.candidateName} falls short of ${input.incumbentName}: gap ${pp(gap)}${bounds}, beyond the ${tol(t)} tolerance.`, keys);
      }
      return;
    }
    case "inconclusive": {
      limit(s, "hybrid");
      s.isConclusive = false;
      add(s, "capability", "limiting", `The capability comparison is inconclusive: gap ${pp(gap)}${bounds} straddles the ${tol(t)} tolerance.`, keys);
      const needed = c.workloads.filter((w) => w.samplesNeededPerSide !== null).map((w) => w.samplesNeededPerSide as number);
      const n = needed.length > 0 ? Math.max(...needed) : null;
      s.changes.push({
        kind: "capability",
        direction: "towards-go",
        text:
          n !== null
            ? `A capability gap within tolerance measured with n ≥ ${countText(n)} samples per side on each workload${c.sampleGrowthFactor !== null ? ` (about ${multipleText(c.sampleGrowthFactor)} today's samples)` : ""}.`
            : `A capability gap within tolerance on larger test sets${c.sampleGrowthFactor !== null ? ` (about ${multipleText(c.sampleGrowthFactor)} today's samples)` : ""}.`,
      });
      return;
    }
    case "no-interval":
      limit(s, "hybrid");
      s.isConclusive = false;
      add(s, "capability", "limiting", `Capability gap ${pp(gap)} has no confidence interval: sample sizes (or stderr) are missing.`, keys);
      s.changes.push({ kind: "capability", direction: "towards-go", text: "Sample counts (or stderr) for every workload result, so the gap gets an interval." });
  }
}

function economicsRules(s: TState, input: TRecommendationInput): void {
  const e = input.economics;
  if (!e) {
    limit(s, "no-go");
    s.isConclusive = false;
    add(s, "economics", "blocker", `The economics could not be computed${input.economicsMissing ? `: ${input.economicsMissing}` : ""}. Without them there is no case for moving off ${input.incumbentName}.`);
    return;
  }
  if (e.status !== "complete") s.isConclusive = false;
  const plan = e.plannedTokensPerMonth;
  const moneyKeys = ["economics.apiUsdPerMonth", "economics.ownedUsdPerMonth", "economics.monthlySavingUsd"];
  const crossoverChange = (): void => {
    if (e.crossoverTokensPerMonth !== null) {
      const multiple = plan > 0 ? e.crossoverTokensPerMonth / plan : Number.POSITIVE_INFINITY;
      s.changes.push({
        kind: "economics",
        direction: "towards-go",
        text: Number.isFinite(multiple)
          ? `At ${multipleText(multiple)} today's volume (${tokensText(e.crossoverTokensPerMonth)}/month) owning becomes cheaper.`
          : `At ${tokensText(e.crossoverTokensPerMonth)}/month owning becomes cheaper.`,
      });
    } else if (e.crossoverTokensPerMonth === null) {
      const gpu = e.maxUsdPerGpuHourForCrossover;
      s.changes.push({
        kind: "economics",
        direction: "towards-go",
        text:
          `Owning costs ${usdText(e.ownedFullReplicaUsdPerMillionTokens)} per million tokens even on full replicas, against ${usdText(e.apiUsdPerMillionTokens)} for the API, so no volume makes it cheaper. ` +
          (gpu !== null && gpu > 0 ? `A GPU price below ${usdText(gpu)}/GPU-hour, or more throughput per replica, would change that.` : "Cheaper GPUs or more throughput per replica would change that."),
      });
    }
  };

  if (e.monthlySavingUsd > 0) {
    if (e.breakEvenMonth !== null) {
      add(
        s,
        "economics",
        "supporting",
        `Owning saves ${usdPerMonthText(e.monthlySavingUsd)} (${shareText(e.monthlySavingUsd / e.apiUsdPerMonth)} of the API bill) at the planned volume and breaks even in month ${e.breakEvenMonth}.`,
        [...moneyKeys, "economics.breakEvenMonth"],
      );
      if (e.probabilityOwnedCheaper !== null && e.probabilityOwnedCheaper < MIN_PROBABILITY_FOR_GO) {
        limit(s, "hybrid");
        add(s, "economics", "limiting", `Only ${shareText(e.probabilityOwnedCheaper)} of simulated scenarios favour owning (a go needs ${shareText(MIN_PROBABILITY_FOR_GO)}): the saving is thin against the uncertainty.`, ["monteCarlo.probabilityOwnedCheaper"]);
        s.changes.push({ kind: "economics", direction: "towards-go", text: `Narrower ranges on the inputs that swing the result most (see the tornado), or more volume, so that ≥ ${shareText(MIN_PROBABILITY_FOR_GO)} of scenarios favour owning.` });
      }
      if (e.crossoverTokensPerMonth !== null && e.crossoverTokensPerMonth < plan) {
        s.changes.push({
          kind: "economics",
          direction: "towards-no-go",
          text: `If volume fell below ${tokensText(e.crossoverTokensPerMonth)}/month (${shareText(e.crossoverTokensPerMonth / plan)} of today's), the API would be cheaper again.`,
        });
      }
      return;
    }
    limit(s, "no-go");
    add(
      s,
      "economics",
      "blocker",
      `Owning is cheaper per month (${usdPerMonthText(e.monthlySavingUsd)}), but ${usdText(e.oneTimeUsd)} of one-time costs are not recovered within ${e.horizonMonths} months.`,
      [...moneyKeys, "economics.oneTimeUsd", "economics.breakEvenMonth"],
    );
    if (e.horizonSavingBeforeOneTimeUsd > 0) {
      s.changes.push({ kind: "economics", direction: "towards-go", text: `One-time costs below ${usdText(e.horizonSavingBeforeOneTimeUsd)} (today ${usdText(e.oneTimeUsd)}) would break even within ${e.horizonMonths} months.` });
    }
    return;
  }

  if (e.breakEvenMonth !== null) {
    // Dearer today, but growth makes owning pay back within the horizon: phase traffic over.
    limit(s, "hybrid");
    add(
      s,
      "economics",
      "limiting",
      `At today's volume ${input.incumbentName} is cheaper by ${usdPerMonthText(-e.monthlySavingUsd)}, but with the planned growth owning pays back by month ${e.breakEvenMonth}: start on the API and move traffic over as volume grows${e.crossoverTokensPerMonth !== null ? ` past ${tokensText(e.crossoverTokensPerMonth)}/month` : ""}.`,
      [...moneyKeys, "economics.breakEvenMonth", "economics.crossoverTokensPerMonth"],
    );
    crossoverChange();
    return;
  }
  const hybridSaving = e.apiUsdPerMonth - e.bestHybridUsdPerMonth;
  const isHybridWorthIt = e.bestHybridShare > 0 && e.bestHybridShare < 1 && hybridSaving > MIN_HYBRID_SAVING_SHARE * e.apiUsdPerMonth;
  if (isHybridWorthIt) {
    limit(s, "hybrid");
    s.hybridShare = e.bestHybridShare;
    add(
      s,
      "economics",
      "limiting",
      `Owning all traffic costs ${usdPerMonthText(-e.monthlySavingUsd)} more than the API, but routing ${shareText(e.bestHybridShare)} of tokens to ${input.candidateName} fills whole replicas and saves ${usdPerMonthText(hybridSaving)}.`,
      [...moneyKeys, "economics.bestHybridShare"],
    );
    crossoverChange();
    return;
  }
  limit(s, "no-go");
  add(
    s,
    "economics",
    "blocker",
    `${input.incumbentName} is cheaper: ${usdPerMonthText(e.apiUsdPerMonth)} against ${usdPerMonthText(e.ownedUsdPerMonth)} to own at the planned volume.`,
    [...moneyKeys, "economics.crossoverTokensPerMonth"],
  );
  crossoverChange();
}

function safetyRules(s: TState, input: TRecommendationInput): void {
  const sf = input.safety;
  if (!sf || sf.status === "not-started" || sf.readinessPct === null) {
    add(s, "safety", "condition", "Safety hardening is not assessed: guard models, monitoring and incident response the API vendor ran are now yours.");
    s.conditions.push("Assess safety hardening (controls in place, planned, missing) before go-live.");
    return;
  }
  if (sf.readinessPct < LOW_SAFETY_READINESS_PCT) {
    add(s, "safety", "condition", `Safety readiness is ${pctText(sf.readinessPct)}${sf.topGaps.length > 0 ? `; largest gaps: ${sf.topGaps.join(", ")}` : ""}.`, ["safety.readinessPct"]);
    s.conditions.push(`Raise safety readiness above ${LOW_SAFETY_READINESS_PCT}% before go-live${sf.topGaps.length > 0 ? ` (start with ${sf.topGaps.join(", ")})` : ""}.`);
    s.changes.push({ kind: "safety", direction: "towards-go", text: `Safety readiness of ${LOW_SAFETY_READINESS_PCT}% or more (today ${pctText(sf.readinessPct)}) removes the go-live condition.` });
  } else {
    add(s, "safety", "supporting", `Safety readiness is ${pctText(sf.readinessPct)}.`, ["safety.readinessPct"]);
  }
}

function lifecycleRules(s: TState, input: TRecommendationInput): void {
  const l = input.lifecycle;
  if (!l) return;
  const basis = l.status === "not-started" ? " (default team template)" : "";
  const text = `Operating it takes about ${l.fteEquivalent.toFixed(1)} FTE-equivalent${basis}, ${usdPerMonthText(l.usdPerMonth)} in the owned cost.`;
  add(s, "lifecycle", l.level === "heavy" ? "condition" : "note", text, ["lifecycle.fteEquivalent", "lifecycle.totalUsdPerMonth"]);
  if (l.level === "heavy") s.conditions.push("Staff the lifecycle team (refreshes, patching, on-call) before go-live.");
  if (l.status === "not-started") s.isConclusive = false;
}

function headline(s: TState, input: TRecommendationInput): string {
  const top = s.reasons[0]?.text ?? "";
  if (s.verdict === "go") return `Go: self-host ${input.candidateName}; owning is cheaper at your volume and no check stands in the way.`;
  if (s.verdict === "hybrid") {
    return s.hybridShare !== null
      ? `Hybrid: route ${shareText(s.hybridShare)} of tokens to ${input.candidateName} and keep ${input.incumbentName} for the rest.`
      : `Hybrid: start ${input.candidateName} on part of the traffic and keep ${input.incumbentName} for the rest. ${top}`;
  }
  return `No-go: stay on ${input.incumbentName} for now. ${top}`;
}

export function recommend(input: TRecommendationInput): TRecommendation {
  const state: TState = { verdict: "go", reasons: [], changes: [], conditions: [], isConclusive: true, hybridShare: null };
  licenceRules(state, input);
  infrastructureRules(state, input);
  capabilityRules(state, input);
  economicsRules(state, input);
  safetyRules(state, input);
  lifecycleRules(state, input);
  state.reasons = rankReasons(state.reasons);
  if (state.verdict !== "hybrid") state.hybridShare = null;
  const relevantChanges = state.changes.filter((c) => (state.verdict === "go" ? c.direction === "towards-no-go" || c.kind === "safety" : c.direction === "towards-go"));
  return {
    verdict: state.verdict,
    headline: headline(state, input),
    isConclusive: state.isConclusive,
    reasons: state.reasons,
    conditions: state.conditions,
    whatWouldChange: relevantChanges,
    assumptions: [...input.defaultedInputs],
    hybridShareOpen: state.hybridShare,
  };
}
