// buildReport: the one function every screen, the comparison view and the PDF draw from. It
// resolves catalog entries, fills every missing input with a stated default (recorded as an
// assumption), runs the six stages, wires them into the economics, and adds the tornado, the Monte
// Carlo and the recommendation. Pure and deterministic: the same inputs and seed give the same
// report, and the report is plain JSON.
import { stageStatuses, type TAssessmentInputs } from "../assessment";
import { STAGE_KEYS } from "../shared";
import { CATALOG_DATE, catalogAge } from "../catalog";
import { missingVerdictStages, recommend } from "../recommendation";
import { buildFinance } from "./finance";
import { buildLeverage } from "./leverage";
import { buildOptions, resolveConstraints, resolveFinanceSettings } from "./options";
import { createAssumptionLog, resolveCandidate, resolveGpu, resolveIncumbent, resolveLicence, resolvePricing } from "./context";
import { buildEconomicsStage, resolveVolume } from "./economics";
import { buildAdaptationStage } from "./stage-adaptation";
import { buildInfrastructureStage, resolveRequestShape } from "./stage-infrastructure";
import { buildCapabilityStage, buildLicenceStage } from "./stage-licence-capability";
import { buildLifecycleStage, buildSafetyStage } from "./stage-safety-lifecycle";
import { buildKeyFigures, buildRecommendationInput, collectSources, safetyReferenceUses, type TSourceUse } from "./summary";
import type { TReport, TReportStages } from "./types";
import type { TPriceBook } from "../assessment";

export * from "./types";
export { compareReports, type TComparison, type TComparisonRow, type TComparisonCell, type TLicenceFindingDiff } from "./compare";
export { horizonNetSavingUsd } from "./economics";

export const DEFAULT_MONTE_CARLO_SAMPLES = 10_000;
export const DEFAULT_MONTE_CARLO_SEED = 1;

export type TReportAssessment = {
  id: string;
  title: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  status: string;
  version: number;
  /** ISO 8601 string (the caller converts the Date). */
  updatedAt: string;
};

export type TBuildReportArgs = {
  assessment: TReportAssessment;
  inputs: TAssessmentInputs;
  /** The organisation's price book; its figures apply where the assessment entered none. */
  priceBook?: TPriceBook | null;
  options?: {
    monteCarloSamples?: number;
    seed?: number;
    /**
     * Timing hook for benchmarks: the engine stays pure, so the caller passes its clock and is told
     * how long the layout search took. Nothing of it enters the report.
     */
    timing?: { now: () => number; onLayoutSearch: (ms: number) => void };
    /**
     * The day (YYYY-MM-DD) source ages are counted to: the caller's today. Absent, the assessment's
     * last update, so a report stays a pure function of its arguments.
     */
    today?: string;
  };
};

/** "OpenAI gpt-4o (2024-08-06 and later)" reads as "OpenAI gpt-4o" in sentences. */
function shortApiName(vendor: string, model: string): string {
  return `${vendor} ${model.replace(/\s*\(.*\)\s*$/, "")}`;
}

