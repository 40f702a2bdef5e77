// What each wizard stage asks, in plain words: one spec list per stage drives a generic field
// renderer (components/wizard/stage-fields.tsx). Server-side: it reads the catalog for pickers and
// passes plain data to the client.
import { ZLoraTarget, type TLoraTarget } from "@/lib/domain/adaptation";
import type { TSummaryRow } from "@/lib/domain/catalog";
import { ZCapabilityMetric } from "@/lib/domain/capability";
import { GPUS } from "@/lib/domain/catalog";
import { LICENCES } from "@/lib/domain/catalog";
import { ZIntendedUse, ZRegion, ZSector } from "@/lib/domain/catalog";
import { API_PRICES, CATALOG_DATE, catalogOptionLabel, GPU_CLOUD_PRICES, GPU_PURCHASE_PRICES } from "@/lib/domain/catalog";
import { ZOpennessNeed } from "@/lib/domain/assessment";
import { SAFETY_CONTROLS } from "@/lib/domain/catalog";
import { EFFICIENCY_DEFAULTS } from "@/lib/domain/sizing";
import { HOURS_PER_MONTH } from "@/lib/domain/shared";
import { ENGINE_ADAPTATION_DEFAULTS, UNCERTAIN_KEY_LABELS } from "@/lib/domain/report";
import { ZControlStatus } from "@/lib/domain/safety";
import { ZPeak } from "@/lib/domain/sizing";
import { WEIGHT_PRECISIONS, ZKvCachePrecision, ZWeightPrecision } from "@/lib/domain/sizing";
import type { TStageKey } from "@/lib/domain/shared";
import { CUSTOM_GPU_VENDOR_DEFAULT, UNCERTAINTY_FORM_RANGES } from "./stage-draft";

export type TOption = { value: string; label: string };
type TBase = {
  path: string;
  label: string;
  hint?: string;
  /** The report assumption whose default this field shows, when it is not the field's own path. */
  defaultKey?: string;
  /** Default text for a value the report does not log as an assumption (an engine default). */
  fallback?: string;
  /** Shown only while another field of the draft has this value (a branch of a choice). */
  when?: { path: string; equals: string };
};
export type TFieldSpec =
  | (TBase & { kind: "number"; unit?: string })
  | (TBase & { kind: "text" })
  | (TBase & { kind: "select"; options: TOption[]; emptyLabel?: string; /** The stored value is a number (option values are its text). */ isNumeric?: boolean })
  | (TBase & { kind: "bool" })
  | (TBase & { kind: "multi"; options: TOption[] })
  | (TBase & { kind: "list"; itemLabel: string; columns: TFieldSpec[]; newItem: Record<string, unknown>; addLabel: string });
/** Rows a list runs on while nothing is entered: what the results charge, and where it comes from. */
export type TAssumedList = { rows: Record<string, unknown>[]; source: string; chargedText: string };
/** `collapsed`: an optional group (advanced inputs that run on stated defaults), closed until opened. */
export type TFieldGroup = { title: string; description?: string; fields: TFieldSpec[]; collapsed?: boolean; columns?: 2 | 3 };

/** Options from an enum's values, as words: "score-0-1" and "gguf_q4_k_m" are stored ids, not labels. */
const opts = (values: readonly string[], labels: Partial<Record<string, string>> = {}): TOption[] => values.map((v) => ({ value: v, label: labels[v] ?? v.replace(/[-_]/g, " ") }));
const REGION_LABELS: Record<(typeof ZRegion.options)[number], string> = {
  EU: "EU",
  "EEA-non-EU": "EEA outside the EU (Norway, Iceland, Liechtenstein)",
  UK: "UK",
  CH: "Switzerland",
  US: "US",
  CN: "China",
  other: "Other",
};
const METRIC_LABELS: Partial<Record<string, string>> = { "score-0-1": "score from 0 to 1" };
const WEIGHT_PRECISION_LABELS = Object.fromEntries(ZWeightPrecision.options.map((p) => [p, WEIGHT_PRECISIONS[p].label]));
const KV_PRECISION_LABELS = Object.fromEntries(ZKvCachePrecision.options.map((p) => [p, p.toUpperCase()]));
const num = (path: string, label: string, unit: string, hint?: string): TFieldSpec => ({ kind: "number", path, label, unit, hint });
const bool = (path: string, label: string, hint?: string): TFieldSpec => ({ kind: "bool", path, label, hint });

