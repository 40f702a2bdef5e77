// Parameter counting from a normalised transformer description, per docs/formulas.md:
// embeddings V*h (twice when untied); per layer attention h*(n_h*d_h) + 2*h*(n_kv*d_h) + (n_h*d_h)*h;
// gated MLP 3*h*d_ff (per expert for MoE, plus a router h*E); two norms of h per layer and a final
// one. "Active" counts k of the E experts plus shared experts and, like Mistral's 12.9B for
// Mixtral, both embedding matrices: Freehold's one convention, which the catalog follows too.
// (OpenAI's 5.1B for gpt-oss-120b leaves the input embedding out; sizing removes the input table
// itself, being a lookup, when it counts the weights multiplied per token.)

export type TMlaDims = {
  /** Absent (null in the config) when queries are not low-rank compressed, as in DeepSeek-V2-Lite. */
  qLoraRank?: number;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
};

export type TMoeDims = {
  experts: number;
  expertsPerToken: number;
  expertIntermediateSize: number;
  /** How many of the layers carry experts; the rest use the dense MLP. */
  moeLayers: number;
  sharedExperts: number;
  sharedExpertIntermediateSize: number;
  /** Qwen2-MoE gates its shared expert with an extra h x 1 projection. */
  hasSharedExpertGate: boolean;
};

export type TTransformerDims = {
  layers: number;
  hiddenSize: number;
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number;
  /** Dense MLP width; unused when every layer is MoE. */
  intermediateSize?: number;
  isGatedMlp: boolean;
  tieWordEmbeddings: boolean;
  /** Biases on the q, k, v projections (Qwen2) or on q, k, v and o (attention_bias: true). */
  attentionBias: "none" | "qkv" | "qkvo";
  mla?: TMlaDims;
  moe?: TMoeDims;
};

export type TParamBreakdown = {
  embeddings: number;
  attention: number;
  denseMlp: number;
  experts: number;
  sharedExperts: number;
  routers: number;
  norms: number;
};

export type TParamCount = { totalParams: number; activeParams: number; breakdown: TParamBreakdown };

function attentionParamsPerLayer(d: TTransformerDims): number {
  const h = d.hiddenSize;
  if (d.mla) {
    const m = d.mla;
    const qHeadDim = m.qkNopeHeadDim + m.qkRopeHeadDim;
    // Low-rank query: down-projection, its norm, then up to every head.
    const q = m.qLoraRank ? h * m.qLoraRank + m.qLoraRank + m.qLoraRank * d.attentionHeads * qHeadDim : h * d.attentionHeads * qHeadDim;
    // Keys/values pass through the shared latent (kv_lora_rank) plus a decoupled RoPE key.
    const kv = h * (m.kvLoraRank + m.qkRopeHeadDim) + m.kvLoraRank + m.kvLoraRank * d.attentionHeads * (m.qkNopeHeadDim + m.vHeadDim);
    const o = d.attentionHeads * m.vHeadDim * h;
    return q + kv + o;
  }
  const qWidth = d.attentionHeads * d.headDim;
  const kvWidth = d.kvHeads * d.headDim;
  const weights = h * qWidth + 2 * h * kvWidth + qWidth * h;
  const qkvBias = qWidth + 2 * kvWidth;
  const bias = d.attentionBias === "qkv" ? qkvBias : d.attentionBias === "qkvo" ? qkvBias + h : 0;
  return weights + bias;
}

const mlpParams = (hiddenSize: number, width: number, isGated: boolean) => (isGated ? 3 : 2) * hiddenSize * width;

export function countParams(d: TTransformerDims): TParamCount {
  const h = d.hiddenSize;
  const moeLayers = d.moe?.moeLayers ?? 0;
  const denseLayers = d.layers - moeLayers;

  const embeddings = d.vocabSize * h * (d.tieWordEmbeddings ? 1 : 2);
  const attention = d.layers * attentionParamsPerLayer(d);
  const denseMlp = denseLayers * mlpParams(h, d.intermediateSize ?? 0, d.isGatedMlp);
  const norms = d.layers * 2 * h + h;

  let experts = 0;
  let activeExperts = 0;
  let sharedExperts = 0;
  let routers = 0;
  if (d.moe) {
    const m = d.moe;
    const perExpert = mlpParams(h, m.expertIntermediateSize, d.isGatedMlp);
    experts = moeLayers * m.experts * perExpert;
    activeExperts = moeLayers * m.expertsPerToken * perExpert;
    sharedExperts = moeLayers * m.sharedExperts * mlpParams(h, m.sharedExpertIntermediateSize, d.isGatedMlp);
    routers = moeLayers * (h * m.experts + (m.hasSharedExpertGate ? h : 0));
  }

  const common = embeddings + attention + denseMlp + sharedExperts + routers + norms;
  return {
    totalParams: common + experts,
    activeParams: common + activeExperts,
    breakdown: { embeddings, attention, denseMlp, experts, sharedExperts, routers, norms },
  };
}

/** Bytes one token adds to the KV cache in every layer at bf16 (the all-global upper bound). */
export function kvCacheBytesPerTokenBf16(d: Pick<TTransformerDims, "layers" | "kvHeads" | "headDim" | "mla">): number {
  const bytesPerElement = 2;
  if (d.mla) return (d.mla.kvLoraRank + d.mla.qkRopeHeadDim) * d.layers * bytesPerElement;
  return 2 * d.layers * d.kvHeads * d.headDim * bytesPerElement;
}
