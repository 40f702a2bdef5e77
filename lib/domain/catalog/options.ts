// Picker options and display names for catalog ids, shared by forms, lists and validation.
// Models are grouped by publisher with size and licence in the label; closed APIs by vendor with
// their dated list price, flagged stale past 180 days, so nobody picks a price without seeing how
// old it is. Ages count to the day the caller passes, so the price labels are built per request.
import { API_PRICES, getApiPrice, type TApiPrice } from "./prices";
import { getLicence, type TLicence } from "./licences";
import { getModel, MODELS } from "./models";
import type { TCustomModel } from "./custom";
import { CUSTOM_MODEL_PREFIX, isCustomModelId } from "./custom-candidate";
import { catalogOptionLabel } from "./staleness";
import { roundSig } from "../shared";
import type { TModelArchitecture } from "../shared";

export type TOptionGroup = { label: string; options: { value: string; label: string }[] };

/** Hugging Face organisation → publisher group, in the order the picker shows them. */
const PUBLISHERS: [org: string, label: string][] = [
  ["meta-llama", "Meta Llama"],
  ["mistralai", "Mistral AI"],
  ["mistral-community", "Mistral AI"],
  ["Qwen", "Qwen (Alibaba)"],
  ["deepseek-ai", "DeepSeek"],
  ["google", "Google Gemma"],
  ["microsoft", "Microsoft Phi"],
  ["openai", "OpenAI gpt-oss"],
  ["allenai", "AllenAI OLMo"],
];
const OTHER_PUBLISHER = "Other";

function publisherOf(model: TModelArchitecture): string {
  const org = model.hfId?.split("/")[0];
  return PUBLISHERS.find(([o]) => o === org)?.[1] ?? OTHER_PUBLISHER;
}

const billions = (params: number) => `${roundSig(params / 1e9, 3)}B`;

/** "Apache-2.0", "MIT", or the licence's own short name ("Llama 3.3 licence"). */
export function licenceShortName(licence: TLicence): string {
  if (!licence.spdx.startsWith("LicenseRef")) return licence.spdx;
  const name = licence.name
    .replace(/^Meta /, "")
    .replace(/\s*\+.*$/, "")
    .replace(/\s*\(.*\)\s*$/, "")
    .replace(/\s*(Community )?(License|LICENSE)( Agreement| AGREEMENT)?.*$/i, "")
    .replace(/\s*Terms of Use$/, " terms")
    .replace(/\b([A-Z])([A-Z]{3,})\b/g, (_, first: string, rest: string) => first + rest.toLowerCase())
    .trim();
  return /(terms|licences)$/.test(name) ? name : `${name} licence`;
}

export function candidateLabel(model: TModelArchitecture): string {
  const size = model.activeParams < model.totalParams ? `${billions(model.totalParams)} total, ${billions(model.activeParams)} active` : billions(model.totalParams);
  const licence = getLicence(model.licenceId);
  return `${model.name} (${size}, ${licence ? licenceShortName(licence) : model.licenceId})`;
}

/** Cents, or tenths of a cent where the price has them ($0.075). */
const usd = (x: number) => `$${Number.isInteger(Math.round(x * 1e6) / 1e4) ? x.toFixed(2) : x.toFixed(3)}`;

/** "gpt-4o-mini: $0.15 in / $0.60 out per Mtok, as of 2025-07-04, stale: older than 180 days". */
export function incumbentLabel(price: TApiPrice, todayIso: string): string {
  const model = price.model.replace(/\s*\(.*\)\s*$/, "");
  return catalogOptionLabel(`${model}${price.isDeprecated ? " (deprecated)" : ""}: ${usd(price.inputUsdPerMTok)} in / ${usd(price.outputUsdPerMTok)} out per Mtok`, price.asOf, todayIso);
}

function groupBy<T>(items: readonly T[], groupOf: (item: T) => string, option: (item: T) => { value: string; label: string }, order: readonly string[]): TOptionGroup[] {
  const groups = new Map<string, TOptionGroup>();
  for (const label of order) groups.set(label, { label, options: [] });
  for (const item of items) {
    const label = groupOf(item);
    if (!groups.has(label)) groups.set(label, { label, options: [] });
    groups.get(label)?.options.push(option(item));
  }
  return [...groups.values()].filter((g) => g.options.length > 0);
}

// The catalog is static: build the groups once.
const CANDIDATE_GROUPS: TOptionGroup[] = groupBy(MODELS, publisherOf, (m) => ({ value: m.id, label: candidateLabel(m) }), [...new Set(PUBLISHERS.map(([, l]) => l))]);
// Current prices first within each vendor, deprecated ones last.
const INCUMBENT_ORDER = [...API_PRICES].sort((a, b) => Number(a.isDeprecated ?? false) - Number(b.isDeprecated ?? false));
const VENDORS = [...new Set(API_PRICES.map((p) => p.vendor))];

/** Fresh copies, so a caller can never mutate the shared groups. */
const copy = (groups: TOptionGroup[]): TOptionGroup[] => groups.map((g) => ({ label: g.label, options: g.options.map((o) => ({ ...o })) }));

/** The catalog's models, after the assessment's own custom model when it describes one. */
export function candidateOptionGroups(customModel?: TCustomModel): TOptionGroup[] {
  const custom = customModel ? [{ label: "Your custom model", options: [{ value: customModel.id, label: `${candidateLabel(customModel)}, from your config.json` }] }] : [];
  return [...custom, ...copy(CANDIDATE_GROUPS)];
}

/** The closed APIs by vendor, each label dated and flagged stale as of `todayIso` (YYYY-MM-DD). */
export function incumbentOptionGroups(todayIso: string): TOptionGroup[] {
  return groupBy(INCUMBENT_ORDER, (p) => p.vendor, (p) => ({ value: p.id, label: incumbentLabel(p, todayIso) }), VENDORS);
}

/**
 * A catalog model, or the custom model described in this assessment's own inputs: pass them, so a
 * custom id is accepted only for the assessment that holds its description.
 */
export function isKnownCandidate(id: string, customModel?: TCustomModel): boolean {
  return getModel(id) !== undefined || (customModel !== undefined && customModel.id === id);
}

export function isKnownIncumbent(id: string): boolean {
  return getApiPrice(id) !== undefined;
}

export function describeCandidate(id: string, customModel?: TCustomModel): string {
  const model = getModel(id) ?? (customModel?.id === id ? customModel : undefined);
  if (model) return candidateLabel(model);
  // Lists show summaries without inputs: name the custom model by its id.
  return isCustomModelId(id) ? `${id.slice(CUSTOM_MODEL_PREFIX.length)} (custom model)` : id;
}

export function describeIncumbent(id: string, todayIso: string): string {
  const price = getApiPrice(id);
  return price ? `${price.vendor} ${incumbentLabel(price, todayIso)}` : id;
}