// One formatter for every label: toLocaleString with options builds a new Intl.NumberFormat per
// call, and the stage pages label every catalog price row per request (~3 ms a page). Same output.
const USD_AMOUNT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const usd = (x: number) => `$${USD_AMOUNT.format(x)}`;

/**
 * The pickers that offer catalog price rows, keyed by field path: each label carries the row's date
 * and, past 180 days, "stale", counted to `todayIso`. The specs below hold them as of the catalog's
 * own date; stageGroups (stage-view.ts) re-labels them as of the day the report counts ages to.
 */
export function catalogPriceOptions(todayIso: string): Record<string, TOption[]> {
  return {
    "pricing.cloudPriceId": GPU_CLOUD_PRICES.map((p) => ({ value: p.id, label: catalogOptionLabel(`${p.provider} ${p.sku} (${p.gpuId}), ${usd(p.usdPerGpuHour)}/GPU-h, ${p.pricingModel}`, p.asOf, todayIso) })),
    "pricing.purchasePriceId": GPU_PURCHASE_PRICES.map((p) => ({ value: p.id, label: catalogOptionLabel(`${p.item}, ${usd(p.usdPerGpu)} per GPU`, p.asOf, todayIso) })),
    "options.validatedApiIds": API_PRICES.filter((p) => !p.isDeprecated).map((p) => ({ value: p.id, label: catalogOptionLabel(`${p.vendor} ${p.model}`, p.asOf, todayIso) })),
  };
}
const CATALOG_PRICE_OPTIONS = catalogPriceOptions(CATALOG_DATE);

const OPENNESS_NEED_LABELS: Record<(typeof ZOpennessNeed.options)[number], string> = {
  reproducibility: "reproduce the model (code, data, recipe)",
  "audit-training-data": "audit its training data",
  "retrain-from-scratch": "retrain it from scratch",
  "modify-and-redistribute": "modify and redistribute it under open terms",
};

const licence: TFieldGroup[] = [
  {
    title: "Which licence",
    description: "The licence follows the candidate model from the catalog. Override it only if you will run a different release.",
    fields: [
      {
        kind: "select",
        path: "licenceIdOverride",
        label: "Licence to assess",
        emptyLabel: "Follow the model's licence",
        options: LICENCES.map((l) => ({ value: l.id, label: l.name })),
      },
    ],
  },
  {
    title: "Your organisation",
    description: "Licences set thresholds on size and limits on uses and places; answer for the whole organisation.",
    fields: [
      num("orgFacts.monthlyActiveUsers", "Monthly active users", "users", "Across all your products, not just this one (some licences cap this)."),
      num("orgFacts.annualRevenueUsd", "Annual revenue", "USD", "Group revenue in US dollars per year."),
      { kind: "select", path: "orgFacts.sector", label: "Sector", options: opts(ZSector.options) },
      { kind: "select", path: "orgFacts.principalPlaceOfBusiness", label: "Principal place of business", options: opts(ZRegion.options, REGION_LABELS) },
      { kind: "multi", path: "orgFacts.regions", label: "Regions where the model is used", options: opts(ZRegion.options, REGION_LABELS) },
      { kind: "multi", path: "orgFacts.intendedUses", label: "Intended uses", options: opts(ZIntendedUse.options) },
    ],
  },
  {
    title: "What you will do with the weights",
    fields: [
      bool("orgFacts.isCommercialUse", "Commercial use"),
      bool("orgFacts.willFineTune", "Fine-tune the model"),
      bool("orgFacts.willDistil", "Distil it into another model"),
      bool("orgFacts.willRedistributeWeights", "Redistribute the weights"),
      bool("orgFacts.willShipInProduct", "Ship it inside a product"),
      bool("orgFacts.willHostForThirdParties", "Host it for third parties"),
      bool("orgFacts.willUseOutputsToTrainOtherModels", "Train other models on its outputs"),
      bool("orgFacts.isMultimodal", "Use image or audio inputs"),
    ],
  },
  {
    title: "Beyond running it",
    description: "Open weights is not open source: say what else you need, and the stage checks whether the model's release allows it (Model Openness Framework).",
    fields: [{ kind: "multi", path: "opennessNeeds", label: "You need to", options: ZOpennessNeed.options.map((v) => ({ value: v, label: OPENNESS_NEED_LABELS[v] })) }],
  },
];