export function buildReport({ assessment, inputs, priceBook = null, options = {} }: TBuildReportArgs): TReport {
  const monteCarlo = { samples: options.monteCarloSamples ?? DEFAULT_MONTE_CARLO_SAMPLES, seed: options.seed ?? DEFAULT_MONTE_CARLO_SEED };
  const log = createAssumptionLog(priceBook);
  const warnings: string[] = [];
  const statuses = stageStatuses(inputs);

  const { model, isCustom } = resolveCandidate(assessment.candidateModelId, inputs, warnings);
  const incumbent = resolveIncumbent(assessment.incumbentApiId, inputs, warnings, log);
  const licenceWarnings: string[] = [];
  const { licence, isOverride } = resolveLicence(model, inputs, licenceWarnings);
  const candidateName = model?.name ?? assessment.candidateModelId;
  const incumbentName = incumbent.price ? shortApiName(incumbent.price.vendor, incumbent.price.model) : assessment.incumbentApiId;

  const licenceStage = buildLicenceStage({ inputs, status: statuses.licence, log, licence, isOverride, model });
  licenceStage.warnings.unshift(...licenceWarnings);
  const capability = buildCapabilityStage({ inputs, status: statuses.capability, log, candidateName, incumbentName });

  const pricingWarnings: string[] = [];
  const selected = resolveGpu(inputs, log, pricingWarnings);
  const selectedPricing = resolvePricing(inputs, selected.gpu, log, pricingWarnings);
  const shape = resolveRequestShape(inputs, log);
  const volume = resolveVolume(inputs, shape, log);
  const infrastructure = buildInfrastructureStage({
    inputs,
    status: statuses.infrastructure,
    log,
    model,
    gpu: selected.gpu,
    resolvedGpu: selected.resolved,
    pricing: selectedPricing,
    pricingWarnings,
    shape,
    tokensPerMonth: volume ? volume.inputTokensPerMonth + volume.outputTokensPerMonth : null,
    ...(options.timing ? { now: options.timing.now } : {}),
  });
  options.timing?.onLayoutSearch(infrastructure.searchMs);
  // The layout search may have chosen another GPU: adaptation trains on it and economics prices it.
  const { gpu, pricing, servedPrecision, servedQuality } = infrastructure;
  const adaptation = buildAdaptationStage({ inputs, status: statuses.adaptation, log, model, gpu, servedPrecision, servedQuality, onDemandUsdPerGpuHour: pricing.onDemandUsdPerGpuHour });
  const safety = buildSafetyStage({ inputs, status: statuses.safety, log });
  const lifecycle = buildLifecycleStage({ inputs, status: statuses.lifecycle, log, retuneUsdDefault: adaptation.plan?.computeUsd ?? 0 });
  const economics = buildEconomicsStage({
    inputs,
    status: statuses.economics,
    log,
    volume,
    incumbent,
    sizing: infrastructure.sizing,
    pricingMode: pricing.pricing.mode,
    reservedDiscountPercent: pricing.pricing.reservedDiscountPercent,
    shape,
    lifecycle: lifecycle.result,
    safetyCountedUsdPerMonth: safety.countedUsdPerMonth,
    adaptationOneTimeUsd: adaptation.plan?.oneTimeCostUsd ?? 0,
    monteCarlo,
  });

  const constraints = resolveConstraints(inputs, log);
  const financeSettings = resolveFinanceSettings(inputs, log);
  const licenceDetail = licenceStage.detail;
  const optionsResult = buildOptions({
    inputs,
    log,
    volume,
    promptTokensPerRequest: shape.promptTokensPerRequest,
    incumbent,
    incumbentId: assessment.incumbentApiId,
    incumbentName,
    model,
    candidateName,
    gpu,
    pricing,
    sizing: infrastructure.sizing,
    ownedParts: economics.ownedParts,
    capability: capability.result,
    capabilityStatus: statuses.capability,
    licence: { detail: licenceDetail, isKnown: licenceDetail !== null && (statuses.licence !== "not-started" || licenceDetail.summary.hasBlocker) },
    adaptationMethod: adaptation.stage.detail?.method ?? "none",
    constraints,
    finance: financeSettings,
  });
  const leverage = buildLeverage({
    result: optionsResult,
    incumbentId: assessment.incumbentApiId,
    incumbentName,
    candidateName,
    ownedParts: economics.ownedParts,
    refreshesPerYear: statuses.lifecycle !== "not-started" ? (inputs.lifecycle?.refresh?.refreshesPerYear ?? null) : null,
    leadTimeWeeksEntered: inputs.economics?.options?.infrastructureLeadTimeWeeks,
    log,
  });

  const stages: TReportStages = {
    licence: licenceStage,
    capability: capability.stage,
    infrastructure: infrastructure.stage,
    adaptation: adaptation.stage,
    safety: safety.stage,
    lifecycle: lifecycle.stage,
    economics: economics.stage,
  };
  // Stage builders read the log as they go; re-read so each stage lists every assumption about it.
  for (const key of STAGE_KEYS) stages[key].assumptions = log.forStage(key);
  const assumptions = STAGE_KEYS.flatMap((key) => stages[key].assumptions);

  const common = {
    stages,
    economics: economics.economics,
    economicsMissing: economics.missing,
    capability: capability.result,
    safety: safety.result,
    lifecycle: lifecycle.result,
    charts: economics.charts,
  };
  const keyFigures = buildKeyFigures(common);
  const recommendation = recommend(
    buildRecommendationInput({
      ...common,
      candidateName,
      incumbentName,
      sizing: infrastructure.sizing,
      gpuName: gpu.name,
      assumptions,
      options: optionsResult.options,
      context: {
        horizonMonths: optionsResult.plan?.horizonMonths ?? null,
        discountRatePercent: financeSettings.discountRatePercent,
        missingStages: missingVerdictStages(statuses),
        notCostedReason: optionsResult.notCostedReason,
      },
    }),
  );
  const finance = buildFinance(optionsResult, financeSettings, recommendation.recommendedOptionId);

  const uses: TSourceUse[] = [];
  if (model) uses.push({ provenance: model.provenance, backs: `Model architecture: ${model.name}` });
  if (licence) {
    uses.push({ provenance: licence.provenance, backs: `Licence terms: ${licence.name}` });
    for (const f of stages.licence.detail?.findings ?? []) {
      uses.push({
        provenance: { sourceUrls: [f.clause.sourceUrl], asOf: licence.provenance.asOf, verification: f.clause.verification ?? licence.provenance.verification },
        backs: `Licence clause: ${f.title}`,
      });
    }
  }
  uses.push({ provenance: gpu.provenance, backs: `GPU specification: ${gpu.name}` });
  if (incumbent.override) {
    const o = incumbent.override;
    uses.push({ provenance: { sourceUrls: [], asOf: o.asOf ?? "as entered", verification: "user", ...(o.note ? { note: o.note } : {}) }, backs: `API price: ${incumbentName} (${incumbent.source === "priceBook" ? "organisation price book" : "your price"})` });
  } else if (incumbent.price) {
    uses.push({ provenance: incumbent.price.provenance, backs: `API price: ${incumbentName} (${incumbent.price.asOf})` });
  }
  if (pricing.cloudRow && pricing.pricing.mode !== "owned") uses.push({ provenance: pricing.cloudRow.provenance, backs: `GPU price: ${pricing.pricing.label}` });
  if (pricing.purchaseRow) uses.push({ provenance: pricing.purchaseRow.provenance, backs: `GPU price: ${pricing.pricing.label}` });
  for (const f of [...(infrastructure.sizing?.statedFactors ?? []), ...(adaptation.plan?.statedFactors ?? [])]) {
    if (f.isDefault && f.provenance) uses.push({ provenance: f.provenance, backs: `Stated default: ${f.label}` });
  }
  for (const a of assumptions) if (a.provenance) uses.push({ provenance: a.provenance, backs: `Default: ${a.label}` });
  for (const o of optionsResult.options) {
    for (const src of o.sources) uses.push({ provenance: { sourceUrls: [src.url], asOf: src.asOf, verification: "secondary" }, backs: `Option: ${o.label}` });
  }
  if (safety.result && statuses.safety !== "not-started") uses.push(...safetyReferenceUses());
  // Ages are counted to the caller's day so every catalog figure on screen and in the memo says how old it is.
  const today = options.today ?? assessment.updatedAt.slice(0, 10);
  const sources = collectSources(uses, today);
  for (const o of optionsResult.options) o.sources = o.sources.map((s) => ({ ...s, age: catalogAge(s.asOf, today) }));

  return {
    meta: {
      assessmentId: assessment.id,
      title: assessment.title,
      description: assessment.description,
      status: assessment.status,
      version: assessment.version,
      updatedAt: assessment.updatedAt,
      inputsSchemaVersion: inputs.schemaVersion,
      candidate: {
        id: assessment.candidateModelId,
        name: candidateName,
        isKnown: model !== null,
        isCustom,
        totalParams: model?.totalParams ?? null,
        activeParams: model?.activeParams ?? null,
        licenceId: licence?.id ?? model?.licenceId ?? null,
      },
      incumbent: {
        id: assessment.incumbentApiId,
        name: incumbentName,
        vendor: incumbent.price?.vendor ?? null,
        isKnown: incumbent.price !== null,
        inputUsdPerMTok: incumbent.override?.inputUsdPerMTok ?? incumbent.price?.inputUsdPerMTok ?? null,
        outputUsdPerMTok: incumbent.override?.outputUsdPerMTok ?? incumbent.price?.outputUsdPerMTok ?? null,
        asOf: incumbent.override ? (incumbent.override.asOf ?? null) : (incumbent.price?.asOf ?? null),
        isPriceOverride: incumbent.override !== null,
        priceSource: incumbent.sourceText,
      },
      stageStatuses: statuses,
      completedStages: STAGE_KEYS.filter((k) => statuses[k] === "complete").length,
      monteCarlo,
      catalog: { date: CATALOG_DATE, agesCountedOn: today, staleSourceCount: sources.filter((s) => s.age?.isStale).length },
      priceBook: priceBook ? { version: priceBook.version, values: priceBook.values, updatedByName: priceBook.updatedByName, updatedAt: priceBook.updatedAt } : null,
    },
    stages,
    keyFigures,
    charts: economics.charts,
    recommendation,
    options: {
      isCosted: optionsResult.notCostedReason === null,
      reason: optionsResult.notCostedReason,
      options: optionsResult.options,
      recommendedOptionId: recommendation.recommendedOptionId,
      constraints,
      horizonMonths: optionsResult.plan?.horizonMonths ?? null,
      discountRatePercent: financeSettings.discountRatePercent,
      notes: optionsResult.notes,
    },
    finance,
    leverage,
    assumptions,
    warnings,
    sources,
  };
}
