// Ready-made assessments for the demo seed and "create from template". Every stage is filled in with
// realistic numbers (volumes from request counts × tokens per request, catalog prices, lean
// incremental teams), and together they span the verdicts: go, hybrid and no-go.
import { CURRENT_INPUTS_SCHEMA_VERSION, ZAssessmentInputs, type TAssessmentInputs, type TAssessmentInputsRaw } from "./inputs";
import { SAFETY_CONTROL_IDS } from "../catalog";
import type { TControlStatus } from "../safety";

export type TAssessmentTemplate = {
  id: string;
  name: string;
  description: string;
  candidateModelId: string;
  incumbentApiId: string;
  inputs: TAssessmentInputs;
};

/** Every catalog control gets a status (so the stage is complete); those not listed are missing. */
function controls(lists: { inPlace: string[]; planned?: string[]; notApplicable?: string[] }): Record<string, TControlStatus> {
  const out: Record<string, TControlStatus> = {};
  for (const id of SAFETY_CONTROL_IDS) out[id] = "missing";
  for (const id of lists.inPlace) out[id] = "in-place";
  for (const id of lists.planned ?? []) out[id] = "planned";
  for (const id of lists.notApplicable ?? []) out[id] = "not-applicable";
  return out;
}

const LOADED_USD_PER_YEAR = 210_000;
const DAY_RATE = Math.round(LOADED_USD_PER_YEAR / 220);
const HOUR_RATE = Math.round(LOADED_USD_PER_YEAR / 1760);

/** Monthly tokens from a request count and a request shape. */
function volume(requestsPerMonth: number, promptTokens: number, outputTokens: number) {
  return { inputTokensPerMonth: requestsPerMonth * promptTokens, outputTokensPerMonth: requestsPerMonth * outputTokens };
}

// ---------------------------------------------------------------------------------------------
// 1. Support summarisation: long threads make GPT-4o expensive enough that owning is close to
// cheaper, but the thin margin and an unsettled capability gap make it a pilot (hybrid).

const SUPPORT_PROMPT = 8_500;
const SUPPORT_OUTPUT = 400;