const resultColumns = (side: "candidate" | "incumbent", who: string): TFieldSpec[] => [
  num(`${side}.score`, `${who} score`, "0..1", "Mean score from 0 to 1 (0.82 = 82%)."),
  num(`${side}.sampleCount`, `${who} samples`, "items", "How many items were scored; sets the interval width."),
  num(`${side}.passCount`, `${who} passed`, "items", "For pass/fail metrics: items passed (optional)."),
];

const capability: TFieldGroup[] = [
  {
    title: "Names and tolerance",
    fields: [
      { kind: "text", path: "candidateName", label: "Candidate name", hint: "Defaults to the catalog model name." },
      { kind: "text", path: "incumbentName", label: "Incumbent name", hint: "Defaults to the incumbent API's name." },
      num("toleranceScore", "Tolerated shortfall", "score units", "Largest acceptable drop, 0..1 (0.03 = 3 points)."),
    ],
  },
  {
    title: "Workloads",
    description: "One row per task your team runs, with the score each model got on your own evaluation set. Import a file below or type scores in.",
    fields: [
      {
        kind: "list",
        path: "workloads",
        label: "Workloads",
        itemLabel: "Workload",
        addLabel: "Add workload",
        newItem: { metric: "accuracy", weight: 1 },
        columns: [
          { kind: "text", path: "id", label: "Id", hint: "Short unique id, e.g. summaries." },
          { kind: "text", path: "name", label: "Name" },
          num("weight", "Weight", "relative", "Share of importance; normalised over workloads."),
          { kind: "select", path: "metric", label: "Metric", options: opts(ZCapabilityMetric.options, METRIC_LABELS) },
          ...resultColumns("candidate", "Candidate"),
          ...resultColumns("incumbent", "Incumbent"),
          num("paired.bothPass", "Same items: both right", "items", "Only when both models ran the same items: the comparison is then paired and needs fewer items."),
          num("paired.candidateOnly", "Same items: only candidate right", "items"),
          num("paired.incumbentOnly", "Same items: only incumbent right", "items"),
          num("paired.bothFail", "Same items: both wrong", "items"),
        ],
      },
    ],
  },
];

const customGpu: TFieldGroup = {
  title: "Custom GPU",
  collapsed: true,
  description:
    "For a GPU the catalog lacks, from its data sheet. Once described it is used instead of the GPU chosen above; clear these fields to go back. The catalog has no price for it: enter its price per GPU-hour as “Your quoted price” (cloud) or “Your purchase quote” (owned) under How you pay for GPUs.",
  fields: [
    { kind: "text", path: "customGpu.name", label: "Custom GPU name", hint: "As it should read in results, e.g. MI325X 256GB." },
    { kind: "text", path: "customGpu.vendor", label: "Custom GPU vendor", fallback: `${CUSTOM_GPU_VENDOR_DEFAULT}` },
    num("customGpu.memoryGb", "Custom GPU memory", "GB per GPU", "High-bandwidth memory on one GPU."),
    num("customGpu.memoryBandwidthTbps", "Custom GPU memory bandwidth", "TB/s", "Peak memory bandwidth; 1 TB/s = 1,000 GB/s. Sets decode speed."),
    num("customGpu.bf16DenseTflops", "Custom GPU BF16 compute", "TFLOPS, dense", "Without sparsity (data sheets often quote twice this with it). Sets prompt speed."),
    { ...num("customGpu.fp8DenseTflops", "Custom GPU FP8 compute", "TFLOPS, dense", "Only if it has FP8; used when serving at fp8."), fallback: "none (no FP8 support)" },
    num("customGpu.tdpWatts", "Custom GPU power", "W", "Rated board power (TDP); prices electricity for owned hardware."),
  ],
};

/** The engine's own defaults for the Poisson peak model, read from its schema (one source). */
const POISSON_DEFAULTS = ZPeak.options[1].parse({ method: "poisson" });
const whenPeak = (equals: "factor" | "poisson" | "rate") => ({ when: { path: "sizing.peak.method", equals } });

