// Where each API vendor and hosted open-weights provider processes prompts, and the pricing terms
// that change a bill without changing the model: batch discounts, prompt-cache minimums, regional
// price multipliers. "Not found" is stated as such (regions: null): an offering whose processing
// region is not documented is treated as possibly processing anywhere, so it never meets a
// residency constraint by assumption.
import type { TRegion } from "./licence-schema";
import type { TProvenance } from "../shared";

export type TProcessingOffer = {
  /** Unique within the vendor: "standard", "eu-data-residency", "us-only". */
  id: string;
  label: string;
  /** Where processing may happen; null = not documented in the sources read (treated as anywhere). */
  regions: TRegion[] | null;
  /** Price of this offer as a multiple of the list price. */
  priceMultiplier: number;
  /** What a customer needs to get it (contract, project setting). */
  requires?: string;
  /** Catalog price ids it applies to; absent = every model of the vendor. */
  appliesTo?: string[];
  provenance: TProvenance;
};

export type TVendorTerms = {
  /** Matches TApiPrice.vendor or THostedOpenWeightPrice.provider. */
  vendor: string;
  processing: TProcessingOffer[];
  /** Asynchronous batch endpoint: share off the list price and the completion window. */
  batch: null | { discountPercent: number; completionHours: number; provenance: TProvenance };
  /** Prompt caching: the cache-hit price is on each price row; this is when it applies. */
  cache: null | { minPromptTokens: number; note?: string; provenance: TProvenance };
};

const READ_ON = "2026-11-28";
const NOT_FOUND = "No documented processing region was found for this offering; treated as processing anywhere.";

const OPENAI_RESIDENCY = "https://help.openai.com/en/articles/10503543-data-residency-for-the-openai-api";
const OPENAI_BATCH = "https://help.openai.com/en/articles/9197833-batch-api-faq";
const OPENAI_CACHE = "https://github.com/openai/openai-cookbook/blob/main/examples/Prompt_Caching_201.ipynb";
const ANTHROPIC_RESIDENCY = "https://platform.claude.com/docs/en/build-with-claude/data-residency";
const ANTHROPIC_AWS_RESIDENCY = "https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html";
const ANTHROPIC_BATCH = "https://platform.claude.com/docs/en/build-with-claude/batch-processing";
const TOGETHER_GEO = "https://docs.together.ai/docs/serverless/geo-specific-inference";
const MISTRAL_REGIONAL = "https://docs.mistral.ai/studio/regional-inference";
const MISTRAL_CLOUD = "https://mistral.ai/cloud/inference/";
const BEDROCK_CRIS = "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html";
const DEEPSEEK_PRIVACY = "https://cdn.deepseek.com/policies/en-US/deepseek-privacy-policy.html";

const notFound = (vendor: string, url: string): TProcessingOffer => ({
  id: "standard",
  label: `${vendor} standard endpoint`,
  regions: null,
  priceMultiplier: 1,
  provenance: { sourceUrls: [url], asOf: READ_ON, verification: "unverified", note: NOT_FOUND },
});