const supportSummarisation: TAssessmentInputsRaw = {
  schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
  licence: {
    orgFacts: {
      monthlyActiveUsers: 2_500_000,
      annualRevenueUsd: 1_800_000_000,
      sector: "general",
      intendedUses: ["summarisation", "customer-support"],
      regions: ["US", "UK", "EU"],
      principalPlaceOfBusiness: "US",
      isCommercialUse: true,
      willFineTune: true,
      willDistil: false,
      willRedistributeWeights: false,
      willShipInProduct: false,
      willHostForThirdParties: false,
      willUseOutputsToTrainOtherModels: false,
    },
  },
  capability: {
    toleranceScore: 0.03,
    workloads: [
      {
        id: "faithfulness",
        name: "Summary faithfulness (judge-checked)",
        weight: 3,
        metric: "pass-rate",
        candidate: { score: 0.904, passCount: 452, sampleCount: 500, source: "promptfoo" },
        incumbent: { score: 0.924, passCount: 462, sampleCount: 500, source: "promptfoo" },
      },
      {
        id: "action-items",
        name: "Action items extracted",
        weight: 2,
        metric: "accuracy",
        candidate: { score: 0.865, passCount: 173, sampleCount: 200 },
        incumbent: { score: 0.875, passCount: 175, sampleCount: 200 },
      },
      {
        id: "policy-tone",
        name: "Tone and policy compliance",
        weight: 1,
        metric: "pass-rate",
        candidate: { score: 0.96, passCount: 192, sampleCount: 200 },
        incumbent: { score: 0.965, passCount: 193, sampleCount: 200 },
      },
    ],
  },
  infrastructure: {
    gpuId: "h100-sxm-80gb",
    sizing: {
      promptTokensPerRequest: SUPPORT_PROMPT,
      outputTokensPerRequest: SUPPORT_OUTPUT,
      kvCachePrecision: "fp8",
      peak: { method: "factor", peakToAverageRatio: 2.5 },
      minReplicas: 2,
      minOutputTokensPerSecondPerSequence: 15,
    },
    pricing: { mode: "cloudReserved", cloudPriceId: "lambda-h100-sxm-on-demand", reservedDiscountPercent: 30 },
  },
  adaptation: {
    method: "lora",
    datasetTokens: 24_000_000,
    epochs: 2,
    sequenceLengthTokens: 4096,
    loraRank: 16,
    dataPrepUsd: 8_000,
    labellingUsd: 12_000,
    engineeringPersonDays: 15,
    usdPerPersonDay: DAY_RATE,
    quantization: { precision: "fp8", qualityDelta: { points: -0.4, metric: "summary faithfulness", source: "measured", note: "500-thread eval, bf16 vs FP8" } },
  },
  safety: {
    controls: controls({
      inPlace: ["pii-redaction", "output-handling", "rag-access-control", "system-prompt-hygiene", "rate-limits", "model-endpoint-security", "monitoring-logging", "human-oversight", "weights-provenance", "serving-stack-patching", "ai-literacy"],
      planned: ["input-guard-model", "output-guard-model", "prompt-injection-detection", "grounding-checks", "incident-response", "finetune-data-vetting", "post-finetune-safety-regression", "safety-benchmark", "red-team-exercises"],
      notApplicable: ["tool-least-privilege", "abuse-enforcement", "cost-compute-caps"],
    }),
    costs: {
      guardServing: { mode: "gpu", gpuCount: 1, usdPerGpuHour: 0.75, hoursPerMonth: 730 },
      redTeamExercisesPerYear: 2,
      usdPerRedTeamExercise: 20_000,
      monitoringToolingUsdPerMonth: 0,
      safetyStaffFte: 0,
      safetyStaffLoadedUsdPerYear: 0,
      otherUsdPerMonth: 300,
    },
  },
  lifecycle: {
    staffing: [
      { role: "ML engineer", fte: 0.5, loadedUsdPerYear: LOADED_USD_PER_YEAR },
      { role: "MLOps / SRE", fte: 0.5, loadedUsdPerYear: LOADED_USD_PER_YEAR },
      { role: "Safety and evaluations", fte: 0.25, loadedUsdPerYear: LOADED_USD_PER_YEAR },
    ],
    refresh: { refreshesPerYear: 2, evalGpuHoursPerRefresh: 40, usdPerGpuHour: 2.74, evalPersonDaysPerRefresh: 6, usdPerPersonDay: DAY_RATE, regressionSuiteUsdPerRefresh: 600 },
    patching: { hoursPerMonth: 6, usdPerHour: HOUR_RATE },
    monitoringToolingUsdPerMonth: 700,
  },
  economics: {
    ...volume(1_200_000, SUPPORT_PROMPT, SUPPORT_OUTPUT),
    horizonMonths: 36,
    monthlyVolumeGrowthPercent: 2.5,
    hybridShareOpen: 0.5,
    oneTime: { setupUsd: 35_000, otherUsd: 0 },
    otherFixedUsdPerMonth: 0,
  },
};

// ---------------------------------------------------------------------------------------------
// 2. Internal code assistant: heavy, context-rich traffic from 600 engineers, code may not leave
// the premises, and Claude Sonnet's price: owned hardware wins clearly (go).

const CODE_PROMPT = 6_000;
const CODE_OUTPUT = 350;
/** 600 engineers × 22 working days × 350 requests a day (completions, chat, review). */
const CODE_REQUESTS = 600 * 22 * 350;