const peakTraffic: TFieldGroup = {
  title: "Advanced: peak traffic",
  collapsed: true,
  description: "With “Busy hour with Poisson arrivals” chosen as the peak above: the busiest hour runs at a multiple of the monthly average, and capacity keeps up with a share of the bursts within it.",
  fields: [
    { ...num("sizing.peak.busyHourToAverageRatio", "Busy hour to average", "× the monthly average", "How much busier the busiest hour is."), fallback: `${POISSON_DEFAULTS.busyHourToAverageRatio} × (engine default)`, ...whenPeak("poisson") },
    { ...num("sizing.peak.intervalSeconds", "Burst interval", "seconds", "Arrivals are counted per interval of this length."), fallback: `${POISSON_DEFAULTS.intervalSeconds} s (engine default)`, ...whenPeak("poisson") },
    {
      ...num("sizing.peak.quantile", "Intervals covered", "quantile, 0.5 to 0.99", "Share of intervals whose arrivals capacity keeps up with."),
      fallback: `${POISSON_DEFAULTS.quantile} (engine default: NVIDIA's TCO method sizes for p95)`,
      ...whenPeak("poisson"),
    },
  ],
};
const LORA_TARGET_LABELS: Record<TLoraTarget, string> = {
  q: "q_proj (query)",
  k: "k_proj (key)",
  v: "v_proj (value)",
  o: "o_proj (attention output)",
  gate: "gate_proj (MLP gate)",
  up: "up_proj (MLP up)",
  down: "down_proj (MLP down)",
};

const loraAdapter: TFieldGroup = {
  title: "Advanced: LoRA adapter",
  collapsed: true,
  description: "LoRA and QLoRA only. The rank and the layers adapted set the adapter's size, and with it training memory and time.",
  fields: [
    { ...num("loraRank", "LoRA rank", "rank, a whole number", "Usually 8 to 64; higher adapts more and trains slower."), fallback: `${ENGINE_ADAPTATION_DEFAULTS.loraRank} (engine default)` },
    {
      kind: "multi",
      path: "loraTargets",
      label: "LoRA target modules",
      hint: "Linear layers that get an adapter, by their Hugging Face PEFT names.",
      options: ZLoraTarget.options.map((t) => ({ value: t, label: LORA_TARGET_LABELS[t] })),
      fallback: `${ENGINE_ADAPTATION_DEFAULTS.loraTargets.join(", ")} (engine default: the attention projections)`,
    },
  ],
};

