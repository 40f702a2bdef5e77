// Closed-API list prices (USD per million tokens). Where a price was read in secondary tables
// rather than on the vendor page, the vendor page is listed first so a user can re-check it,
// and the note names what was actually read.
import type { TApiPrice } from "../price-schema";
import { apiPrice } from "./build";

const OPENAI = "https://openai.com/api/pricing/";
const OPENAI_DOCS = "https://platform.openai.com/docs/pricing";
const COPILOT_TABLE = "https://github.com/github/docs/blob/main/data/tables/copilot/models-and-pricing.yml";
const ROO_PR = "https://github.com/RooCodeInc/Roo-Code/pull/2691";
const KUNISHOU = "https://github.com/kunishou/GenerativeAI-Cost";
const ANTHROPIC = "https://platform.claude.com/docs/en/about-claude/pricing";
const GEMINI = "https://ai.google.dev/gemini-api/docs/pricing";
const MORPH = "https://morphllm.com/gemini-api-pricing";
const DEEPSEEK = "https://api-docs.deepseek.com/quick_start/pricing";

const openai = (row: Omit<Parameters<typeof apiPrice>[0], "vendor">) => apiPrice({ vendor: "OpenAI", ...row });

const ANTHROPIC_CAPTURE = {
  asOf: "2026",
  sourceUrls: [ANTHROPIC],
  verification: "verified-primary" as const,
  note: "Anthropic pricing page capture (~2026, lists Opus/Sonnet 4.6). Cached input = cache hit price.",
};

type TAnthropicRow = {
  id: string;
  model: string;
  price: [input: number, output: number, cacheHit: number, write5m: number, write1h: number];
  isDeprecated?: boolean;
  note?: string;
};

function anthropic({ id, model, price, isDeprecated, note }: TAnthropicRow): TApiPrice {
  const [input, output, cacheHit, write5m, write1h] = price;
  return apiPrice({
    ...ANTHROPIC_CAPTURE,
    ...(note ? { note: `${ANTHROPIC_CAPTURE.note} ${note}` } : {}),
    id,
    vendor: "Anthropic",
    model,
    inputUsdPerMTok: input,
    outputUsdPerMTok: output,
    cachedInputUsdPerMTok: cacheHit,
    cacheWrite5mUsdPerMTok: write5m,
    cacheWrite1hUsdPerMTok: write1h,
    ...(isDeprecated ? { isDeprecated } : {}),
  });
}