const codeAssistant: TAssessmentInputsRaw = {
  schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
  licence: {
    orgFacts: {
      monthlyActiveUsers: 600,
      annualRevenueUsd: 900_000_000,
      sector: "general",
      intendedUses: ["code-assistance"],
      regions: ["US"],
      principalPlaceOfBusiness: "US",
      isCommercialUse: true,
      willFineTune: true,
      willDistil: false,
      willRedistributeWeights: false,
      willShipInProduct: false,
      willHostForThirdParties: false,
      willUseOutputsToTrainOtherModels: false,
    },
  },
  capability: {
    toleranceScore: 0.03,
    workloads: [
      {
        id: "repo-tasks",
        name: "Internal repo tasks (unit tests pass)",
        weight: 3,
        metric: "pass-rate",
        candidate: { score: 0.7315, passCount: 1463, sampleCount: 2000, source: "promptfoo" },
        incumbent: { score: 0.7245, passCount: 1449, sampleCount: 2000, source: "promptfoo" },
      },
      {
        id: "review-comments",
        name: "Review comments rated useful",
        weight: 1,
        metric: "win-rate",
        candidate: { score: 0.49, passCount: 588, sampleCount: 1200 },
        incumbent: { score: 0.5, passCount: 600, sampleCount: 1200 },
      },
    ],
  },
  infrastructure: {
    gpuId: "h100-sxm-80gb",
    sizing: {
      promptTokensPerRequest: CODE_PROMPT,
      outputTokensPerRequest: CODE_OUTPUT,
      kvCachePrecision: "fp8",
      // Working hours: 8 h × 22 days concentrate traffic about 4× the 730-hour average.
      peak: { method: "factor", peakToAverageRatio: 4 },
      minReplicas: 2,
      minOutputTokensPerSecondPerSequence: 25,
      // The same repository context the API's prompt cache serves (30% of input, see economics)
      // is served from vLLM's prefix cache on the owned side.
      promptCacheHitShare: 0.3,
      // Find the cheapest layout over every GPU with a catalog price, not just the H100s on hand.
      layoutSearch: "all-gpus",
    },
    pricing: {
      mode: "owned",
      purchasePriceId: "h100-unit",
      owned: { serverOverheadPercent: 30, annualInterestRatePercent: 7, amortisationYears: 4, powerUsageEffectiveness: 1.4, usdPerKwh: 0.12, hostingUsdPerGpuMonth: 120 },
    },
  },
  adaptation: {
    method: "lora",
    datasetTokens: 150_000_000,
    epochs: 1,
    sequenceLengthTokens: 8192,
    loraRank: 32,
    dataPrepUsd: 15_000,
    labellingUsd: 0,
    engineeringPersonDays: 20,
    usdPerPersonDay: DAY_RATE,
    usdPerGpuHour: 3,
    quantization: { precision: "fp8", qualityDelta: { points: -0.3, metric: "repo tasks pass rate", source: "measured" } },
  },
  safety: {
    controls: controls({
      inPlace: [
        "output-handling",
        "rag-access-control",
        "system-prompt-hygiene",
        "rate-limits",
        "cost-compute-caps",
        "model-endpoint-security",
        "monitoring-logging",
        "human-oversight",
        "tool-least-privilege",
        "weights-provenance",
        "ai-bom",
        "serving-stack-patching",
        "finetune-data-vetting",
        "post-finetune-safety-regression",
        "copyright-safeguards",
        "ai-literacy",
        "incident-response",
        "untrusted-content-isolation",
      ],
      planned: ["prompt-injection-detection", "safety-benchmark", "red-team-exercises", "grounding-checks"],
      notApplicable: ["abuse-enforcement", "transparency-notice", "bias-evaluation", "input-guard-model", "output-guard-model"],
    }),
    costs: {
      guardServing: { mode: "usd-per-month", usdPerMonth: 0 },
      redTeamExercisesPerYear: 1,
      usdPerRedTeamExercise: 30_000,
      monitoringToolingUsdPerMonth: 0,
      safetyStaffFte: 0,
      safetyStaffLoadedUsdPerYear: 0,
      otherUsdPerMonth: 500,
    },
  },
  lifecycle: {
    staffing: [
      { role: "ML engineer", fte: 1, loadedUsdPerYear: LOADED_USD_PER_YEAR },
      { role: "MLOps / SRE (GPU servers)", fte: 1, loadedUsdPerYear: LOADED_USD_PER_YEAR },
      { role: "Safety and evaluations", fte: 0.25, loadedUsdPerYear: LOADED_USD_PER_YEAR },
    ],
    refresh: { refreshesPerYear: 3, evalGpuHoursPerRefresh: 80, usdPerGpuHour: 3, evalPersonDaysPerRefresh: 8, usdPerPersonDay: DAY_RATE, regressionSuiteUsdPerRefresh: 1_000 },
    patching: { hoursPerMonth: 12, usdPerHour: HOUR_RATE },
    monitoringToolingUsdPerMonth: 1_000,
  },
  economics: {
    ...volume(CODE_REQUESTS, CODE_PROMPT, CODE_OUTPUT),
    // Repeated repository context hits Anthropic's prompt cache: ~30% of input at the $0.30 cache-hit price.
    apiPriceOverride: { inputUsdPerMTok: 0.7 * 3 + 0.3 * 0.3, outputUsdPerMTok: 15, asOf: "2026", note: "Claude Sonnet 4.5 list price with 30% of input tokens served from the prompt cache at $0.30/M" },
    // Source code may not leave the premises.
    constraints: { processing: "on-premises" },
    horizonMonths: 36,
    monthlyVolumeGrowthPercent: 0.5,
    hybridShareOpen: 0.5,
    oneTime: { setupUsd: 60_000, otherUsd: 0 },
    otherFixedUsdPerMonth: 0,
  },
};

