// A team's own candidate model, described by pasting its Hugging Face config.json: the form's
// fields (name, licence, config text, optional context length) become a ZCustomModel that the
// report uses when the assessment's candidateModelId is its id (see report-context.ts
// resolveCandidate). Errors are keyed by form field so each shows at its own control.
import { getLicence } from "./licences";
import { MAX_CUSTOM_MODEL_NAME, type TCustomModel } from "./custom";
import { parseHfConfig, toCustomModel } from "./hf-config";

/** Custom ids carry a prefix no catalog id has (catalog ids are [a-z0-9._-]), so they never collide. */
export const CUSTOM_MODEL_PREFIX = "custom:";
const MAX_NAME = MAX_CUSTOM_MODEL_NAME;
const MAX_CONTEXT = 100_000_000;

export const isCustomModelId = (id: string) => id.startsWith(CUSTOM_MODEL_PREFIX);

/** "My Llama 8B (v2)" → "custom:my-llama-8b-v2". */
export function customModelId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${CUSTOM_MODEL_PREFIX}${slug || "model"}`;
}

export type TCustomCandidateForm = {
  name: string;
  licenceId: string;
  configText: string;
  /** Overrides (or, when the config states none, supplies) the context length. */
  contextTokens?: number;
};
export type TCustomCandidateErrors = Partial<Record<keyof TCustomCandidateForm, string>>;
export type TCustomCandidateResult = { ok: true; model: TCustomModel; warnings: string[] } | { ok: false; errors: TCustomCandidateErrors };

export function buildCustomCandidate(form: TCustomCandidateForm, asOf: string): TCustomCandidateResult {
  const errors: TCustomCandidateErrors = {};
  const name = form.name.trim();
  if (name.length === 0 || name.length > MAX_NAME) errors.name = `Give the model a name of 1 to ${MAX_NAME} characters.`;
  if (!getLicence(form.licenceId)) errors.licenceId = "Choose the licence its weights are released under, from the list.";
  const context = form.contextTokens;
  if (context !== undefined && !(Number.isInteger(context) && context >= 1 && context <= MAX_CONTEXT)) {
    errors.contextTokens = `Enter a whole number of tokens from 1 to ${MAX_CONTEXT.toLocaleString("en-US")}.`;
  }
  const parsed = form.configText.trim() === "" ? null : parseHfConfig(form.configText);
  if (!parsed) errors.configText = "Paste the model's config.json.";
  else if (!parsed.ok) errors.configText = configErrorText(parsed.errors);
  else if (parsed.model.contextTokens === undefined && context === undefined) {
    errors.contextTokens = "The config states no max_position_embeddings: enter the context length.";
  }
  if (!parsed?.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const description = context !== undefined ? { ...parsed.model, contextTokens: context } : parsed.model;
  const built = toCustomModel(description, { id: customModelId(name), name, licenceId: form.licenceId, asOf });
  // The parser's bounds mirror the schema, so this only fails on cross-field rules of a strange config.
  if (!built.ok) return { ok: false, errors: { configText: configErrorText(built.errors) } };
  return { ok: true, model: built.data, warnings: parsed.warnings };
}

/** One line for the config field: "config.json: num_hidden_layers is missing; vocab_size is missing". */
export function configErrorText(errors: { path: string; message: string }[]): string {
  return `config.json: ${errors.map((e) => e.message).join("; ")}`;
}