const TP_DEGREES = [1, 2, 4, 8, 16, 32, 64];
const infrastructure: TFieldGroup[] = [
  {
    title: "Hardware",
    fields: [
      { kind: "select", path: "gpuId", label: "GPU", hint: "A custom GPU, when described below, replaces this choice.", options: GPUS.map((g) => ({ value: g.id, label: g.name })) },
      num("sizing.gpusPerNode", "GPUs per server", "GPUs"),
      num("sizing.minReplicas", "Minimum replicas", "replicas", "Copies kept running for availability."),
      bool("sizing.hasSpareReplica", "Keep one spare replica per region (N+1)"),
      num("sizing.regions", "Regions", "regions", "Each region serves an equal share of the traffic with its own replicas."),
    ],
  },
  {
    title: "Requests",
    description: "Monthly volume is entered once, on the economics page; sizing reads it from there.",
    fields: [
      num("sizing.promptTokensPerRequest", "Prompt length", "tokens per request", "Average input tokens, including system prompt and context."),
      num("sizing.outputTokensPerRequest", "Answer length", "tokens per request", "Average generated tokens."),
      num("sizing.gpuMemoryUtilization", "GPU memory usable", "fraction 0..1"),
      num("sizing.memoryBandwidthUtilization", "Memory bandwidth achieved", "fraction 0..1"),
    ],
  },
  {
    title: "Service levels",
    description: "Replicas are sized so the busiest moment still meets these: each replica is a queue of batch slots with random (Poisson) arrivals.",
    fields: [
      num("sizing.ttftSeconds", "Time to first token, p95", "seconds", "Longest wait for the first token that 95% of requests may see (the percentile is set below)."),
      { ...num("sizing.ttftQuantile", "TTFT target holds for", "quantile, 0.5 to 0.99"), fallback: `${EFFICIENCY_DEFAULTS.ttftQuantile.value} (stated default: p95)` },
      num("sizing.minOutputTokensPerSecondPerSequence", "Minimum speed per user", "output tokens/s", "Slowest acceptable streaming speed (1 ÷ time per output token)."),
      {
        kind: "select",
        path: "sizing.peak.method",
        label: "Peak traffic",
        defaultKey: "sizing.peak",
        options: [
          { value: "factor", label: "Peak-to-average ratio" },
          { value: "rate", label: "Peak requests per second" },
          { value: "poisson", label: "Busy hour with Poisson arrivals (advanced, below)" },
        ],
      },
      { ...num("sizing.peak.peakToAverageRatio", "Peak-to-average ratio", "× the monthly average", "Traffic only in business hours runs about 4× the average."), fallback: `${EFFICIENCY_DEFAULTS.peakToAverageRatio.value} × (stated default: ${EFFICIENCY_DEFAULTS.peakToAverageRatio.label})`, when: { path: "sizing.peak.method", equals: "factor" } },
      { ...num("sizing.peak.peakRequestsPerSecond", "Peak requests per second", "requests/s", "The busiest rate, all regions together; arrivals are taken as Poisson."), when: { path: "sizing.peak.method", equals: "rate" } },
    ],
  },
  {
    title: "Serving layout",
    description: "The layout search tries every tensor-parallel degree, pipeline stages when one server is too small, and each weight and KV-cache precision, and keeps the cheapest that meets the service levels and the quality limit. Pin any of them here.",
    fields: [
      {
        kind: "select",
        path: "sizing.layoutSearch",
        label: "Search",
        options: [
          { value: "this-gpu", label: "On the GPU chosen above" },
          { value: "all-gpus", label: "Every GPU with a price (find the cheapest)" },
        ],
      },
      { kind: "select", path: "sizing.weightPrecision", label: "Weight precision", emptyLabel: "Chosen by the search", options: opts(ZWeightPrecision.options, WEIGHT_PRECISION_LABELS) },
      { kind: "select", path: "sizing.kvCachePrecision", label: "KV-cache precision", emptyLabel: "Follows the weights", options: opts(ZKvCachePrecision.options, KV_PRECISION_LABELS) },
      { kind: "select", path: "sizing.tensorParallelOverride", label: "Tensor-parallel degree", emptyLabel: "Chosen by the search", isNumeric: true, options: TP_DEGREES.map((t) => ({ value: String(t), label: `TP${t}` })) },
      num("sizing.pipelineStagesOverride", "Pipeline stages (servers per replica)", "stages", "Pin only to force a multi-server replica."),
      num("sizing.maxQualityLossPoints", "Largest quality loss a cheaper precision may cost", "points", "Quality changes are entered on the adaptation page; without one, Freehold's assumption per precision applies."),
    ],
  },
  {
    title: "How you pay for GPUs",
    fields: [
      {
        kind: "select",
        path: "pricing.mode",
        label: "Pricing",
        options: [
          { value: "cloudOnDemand", label: "Cloud, on demand" },
          { value: "cloudReserved", label: "Cloud, reserved" },
          { value: "owned", label: "Owned hardware" },
        ],
      },
      {
        kind: "select",
        path: "pricing.cloudPriceId",
        label: "Cloud price",
        hint: "Dated catalog prices per GPU-hour.",
        options: CATALOG_PRICE_OPTIONS["pricing.cloudPriceId"],
      },
      num("pricing.usdPerGpuHour", "Your quoted price", "USD per GPU-hour", "Overrides the catalog cloud price."),
      num("pricing.reservedDiscountPercent", "Reserved discount", "%", "Committed-use discount off on-demand."),
      {
        kind: "select",
        path: "pricing.purchasePriceId",
        label: "Purchase price",
        options: CATALOG_PRICE_OPTIONS["pricing.purchasePriceId"],
      },
      num("pricing.owned.purchaseUsdPerGpu", "Your purchase quote", "USD per GPU"),
      num("pricing.owned.amortisationYears", "Amortisation", "years"),
      num("pricing.owned.usdPerKwh", "Electricity", "USD per kWh"),
      num("pricing.owned.hostingUsdPerGpuMonth", "Hosting", "USD per GPU per month"),
    ],
  },
  customGpu,
  peakTraffic,
];