const OPENAI_PRICES: TApiPrice[] = [
  openai({
    id: "openai-gpt-4o",
    model: "gpt-4o (2024-08-06 and later)",
    inputUsdPerMTok: 2.5,
    outputUsdPerMTok: 10,
    cachedInputUsdPerMTok: 1.25,
    asOf: "2024-08",
    sourceUrls: [OPENAI, KUNISHOU],
    verification: "cross-checked",
    note: "Unchanged through 2026 captures. The original gpt-4o-2024-05-13 was $5/$15.",
  }),
  openai({
    id: "openai-gpt-4o-mini",
    model: "gpt-4o-mini",
    inputUsdPerMTok: 0.15,
    outputUsdPerMTok: 0.6,
    cachedInputUsdPerMTok: 0.075,
    asOf: "2024-07-18",
    sourceUrls: [OPENAI, "https://openrouter.ai/openai/gpt-4o-mini-2024-07-18"],
    verification: "cross-checked",
  }),
  openai({
    id: "openai-gpt-4.1",
    model: "gpt-4.1",
    inputUsdPerMTok: 2,
    outputUsdPerMTok: 8,
    cachedInputUsdPerMTok: 0.5,
    asOf: "2025-04-14",
    sourceUrls: ["https://openai.com/index/gpt-4-1/", COPILOT_TABLE],
    verification: "cross-checked",
  }),
  openai({
    id: "openai-gpt-4.1-mini",
    model: "gpt-4.1-mini",
    inputUsdPerMTok: 0.4,
    outputUsdPerMTok: 1.6,
    asOf: "2025-04-14",
    sourceUrls: [OPENAI],
    verification: "cross-checked",
    note: "Read in secondary price tables (SciCode dataset-builder show_pricing.py and others).",
  }),
  openai({
    id: "openai-gpt-4.1-nano",
    model: "gpt-4.1-nano",
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.4,
    asOf: "2025-04-14",
    sourceUrls: [OPENAI],
    verification: "cross-checked",
    note: "Read in secondary price tables (SciCode dataset-builder show_pricing.py and others).",
  }),
  openai({
    id: "openai-o3",
    model: "o3",
    inputUsdPerMTok: 2,
    outputUsdPerMTok: 8,
    cachedInputUsdPerMTok: 0.5,
    asOf: "2025-06-10",
    sourceUrls: [OPENAI_DOCS, ROO_PR],
    verification: "cross-checked",
    note: "After the 80% cut; launch price (2025-04-16) was $10/$40. Reasoning tokens are billed as output tokens.",
  }),
  openai({
    id: "openai-o4-mini",
    model: "o4-mini",
    inputUsdPerMTok: 1.1,
    outputUsdPerMTok: 4.4,
    cachedInputUsdPerMTok: 0.275,
    asOf: "2025-04-16",
    sourceUrls: [OPENAI_DOCS, ROO_PR],
    verification: "cross-checked",
    note: "Reasoning tokens are billed as output tokens.",
  }),
  openai({
    id: "openai-gpt-5",
    model: "gpt-5",
    inputUsdPerMTok: 1.25,
    outputUsdPerMTok: 10,
    cachedInputUsdPerMTok: 0.125,
    asOf: "2025-08-07",
    sourceUrls: [OPENAI, "https://docs.rs/openai-cost"],
    verification: "cross-checked",
    note: "Launch price; read in openai-cost pricing.rs (2026-Q2), SciCode show_pricing.py and glama llm-token-tracker.",
  }),
  openai({
    id: "openai-gpt-5-mini",
    model: "gpt-5-mini",
    inputUsdPerMTok: 0.25,
    outputUsdPerMTok: 2,
    cachedInputUsdPerMTok: 0.025,
    asOf: "2025-08-07",
    sourceUrls: [OPENAI, COPILOT_TABLE],
    verification: "cross-checked",
  }),
  openai({
    id: "openai-gpt-5-nano",
    model: "gpt-5-nano",
    inputUsdPerMTok: 0.05,
    outputUsdPerMTok: 0.4,
    asOf: "2025-08-07",
    sourceUrls: [OPENAI],
    verification: "cross-checked",
    note: "Read in secondary price tables (SciCode show_pricing.py and others).",
  }),
  openai({
    id: "openai-gpt-5.2",
    model: "gpt-5.2",
    inputUsdPerMTok: 1.75,
    outputUsdPerMTok: 14,
    cachedInputUsdPerMTok: 0.175,
    asOf: "2025-12",
    sourceUrls: [COPILOT_TABLE],
    verification: "secondary",
  }),
];

const ANTHROPIC_PRICES: TApiPrice[] = [
  anthropic({ id: "anthropic-claude-opus-4.6", model: "Claude Opus 4.6", price: [5, 25, 0.5, 6.25, 10] }),
  anthropic({
    id: "anthropic-claude-opus-4.5",
    model: "Claude Opus 4.5",
    price: [5, 25, 0.5, 6.25, 10],
    note: "Opus dropped from $15/$75 starting with 4.5 (Nov 2025).",
  }),
  anthropic({ id: "anthropic-claude-opus-4.1", model: "Claude Opus 4.1", price: [15, 75, 1.5, 18.75, 30] }),
  anthropic({ id: "anthropic-claude-opus-4", model: "Claude Opus 4", price: [15, 75, 1.5, 18.75, 30] }),
  anthropic({ id: "anthropic-claude-sonnet-4.6", model: "Claude Sonnet 4.6", price: [3, 15, 0.3, 3.75, 6] }),
  anthropic({ id: "anthropic-claude-sonnet-4.5", model: "Claude Sonnet 4.5", price: [3, 15, 0.3, 3.75, 6] }),
  anthropic({ id: "anthropic-claude-sonnet-4", model: "Claude Sonnet 4", price: [3, 15, 0.3, 3.75, 6] }),
  anthropic({
    id: "anthropic-claude-sonnet-3.7",
    model: "Claude Sonnet 3.7",
    price: [3, 15, 0.3, 3.75, 6],
    isDeprecated: true,
  }),
  anthropic({ id: "anthropic-claude-haiku-4.5", model: "Claude Haiku 4.5", price: [1, 5, 0.1, 1.25, 2] }),
  anthropic({ id: "anthropic-claude-haiku-3.5", model: "Claude Haiku 3.5", price: [0.8, 4, 0.08, 1, 1.6] }),
  anthropic({ id: "anthropic-claude-opus-3", model: "Claude Opus 3", price: [15, 75, 1.5, 18.75, 30], isDeprecated: true }),
  anthropic({ id: "anthropic-claude-haiku-3", model: "Claude Haiku 3", price: [0.25, 1.25, 0.03, 0.3, 0.5] }),
  apiPrice({
    id: "anthropic-claude-3.5-sonnet",
    vendor: "Anthropic",
    model: "Claude 3.5 Sonnet (2024-06-20 / 2024-10-22)",
    inputUsdPerMTok: 3,
    outputUsdPerMTok: 15,
    isDeprecated: true,
    asOf: "2024",
    sourceUrls: [ANTHROPIC, KUNISHOU],
    verification: "cross-checked",
    note: "Retired from the first-party API by 2026. Read in kunishou/GenerativeAI-Cost and a langchain Bedrock cost table.",
  }),
];

