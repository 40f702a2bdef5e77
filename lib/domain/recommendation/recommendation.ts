// The verdict: which real option to take. It is chosen from the options the report costed
// (options-types.ts): the cheapest option, by present value of its cash over the horizon, among
// those that meet every hard constraint and whose capability is known to meet the bar. It is never
// dearer than a feasible alternative unless a stated non-cost reason (capability not settled,
// risk) requires it, and that reason is printed. A verdict never rests on an unknown: when the
// cheaper route's licence or capability stage has no inputs, or nothing was costed, the verdict is
// "Not enough information" and names what is missing. Licence blockers, and constraints that
// exclude every option, give "Blocked" with the clause or the constraint.
import type { TCapabilityVerdict } from "../capability";
import type { TStageKey, TStageStatus } from "../shared";
import { STAGE_TITLES } from "../shared";
import { countText, multipleText, pctText, ppText, roundSig, shareText, tokensText, usdPerMonthText, usdText } from "../shared";
import { DECIDABLE_CAPABILITY, type TDecisionOption, type TOptionsContext } from "./options-types";

export * from "./options-types";

export type TVerdict = "insufficient" | "go-self-host" | "go-hosted" | "hybrid" | "stay" | "blocked";
export const VERDICTS: readonly TVerdict[] = ["go-self-host", "go-hosted", "hybrid", "stay", "blocked", "insufficient"];
export const VERDICT_LABELS: Record<TVerdict, string> = {
  insufficient: "Not enough information",
  "go-self-host": "Go: self-host",
  "go-hosted": "Go: hosted open weights",
  hybrid: "Hybrid",
  stay: "Stay on the API",
  blocked: "Blocked",
};

export type TReasonKind = "licence" | "capability" | "infrastructure" | "economics" | "safety" | "lifecycle" | "constraint" | "risk";
/**
 * blocker: stops the open-weights route. limiting: why a cheaper option was not chosen, or what
 * is missing. condition: to do before go-live. note: worth knowing. supporting: an argument for
 * the verdict. Reasons are ranked in this order.
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
  /** The option the verdict recommends (for Blocked by licence: the fallback kept meanwhile); null when none. */
  recommendedOptionId: string | null;
  /** Stages (or evidence) the verdict needs and does not have: "Not enough information" names them. */
  missing: string[];
  blockedBy: "licence" | "constraint" | null;
  /** Printed reasons the recommended option is dearer than a feasible alternative (empty when it is the cheapest). */
  nonCostReasons: string[];
  /** For a hybrid: the share of tokens routed to the open model. */
  hybridShareOpen: number | null;
};

export type TRecommendationInput = {
  candidateName: string;
  incumbentName: string;
  /** null: no licence could be resolved for the model. */
  licence: null | {
    status: TStageStatus;
    licenceName: string;
    blockers: { title: string; section?: string; quote?: string }[];
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
    workloads: { name: string; verdict: TCapabilityVerdict; samplesNeededPerSide: number | null; isPaired?: boolean }[];
  };
  infrastructure: null | { status: TStageStatus; fits: boolean; latencyTargetMet: boolean; gpuName: string };
  /** The configured self-hosted mode against the incumbent (the economics stage); null when it did not run. */
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
    horizonSavingBeforeOneTimeUsd: number;
    bestHybridShare: number;
    bestHybridUsdPerMonth: number;
    apiUsdPerMillionTokens: number;
    ownedFullReplicaUsdPerMillionTokens: number;
    maxUsdPerGpuHourForCrossover: number | null;
    probabilityOwnedCheaper: number | null;
  };
  economicsMissing?: string;
  safety: null | { status: TStageStatus; readinessPct: number | null; topGaps: string[] };
  lifecycle: null | { status: TStageStatus; fteEquivalent: number; level: "light" | "moderate" | "heavy"; usdPerMonth: number };
  defaultedInputs: string[];
  options: TDecisionOption[];
  context: TOptionsContext;
};

/** A self-hosted recommendation needs this share of Monte Carlo scenarios to favour owning (risk). */
export const MIN_PROBABILITY_FOR_GO = 0.7;
export const LOW_SAFETY_READINESS_PCT = 50;
/** Present values closer than this share are a tie: the status quo (then the API) wins a tie. */
export const TIE_SHARE = 1e-9;

const KIND_WEIGHT: Record<TReasonKind, number> = { licence: 90, constraint: 88, infrastructure: 85, capability: 80, risk: 78, economics: 75, safety: 50, lifecycle: 40 };