// ---------------------------------------------------------------------------------------------
// 3. Ticket triage: millions of short requests, but GPT-4o mini is so cheap that no realistic
// volume pays for a team to run even an 8B model (no-go).

const TRIAGE_PROMPT = 900;
const TRIAGE_OUTPUT = 40;

const ticketTriage: TAssessmentInputsRaw = {
  schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
  licence: {
    orgFacts: {
      monthlyActiveUsers: 4_000_000,
      annualRevenueUsd: 3_200_000_000,
      sector: "general",
      intendedUses: ["customer-support", "data-extraction"],
      regions: ["US", "UK"],
      principalPlaceOfBusiness: "US",
      isCommercialUse: true,
      willFineTune: true,
      willDistil: false,
      willRedistributeWeights: false,
      willShipInProduct: false,
      willHostForThirdParties: false,
      willUseOutputsToTrainOtherModels: false,
    },
  },
  capability: {
    toleranceScore: 0.02,
    workloads: [
      {
        id: "queue-routing",
        name: "Queue routing accuracy",
        weight: 3,
        metric: "accuracy",
        candidate: { score: 0.9043, passCount: 2713, sampleCount: 3000 },
        incumbent: { score: 0.901, passCount: 2703, sampleCount: 3000 },
      },
      {
        id: "priority",
        name: "Priority tag exact match",
        weight: 1,
        metric: "exact-match",
        candidate: { score: 0.84, passCount: 840, sampleCount: 1000 },
        incumbent: { score: 0.846, passCount: 846, sampleCount: 1000 },
      },
    ],
  },
  infrastructure: {
    gpuId: "h100-sxm-80gb",
    sizing: {
      promptTokensPerRequest: TRIAGE_PROMPT,
      outputTokensPerRequest: TRIAGE_OUTPUT,
      peak: { method: "factor", peakToAverageRatio: 3 },
      minReplicas: 2,
      // Routing is in the request path: fast tokens and a short first token.
      minOutputTokensPerSecondPerSequence: 40,
    },
    pricing: { mode: "cloudOnDemand", cloudPriceId: "lambda-h100-sxm-on-demand" },
  },
  adaptation: {
    method: "lora",
    datasetTokens: 30_000_000,
    epochs: 2,
    sequenceLengthTokens: 1024,
    loraRank: 16,
    dataPrepUsd: 5_000,
    labellingUsd: 15_000,
    engineeringPersonDays: 10,
    usdPerPersonDay: DAY_RATE,
  },
  safety: {
    controls: controls({
      inPlace: ["output-handling", "system-prompt-hygiene", "rate-limits", "model-endpoint-security", "monitoring-logging", "weights-provenance", "serving-stack-patching", "pii-redaction"],
      planned: ["prompt-injection-detection", "incident-response", "safety-benchmark", "post-finetune-safety-regression", "finetune-data-vetting"],
      notApplicable: ["tool-least-privilege", "abuse-enforcement", "rag-access-control", "copyright-safeguards", "transparency-notice", "output-guard-model"],
    }),
    costs: {
      guardServing: { mode: "usd-per-month", usdPerMonth: 0 },
      redTeamExercisesPerYear: 1,
      usdPerRedTeamExercise: 15_000,
      monitoringToolingUsdPerMonth: 0,
      safetyStaffFte: 0,
      safetyStaffLoadedUsdPerYear: 0,
      otherUsdPerMonth: 0,
    },
  },
  lifecycle: {
    staffing: [
      { role: "ML engineer", fte: 0.5, loadedUsdPerYear: LOADED_USD_PER_YEAR },
      { role: "MLOps / SRE", fte: 0.25, loadedUsdPerYear: LOADED_USD_PER_YEAR },
    ],
    refresh: { refreshesPerYear: 2, evalGpuHoursPerRefresh: 10, usdPerGpuHour: 2.74, evalPersonDaysPerRefresh: 4, usdPerPersonDay: DAY_RATE, regressionSuiteUsdPerRefresh: 200 },
    patching: { hoursPerMonth: 4, usdPerHour: HOUR_RATE },
    monitoringToolingUsdPerMonth: 300,
  },
  economics: {
    ...volume(3_000_000, TRIAGE_PROMPT, TRIAGE_OUTPUT),
    horizonMonths: 36,
    monthlyVolumeGrowthPercent: 2,
    hybridShareOpen: 0.5,
    oneTime: { setupUsd: 20_000, otherUsd: 0 },
    otherFixedUsdPerMonth: 0,
  },
};

