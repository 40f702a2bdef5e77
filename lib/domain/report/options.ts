// Every real way to serve the workload, costed side by side and checked against the hard
// constraints: (a) the incumbent API as used today; (b) the same API on other terms (regional
// processing, batch, prompt cache) and other API offerings; (c) the open model hosted by a provider
// (serverless per token, dedicated endpoints); (d) self-hosted on rented GPUs (on demand, 1-year and
// 3-year reserved); (e) self-hosted on owned hardware; (f) hybrids. Each option's cash over the
// horizon is computed once (economics/options.ts) and its present value is what the verdict ranks.
import { priceBookOrigin, priceBookOwnedTerms, resolveApiPrice, type TAssessmentInputs, type TProcessingPolicy } from "../assessment";
import { API_PRICES, GPU_CLOUD_PRICES, getApiPrice, getHostedPricesForModel, getVendorTerms, processingOffersFor, type TApiPrice, type TProcessingOffer, type TRegion } from "../catalog";
import type { TCapabilityResult } from "../capability";
import {
  cashFlow,
  monthlyCostUsd,
  summariseCash,
  type TCashFlow,
  type TCostModel,
  type TPerTokenCost,
  type TReplicaCost,
  type TVolumePlan,
} from "../economics";
import type { TCapabilityStatus, TConstraintCheck, TDecisionOption, TOptionFamily, TOptionKind } from "../recommendation";
import type { TGpu, TModelArchitecture, TProvenance } from "../shared";
import { finiteOrNull, fmt, HOURS_PER_MONTH, ppText, shareText, usdText } from "../shared";
import { cloudOnDemandPerGpuMonth, cloudReservedPerGpuMonth, ownedPerGpuMonth, type TSizingResult } from "../sizing";
import { defaultCloudPrice, defaultPurchasePrice, type TAssumptionLog, type TResolvedIncumbent, type TResolvedPricingFull } from "./context";
import { ENGINE_OWNED_DEFAULTS, REPORT_DEFAULTS } from "./defaults";
import type { TOwnedParts, TVolume } from "./economics";
import type { TLicenceDetail } from "./types";

// ---------------------------------------------------------------------------------------------
// Defaults, each stated as an assumption when used

export const OPTION_DEFAULTS = {
  discountRatePercent: 8,
  discountRateBasis:
    "Freehold default within the range of US industry costs of capital (e.g. 7.2-9.4% for business services, advertising, aerospace and autos in Damodaran's January 2026 dataset); use your organisation's rate",
  discountRateProvenance: {
    sourceUrls: ["https://pages.stern.nyu.edu/adamodar/New_Home_Page/datafile/wacc.html"],
    asOf: "2026-01",
    verification: "secondary" as const,
    note: "Industry rows read: Advertising 7.81%, Aerospace/Defense 7.60%, Business & Consumer Services 7.23%, Auto & Truck 9.38%.",
  },
  apiPriceTrendPercentPerYear: 0,
  apiTrendBasis:
    "Freehold default: flat. The same model's list price rarely moves (the catalog's GPT-4o row has been $2.50/$10 since 2024-08; Claude Sonnet has been $3/$15 across versions); prices for a given capability level fall fast when you switch to newer models (Epoch AI: 9×-900× a year), which the options table shows separately",
  apiTrendProvenance: {
    sourceUrls: ["https://epoch.ai/data-insights/llm-inference-price-trends", "https://openai.com/api/pricing/"],
    asOf: "2025-03-12",
    verification: "secondary" as const,
  },
  gpuPriceTrendPercentPerYear: 0,
  gpuTrendBasis:
    "Freehold default: flat. Rented H100 prices held at $2.49-2.99/GPU-hour at Lambda across 2025-2026 in the catalog, after hyperscaler cuts in 2025 (AWS P5 up to 45%); set a decline if you expect further cuts",
  gpuTrendProvenance: {
    sourceUrls: ["https://lambda.ai/pricing", "https://www.usage.ai/blogs/aws/ai-ml-cost/llm-cost-optimization-aws/"],
    asOf: "2026",
    verification: "secondary" as const,
  },
  threeYearDiscountPercent: 50,
  threeYearBasis:
    "Freehold assumption: 3-year GPU commitments are discounted more than 1-year ones (AWS EC2 Instance Savings Plans go up to 72% off on-demand); use your provider's quote",
  threeYearProvenance: { sourceUrls: ["https://aws.amazon.com/savingsplans/faqs"], asOf: "2026", verification: "secondary" as const },
  routerUsdPerMonth: 1_000,
  routerBasis: "Freehold assumption: a small routing gateway and a few hours of upkeep a month",
  maxApiAlternatives: 6,
};

export type TFinanceSettings = { discountRatePercent: number; apiTrendPercentPerYear: number; gpuTrendPercentPerYear: number };