export const VENDOR_TERMS: readonly TVendorTerms[] = [
  {
    vendor: "OpenAI",
    processing: [
      {
        id: "standard",
        label: "OpenAI standard project",
        regions: null,
        priceMultiplier: 1,
        provenance: {
          sourceUrls: [OPENAI_RESIDENCY],
          asOf: "2025-02",
          verification: "verified-primary",
          note: "Data residency is opt-in per project; a standard project names no single processing region.",
        },
      },
      {
        id: "eu-data-residency",
        label: "OpenAI European data residency project (EEA + Switzerland)",
        regions: ["EU", "EEA-non-EU", "CH"],
        priceMultiplier: 1,
        requires: "an Enterprise agreement and eligibility for Zero Data Retention; a new API project created with European residency",
        appliesTo: ["openai-gpt-4o", "openai-gpt-4o-mini"],
        provenance: {
          sourceUrls: [OPENAI_RESIDENCY],
          asOf: "2025-02",
          verification: "verified-primary",
          note: "\"Your requests and data for eligible endpoints and models will always be processed by OpenAI services running in the European Economic Area and Switzerland.\" gpt-4o-2024-08-06 and gpt-4o-mini-2024-07-18 are listed for /v1/chat/completions and /v1/batches. No price difference was stated in the source read.",
        },
      },
    ],
    batch: {
      discountPercent: 50,
      completionHours: 24,
      provenance: { sourceUrls: [OPENAI_BATCH], asOf: READ_ON, verification: "verified-primary", note: "\"Each model will be offered at 50% cost discount vs. the synchronous APIs.\" Processed within 24 hours." },
    },
    cache: {
      minPromptTokens: 1024,
      note: "Automatic; hits need an exact repeated prefix.",
      provenance: { sourceUrls: [OPENAI_CACHE], asOf: READ_ON, verification: "verified-primary", note: "\"works automatically for prompts containing 1024 tokens or more\" (Prompt Caching 201, models before GPT-5.6)." },
    },
  },
  {
    vendor: "Anthropic",
    processing: [
      {
        id: "standard",
        label: "Anthropic API, global inference",
        regions: null,
        priceMultiplier: 1,
        provenance: { sourceUrls: [ANTHROPIC_RESIDENCY], asOf: READ_ON, verification: "verified-primary", note: "inference_geo \"global\" (the default): inference may run in any available geography." },
      },
      {
        id: "us-only",
        label: "Anthropic API, US-only inference",
        regions: ["US"],
        priceMultiplier: 1.1,
        requires: "inference_geo \"us\" on each request or as the workspace default",
        appliesTo: ["anthropic-claude-opus-4.6", "anthropic-claude-sonnet-4.6"],
        provenance: {
          sourceUrls: [ANTHROPIC_RESIDENCY, ANTHROPIC_AWS_RESIDENCY],
          asOf: READ_ON,
          verification: "cross-checked",
          note: "Supported on Claude Opus 4.6, Sonnet 4.6 and later; older models return an error. \"A 1.1x pricing multiplier applies\" (Claude Platform on AWS page). No EU-only inference option on the first-party API.",
        },
      },
    ],
    batch: {
      discountPercent: 50,
      completionHours: 24,
      provenance: { sourceUrls: [ANTHROPIC_BATCH], asOf: READ_ON, verification: "verified-primary", note: "Message Batches API: \"reducing costs by 50%\"; most batches finish in under an hour, within 24 hours." },
    },
    cache: {
      minPromptTokens: 1024,
      note: "Opt-in cache_control blocks; 2,048 tokens for Haiku models.",
      provenance: {
        sourceUrls: ["https://platform.claude.com/docs/en/build-with-claude/prompt-caching"],
        asOf: READ_ON,
        verification: "secondary",
        note: "Minimums (1,024 Sonnet/Opus, 2,048 Haiku) read in two secondary guides; the vendor page was not read.",
      },
    },
  },
  { vendor: "Google", processing: [notFound("Gemini API", "https://ai.google.dev/gemini-api/docs/pricing")], batch: null, cache: null },
  {
    vendor: "DeepSeek",
    processing: [
      {
        id: "standard",
        label: "DeepSeek API (api.deepseek.com)",
        regions: ["CN"],
        priceMultiplier: 1,
        provenance: {
          sourceUrls: [DEEPSEEK_PRIVACY, "https://www.wired.com/story/deepseek-ai-china-privacy-data/", "https://api-docs.deepseek.com/quick_start/pricing"],
          asOf: "2026-12-06",
          verification: "cross-checked",
          note: "DeepSeek's privacy policy: \"We store the information we collect in secure servers located in the People's Republic of China\", quoted alike by independent reports (the policy page itself was not read). It speaks of storage for DeepSeek's services; no other processing region or regional endpoint was found for the API.",
        },
      },
    ],
    batch: null,
    cache: null,
  },
  {
    vendor: "Together AI",
    processing: [
      { ...notFound("Together AI", TOGETHER_GEO), provenance: { sourceUrls: [TOGETHER_GEO], asOf: READ_ON, verification: "verified-primary", note: "Requests to api.together.ai \"do not guarantee either geography\"." } },
      {
        id: "us-only",
        label: "Together AI US-only serverless endpoint",
        regions: ["US"],
        priceMultiplier: 1.25,
        requires: "the us-api.together.ai endpoint, for models available in that geography",
        provenance: { sourceUrls: [TOGETHER_GEO], asOf: READ_ON, verification: "verified-primary", note: "\"Both US-only and Canada-only inference cost 1.25× the standard serverless rate\"; covers inference processing only." },
      },
    ],
    batch: null,
    cache: null,
  },
  {
    vendor: "Amazon Bedrock",
    processing: [
      {
        id: "standard",
        label: "Amazon Bedrock global cross-Region inference",
        regions: null,
        priceMultiplier: 1,
        provenance: { sourceUrls: [BEDROCK_CRIS], asOf: "2026-12-05", verification: "verified-primary", note: "A global inference profile may route to any commercial AWS Region." },
      },
      {
        id: "eu-geographic",
        label: "Amazon Bedrock EU in-Region or EU cross-Region inference profile (eu.)",
        regions: ["EU"],
        priceMultiplier: 1,
        requires: "invoking the model in an EU Region, or through an eu. geographic inference profile",
        provenance: {
          sourceUrls: [BEDROCK_CRIS],
          asOf: "2026-12-05",
          verification: "verified-primary",
          note: "Geographic cross-Region inference profiles (prefix us./eu./apac.) keep processing inside that geography. Which open models have an EU profile was not listed per model in the source read; no regional price difference was stated, so the list price is used.",
        },
      },
    ],
    batch: null,
    cache: null,
  },
  { vendor: "Nebius AI Studio", processing: [notFound("Nebius AI Studio", "https://github.com/pydantic/genai-prices/blob/47df840a5ab10bbcffb8e5ac01b9899032245d1b/prices/providers/huggingface_nebius.yml")], batch: null, cache: null },
  { vendor: "Crusoe Cloud", processing: [notFound("Crusoe Cloud", "https://raw.githubusercontent.com/api-evangelist/crusoe/refs/heads/main/plans/crusoe-plans-pricing.yml")], batch: null, cache: null },
  { vendor: "Groq", processing: [notFound("Groq", "https://groq.com/pricing")], batch: null, cache: null },
  {
    vendor: "DeepInfra",
    processing: [
      {
        ...notFound("DeepInfra", "https://docs.deepinfra.com/account/data-privacy"),
        provenance: { sourceUrls: ["https://docs.deepinfra.com/account/data-privacy", "https://deepinfra.com/privacy"], asOf: "2026-12-06", verification: "unverified", note: `Its data-privacy page covers retention (inputs held in memory only, not stored, not used for training) but names no processing region. ${NOT_FOUND}` },
      },
    ],
    batch: null,
    cache: null,
  },
  { vendor: "Fireworks AI", processing: [notFound("Fireworks AI", "https://fireworks.ai/pricing")], batch: null, cache: null },
  {
    vendor: "Mistral AI",
    processing: [
      { ...notFound("Mistral AI global endpoint", MISTRAL_REGIONAL), provenance: { sourceUrls: [MISTRAL_REGIONAL], asOf: READ_ON, verification: "verified-primary", note: "Without a regional endpoint the API uses Mistral's global endpoint." } },
      {
        id: "eu-regional",
        label: "Mistral AI EU regional endpoint (api.eu.mistral.ai)",
        regions: ["EU"],
        priceMultiplier: 1,
        requires: "the EU regional endpoint",
        provenance: {
          sourceUrls: [MISTRAL_REGIONAL, MISTRAL_CLOUD],
          asOf: READ_ON,
          verification: "verified-primary",
          note: "Regional inference processes inputs and outputs in the European Union (or the US). The regional price was not stated in the source read: the list price is used.",
        },
      },
    ],
    batch: null,
    cache: null,
  },
];

const BY_VENDOR = new Map(VENDOR_TERMS.map((t) => [t.vendor, t]));

export function getVendorTerms(vendor: string): TVendorTerms | undefined {
  return BY_VENDOR.get(vendor);
}

/** Processing offers of a vendor that apply to one price row (standard first). */
export function processingOffersFor(vendor: string, priceId: string): TProcessingOffer[] {
  const terms = getVendorTerms(vendor);
  if (!terms) {
    return [{ id: "standard", label: `${vendor} standard endpoint`, regions: null, priceMultiplier: 1, provenance: { sourceUrls: [], asOf: READ_ON, verification: "unverified", note: `${vendor} has no processing terms in the catalog. ${NOT_FOUND}` } }];
  }
  return terms.processing.filter((o) => !o.appliesTo || o.appliesTo.includes(priceId));
}