// ---------------------------------------------------------------------------------------------
// 4. Contract clause extraction in the EU: documents may not leave the EU, the licence is clean
// (Apache-2.0), but at 40k contracts a month GPT-4o mini costs a few hundred dollars: the case for
// self-hosting is residency, not cost (no-go on the numbers; the report says what would change).

const CONTRACT_PROMPT = 7_000;
const CONTRACT_OUTPUT = 600;
/** 40,000 contracts × 4 chunks of ~7,000 tokens. */
const CONTRACT_REQUESTS = 40_000 * 4;

const contractExtractionEu: TAssessmentInputsRaw = {
  schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION,
  licence: {
    orgFacts: {
      monthlyActiveUsers: 1_200,
      annualRevenueUsd: 450_000_000,
      sector: "legal",
      intendedUses: ["data-extraction", "summarisation"],
      regions: ["EU"],
      principalPlaceOfBusiness: "EU",
      isCommercialUse: true,
      willFineTune: false,
      willDistil: false,
      willRedistributeWeights: false,
      willShipInProduct: false,
      willHostForThirdParties: false,
      willUseOutputsToTrainOtherModels: false,
    },
  },
  capability: {
    toleranceScore: 0.03,
    workloads: [
      {
        id: "clause-f1",
        name: "Clause extraction (exact span match)",
        weight: 3,
        metric: "exact-match",
        candidate: { score: 0.88, passCount: 132, sampleCount: 150 },
        incumbent: { score: 0.9, passCount: 135, sampleCount: 150 },
      },
      {
        id: "clause-type",
        name: "Clause classification",
        weight: 2,
        metric: "accuracy",
        candidate: { score: 0.93, passCount: 186, sampleCount: 200 },
        incumbent: { score: 0.935, passCount: 187, sampleCount: 200 },
      },
    ],
  },
  infrastructure: {
    gpuId: "h100-sxm-80gb",
    sizing: {
      promptTokensPerRequest: CONTRACT_PROMPT,
      outputTokensPerRequest: CONTRACT_OUTPUT,
      peak: { method: "factor", peakToAverageRatio: 4 },
      minReplicas: 1,
      // Batch work overnight and during the day: no interactive latency target.
      minOutputTokensPerSecondPerSequence: 5,
    },
    pricing: { mode: "cloudOnDemand", usdPerGpuHour: 3.2 },
  },
  adaptation: {
    method: "none",
  },
  safety: {
    controls: controls({
      inPlace: ["pii-redaction", "output-handling", "rag-access-control", "system-prompt-hygiene", "model-endpoint-security", "monitoring-logging", "human-oversight", "weights-provenance", "ai-literacy", "transparency-notice"],
      planned: ["grounding-checks", "incident-response", "serving-stack-patching", "ai-bom", "safety-benchmark"],
      notApplicable: ["abuse-enforcement", "tool-least-privilege", "rate-limits", "finetune-data-vetting", "post-finetune-safety-regression", "input-guard-model", "bias-evaluation"],
    }),
    costs: {
      guardServing: { mode: "usd-per-month", usdPerMonth: 0 },
      redTeamExercisesPerYear: 1,
      usdPerRedTeamExercise: 15_000,
      monitoringToolingUsdPerMonth: 0,
      safetyStaffFte: 0,
      safetyStaffLoadedUsdPerYear: 0,
      otherUsdPerMonth: 250,
    },
  },
  lifecycle: {
    staffing: [
      { role: "ML engineer", fte: 0.5, loadedUsdPerYear: 150_000 },
      { role: "Platform engineer", fte: 0.25, loadedUsdPerYear: 150_000 },
    ],
    refresh: { refreshesPerYear: 1, evalGpuHoursPerRefresh: 20, usdPerGpuHour: 3.2, evalPersonDaysPerRefresh: 5, usdPerPersonDay: 680, regressionSuiteUsdPerRefresh: 300 },
    patching: { hoursPerMonth: 4, usdPerHour: 85 },
    monitoringToolingUsdPerMonth: 250,
  },
  economics: {
    ...volume(CONTRACT_REQUESTS, CONTRACT_PROMPT, CONTRACT_OUTPUT),
    // Documents may not leave the EU; contracts are processed in overnight and daytime batches.
    constraints: { allowedRegions: ["EU"] },
    workload: { isAsynchronous: true },
    horizonMonths: 36,
    monthlyVolumeGrowthPercent: 1,
    hybridShareOpen: 0.5,
    oneTime: { setupUsd: 25_000, otherUsd: 0 },
    otherFixedUsdPerMonth: 0,
  },
};