const GOOGLE_PRICES: TApiPrice[] = [
  apiPrice({
    id: "google-gemini-2.5-pro",
    vendor: "Google",
    model: "Gemini 2.5 Pro",
    inputUsdPerMTok: 1.25,
    outputUsdPerMTok: 10,
    longContextTier: { aboveInputTokens: 200_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 15 },
    asOf: "2025-06",
    sourceUrls: [GEMINI, "https://docs.rs/gemini-cost"],
    verification: "cross-checked",
    note: "GA through 2026. Output price includes thinking tokens.",
  }),
  apiPrice({
    id: "google-gemini-2.5-flash",
    vendor: "Google",
    model: "Gemini 2.5 Flash",
    inputUsdPerMTok: 0.3,
    outputUsdPerMTok: 2.5,
    asOf: "2025-06",
    sourceUrls: [GEMINI, MORPH],
    verification: "cross-checked",
    note: "GA price; preview-period pricing differed (unverified).",
  }),
  apiPrice({
    id: "google-gemini-2.5-flash-lite",
    vendor: "Google",
    model: "Gemini 2.5 Flash-Lite",
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.4,
    asOf: "2025-07",
    sourceUrls: [GEMINI, MORPH],
    verification: "cross-checked",
  }),
  apiPrice({
    id: "google-gemini-2.0-flash",
    vendor: "Google",
    model: "Gemini 2.0 Flash",
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.4,
    isDeprecated: true,
    retiresOn: "2026-06-01",
    asOf: "2025-02",
    sourceUrls: [GEMINI, MORPH],
    verification: "cross-checked",
    note: "Deprecated; shutdown 2026-06-01.",
  }),
  apiPrice({
    id: "google-gemini-1.5-pro",
    vendor: "Google",
    model: "Gemini 1.5 Pro",
    inputUsdPerMTok: 1.25,
    outputUsdPerMTok: 5,
    longContextTier: { aboveInputTokens: 128_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 },
    isDeprecated: true,
    asOf: "2024-10-01",
    sourceUrls: [GEMINI, KUNISHOU],
    verification: "cross-checked",
    note: "After the 2024-10-01 cut (launch $3.50/$10.50 up to 128k). The >128k tier is unverified. Retired in 2025.",
  }),
  apiPrice({
    id: "google-gemini-1.5-flash",
    vendor: "Google",
    model: "Gemini 1.5 Flash",
    inputUsdPerMTok: 0.075,
    outputUsdPerMTok: 0.3,
    longContextTier: { aboveInputTokens: 128_000, inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
    isDeprecated: true,
    asOf: "2024-08-12",
    sourceUrls: [GEMINI, KUNISHOU],
    verification: "cross-checked",
    note: "Retired in 2025.",
  }),
];

const DEEPSEEK_PRICES: TApiPrice[] = [
  apiPrice({
    id: "deepseek-chat-v3",
    vendor: "DeepSeek",
    model: "deepseek-chat (V3)",
    inputUsdPerMTok: 0.27,
    outputUsdPerMTok: 1.1,
    cachedInputUsdPerMTok: 0.07,
    asOf: "2025-02",
    sourceUrls: [DEEPSEEK],
    verification: "cross-checked",
    note: "Standard (non-discount) rate, read in several code price tables; the cache-hit price is unverified.",
  }),
  apiPrice({
    id: "deepseek-reasoner-r1",
    vendor: "DeepSeek",
    model: "deepseek-reasoner (R1)",
    inputUsdPerMTok: 0.55,
    outputUsdPerMTok: 2.19,
    asOf: "2025-01",
    sourceUrls: [DEEPSEEK],
    verification: "cross-checked",
    note: "Read in several code price tables.",
  }),
];

export const API_PRICE_ROWS: TApiPrice[] = [...OPENAI_PRICES, ...ANTHROPIC_PRICES, ...GOOGLE_PRICES, ...DEEPSEEK_PRICES];