export function rankReasons(reasons: readonly TReason[]): TReason[] {
  const order = (r: TReason) => REASON_SEVERITY_ORDER.indexOf(r.severity);
  return [...reasons].sort((a, b) => order(a) - order(b) || b.weight - a.weight);
}

type TState = { reasons: TReason[]; changes: TChange[]; conditions: string[]; isConclusive: boolean };

function add(state: TState, kind: TReasonKind, severity: TReasonSeverity, text: string, figureKeys?: string[]): void {
  state.reasons.push({ kind, severity, weight: KIND_WEIGHT[kind], text, ...(figureKeys ? { figureKeys } : {}) });
}

const pp = (x: number) => ppText(x * 100);
const tol = (t: number) => `−${Math.abs(roundSig(t * 100, 2))} pp`;

/** Ranking order of options: present value, then the status quo, then closed APIs, then lower month-1 cost. */
export function compareOptions(a: TDecisionOption, b: TDecisionOption): number {
  const x = a.npvUsd ?? Number.POSITIVE_INFINITY;
  const y = b.npvUsd ?? Number.POSITIVE_INFINITY;
  const scale = Math.max(1, Math.abs(x), Math.abs(y));
  if (Math.abs(x - y) > TIE_SHARE * scale) return x - y;
  const rank = (o: TDecisionOption) => (o.isIncumbent ? 0 : o.family === "api" ? 1 : 2);
  return rank(a) - rank(b) || (a.monthlyUsd ?? 0) - (b.monthlyUsd ?? 0);
}

export function isDecidable(o: TDecisionOption): boolean {
  if (!o.isFeasible || !DECIDABLE_CAPABILITY.includes(o.capability.status)) return false;
  return !(o.isOpenModel && o.checks.some((c) => c.key === "licence" && c.status === "unknown"));
}

const cheapest = (list: readonly TDecisionOption[]) => [...list].sort(compareOptions)[0] ?? null;

// ---------------------------------------------------------------------------------------------
// Stage reasons: conditions and notes; the verdict itself comes from the options.