export const ASSESSMENT_TEMPLATES: readonly TAssessmentTemplate[] = [
  {
    id: "support-summarisation",
    name: "Support summarisation: Llama 3.3 70B vs GPT-4o (1.2M conversations/month)",
    description: "Summarise 1.2M support threads a month (full history and account notes, ~8,500 tokens each) for agents and QA, volume growing ~2.5% a month; today on GPT-4o.",
    candidateModelId: "llama-3.3-70b-instruct",
    incumbentApiId: "openai-gpt-4o",
    inputs: ZAssessmentInputs.parse(supportSummarisation),
  },
  {
    id: "internal-code-assistant",
    name: "Internal code assistant: Qwen2.5 72B vs Claude Sonnet 4.5 (600 engineers, code stays on-prem)",
    description: "Completion, chat and review comments for 600 engineers (~4.6M requests a month with repository context); source code may not leave the premises.",
    candidateModelId: "qwen2.5-72b-instruct",
    incumbentApiId: "anthropic-claude-sonnet-4.5",
    inputs: ZAssessmentInputs.parse(codeAssistant),
  },
  {
    id: "ticket-triage",
    name: "Ticket triage: Llama 3.1 8B vs GPT-4o mini (3M tickets/month, latency-sensitive)",
    description: "Route and tag 3M inbound tickets a month in the request path (40 tokens/s per user, short prompts).",
    candidateModelId: "llama-3.1-8b",
    incumbentApiId: "openai-gpt-4o-mini",
    inputs: ZAssessmentInputs.parse(ticketTriage),
  },
  {
    id: "contract-extraction-eu",
    name: "Contract clause extraction in the EU: Mistral Small 24B vs GPT-4o mini",
    description: "Extract and classify clauses from 40k supplier contracts a month; documents may not leave the EU.",
    candidateModelId: "mistral-small-24b-instruct-2501",
    incumbentApiId: "openai-gpt-4o-mini",
    inputs: ZAssessmentInputs.parse(contractExtractionEu),
  },
];

export function getTemplate(id: string): TAssessmentTemplate | undefined {
  return ASSESSMENT_TEMPLATES.find((t) => t.id === id);
}