const adaptation: TFieldGroup[] = [
  {
    title: "Fine-tuning",
    fields: [
      {
        kind: "select",
        path: "method",
        label: "Method",
        options: [
          { value: "none", label: "None (use the base model)" },
          { value: "lora", label: "LoRA" },
          { value: "qlora", label: "QLoRA" },
          { value: "full", label: "Full fine-tune" },
        ],
      },
      num("datasetTokens", "Training data", "tokens"),
      num("epochs", "Epochs", "passes"),
      num("usdPerGpuHour", "Training GPU price", "USD per GPU-hour", "Defaults to the serving GPU's on-demand price."),
      num("dataPrepUsd", "Data preparation", "USD"),
      num("labellingUsd", "Labelling", "USD"),
      num("engineeringPersonDays", "Engineering effort", "person-days"),
      num("usdPerPersonDay", "Day rate", "USD per person-day"),
    ],
  },
  {
    title: "Quality at a quantized precision",
    description: "The precision the model is served at is chosen (or pinned) on the infrastructure page. Enter here what quantizing costs in quality at a precision, measured or assumed: the layout search keeps within the limit set there.",
    fields: [
      { kind: "select", path: "quantization.precision", label: "Precision this quality change was found at", options: opts(ZWeightPrecision.options, WEIGHT_PRECISION_LABELS) },
      num("quantization.qualityDelta.points", "Quality change from quantization", "points", "Negative means worse than bf16."),
      {
        kind: "select",
        path: "quantization.qualityDelta.source",
        label: "Quality change is",
        options: [
          { value: "measured", label: "measured" },
          { value: "assumed", label: "assumed" },
        ],
      },
    ],
  },
  loraAdapter,
];

const whenGuard = (equals: "gpu" | "usd-per-month") => ({ when: { path: "costs.guardServing.mode", equals } });

const guardServing: TFieldGroup = {
  title: "Advanced: guard model serving",
  collapsed: true,
  description: "The classifier that screens prompts and answers (e.g. Llama Guard): GPUs you run for it, or a service's monthly fee.",
  fields: [
    {
      kind: "select",
      path: "costs.guardServing.mode",
      label: "Guard model runs on",
      defaultKey: "costs.guardServing",
      options: [
        { value: "gpu", label: "GPUs we run for it" },
        { value: "usd-per-month", label: "A service with a monthly fee" },
      ],
    },
    { ...num("costs.guardServing.gpuCount", "Guard GPUs", "GPUs", "May be a fraction when it shares a GPU."), ...whenGuard("gpu") },
    { ...num("costs.guardServing.usdPerGpuHour", "Guard GPU price", "USD per GPU-hour"), ...whenGuard("gpu") },
    { ...num("costs.guardServing.hoursPerMonth", "Guard running time", "hours per month", "At most 744 (31 days)."), fallback: `${HOURS_PER_MONTH} hours (engine default: around the clock)`, ...whenGuard("gpu") },
    { ...num("costs.guardServing.usdPerMonth", "Guard service fee", "USD per month"), ...whenGuard("usd-per-month") },
  ],
};

const SHAPE_OPTIONS: TOption[] = [
  { value: "triangular", label: "triangular (most likely at the base)" },
  { value: "uniform", label: "uniform (any value in the range)" },
  { value: "lognormal", label: "lognormal (the range is P10 to P90)" },
];

const monteCarloRanges: TFieldGroup = {
  title: "Advanced: Monte Carlo ranges",
  collapsed: true,
  columns: 3,
  description:
    "How far each input may stray from its base value in the Monte Carlo and the sensitivity chart, as multiples of the base: ×0.8 to ×1.3 is 20% below to 30% above. The defaults are centred on the base case (so it is the median scenario), except one-time costs, which lean up because IT projects overrun more often than not. Once you edit one range, every range is saved as shown.",
  fields: [
    ...UNCERTAINTY_FORM_RANGES.flatMap((d, i): TFieldSpec[] => {
      const name = UNCERTAIN_KEY_LABELS[d.key];
      const p = `uncertainty.ranges.${i}`;
      return [
        { ...num(`${p}.lowMultiplier`, `${name}: low`, "× the base value, 0 to 1"), fallback: `×${d.lowMultiplier} (Freehold default)` },
        { ...num(`${p}.highMultiplier`, `${name}: high`, "× the base value, 1 to 1,000"), fallback: `×${d.highMultiplier} (Freehold default)` },
        { kind: "select", path: `${p}.shape`, label: `${name}: shape`, options: SHAPE_OPTIONS, emptyLabel: "Use the default", fallback: `${d.shape} (Freehold default)` },
      ];
    }),
    { ...num("uncertainty.growthPercentRange.low", "Volume growth: low", "% per month", "Absolute growth; may be negative."), defaultKey: "uncertainty.growthPercentRange" },
    { ...num("uncertainty.growthPercentRange.high", "Volume growth: high", "% per month"), defaultKey: "uncertainty.growthPercentRange" },
  ],
};