function licenceReasons(s: TState, input: TRecommendationInput): void {
  const l = input.licence;
  if (!l) {
    s.isConclusive = false;
    add(s, "licence", "condition", "No licence terms are on file for this model, so nothing was checked: complete licence diligence with counsel before any use.");
    s.conditions.push("Licence diligence: record the model's licence and review it with counsel.");
    return;
  }
  if (l.blockers.length > 0) {
    for (const b of l.blockers) add(s, "licence", "blocker", `${l.licenceName}: ${b.title}${b.section ? ` (${b.section})` : ""}.${b.quote ? ` "${b.quote}"` : ""}`, ["licence.blockers"]);
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

function capabilityReasons(s: TState, input: TRecommendationInput): void {
  const c = input.capability;
  const t = c?.tolerance ?? 0.03;
  if (!c || c.status === "not-started" || c.weightedGap === null) {
    s.isConclusive = false;
    s.changes.push({ kind: "capability", direction: "towards-go", text: `Results for ${input.candidateName} and ${input.incumbentName} on your own workloads, with a gap within the ${tol(t)} tolerance.` });
    return;
  }
  const gap = c.weightedGap;
  const bounds = c.interval ? ` (95% interval ${pp(c.interval.lower)} to ${pp(c.interval.upper)})` : "";
  const keys = ["capability.weightedGap", "capability.weightedGapLower", "capability.weightedGapUpper"];
  if (c.verdict === "pass") {
    add(s, "capability", "supporting", `Capability gap ${pp(gap)}${bounds} is within the ${tol(t)} tolerance.`, keys);
    return;
  }
  if (c.verdict === "fail") {
    const passing = c.workloads.filter((w) => w.verdict === "pass").map((w) => w.name);
    add(s, "capability", "note", `${input.candidateName} falls short of ${input.incumbentName}: gap ${pp(gap)}${bounds}, beyond the ${tol(t)} tolerance${passing.length > 0 ? `; it passes on ${passing.join(", ")}` : ""}.`, keys);
    s.changes.push({ kind: "capability", direction: "towards-go", text: `A capability gap within the ${tol(t)} tolerance: today the upper 95% limit is ${c.interval ? pp(c.interval.upper) : pp(gap)} (better prompts, fine-tuning or a larger model).` });
    return;
  }
  s.isConclusive = false;
  const needed = c.workloads.filter((w) => w.samplesNeededPerSide !== null).map((w) => w.samplesNeededPerSide as number);
  const n = needed.length > 0 ? Math.max(...needed) : null;
  const paired = c.workloads.some((w) => w.isPaired);
  add(s, "capability", "note", c.verdict === "no-interval" ? `Capability gap ${pp(gap)} has no confidence interval: sample sizes (or stderr) are missing.` : `The capability comparison is not settled: gap ${pp(gap)}${bounds} straddles the ${tol(t)} tolerance.`, keys);
  s.changes.push({
    kind: "capability",
    direction: "towards-go",
    text:
      n !== null
        ? `A capability gap within tolerance measured with n ≥ ${countText(n)} ${paired ? "paired items" : "samples per side"} on each workload${c.sampleGrowthFactor !== null ? ` (about ${multipleText(c.sampleGrowthFactor)} today's samples)` : ""}${paired ? "" : "; running both models on the same items (a paired design) needs fewer"}.`
        : `A capability gap within tolerance on larger test sets${c.sampleGrowthFactor !== null ? ` (about ${multipleText(c.sampleGrowthFactor)} today's samples)` : ""}.`,
  });
}

function safetyReasons(s: TState, input: TRecommendationInput): void {
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

function lifecycleReasons(s: TState, input: TRecommendationInput): void {
  const l = input.lifecycle;
  if (!l) return;
  const basis = l.status === "not-started" ? " (default team template)" : "";
  add(s, "lifecycle", l.level === "heavy" ? "condition" : "note", `Self-hosting takes about ${l.fteEquivalent.toFixed(1)} FTE-equivalent to operate${basis}, ${usdPerMonthText(l.usdPerMonth)} in the owned cost.`, ["lifecycle.fteEquivalent", "lifecycle.totalUsdPerMonth"]);
  if (l.level === "heavy") s.conditions.push("Staff the lifecycle team (refreshes, patching, on-call) before go-live.");
  if (l.status === "not-started") s.isConclusive = false;
}

/** The configured self-hosting mode's volume story: crossover and break-even (notes and changes). */
function economicsNotes(s: TState, input: TRecommendationInput): void {
  const e = input.economics;
  if (!e) return;
  if (e.status !== "complete") s.isConclusive = false;
  const plan = e.plannedTokensPerMonth;
  if (e.crossoverTokensPerMonth !== null && e.crossoverTokensPerMonth > plan) {
    const multiple = plan > 0 ? e.crossoverTokensPerMonth / plan : Number.POSITIVE_INFINITY;
    s.changes.push({
      kind: "economics",
      direction: "towards-go",
      text: Number.isFinite(multiple)
        ? `At ${multipleText(multiple)} today's volume (${tokensText(e.crossoverTokensPerMonth)}/month) self-hosting as configured becomes cheaper than ${input.incumbentName}.`
        : `At ${tokensText(e.crossoverTokensPerMonth)}/month self-hosting becomes cheaper.`,
    });
  } else if (e.crossoverTokensPerMonth !== null && e.crossoverTokensPerMonth < plan) {
    s.changes.push({ kind: "economics", direction: "towards-no-go", text: `If volume fell below ${tokensText(e.crossoverTokensPerMonth)}/month (${shareText(e.crossoverTokensPerMonth / plan)} of today's), ${input.incumbentName} would be cheaper than self-hosting again.` });
  } else if (e.crossoverTokensPerMonth === null) {
    const gpu = e.maxUsdPerGpuHourForCrossover;
    s.changes.push({
      kind: "economics",
      direction: "towards-go",
      text:
        `Self-hosting costs ${usdText(e.ownedFullReplicaUsdPerMillionTokens)} per million tokens even on full replicas, against ${usdText(e.apiUsdPerMillionTokens)} for ${input.incumbentName}, so no volume makes it cheaper. ` +
        (gpu !== null && gpu > 0 ? `A GPU price below ${usdText(gpu)}/GPU-hour, or more throughput per replica, would change that.` : "Cheaper GPUs or more throughput per replica would change that."),
    });
  }
  if (e.breakEvenMonth !== null && e.monthlySavingUsd <= 0) {
    add(s, "economics", "note", `At today's volume ${input.incumbentName} is cheaper than self-hosting by ${usdPerMonthText(-e.monthlySavingUsd)}, but with the planned growth self-hosting pays back by month ${e.breakEvenMonth}.`, ["economics.breakEvenMonth"]);
  }
}

// ---------------------------------------------------------------------------------------------

function optionCost(o: TDecisionOption, horizon: number | null): string {
  return `${usdText(o.npvUsd ?? 0)} present cost over ${horizon ?? "the"} months (${usdPerMonthText(o.monthlyUsd ?? 0)} at today's volume)`;
}

/** Why a cheaper option was not chosen, in a sentence; null when it has no non-cost reason (it would be chosen). */
function whyNot(o: TDecisionOption): { kind: TReasonKind; text: string } | null {
  if (!DECIDABLE_CAPABILITY.includes(o.capability.status)) return { kind: "capability", text: o.capability.text };
  const licence = o.checks.find((c) => c.key === "licence" && c.status === "unknown");
  if (o.isOpenModel && licence) return { kind: "licence", text: licence.text };
  return null;
}

export function recommend(input: TRecommendationInput): TRecommendation {
  const s: TState = { reasons: [], changes: [], conditions: [], isConclusive: true };
  licenceReasons(s, input);
  capabilityReasons(s, input);
  economicsNotes(s, input);
  safetyReasons(s, input);
  lifecycleReasons(s, input);
  const horizon = input.context.horizonMonths;
  const out = (verdict: TVerdict, headline: string, extra: Partial<TRecommendation> = {}): TRecommendation => {
    const reasons = rankReasons(s.reasons);
    const direction = verdict === "go-self-host" || verdict === "go-hosted" ? "towards-no-go" : "towards-go";
    return {
      verdict,
      headline,
      isConclusive: s.isConclusive && verdict !== "insufficient",
      reasons,
      conditions: s.conditions,
      whatWouldChange: s.changes.filter((c) => c.direction === direction || c.kind === "safety"),
      assumptions: [...input.defaultedInputs],
      recommendedOptionId: null,
      missing: [],
      blockedBy: null,
      nonCostReasons: [],
      hybridShareOpen: null,
      ...extra,
    };
  };

  // 1. Nothing costed: not enough information, never "no-go".
  const costed = input.options.filter((o) => o.npvUsd !== null);
  if (input.context.notCostedReason || costed.length === 0) {
    const missing = input.context.missingStages.length > 0 ? input.context.missingStages.map((k) => STAGE_TITLES[k]) : [`Economics (${input.context.notCostedReason ?? "nothing could be costed"})`];
    add(s, "economics", "limiting", `No option could be costed: ${input.context.notCostedReason ?? input.economicsMissing ?? "a price or the volume is missing"}.`);
    return out("insufficient", `Not enough information: complete ${missing.join(", ")} to compare the options.`, { missing });
  }

  const feasible = costed.filter((o) => o.isFeasible);
  const decidable = feasible.filter(isDecidable);
  const excluded = costed.filter((o) => !o.isFeasible);
  for (const group of groupExclusions(excluded)) add(s, "constraint", "note", group);

  // 2. A licence blocker stops the open-weights route; the API stays meanwhile.
  const l = input.licence;
  if (l && l.blockers.length > 0) {
    const fallback = cheapest(decidable.filter((o) => !o.isOpenModel));
    const clauses = l.blockers.map((b) => `${b.title}${b.section ? ` (${b.section})` : ""}`).join("; ");
    return out("blocked", `Blocked by the licence: ${l.licenceName}: ${clauses}.${fallback ? ` Meanwhile stay on ${fallback.label}.` : ""}`, {
      blockedBy: "licence",
      recommendedOptionId: fallback?.id ?? null,
    });
  }

  // 3. Every option breaks a hard constraint.
  if (feasible.length === 0) {
    add(s, "constraint", "blocker", `Every option breaks a hard constraint: ${[...new Set(excluded.flatMap((o) => o.checks.filter((c) => c.status === "broken").map((c) => c.key)))].join(", ")}.`);
    return out("blocked", `Blocked: no option meets your constraints. ${excluded[0]?.exclusions[0] ?? ""}`.trim(), { blockedBy: "constraint" });
  }

  let best = cheapest(decidable);
  const nonCost: string[] = [];

  // 4. Risk: a self-hosted pick most scenarios do not favour is not taken over a cheaper-to-risk option.
  const p = input.economics?.probabilityOwnedCheaper ?? null;
  if (best && best.family === "self-hosted" && best.isConfiguredSelfHost && p !== null && p < MIN_PROBABILITY_FOR_GO) {
    const safer = cheapest(decidable.filter((o) => o.family !== "self-hosted" && o.family !== "hybrid"));
    if (safer) {
      const text = `${best.label} has the lowest present cost, but only ${shareText(p)} of simulated scenarios favour it (needs ${shareText(MIN_PROBABILITY_FOR_GO)}): the saving is thin against the uncertainty.`;
      add(s, "risk", "limiting", text, ["monteCarlo.probabilityOwnedCheaper"]);
      nonCost.push(text);
      s.changes.push({ kind: "risk", direction: "towards-go", text: `Narrower ranges on the inputs that swing the result most (see the tornado), or more volume, so that ≥ ${shareText(MIN_PROBABILITY_FOR_GO)} of scenarios favour self-hosting.` });
      best = safer;
    }
  }

  // 5. Cheaper feasible options the verdict cannot take: a missing stage makes it "not enough information".
  const cheaper = feasible.filter((o) => best === null || compareOptions(o, best) < 0).sort(compareOptions);
  const missing: string[] = [];
  for (const o of cheaper) {
    if (!o.isOpenModel) continue;
    if (o.capability.status === "not-validated" && (input.capability === null || input.capability.status === "not-started" || input.capability.weightedGap === null)) missing.push(STAGE_TITLES.capability);
    if (o.checks.some((c) => c.key === "licence" && c.status === "unknown") && input.licence?.status === "not-started") missing.push(STAGE_TITLES.licence);
  }
  const uniqueMissing = [...new Set(missing)];
  const topCheaper = cheaper[0];
  if (uniqueMissing.length > 0 && topCheaper) {
    add(s, "capability", "limiting", `${topCheaper.label} would cost ${optionCost(topCheaper, horizon)}${best ? ` against ${usdText(best.npvUsd ?? 0)} for ${best.label}` : ""}, but ${uniqueMissing.join(" and ")} ${uniqueMissing.length > 1 ? "have" : "has"} no inputs yet.`);
    return out("insufficient", `Not enough information: complete ${uniqueMissing.join(" and ")}. ${topCheaper.label} could cost ${usdPerMonthText(topCheaper.monthlyUsd ?? 0)}${best ? ` against ${usdPerMonthText(best.monthlyUsd ?? 0)} for ${best.label}` : ""}.`, {
      missing: uniqueMissing,
      recommendedOptionId: null,
    });
  }
  if (!best) {
    const top = cheaper[0] ?? cheapest(feasible);
    const reason = top ? whyNot(top) : null;
    const incumbentOut = excluded.find((o) => o.isIncumbent);
    const keys = incumbentOut ? [...new Set(incumbentOut.checks.filter((c) => c.status === "broken").map((c) => CONSTRAINT_NAMES[c.key] ?? c.key))].join(" and ") : "";
    add(s, "capability", "limiting", `No option that meets your constraints has its capability settled${top ? `: the cheapest, ${top.label} (${usdPerMonthText(top.monthlyUsd ?? 0)}): ${reason ? reason.text : "not validated"}` : ""}.`);
    return out(
      "insufficient",
      `Not enough information: ${incumbentOut ? `${input.incumbentName} as used today is excluded by ${keys}, and ` : ""}no option that meets your constraints has settled capability${top ? ` (cheapest: ${top.label}, ${usdPerMonthText(top.monthlyUsd ?? 0)})` : ""}. Settle the capability comparison first.`,
      { missing: ["Capability evidence for the options that meet your constraints"] },
    );
  }
  // Cheaper routes not taken, each with its printed reason: open-weights options one by one, other API offerings together.
  for (const o of cheaper.filter((x) => x.isOpenModel).slice(0, 3)) {
    const reason = whyNot(o);
    if (!reason) continue;
    const text = `${o.label} is cheaper (${usdText(o.npvUsd ?? 0)} against ${usdText(best.npvUsd ?? 0)} over ${horizon} months) but is not recommended: ${reason.text}`;
    add(s, reason.kind, "limiting", text);
    nonCost.push(text);
  }
  const cheaperApis = cheaper.filter((x) => !x.isOpenModel && whyNot(x) !== null);
  if (cheaperApis.length > 0) {
    const text = `${cheaperApis.length} other API offering(s) cost less but are not validated on your workloads (${cheaperApis
      .slice(0, 3)
      .map((o) => `${o.label} ${usdPerMonthText(o.monthlyUsd ?? 0)}`)
      .join("; ")}${cheaperApis.length > 3 ? "; …" : ""}): validate one on your workloads before switching tier.`;
    add(s, "capability", "limiting", text);
    nonCost.push(text);
  }
  if (best.family === "api") {
    const open = cheapest(feasible.filter((o) => o.isOpenModel));
    if (open && compareOptions(open, best) > 0) {
      add(s, "economics", "note", `The cheapest open-weights route that meets your constraints, ${open.label}, costs ${optionCost(open, horizon)}: more than ${best.label}.`, ["options.cheapestOpen"]);
    }
  }

  // 6. The verdict follows the chosen option's family.
  const incumbent = input.options.find((o) => o.isIncumbent) ?? null;
  const vsIncumbent =
    incumbent && incumbent.id !== best.id && incumbent.npvUsd !== null
      ? incumbent.isFeasible
        ? ` against ${usdText(incumbent.npvUsd)} for ${input.incumbentName} as used today`
        : `; ${input.incumbentName} as used today is excluded (${incumbent.exclusions[0]})`
      : "";
  add(s, "economics", "supporting", `Recommended, ${best.label}: ${optionCost(best, horizon)}${vsIncumbent}; the cheapest option that meets every constraint and the capability bar${nonCost.length > 0 ? " (with the reasons above)" : ""}.`, ["options.recommended"]);
  const extra = { recommendedOptionId: best.id, nonCostReasons: nonCost };
  const saving = incumbent && incumbent.monthlyUsd !== null && best.monthlyUsd !== null && incumbent.id !== best.id ? incumbent.monthlyUsd - best.monthlyUsd : null;
  const savingText =
    saving !== null && incumbent?.isFeasible
      ? saving >= 0
        ? `, ${usdPerMonthText(saving)} less than today`
        : `, ${usdPerMonthText(-saving)} more than today in month 1 but less over the horizon`
      : incumbent && !incumbent.isFeasible && incumbent.id !== best.id
        ? `; today's ${input.incumbentName} is excluded by ${[...new Set(incumbent.checks.filter((c) => c.status === "broken").map((c) => CONSTRAINT_NAMES[c.key] ?? c.key))].join(" and ")}`
        : "";
  switch (best.family) {
    case "self-hosted":
      return out("go-self-host", `Go: ${best.label} (${usdPerMonthText(best.monthlyUsd ?? 0)}${savingText}).`, extra);
    case "hosted-open":
      return out("go-hosted", `Go: ${best.label} (${usdPerMonthText(best.monthlyUsd ?? 0)}${savingText}).`, extra);
    case "hybrid":
      return out("hybrid", `${best.label} (${usdPerMonthText(best.monthlyUsd ?? 0)}${savingText}): the cheapest option that meets your constraints.`, { ...extra, hybridShareOpen: best.openShare });
    default:
      return out(
        "stay",
        best.isIncumbent
          ? `Stay on ${input.incumbentName}: it is the cheapest option that meets your constraints and the capability bar${
              cheaper.some((o) => o.isOpenModel && whyNot(o))
                ? "; cheaper open-weights routes are not settled yet (see the reasons)"
                : nonCost.length > 0
                  ? "; cheaper API offerings are not validated on your workloads (see the reasons)"
                  : ""
            }.`
          : `Stay on the API, and switch to ${best.label} (${usdPerMonthText(best.monthlyUsd ?? 0)}${savingText}).`,
        extra,
      );
  }
}

const CONSTRAINT_NAMES: Record<string, string> = { residency: "data residency", processing: "who may process the data", latency: "the latency target", licence: "the licence", fit: "the GPU configuration", cost: "a missing price" };

/** One note per constraint that excluded options: "Excluded by residency: A, B; …". */
function groupExclusions(excluded: readonly TDecisionOption[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const o of excluded) {
    const check = o.checks.find((c) => c.status === "broken");
    if (!check) continue;
    byKey.set(check.key, [...(byKey.get(check.key) ?? []), o.label]);
  }
  return [...byKey].map(([key, labels]) => `Excluded by ${CONSTRAINT_NAMES[key] ?? key} (${labels.length}): ${labels.slice(0, 4).join("; ")}${labels.length > 4 ? "; …" : "."}`);
}

/** For the stage names of a not-started verdict: which stages the verdict rests on have no inputs. */
export function missingVerdictStages(statuses: Record<TStageKey, TStageStatus>): TStageKey[] {
  return (["licence", "capability", "economics"] as const).filter((k) => statuses[k] === "not-started");
}
