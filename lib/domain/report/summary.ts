// The parts of the report drawn from all stages: key figures, the recommendation's input, sources.
import type { TCapabilityResult } from "../capability";
import { catalogAge, SAFETY_REFERENCES } from "../catalog";
import type { TEconomicsResult } from "../economics";
import { finiteOrNull } from "../shared";
import type { TFigure } from "../shared";
import type { TLifecycleResult } from "../lifecycle";
import { findFigure, makeFigure } from "../shared";
import type { TDecisionOption, TOptionsContext, TRecommendationInput } from "../recommendation";
import type { TAssumption, TKeyFigures, TReportCharts, TReportSource, TReportStages } from "./types";
import type { TSafetyResult } from "../safety";
import type { TSizingResult } from "../sizing";
import type { TProvenance } from "../shared";

const toPp = (x: number | null | undefined) => (x === null || x === undefined ? null : x * 100);

function pick(figures: readonly TFigure[], key: string, fallback: { label: string; unit: string; formula: string; why: string }, keyAs?: string): TFigure {
  const found = findFigure(figures, key);
  if (found) return keyAs ? { ...found, key: keyAs } : found;
  return makeFigure(keyAs ?? key, fallback.label, null, fallback.unit, fallback.formula, `Not known: ${fallback.why}.`);
}