const safety: TFieldGroup[] = [
  {
    title: "Controls",
    description: "Status of each safety control. Controls left blank count as missing.",
    fields: SAFETY_CONTROLS.map((c) => ({ kind: "select", path: `controls.${c.id}`, label: c.name, hint: c.description, options: opts(ZControlStatus.options) })),
  },
  {
    title: "Safety costs",
    fields: [
      num("costs.redTeamExercisesPerYear", "Red-team exercises", "per year"),
      num("costs.usdPerRedTeamExercise", "Cost per exercise", "USD"),
      num("costs.otherUsdPerMonth", "Other safety costs", "USD per month"),
    ],
    description: "Safety staff and monitoring tooling are charged once, in the lifecycle team (its default has a safety and evaluations role), so they are not asked here.",
  },
  guardServing,
  {
    title: "Supply chain of the weights",
    description:
      "What you will deploy, exactly: these go into the AI bill of materials (CycloneDX, on the recommendation page). Leave blank what you have not checked; the BOM says it was not entered.",
    collapsed: true,
    fields: [
      { kind: "text", path: "supplyChain.hfRepo", label: "Model repository", hint: "Hugging Face id, e.g. meta-llama/Llama-3.3-70B-Instruct. Blank: the catalog model's." },
      { kind: "text", path: "supplyChain.pinnedRevision", label: "Pinned revision", hint: "The full 40-character commit hash you deploy (a branch such as main moves)." },
      bool("supplyChain.safetensorsOnly", "Safetensors only", "Only .safetensors files are loaded: no pickle-based weights (.bin, .pt), which can run code when loaded."),
      bool("supplyChain.signatureVerified", "Signature verified", "The weights' signature (e.g. a Sigstore model signature) was checked before deployment."),
      { kind: "text", path: "supplyChain.servingEngine", label: "Serving engine", hint: "e.g. vLLM, SGLang, TensorRT-LLM." },
      { kind: "text", path: "supplyChain.servingEngineVersion", label: "Serving engine version", hint: "e.g. 0.8.5" },
      { kind: "text", path: "supplyChain.guardModel", label: "Guard model repository", hint: "Hugging Face id of the guard model, e.g. meta-llama/Llama-Guard-3-8B." },
      {
        kind: "list",
        path: "supplyChain.weightFiles",
        label: "Weight files",
        itemLabel: "Weight file",
        addLabel: "Add weight file",
        newItem: {},
        columns: [
          { kind: "text", path: "file", label: "File", hint: "e.g. model-00001-of-00030.safetensors" },
          { kind: "text", path: "sha256", label: "SHA-256", hint: "64 hexadecimal characters (the Hub shows it per file)." },
        ],
      },
      {
        kind: "list",
        path: "supplyChain.evidence",
        label: "Evaluation evidence",
        itemLabel: "Evidence",
        addLabel: "Add evidence link",
        newItem: {},
        columns: [
          { kind: "text", path: "label", label: "What it is", hint: "e.g. Red-team report Q3, eval run 2026-05" },
          { kind: "text", path: "url", label: "Link", hint: "https://…" },
        ],
      },
    ],
  },
];

const lifecycle: TFieldGroup[] = [
  {
    title: "Team",
    description: "Everyone the owned deployment pays for; the API side needs none of them.",
    fields: [
      {
        kind: "list",
        path: "staffing",
        label: "Staffing",
        itemLabel: "Role",
        addLabel: "Add role",
        newItem: { fte: 1, loadedUsdPerYear: 210000 },
        columns: [
          { kind: "text", path: "role", label: "Role" },
          num("fte", "FTE", "full-time equivalents"),
          num("loadedUsdPerYear", "Loaded cost", "USD per year", "Salary plus benefits, tax and overhead."),
        ],
      },
    ],
  },
  {
    title: "Model refreshes",
    fields: [
      num("refresh.refreshesPerYear", "Refreshes", "per year", "New base model versions adopted."),
      num("refresh.evalGpuHoursPerRefresh", "Evaluation compute", "GPU-hours per refresh"),
      num("refresh.usdPerGpuHour", "Evaluation GPU price", "USD per GPU-hour"),
      num("refresh.evalPersonDaysPerRefresh", "Evaluation effort", "person-days per refresh"),
      num("refresh.usdPerPersonDay", "Day rate", "USD per person-day"),
    ],
  },
  {
    title: "Patching and tooling",
    fields: [
      num("patching.hoursPerMonth", "Patching effort", "hours per month"),
      num("patching.usdPerHour", "Hourly rate", "USD per hour"),
      num("monitoringToolingUsdPerMonth", "Monitoring tooling", "USD per month"),
    ],
  },
];

