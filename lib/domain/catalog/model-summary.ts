// What a model's architecture reads as on screen, each figure with its unit: used for the preview
// of a pasted config.json and for the saved custom model. Pure and catalog-free, so the browser can
// preview a config as it is pasted; the server parses it again before anything is saved.
import { parseHfConfig } from "./hf-config";
import { fmt, roundSig } from "../shared";
import type { TModelArchitecture } from "../shared";

export type TSummaryRow = { label: string; value: string };

type TSummarised = Pick<TModelArchitecture, "totalParams" | "activeParams" | "layers" | "attentionHeads" | "kvHeads" | "attentionType" | "experts" | "expertsPerToken"> & {
  contextTokens?: number;
  kvCacheBytesPerTokenBf16?: number;
};

const billions = (params: number) => `${roundSig(params / 1e9, 3)} billion parameters`;
const exact = (n: number) => Math.round(n).toLocaleString("en-US");

export function modelSummaryRows(m: TSummarised): TSummaryRow[] {
  const isMoe = m.experts !== undefined && m.expertsPerToken !== undefined;
  const rows: TSummaryRow[] = [
    { label: "Parameters", value: `${billions(m.totalParams)} (${exact(m.totalParams)})` },
    {
      label: "Active per token",
      value: isMoe ? `${billions(m.activeParams)}: ${m.expertsPerToken} of ${m.experts} experts (mixture of experts)` : `${billions(m.activeParams)} (dense: all of them)`,
    },
    { label: "Layers", value: `${m.layers} layers` },
    { label: "Attention", value: `${m.attentionHeads} query heads, ${m.kvHeads} key/value heads (${m.attentionType.toUpperCase()})` },
    { label: "Context", value: m.contextTokens === undefined ? "not stated in the config" : `${fmt(m.contextTokens)} tokens` },
  ];
  if (m.kvCacheBytesPerTokenBf16 !== undefined) rows.push({ label: "KV cache", value: `${fmt(m.kvCacheBytesPerTokenBf16)} bytes per token at bf16, all layers` });
  return rows;
}

export type TConfigPreview = { ok: true; rows: TSummaryRow[]; warnings: string[]; hfId?: string } | { ok: false; errors: string[] };

/** The pasted text as the summary rows, or each problem in words ("not JSON: …", "vocab_size is missing"). */
export function previewHfConfig(text: string): TConfigPreview {
  const parsed = parseHfConfig(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => e.message) };
  return { ok: true, rows: modelSummaryRows(parsed.model), warnings: parsed.warnings, ...(parsed.model.hfId ? { hfId: parsed.model.hfId } : {}) };
}