export function buildKeyFigures(args: {
  stages: TReportStages;
  economics: TEconomicsResult | null;
  economicsMissing: string | null;
  capability: TCapabilityResult | null;
  safety: TSafetyResult | null;
  lifecycle: TLifecycleResult | null;
  charts: TReportCharts;
}): TKeyFigures {
  const { stages, economics: e, capability: c } = args;
  const why = args.economicsMissing ?? "economics not computed";
  const econFigures = stages.economics.figures;
  const isSafetyKnown = stages.safety.status !== "not-started" && args.safety !== null;
  const isLifecycleKnown = stages.lifecycle.status !== "not-started" && args.lifecycle !== null;
  const licenceDetail = stages.licence.detail;
  const isLicenceKnown = licenceDetail !== null && (stages.licence.status !== "not-started" || licenceDetail.summary.hasBlocker);
  const mc = args.charts.monteCarlo;
  const crossover: TKeyFigures["crossover"] = !e
    ? { kind: "unknown" }
    : e.crossover.kind === "volume"
      ? { kind: "volume", tokensPerMonth: e.crossover.tokensPerMonth, replicas: e.crossover.replicas, multipleOfPlan: e.plannedTokensPerMonth > 0 ? finiteOrNull(e.crossover.tokensPerMonth / e.plannedTokensPerMonth) : null }
      : { kind: "never", reason: e.crossover.reason };
  const hasCapability = c !== null && c.overall.weightedGap !== null;

  const money = (key: string, label: string, unit = "USD/month") => pick(econFigures, key, { label, unit, formula: "see the economics stage", why });
  const figures: TFigure[] = [
    money("economics.apiUsdPerMonth", "API cost per month"),
    money("economics.ownedUsdPerMonth", "Owned cost per month"),
    money("economics.monthlySavingUsd", "Monthly saving from owning"),
    money("economics.apiUsdPerMillionTokens", "API cost per million tokens (blended)", "USD/M tokens"),
    money("economics.ownedUsdPerMillionTokens", "Owned cost per million tokens at the plan", "USD/M tokens"),
    money("economics.crossoverTokensPerMonth", "Crossover volume", "tokens/month"),
    money("economics.breakEvenMonth", "Break-even month", "month"),
    pick(mc?.figures ?? [], "monteCarlo.probabilityOwnedCheaper", { label: "Chance owning is cheaper at the planned volume", unit: "probability", formula: "share of Monte Carlo samples with API − owned > 0", why }),
    pick(stages.capability.figures, "capability.weightedGap", { label: "Weighted capability gap (candidate − incumbent)", unit: "pp", formula: "G = Σ wᵢ·gᵢ / Σ wᵢ × 100", why: "no workload has both results" }),
    pick(stages.capability.figures, "capability.weightedGapLower", { label: "Weighted gap, 95% lower limit", unit: "pp", formula: "MOVER", why: "no interval" }),
    pick(stages.capability.figures, "capability.weightedGapUpper", { label: "Weighted gap, 95% upper limit", unit: "pp", formula: "MOVER", why: "no interval" }),
    makeFigure(
      "licence.blockers",
      "Licence blockers",
      isLicenceKnown && licenceDetail ? licenceDetail.summary.counts.blocker : null,
      "findings",
      "count of findings whose severity is blocker",
      isLicenceKnown ? undefined : `Not known: ${licenceDetail ? "licence diligence not started" : "no licence on file for the model"}.`,
    ),
    pick(isSafetyKnown ? stages.safety.figures : [], "safety.readinessPct", { label: "Safety readiness", unit: "%", formula: "Σ weight of in-place controls / Σ weight of applicable controls × 100", why: "safety hardening not started" }),
    pick(isLifecycleKnown ? stages.lifecycle.figures : [], "lifecycle.totalFte", { label: "Staffed FTE", unit: "FTE", formula: "Σ FTE over roles", why: "lifecycle operations not started" }),
    pick(isLifecycleKnown ? stages.lifecycle.figures : [], "lifecycle.fteEquivalent", { label: "Operational burden (FTE-equivalent)", unit: "FTE", formula: "FTE + refresh and patching work as FTE", why: "lifecycle operations not started" }),
  ];

  return {
    plannedTokensPerMonth: e ? e.plannedTokensPerMonth : null,
    monthlyApiCostUsd: e ? e.api.usdPerMonth : null,
    monthlyOwnedCostUsd: e ? e.owned.usdPerMonth : null,
    monthlySavingUsd: e ? e.monthlySavingUsd : null,
    apiUsdPerMillionTokens: e ? e.api.usdPerMillionTokens : null,
    ownedUsdPerMillionTokens: e ? e.owned.usdPerMillionTokens : null,
    crossover,
    breakEvenMonth: e ? e.breakEvenMonth : null,
    horizonMonths: e && stages.economics.detail ? stages.economics.detail.inputs.horizonMonths : null,
    bestHybridShare: e ? e.hybrid.bestShare : null,
    probabilityOwnedCheaper: mc ? mc.probabilityOwnedCheaper : null,
    capability: {
      verdict: hasCapability ? c.overall.verdict : "not-assessed",
      weightedGapPp: hasCapability ? toPp(c.overall.weightedGap) : null,
      lowerPp: hasCapability ? toPp(c.overall.interval?.lower) : null,
      upperPp: hasCapability ? toPp(c.overall.interval?.upper) : null,
      tolerancePp: c ? c.toleranceScore * 100 : null,
    },
    // A blocker found on default facts is real (a research-only licence); "none" on default facts says nothing yet.
    licenceBlockers: isLicenceKnown && licenceDetail ? licenceDetail.summary.counts.blocker : null,
    licenceNeedsCounsel: isLicenceKnown && licenceDetail ? licenceDetail.summary.counts["needs-counsel"] : null,
    safetyReadinessPct: isSafetyKnown ? (args.safety as TSafetyResult).readinessPct : null,
    lifecycleFte: isLifecycleKnown ? (args.lifecycle as TLifecycleResult).burden.totalFte : null,
    lifecycleFteEquivalent: isLifecycleKnown ? (args.lifecycle as TLifecycleResult).burden.fteEquivalent : null,
    figures,
  };
}