const PROCESSING_OPTIONS: TOption[] = [
  { value: "third-party-allowed", label: "third-party APIs and providers allowed" },
  { value: "own-infrastructure", label: "only a deployment we run (cloud tenancy or our hardware)" },
  { value: "on-premises", label: "only hardware on our premises" },
  { value: "air-gapped", label: "air-gapped, on our premises" },
];

const constraints: TFieldGroup = {
  title: "Hard constraints",
  description: "An option that breaks one is excluded from the verdict, with the reason shown. Leave empty for no constraint.",
  fields: [
    { kind: "multi", path: "constraints.allowedRegions", label: "Regions where data may be processed", options: opts(ZRegion.options, REGION_LABELS), hint: "Empty: anywhere. An API or provider that does not document its processing region is excluded." },
    { kind: "select", path: "constraints.processing", label: "Who may process the data", options: PROCESSING_OPTIONS, emptyLabel: "No constraint" },
    bool("workload.isAsynchronous", "Results may wait up to 24 hours (batch pricing allowed)"),
    num("workload.cacheableInputShare", "Cacheable share of input tokens", "fraction 0..1", "Repeated prefix (system prompt, shared context) served from the prompt cache."),
  ],
};

const optionsAndFinance: TFieldGroup = {
  title: "Options and finance",
  collapsed: true,
  description: "Settings for the options table and the finance view; each empty field runs on the stated default shown beside it.",
  fields: [
    {
      kind: "multi",
      path: "options.validatedApiIds",
      label: "Other APIs your team validated on these workloads",
      options: CATALOG_PRICE_OPTIONS["options.validatedApiIds"],
    },
    num("options.routerUsdPerMonth", "Hybrid router cost", "USD per month"),
    num("options.infrastructureLeadTimeWeeks", "Lead time to switch", "weeks", "From decision to serving capacity (hardware delivery, reservation)."),
    num("finance.discountRatePercent", "Discount rate", "% per year", "Your cost of capital; present costs use it."),
    num("finance.apiPriceTrendPercentPerYear", "API price trend", "% per year", "−10 = API prices fall 10% a year."),
    num("finance.gpuPriceTrendPercentPerYear", "GPU price trend", "% per year", "Rented GPU-hour price and later hardware purchases."),
  ],
};

const economics: TFieldGroup[] = [
  {
    title: "Volume",
    fields: [
      num("inputTokensPerMonth", "Input tokens", "tokens per month", "Prompt tokens sent each month at today's volume."),
      num("outputTokensPerMonth", "Output tokens", "tokens per month"),
      num("monthlyVolumeGrowthPercent", "Volume growth", "% per month"),
      num("horizonMonths", "Horizon", "months", "How far ahead the cumulative cost runs."),
      num("hybridShareOpen", "Hybrid share to the open model", "fraction 0..1"),
    ],
  },
  {
    title: "Prices and other costs",
    fields: [
      num("apiPriceOverride.inputUsdPerMTok", "Your API input price", "USD per million tokens", "Overrides the catalog's dated price (enter both)."),
      num("apiPriceOverride.outputUsdPerMTok", "Your API output price", "USD per million tokens"),
      num("oneTime.setupUsd", "One-time setup", "USD"),
      num("otherFixedUsdPerMonth", "Other fixed costs", "USD per month"),
    ],
  },
  constraints,
  optionsAndFinance,
  monteCarloRanges,
];

export const STAGE_FIELD_GROUPS: Record<TStageKey, TFieldGroup[]> = { licence, capability, infrastructure, adaptation, safety, lifecycle, economics };

/** The infrastructure stage's candidate panel: the model it sizes, and the saved custom model to edit from. */
export type TCandidatePanelData = {
  /** The model the stage sizes now. */
  current: { name: string; isCustom: boolean; rows: TSummaryRow[] | null };
  /** The assessment's saved custom model, to start the form from. */
  saved?: { name: string; licenceId: string };
  licences: TOption[];
};