export function resolveFinanceSettings(inputs: TAssessmentInputs, log: TAssumptionLog): TFinanceSettings {
  const f = inputs.economics?.finance ?? {};
  const D = OPTION_DEFAULTS;
  return {
    discountRatePercent: log.take("economics", "economics.finance.discountRatePercent", "Discount rate", f.discountRatePercent, D.discountRatePercent, {
      basis: D.discountRateBasis,
      unit: "% per year",
      provenance: D.discountRateProvenance,
    }),
    apiTrendPercentPerYear: log.take("economics", "economics.finance.apiPriceTrendPercentPerYear", "API price trend", f.apiPriceTrendPercentPerYear, D.apiPriceTrendPercentPerYear, {
      basis: D.apiTrendBasis,
      unit: "% per year",
      provenance: D.apiTrendProvenance,
    }),
    gpuTrendPercentPerYear: log.take("economics", "economics.finance.gpuPriceTrendPercentPerYear", "GPU price trend", f.gpuPriceTrendPercentPerYear, D.gpuPriceTrendPercentPerYear, {
      basis: D.gpuTrendBasis,
      unit: "% per year",
      provenance: D.gpuTrendProvenance,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Constraint checks

export const REGION_LABELS: Record<TRegion, string> = { EU: "EU", "EEA-non-EU": "EEA outside the EU", UK: "UK", CH: "Switzerland", US: "US", CN: "China", other: "elsewhere" };
const regionsText = (regions: readonly TRegion[]) => regions.map((r) => REGION_LABELS[r]).join(", ");

export type TConstraints = { allowedRegions: TRegion[]; processing: TProcessingPolicy; isAsynchronous: boolean; cacheableInputShare: number };

export function resolveConstraints(inputs: TAssessmentInputs, log: TAssumptionLog): TConstraints {
  const c = inputs.economics?.constraints ?? {};
  const w = inputs.economics?.workload ?? {};
  const entered = c.allowedRegions && c.allowedRegions.length > 0 ? c.allowedRegions : undefined;
  const book = log.priceBook;
  const booked = !entered && book && book.values.allowedRegions.length > 0 ? book.values.allowedRegions : undefined;
  if (booked && book) log.note("economics", "economics.constraints.allowedRegions", "Allowed processing regions", regionsText(booked), { basis: priceBookOrigin(book) });
  else if (!entered) log.note("economics", "economics.constraints.allowedRegions", "Allowed processing regions", "anywhere (no residency constraint)", { basis: "None entered: data may be processed in any region" });
  const allowed = entered ?? booked;
  return {
    allowedRegions: allowed ?? [],
    processing: log.take("economics", "economics.constraints.processing", "Who may process the data", c.processing, "third-party-allowed" as TProcessingPolicy, {
      basis: "None entered: third-party APIs and providers allowed",
      display: "third-party APIs and providers allowed",
    }),
    isAsynchronous: log.take("economics", "economics.workload.isAsynchronous", "Results may wait (batch)", w.isAsynchronous, false, { basis: "None entered: treated as interactive, so batch pricing is not used" }),
    cacheableInputShare: log.take("economics", "economics.workload.cacheableInputShare", "Cacheable share of input tokens", w.cacheableInputShare, 0, { basis: "None entered: no prompt-cache discount counted" }),
  };
}

function residencyCheck(c: TConstraints, regions: TRegion[] | null, where: string): TConstraintCheck | null {
  if (c.allowedRegions.length === 0) return null;
  if (regions === null) return { key: "residency", status: "broken", text: `${where} does not document where it processes data; your data may be processed only in ${regionsText(c.allowedRegions)}.` };
  const outside = regions.filter((r) => !c.allowedRegions.includes(r));
  return outside.length > 0
    ? { key: "residency", status: "broken", text: `${where} processes data in ${regionsText(regions)}, including ${regionsText(outside)}, outside the allowed ${regionsText(c.allowedRegions)}.` }
    : { key: "residency", status: "met", text: `Processed in ${regionsText(regions)}.` };
}

const PROCESSING_TEXT: Record<TProcessingPolicy, string> = {
  "third-party-allowed": "third parties may process the data",
  "own-infrastructure": "only a deployment you run may process the data",
  "on-premises": "only hardware on your premises may process the data",
  "air-gapped": "only an air-gapped deployment on your premises may process the data",
};

type TRunner = "third-party" | "cloud" | "premises";

function processingCheck(c: TConstraints, runner: TRunner, who: string): TConstraintCheck | null {
  if (c.processing === "third-party-allowed") return null;
  const allowed = runner === "premises" || (runner === "cloud" && c.processing === "own-infrastructure");
  return allowed
    ? { key: "processing", status: "met", text: runner === "premises" ? "Runs on hardware you own." : "Runs in your own cloud tenancy." }
    : { key: "processing", status: "broken", text: `${who} ${runner === "cloud" ? "run on a cloud provider's hardware" : "is a third party"}, but ${PROCESSING_TEXT[c.processing]}.` };
}

// ---------------------------------------------------------------------------------------------
// Building blocks

export type TOptionsArgs = {
  inputs: TAssessmentInputs;
  log: TAssumptionLog;
  volume: TVolume | null;
  promptTokensPerRequest: number;
  incumbent: TResolvedIncumbent;
  incumbentId: string;
  incumbentName: string;
  model: TModelArchitecture | null;
  candidateName: string;
  gpu: TGpu;
  pricing: TResolvedPricingFull;
  sizing: TSizingResult | null;
  ownedParts: TOwnedParts;
  capability: TCapabilityResult | null;
  capabilityStatus: "not-started" | "in-progress" | "complete";
  licence: { detail: TLicenceDetail | null; isKnown: boolean };
  adaptationMethod: string;
  constraints: TConstraints;
  finance: TFinanceSettings;
};

export type TOptionsResult = {
  options: TDecisionOption[];
  /** Cost models by option id, for re-costing at other volumes (leverage). */
  models: Record<string, TCostModel>;
  /** Cash flows by option id, for the finance view (months 0..max(horizon, 36)). */
  cash: Record<string, TCashFlow>;
  plan: TVolumePlan | null;
  notCostedReason: string | null;
  notes: string[];
};

type TDraftOption = {
  id: string;
  kind: TOptionKind;
  family: TOptionFamily;
  label: string;
  provider: string;
  vendor: string | null;
  isOpenModel: boolean;
  isConfiguredSelfHost?: boolean;
  model: TCostModel | null;
  checks: (TConstraintCheck | null)[];
  capability: { status: TCapabilityStatus; text: string };
  formula: string;
  notes: string[];
  provenance: (TProvenance | null | undefined)[];
  openShare?: number;
};

function blendedUsdPerM(inUsd: number, outUsd: number, v: TVolume): number {
  const total = v.inputTokensPerMonth + v.outputTokensPerMonth;
  const share = total > 0 ? v.inputTokensPerMonth / total : 0.5;
  return share * inUsd + (1 - share) * outUsd;
}

function apiPriceOf(row: TApiPrice, override: TResolvedIncumbent["override"] | null): { input: number; output: number; cached: number | null } {
  if (override) return { input: override.inputUsdPerMTok, output: override.outputUsdPerMTok, cached: override.cachedInputUsdPerMTok ?? null };
  return { input: row.inputUsdPerMTok, output: row.outputUsdPerMTok, cached: row.cachedInputUsdPerMTok ?? null };
}

/** Capability of the open model from the capability stage. */
function openCapability(args: TOptionsArgs): { status: TCapabilityStatus; text: string } {
  const c = args.capability;
  if (args.capabilityStatus === "not-started" || !c || c.overall.weightedGap === null) {
    return { status: "not-validated", text: `${args.candidateName} has no capability results yet (capability stage).` };
  }
  const gap = ppText(c.overall.weightedGap * 100);
  const interval = c.overall.interval ? ` (95% interval ${ppText(c.overall.interval.lower * 100)} to ${ppText(c.overall.interval.upper * 100)})` : "";
  const tol = `−${fmt(c.toleranceScore * 100, 2)} pp`;
  switch (c.overall.verdict) {
    case "pass":
      return { status: "meets", text: `Gap ${gap}${interval} is within the ${tol} tolerance.` };
    case "fail":
      return { status: "fails", text: `Gap ${gap}${interval} is beyond the ${tol} tolerance.` };
    case "inconclusive":
      return { status: "not-settled", text: `Gap ${gap}${interval} straddles the ${tol} tolerance: not settled.` };
    default:
      return { status: "not-settled", text: `Gap ${gap} has no interval: sample sizes are missing.` };
  }
}

function licenceCheck(args: TOptionsArgs): TConstraintCheck {
  const d = args.licence.detail;
  if (!d) return { key: "licence", status: "unknown", text: "No licence on file for the model: not checked." };
  const blockers = d.findings.filter((f) => f.severity === "blocker");
  if (blockers.length > 0) {
    return { key: "licence", status: "broken", text: `${d.licence.name} blocks it: ${blockers.map((b) => `${b.title}${b.clause.section ? ` (${b.clause.section})` : ""}`).join("; ")}.` };
  }
  if (!args.licence.isKnown) return { key: "licence", status: "unknown", text: `${d.licence.name} checked on default facts only (licence stage not started).` };
  const counsel = d.findings.filter((f) => f.severity === "needs-counsel").length;
  return { key: "licence", status: "met", text: counsel > 0 ? `${d.licence.name}: no blocker; ${counsel} clause(s) for counsel.` : `${d.licence.name}: no blocker.` };
}

function latencyCheckFor(kind: "batch" | "self" | "other", args: TOptionsArgs): TConstraintCheck {
  if (kind === "batch") {
    return args.constraints.isAsynchronous
      ? { key: "latency", status: "met", text: "Results may wait up to 24 hours (workload marked asynchronous)." }
      : { key: "latency", status: "broken", text: "Batch results arrive within 24 hours, but the workload is interactive." };
  }
  if (kind === "self") {
    const t = args.sizing?.throughput;
    if (!t) return { key: "latency", status: "unknown", text: "Not sized." };
    return t.latencyTargetMet
      ? { key: "latency", status: "met", text: `Meets the latency target at ${fmt(t.perSequenceTokensPerSecondAtBatch, 3)} tokens/s per user.` }
      : { key: "latency", status: "broken", text: `Even one request decodes at ${fmt(t.decodeTokensPerSecondPerSequence, 3)} tokens/s, below the latency target.` };
  }
  return { key: "latency", status: "unknown", text: "Provider latency not measured in the catalog: test it against your target." };
}

/** The offer of a vendor that best fits the residency constraint: a compliant one if any, else the standard one. */
function bestOffer(offers: TProcessingOffer[], c: TConstraints): TProcessingOffer {
  const standard = offers.find((o) => o.id === "standard") ?? offers[0];
  if (c.allowedRegions.length === 0) return standard;
  const compliant = offers.filter((o) => o.regions !== null && o.regions.every((r) => c.allowedRegions.includes(r)));
  return compliant.sort((a, b) => a.priceMultiplier - b.priceMultiplier)[0] ?? standard;
}

function perToken(input: number, output: number, fixed: number, oneTime: number, trend: number): TPerTokenCost {
  return { kind: "per-token", usdPerMillionInputTokens: input, usdPerMillionOutputTokens: output, fixedUsdPerMonth: fixed, oneTimeUsd: oneTime, priceTrendPercentPerYear: trend };
}

// ---------------------------------------------------------------------------------------------
// (a) and (b): API options

function apiOptions(args: TOptionsArgs, v: TVolume): TDraftOption[] {
  const out: TDraftOption[] = [];
  const c = args.constraints;
  const row = args.incumbent.price;
  const override = args.incumbent.override;
  const trend = args.finance.apiTrendPercentPerYear;
  const vendor = row?.vendor ?? "Your API vendor";
  const third = (who: string) => processingCheck(c, "third-party", who);

  if (row || override) {
    const p = row ? apiPriceOf(row, override) : { input: override!.inputUsdPerMTok, output: override!.outputUsdPerMTok, cached: null };
    const offers = processingOffersFor(vendor, args.incumbentId);
    const standard = offers.find((o) => o.id === "standard") ?? offers[0];
    const priceSource = override ? args.incumbent.sourceText : `list price (${row?.asOf})`;
    out.push({
      id: "incumbent",
      kind: "incumbent",
      family: "api",
      label: `${args.incumbentName}, as used today`,
      provider: vendor,
      vendor,
      isOpenModel: false,
      model: perToken(p.input, p.output, 0, 0, trend),
      checks: [residencyCheck(c, standard.regions, `${args.incumbentName} (${standard.label})`), third(args.incumbentName), latencyCheckFor("other", args)],
      capability: { status: "baseline", text: "The incumbent: the bar the others are measured against." },
      formula: `input × $${fmt(p.input)}/M + output × $${fmt(p.output)}/M (${priceSource})`,
      notes: [],
      provenance: [override ? null : row?.provenance, standard.provenance],
    });

    // The same model on other processing terms (regional residency, US-only inference), when residency matters.
    for (const o of c.allowedRegions.length > 0 ? offers.filter((x) => x.id !== "standard") : []) {
      out.push({
        id: `incumbent-${o.id}`,
        kind: "api-regional",
        family: "api",
        label: `${args.incumbentName}: ${o.label}`,
        provider: vendor,
        vendor,
        isOpenModel: false,
        model: perToken(p.input * o.priceMultiplier, p.output * o.priceMultiplier, 0, 0, trend),
        checks: [residencyCheck(c, o.regions, o.label), third(args.incumbentName), latencyCheckFor("other", args)],
        capability: { status: "baseline", text: "Same model as today." },
        formula: `list price × ${fmt(o.priceMultiplier)} = $${fmt(p.input * o.priceMultiplier)}/M in, $${fmt(p.output * o.priceMultiplier)}/M out`,
        notes: o.requires ? [`Requires ${o.requires}.`] : [],
        provenance: [override ? null : row?.provenance, o.provenance],
      });
    }

    const terms = getVendorTerms(vendor);
    if (terms?.batch) {
      const k = 1 - terms.batch.discountPercent / 100;
      out.push({
        id: "incumbent-batch",
        kind: "api-batch",
        family: "api",
        label: `${args.incumbentName}, batch API`,
        provider: vendor,
        vendor,
        isOpenModel: false,
        model: perToken(p.input * k, p.output * k, 0, 0, trend),
        checks: [residencyCheck(c, standard.regions, `${args.incumbentName} batch`), third(args.incumbentName), latencyCheckFor("batch", args)],
        capability: { status: "baseline", text: "Same model as today." },
        formula: `list price × (1 − ${fmt(terms.batch.discountPercent)}%), results within ${terms.batch.completionHours} h`,
        notes: [],
        provenance: [override ? null : row?.provenance, terms.batch.provenance],
      });
    }
    const cache = terms?.cache;
    if (c.cacheableInputShare > 0 && p.cached !== null && cache) {
      const applies = args.promptTokensPerRequest >= cache.minPromptTokens;
      const s = c.cacheableInputShare;
      const effectiveIn = (1 - s) * p.input + s * p.cached;
      out.push({
        id: "incumbent-cached",
        kind: "api-cached",
        family: "api",
        label: `${args.incumbentName}, with the prompt cache`,
        provider: vendor,
        vendor,
        isOpenModel: false,
        model: applies ? perToken(effectiveIn, p.output, 0, 0, trend) : null,
        checks: [residencyCheck(c, standard.regions, args.incumbentName), third(args.incumbentName), latencyCheckFor("other", args)],
        capability: { status: "baseline", text: "Same model as today." },
        formula: applies
          ? `input price = (1 − ${fmt(s)}) × $${fmt(p.input)} + ${fmt(s)} × $${fmt(p.cached)} (cache hit) = $${fmt(effectiveIn)}/M`
          : `prompts of ${fmt(args.promptTokensPerRequest)} tokens are below the ${fmt(cache.minPromptTokens)}-token caching minimum`,
        notes: [cache.note ?? "", "Cache writes (charged above the input price by some vendors) are not counted."].filter(Boolean),
        provenance: [row?.provenance, cache.provenance],
      });
    }
  }

  // Other API offerings: cheaper tiers of the same vendor, other vendors, and any the team validated.
  const validated = new Set(args.inputs.economics?.options?.validatedApiIds ?? []);
  const incumbentBlended = row ? blendedUsdPerM(apiPriceOf(row, override).input, apiPriceOf(row, override).output, v) : Number.POSITIVE_INFINITY;
  // Alternatives are priced like the incumbent: the organisation's negotiated discount applies to each.
  const book = args.log.priceBook;
  const candidates = API_PRICES.filter((r) => r.id !== args.incumbentId && !r.isDeprecated)
    .map((row) => {
      const priced = resolveApiPrice({ row, book, entered: null })!;
      const source = priced.source === "priceBook" && book ? `${row.asOf} list less ${fmt(priced.discountPercent ?? 0)}%, ${priceBookOrigin(book)}` : row.asOf;
      return { r: { ...row, inputUsdPerMTok: priced.inputUsdPerMTok, outputUsdPerMTok: priced.outputUsdPerMTok, asOf: source } };
    })
    .map(({ r }) => ({ r, blended: blendedUsdPerM(r.inputUsdPerMTok, r.outputUsdPerMTok, v) }))
    .filter((x) => validated.has(x.r.id) || x.blended < incumbentBlended)
    .sort((a, b) => Number(validated.has(b.r.id)) - Number(validated.has(a.r.id)) || a.blended - b.blended);
  const picked = [...candidates.filter((x) => validated.has(x.r.id)), ...candidates.filter((x) => !validated.has(x.r.id)).slice(0, OPTION_DEFAULTS.maxApiAlternatives)];
  for (const { r } of picked) {
    const offer = bestOffer(processingOffersFor(r.vendor, r.id), c);
    const name = `${r.vendor} ${r.model.replace(/\s*\(.*\)\s*$/, "")}`;
    const isValidated = validated.has(r.id);
    out.push({
      id: `api-${r.id}${offer.id === "standard" ? "" : `-${offer.id}`}`,
      kind: "api-tier",
      family: "api",
      label: offer.id === "standard" ? name : `${name}: ${offer.label}`,
      provider: r.vendor,
      vendor: r.vendor,
      isOpenModel: false,
      model: perToken(r.inputUsdPerMTok * offer.priceMultiplier, r.outputUsdPerMTok * offer.priceMultiplier, 0, 0, trend),
      checks: [residencyCheck(c, offer.regions, `${name} (${offer.label})`), third(name), latencyCheckFor("other", args)],
      capability: isValidated
        ? { status: "meets", text: "Validated by your team (economics stage)." }
        : { status: "not-validated", text: `Not validated on your workloads: ${r.vendor === vendor ? "a cheaper tier of the same vendor" : "another vendor"}.` },
      formula: `input × $${fmt(r.inputUsdPerMTok * offer.priceMultiplier)}/M + output × $${fmt(r.outputUsdPerMTok * offer.priceMultiplier)}/M (${r.asOf})`,
      notes: offer.requires ? [`Requires ${offer.requires}.`] : [],
      provenance: [r.provenance, offer.provenance],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// (c) open weights hosted by a provider

function hostedOptions(args: TOptionsArgs): TDraftOption[] {
  if (!args.model) return [];
  const c = args.constraints;
  const out: TDraftOption[] = [];
  const capability = openCapability(args);
  const licence = licenceCheck(args);
  const oneTime = args.ownedParts.adaptationOneTimeUsd;
  const adapterNote = args.adaptationMethod !== "none" ? ["Your fine-tuned adapter must be served by the provider: check it supports custom LoRA adapters."] : [];
  for (const row of getHostedPricesForModel(args.model.id)) {
    const offer = bestOffer(processingOffersFor(row.provider, row.id), c);
    const k = offer.priceMultiplier;
    out.push({
      id: `hosted-${row.id}${offer.id === "standard" ? "" : `-${offer.id}`}`,
      kind: "hosted-serverless",
      family: "hosted-open",
      label: `${args.candidateName} on ${row.provider}${offer.id === "standard" ? "" : ` (${offer.label})`}`,
      provider: row.provider,
      vendor: row.provider,
      isOpenModel: true,
      model: perToken(row.inputUsdPerMTok * k, row.outputUsdPerMTok * k, 0, oneTime, args.finance.apiTrendPercentPerYear),
      checks: [residencyCheck(c, offer.regions, `${row.provider} (${offer.label})`), processingCheck(c, "third-party", row.provider), latencyCheckFor("other", args), licence],
      capability,
      formula: `input × $${fmt(row.inputUsdPerMTok * k)}/M + output × $${fmt(row.outputUsdPerMTok * k)}/M (${row.model}, ${row.asOf})${oneTime > 0 ? ` + one-time adaptation ${usdText(oneTime)}` : ""}`,
      notes: [...adapterNote, "Providers may serve quantized weights: re-run your evaluation on the provider's endpoint.", ...(offer.requires ? [`Requires ${offer.requires}.`] : [])],
      provenance: [row.provenance, offer.provenance],
    });
  }
  const sizing = args.sizing;
  const gpus = sizing?.placement?.gpusPerReplica ?? null;
  if (sizing && gpus && sizing.replicaCapacityTokensPerMonth) {
    for (const row of GPU_CLOUD_PRICES.filter((p) => p.pricingModel === "dedicated" && p.gpuId === args.gpu.id)) {
      const offer = bestOffer(processingOffersFor(row.provider, row.id), c);
      const replicaUsd = row.usdPerGpuHour * gpus * HOURS_PER_MONTH;
      out.push({
        id: `dedicated-${row.id}`,
        kind: "hosted-dedicated",
        family: "hosted-open",
        label: `${args.candidateName} on a ${row.provider} dedicated endpoint`,
        provider: row.provider,
        vendor: null,
        isOpenModel: true,
        model: replicas(replicaUsd, sizing.replicaCapacityTokensPerMonth, sizing.minReplicas, 0, 0, oneTime, args.finance.gpuTrendPercentPerYear, null, null),
        checks: [residencyCheck(c, offer.regions, row.provider), processingCheck(c, "third-party", row.provider), sizing.fits ? null : { key: "fit", status: "broken", text: "The model does not fit on this GPU configuration." }, latencyCheckFor("self", args), licence],
        capability,
        formula: `replicas × $${fmt(row.usdPerGpuHour)}/GPU-hour × ${gpus} GPUs × 730 h (sized as your own replicas)`,
        notes: ["The provider operates serving; your team's roster is not counted.", ...adapterNote],
        provenance: [row.provenance, offer.provenance],
      });
    }
  }
  return out;
}

function replicas(
  replicaUsdPerMonth: number,
  capacity: number,
  minReplicas: number,
  fixed: number,
  marginal: number,
  oneTime: number,
  trend: number,
  owned: TReplicaCost["owned"],
  commitmentMonths: number | null,
): TReplicaCost {
  return {
    kind: "replicas",
    replicaUsdPerMonth,
    replicaCapacityTokensPerMonth: capacity,
    minReplicas,
    fixedUsdPerMonth: fixed,
    marginalUsdPerMillionTokens: marginal,
    oneTimeUsd: oneTime,
    gpuPriceTrendPercentPerYear: trend,
    owned,
    commitmentMonths,
  };
}

// ---------------------------------------------------------------------------------------------
// (d) and (e): self-hosted

function selfHostedOptions(args: TOptionsArgs): TDraftOption[] {
  const s = args.sizing;
  const gpus = s?.placement?.gpusPerReplica ?? null;
  if (!args.model || !s) return [];
  const out: TDraftOption[] = [];
  const c = args.constraints;
  const o = args.ownedParts;
  const fixed = o.peopleUsdPerMonth + o.otherFixedUsdPerMonth;
  const oneTime = o.adaptationOneTimeUsd + o.selfHostOneTimeUsd;
  const capability = openCapability(args);
  const licence = licenceCheck(args);
  const fit: TConstraintCheck = s.fits ? { key: "fit", status: "met", text: `Fits on ${gpus ?? "?"} × ${args.gpu.name} per replica.` } : { key: "fit", status: "broken", text: `${args.candidateName} does not fit on the ${args.gpu.name} configuration.` };
  const latency = latencyCheckFor("self", args);
  const capacity = s.replicaCapacityTokensPerMonth;
  const mode = args.pricing.pricing.mode;
  const onDemand = args.pricing.onDemandUsdPerGpuHour;
  const fixedText = `fixed ${usdText(fixed)}/month (people ${usdText(o.peopleUsdPerMonth)}, safety, lifecycle, other)`;
  const cloudRegion = c.allowedRegions.length > 0 ? [`Assumes the GPUs are rented in ${regionsText(c.allowedRegions)} at the same price.`] : [];
  const cloudResidency: TConstraintCheck | null = c.allowedRegions.length > 0 ? { key: "residency", status: "met", text: `You choose the cloud region: rent in ${regionsText(c.allowedRegions)}.` } : null;

  const cloud = (kind: TOptionKind, label: string, discountPercent: number, months: number | null, basis: string): void => {
    const configured = (kind === "self-cloud-on-demand" && mode === "cloudOnDemand") || (kind === "self-cloud-1y" && mode === "cloudReserved");
    const sizedCost = configured ? s.costs[mode]?.usdPerReplicaMonth : undefined;
    const perGpu = onDemand === null ? null : discountPercent > 0 ? cloudReservedPerGpuMonth(onDemand, discountPercent).usdPerGpuMonth : cloudOnDemandPerGpuMonth(onDemand).usdPerGpuMonth;
    const replicaUsd = sizedCost ?? (perGpu !== null && gpus ? perGpu * gpus : null);
    out.push({
      id: kind,
      kind,
      family: "self-hosted",
      label: `${args.candidateName} self-hosted, ${label}`,
      provider: "You (rented GPUs)",
      vendor: null,
      isOpenModel: true,
      isConfiguredSelfHost: configured,
      model: replicaUsd !== null && capacity ? replicas(replicaUsd, capacity, s.minReplicas, fixed, o.marginalUsdPerMillionTokens, oneTime, args.finance.gpuTrendPercentPerYear, null, months) : null,
      checks: [cloudResidency, processingCheck(c, "cloud", "Rented cloud GPUs"), fit, latency, licence, replicaUsd === null ? { key: "cost", status: "broken", text: `No cloud price for ${args.gpu.name}: enter one in the infrastructure stage.` } : null],
      capability,
      formula:
        replicaUsd !== null
          ? `replicas × $${fmt(replicaUsd)}/replica-month ($${fmt(onDemand ?? 0)}/GPU-hour${discountPercent > 0 ? ` − ${fmt(discountPercent)}%` : ""} × ${gpus} GPUs × 730 h) + ${fixedText}`
          : "no GPU price",
      notes: [...(months ? [`Committed for ${months} months: ${basis}.`] : []), ...cloudRegion],
      provenance: [args.pricing.cloudRow?.provenance ?? (entered?.usdPerGpuHour === undefined ? defaultCloudPrice(args.gpu.id)?.provenance : null)],
    });
  };
  const entered = args.inputs.infrastructure?.pricing;
  const oneYear = mode === "cloudReserved" ? (args.pricing.pricing.reservedDiscountPercent ?? REPORT_DEFAULTS.reservedDiscountPercent) : REPORT_DEFAULTS.reservedDiscountPercent;
  if (mode !== "cloudReserved") {
    args.log.take("economics", "economics.options.reservedDiscount1yPercent", "1-year reserved discount (options)", undefined, REPORT_DEFAULTS.reservedDiscountPercent, { basis: REPORT_DEFAULTS.reservedDiscountBasis, unit: "%" });
  }
  args.log.take("economics", "economics.options.reservedDiscount3yPercent", "3-year reserved discount (options)", undefined, OPTION_DEFAULTS.threeYearDiscountPercent, {
    basis: OPTION_DEFAULTS.threeYearBasis,
    unit: "%",
    provenance: OPTION_DEFAULTS.threeYearProvenance,
  });
  cloud("self-cloud-on-demand", "rented GPUs on demand", 0, null, "");
  cloud("self-cloud-1y", "1-year reserved GPUs", oneYear, 12, mode === "cloudReserved" && entered?.reservedDiscountPercent !== undefined ? "your discount" : REPORT_DEFAULTS.reservedDiscountBasis);
  cloud("self-cloud-3y", "3-year reserved GPUs", OPTION_DEFAULTS.threeYearDiscountPercent, 36, OPTION_DEFAULTS.threeYearBasis);

  // Owned hardware: the infrastructure stage's inputs when it chose owned, the engine defaults otherwise.
  const purchase = args.pricing.pricing.purchaseUsdPerGpu ?? defaultPurchase(args);
  const owned = { ...ENGINE_OWNED_DEFAULTS, ...priceBookOwnedTerms(args.log.priceBook), ...(entered?.owned ?? {}), purchaseUsdPerGpu: purchase ?? 0 };
  if (mode !== "owned" && purchase !== null) {
    args.log.note("economics", "economics.options.owned", "Owned-hardware option", `$${fmt(purchase)} per GPU, +${fmt(owned.serverOverheadPercent)}% server, ${fmt(owned.amortisationYears)} years at ${fmt(owned.annualInterestRatePercent)}%`, {
      basis: "Catalog purchase price and engine defaults for owned hardware (the infrastructure stage chose a cloud mode)",
    });
  }
  const perGpu = purchase !== null ? ownedPerGpuMonth(owned, args.gpu) : null;
  const capexMonthlyPerGpu = perGpu?.figures.find((f) => f.key === "owned.capexUsdPerGpuMonth")?.value ?? 0;
  const replicaUsd = mode === "owned" ? (s.costs.owned?.usdPerReplicaMonth ?? null) : perGpu && gpus ? perGpu.usdPerGpuMonth * gpus : null;
  const capexPerReplica = gpus ? owned.purchaseUsdPerGpu * (1 + owned.serverOverheadPercent / 100) * gpus : 0;
  const opexPerReplica = perGpu && gpus ? (perGpu.usdPerGpuMonth - capexMonthlyPerGpu) * gpus : 0;
  out.push({
    id: "self-owned",
    kind: "self-owned",
    family: "self-hosted",
    label: `${args.candidateName} self-hosted on owned hardware`,
    provider: "You (owned hardware)",
    vendor: null,
    isOpenModel: true,
    isConfiguredSelfHost: mode === "owned",
    model:
      replicaUsd !== null && capacity && gpus
        ? replicas(replicaUsd, capacity, s.minReplicas, fixed, o.marginalUsdPerMillionTokens, oneTime, args.finance.gpuTrendPercentPerYear, { capexUsdPerReplica: capexPerReplica, opexUsdPerReplicaMonth: opexPerReplica, lifeMonths: Math.max(1, Math.round(owned.amortisationYears * 12)) }, null)
        : null,
    checks: [
      c.allowedRegions.length > 0 ? { key: "residency", status: "met", text: "Runs on your premises (assumed inside the allowed regions)." } : null,
      processingCheck(c, "premises", "Owned hardware"),
      fit,
      latency,
      licence,
      replicaUsd === null ? { key: "cost", status: "broken", text: `No purchase price for ${args.gpu.name}: enter one in the infrastructure stage.` } : null,
    ],
    capability,
    formula:
      replicaUsd !== null
        ? `replicas × $${fmt(replicaUsd)}/replica-month (capital recovery over ${fmt(owned.amortisationYears)} years at ${fmt(owned.annualInterestRatePercent)}% + power + hosting) + ${fixedText}; cash: $${fmt(capexPerReplica)} per replica up front`
        : "no purchase price",
    notes: [`Hardware is replaced after ${fmt(owned.amortisationYears)} years; its straight-line book value at the end of the horizon is counted back as residual value.`],
    provenance: [args.pricing.purchaseRow?.provenance ?? (mode !== "owned" ? defaultPurchasePrice(args.gpu.id)?.provenance : null)],
  });
  return out;
}

function defaultPurchase(args: TOptionsArgs): number | null {
  return args.pricing.purchaseRow?.usdPerGpu ?? defaultPurchasePrice(args.gpu.id)?.usdPerGpu ?? null;
}

// ---------------------------------------------------------------------------------------------
// (f) hybrids

function hybridOptions(args: TOptionsArgs, v: TVolume, built: TDraftOption[]): TDraftOption[] {
  const incumbent = built.find((o) => o.id === "incumbent");
  if (!incumbent || !incumbent.model || incumbent.model.kind !== "per-token") return [];
  const api = incumbent.model;
  const c = args.capability;
  const router = args.log.take("economics", "economics.options.routerUsdPerMonth", "Hybrid router cost", args.inputs.economics?.options?.routerUsdPerMonth, OPTION_DEFAULTS.routerUsdPerMonth, {
    basis: OPTION_DEFAULTS.routerBasis,
    unit: "USD/month",
  });
  // Share and capability: the workloads where the open model passes, when it fails overall.
  const passing = c ? c.workloads.filter((w) => w.verdict === "pass") : [];
  const open = openCapability(args);
  const partialShare = open.status === "fails" && passing.length > 0 ? passing.reduce((sum, w) => sum + w.weightShare, 0) : null;
  const capability: TDraftOption["capability"] =
    partialShare !== null
      ? { status: "partial", text: `Routes only ${passing.map((w) => w.name).join(", ")}, where ${args.candidateName} passes; traffic split taken as the workloads' weight shares.` }
      : open;
  const out: TDraftOption[] = [];
  const openSides = built.filter((o) => o.model && o.model.kind !== "hybrid" && (o.isConfiguredSelfHost || o.kind === "hosted-serverless"));
  // One hybrid on the configured self-hosted mode, one on the cheapest hosted offer (if any).
  const hosted = openSides.filter((o) => o.kind === "hosted-serverless").sort((a, b) => monthlyCostUsd(a.model!, v.inputTokensPerMonth, v.outputTokensPerMonth) - monthlyCostUsd(b.model!, v.inputTokensPerMonth, v.outputTokensPerMonth))[0];
  const self = openSides.find((o) => o.isConfiguredSelfHost);
  for (const side of [self, hosted]) {
    if (!side?.model || side.model.kind === "hybrid") continue;
    const share = partialShare ?? bestShare(side.model, api, router, v, args.ownedParts.hybridShareOpen);
    if (!(share > 0 && share < 1)) continue;
    out.push({
      id: `hybrid-${side.id}`,
      kind: "hybrid",
      family: "hybrid",
      label: `Hybrid: ${shareText(share)} on ${side.label}, the rest on ${args.incumbentName}`,
      provider: `${side.provider} + ${incumbent.provider}`,
      vendor: incumbent.vendor,
      isOpenModel: true,
      model: { kind: "hybrid", openShare: share, open: side.model, api, routerUsdPerMonth: router },
      checks: mergeChecks(side.checks, incumbent.checks, args.constraints),
      capability,
      formula: `API((1 − ${fmt(share)}) × V) + open(${fmt(share)} × V) + router $${fmt(router)}/month; fixed costs of the open side counted once`,
      notes: partialShare !== null ? [] : ["Share chosen where the open side fills whole replicas at the lowest cost."],
      provenance: [...side.provenance, ...incumbent.provenance],
      openShare: share,
    });
  }
  return out;
}

/** Cheapest share in (0, 1) at the planned volume: within a replica step the cost is linear, so only whole-replica fills matter. */
function bestShare(open: TPerTokenCost | TReplicaCost, api: TPerTokenCost, router: number, v: TVolume, fallback: number): number {
  const total = v.inputTokensPerMonth + v.outputTokensPerMonth;
  if (open.kind !== "replicas" || !(total > 0)) return fallback;
  const cost = (h: number) => monthlyCostUsd({ kind: "hybrid", openShare: h, open, api, routerUsdPerMonth: router }, v.inputTokensPerMonth, v.outputTokensPerMonth);
  const fills = Math.floor(total / open.replicaCapacityTokensPerMonth);
  let best = fallback;
  let bestUsd = cost(fallback);
  const stride = Math.max(1, Math.ceil(fills / 1000));
  for (let k = Math.max(1, open.minReplicas); k <= fills; k += stride) {
    const h = (k * open.replicaCapacityTokensPerMonth) / total;
    if (h >= 1) break;
    const usd = cost(h);
    if (usd < bestUsd) {
      bestUsd = usd;
      best = h;
    }
  }
  return best;
}

/** A hybrid must satisfy both sides; air-gapped forbids any API traffic. */
function mergeChecks(open: TDraftOption["checks"], api: TDraftOption["checks"], c: TConstraints): TDraftOption["checks"] {
  const merged: TConstraintCheck[] = [];
  for (const check of [...open, ...api]) {
    if (!check) continue;
    const same = merged.findIndex((m) => m.key === check.key);
    const rank = { broken: 0, unknown: 1, met: 2 } as const;
    if (same < 0) merged.push(check);
    else if (rank[check.status] < rank[merged[same].status]) merged[same] = check;
  }
  if (c.processing === "air-gapped") merged.push({ key: "processing", status: "broken", text: "An air-gapped deployment cannot send any traffic to an API." });
  return merged;
}

// ---------------------------------------------------------------------------------------------

function sourcesOf(list: TDraftOption["provenance"]): { url: string; asOf: string }[] {
  const out = new Map<string, string>();
  for (const p of list) for (const url of p?.sourceUrls ?? []) if (!out.has(url)) out.set(url, p!.asOf);
  return [...out].map(([url, asOf]) => ({ url, asOf }));
}

export function buildOptions(args: TOptionsArgs): TOptionsResult {
  const v = args.volume;
  const hasApiPrice = args.incumbent.price !== null || args.incumbent.override !== null;
  if (!v || !(v.inputTokensPerMonth + v.outputTokensPerMonth >= 1)) {
    return { options: [], models: {}, cash: {}, plan: null, notCostedReason: v ? "the monthly volume is below one token" : "the monthly input and output tokens are not entered (economics stage)", notes: [] };
  }
  const plan: TVolumePlan = {
    inputTokensPerMonth: v.inputTokensPerMonth,
    outputTokensPerMonth: v.outputTokensPerMonth,
    monthlyGrowthPercent: args.ownedParts.monthlyVolumeGrowthPercent,
    horizonMonths: args.ownedParts.horizonMonths,
  };
  const drafts = [...apiOptions(args, v), ...hostedOptions(args), ...selfHostedOptions(args)];
  drafts.push(...hybridOptions(args, v, drafts));
  const months = Math.max(plan.horizonMonths, 36);
  const total = v.inputTokensPerMonth + v.outputTokensPerMonth;
  const cash: Record<string, TCashFlow> = {};
  const models: Record<string, TCostModel> = {};
  const options: TDecisionOption[] = drafts.map((d) => {
    const checks = d.checks.filter((x): x is TConstraintCheck => x !== null);
    let monthly: number | null = null;
    let summary = null;
    if (d.model) {
      monthly = monthlyCostUsd(d.model, v.inputTokensPerMonth, v.outputTokensPerMonth);
      const flow = cashFlow(d.model, plan, months);
      cash[d.id] = flow;
      models[d.id] = d.model;
      summary = { ...summariseCash(flow, plan.horizonMonths, args.finance.discountRatePercent), residualUsd: flow.residualUsd, committedUsd: flow.committedUsd };
    } else if (!checks.some((c) => c.key === "cost")) {
      checks.push({ key: "cost", status: "broken", text: "Not costed: a price or a sizing input is missing." });
    }
    const exclusions = checks.filter((c) => c.status === "broken").map((c) => c.text);
    return {
      id: d.id,
      kind: d.kind,
      family: d.family,
      label: d.label,
      provider: d.provider,
      vendor: d.vendor,
      isIncumbent: d.kind === "incumbent",
      isConfiguredSelfHost: d.isConfiguredSelfHost ?? false,
      isOpenModel: d.isOpenModel,
      monthlyUsd: monthly,
      usdPerMillionTokens: monthly !== null && total > 0 ? finiteOrNull((monthly / total) * 1e6) : null,
      oneTimeUsd: d.model ? oneTimeOf(d.model) : null,
      npvUsd: summary?.npvUsd ?? null,
      npvVendorUsd: summary?.npvVendorUsd ?? null,
      horizonUsd: summary?.horizonUsd ?? null,
      tco36Usd: summary?.tco36Usd ?? null,
      upfrontUsd: summary?.upfrontUsd ?? null,
      residualUsd: summary?.residualUsd ?? null,
      committedUsd: summary?.committedUsd ?? null,
      openShare: d.openShare ?? null,
      checks,
      capability: d.capability,
      isFeasible: exclusions.length === 0 && monthly !== null,
      exclusions,
      formula: d.formula,
      notes: d.notes,
      sources: sourcesOf(d.provenance),
    };
  });
  const notes: string[] = [];
  if (!hasApiPrice) notes.push("The incumbent API has no price: the API options cannot be compared with it.");
  if (args.model && getHostedPricesForModel(args.model.id).length === 0) notes.push(`The catalog has no hosted per-token price for ${args.candidateName}: hosted options are not listed (Fireworks prices serverless models by size, e.g. $0.90/M for 16.1B-80B, but the catalog does not record which models it serves).`);
  if (!GPU_CLOUD_PRICES.some((p) => p.pricingModel === "dedicated" && p.gpuId === args.gpu.id)) notes.push(`No dedicated-endpoint price for ${args.gpu.name} in the catalog: dedicated hosting is not costed.`);
  if (args.incumbent.price && getApiPrice(args.incumbentId)?.isDeprecated) notes.push(`${args.incumbentName} is deprecated in the catalog.`);
  return { options, models, cash, plan, notCostedReason: null, notes };
}

function oneTimeOf(model: TCostModel): number {
  if (model.kind === "hybrid") return model.open.oneTimeUsd + model.api.oneTimeUsd;
  return model.oneTimeUsd;
}