export function buildRecommendationInput(args: {
  stages: TReportStages;
  candidateName: string;
  incumbentName: string;
  economics: TEconomicsResult | null;
  economicsMissing: string | null;
  capability: TCapabilityResult | null;
  sizing: TSizingResult | null;
  gpuName: string;
  safety: TSafetyResult | null;
  lifecycle: TLifecycleResult | null;
  charts: TReportCharts;
  assumptions: readonly TAssumption[];
  options: TDecisionOption[];
  context: TOptionsContext;
}): TRecommendationInput {
  const { stages, economics: e, capability: c } = args;
  const licence = stages.licence.detail;
  const findingsAll = licence?.findings ?? [];
  const econDetail = stages.economics.detail;
  return {
    candidateName: args.candidateName,
    incumbentName: args.incumbentName,
    licence: licence
      ? {
          status: stages.licence.status,
          licenceName: licence.licence.name,
          blockers: findingsAll
            .filter((f) => f.severity === "blocker")
            .map((f) => ({ title: f.title, ...(f.clause.section ? { section: f.clause.section } : {}), ...(f.clause.isVerbatim ? { quote: f.clause.quote } : {}) })),
          needsCounsel: findingsAll.filter((f) => f.severity === "needs-counsel").map((f) => ({ title: f.title })),
        }
      : null,
    capability: c
      ? {
          status: stages.capability.status,
          verdict: c.overall.verdict,
          weightedGap: c.overall.weightedGap,
          interval: c.overall.interval,
          tolerance: c.toleranceScore,
          sampleGrowthFactor: c.overall.sampleGrowthFactor,
          workloads: c.workloads.map((w) => ({ name: w.name, verdict: w.verdict, samplesNeededPerSide: w.samplesNeededPerSide, isPaired: w.method === "paired-newcombe" })),
        }
      : null,
    infrastructure: args.sizing
      ? { status: stages.infrastructure.status, fits: args.sizing.fits, latencyTargetMet: args.sizing.throughput?.latencyTargetMet ?? true, gpuName: args.gpuName }
      : null,
    economics:
      e && econDetail
        ? {
            status: stages.economics.status,
            plannedTokensPerMonth: e.plannedTokensPerMonth,
            apiUsdPerMonth: e.api.usdPerMonth,
            ownedUsdPerMonth: e.owned.usdPerMonth,
            monthlySavingUsd: e.monthlySavingUsd,
            crossoverTokensPerMonth: e.crossover.kind === "volume" ? e.crossover.tokensPerMonth : null,
            breakEvenMonth: e.breakEvenMonth,
            horizonMonths: econDetail.inputs.horizonMonths,
            oneTimeUsd: e.oneTimeUsd,
            horizonSavingBeforeOneTimeUsd: econDetail.horizonSavingBeforeOneTimeUsd,
            bestHybridShare: e.hybrid.bestShare,
            bestHybridUsdPerMonth: e.hybrid.bestUsdPerMonth,
            apiUsdPerMillionTokens: e.api.usdPerMillionTokens,
            ownedFullReplicaUsdPerMillionTokens: e.owned.fullReplicaUsdPerMillionTokens,
            maxUsdPerGpuHourForCrossover: econDetail.maxUsdPerGpuHourForCrossover,
            probabilityOwnedCheaper: args.charts.monteCarlo?.probabilityOwnedCheaper ?? null,
          }
        : null,
    ...(args.economicsMissing ? { economicsMissing: args.economicsMissing } : {}),
    safety: args.safety
      ? {
          status: stages.safety.status,
          readinessPct: args.safety.readinessPct,
          topGaps: args.safety.gaps.filter((g) => g.status === "missing").slice(0, 3).map((g) => g.name),
        }
      : null,
    lifecycle: args.lifecycle
      ? { status: stages.lifecycle.status, fteEquivalent: args.lifecycle.burden.fteEquivalent, level: args.lifecycle.burden.level, usdPerMonth: args.lifecycle.cost.totalUsdPerMonth }
      : null,
    defaultedInputs: args.assumptions.map((a) => `${a.label}: ${a.display}`),
    options: args.options,
    context: args.context,
  };
}

// ---------------------------------------------------------------------------------------------
// Sources

export type TSourceUse = { provenance: TProvenance; backs: string };

/** Every source once, with what it backs and, for catalog sources, its age on `todayIso`. */
export function collectSources(uses: readonly TSourceUse[], todayIso: string): TReportSource[] {
  const byKey = new Map<string, TReportSource>();
  const add = (key: string, source: Omit<TReportSource, "backs">, backs: string) => {
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.backs.includes(backs)) existing.backs.push(backs);
      return;
    }
    byKey.set(key, { ...source, backs: [backs] });
  };
  for (const { provenance: p, backs } of uses) {
    const base = { asOf: p.asOf, verification: p.verification, age: p.verification === "user" ? null : catalogAge(p.asOf, todayIso), ...(p.note ? { note: p.note } : {}) };
    if (p.sourceUrls.length === 0) add(`user:${p.asOf}:${backs}`, { url: null, ...base }, backs);
    for (const url of p.sourceUrls) add(url, { url, ...base }, backs);
  }
  return [...byKey.values()];
}

export function safetyReferenceUses(): TSourceUse[] {
  return [
    { provenance: SAFETY_REFERENCES["owasp-llm-2025"].provenance, backs: "Safety controls mapped to the OWASP Top 10 for LLM Applications 2025" },
    { provenance: SAFETY_REFERENCES["nist-ai-600-1"].provenance, backs: "Safety controls mapped to NIST AI 600-1 risks" },
  ];
}
