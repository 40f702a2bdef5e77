// Builder for catalog model rows: derives the attention type from the head counts and defaults
// active parameters to the total (dense models) and modality to text-only, so each data row states
// only what the source says.
import type { TAttentionType, TModelArchitecture, TVerification } from "../../shared";

export const ARCHITECTURES_READ_ON = "2026-11-28";

type TModelInput = Omit<TModelArchitecture, "provenance" | "activeParams" | "attentionType"> & {
  activeParams?: number;
  attentionType?: TAttentionType;
  configUrl: string;
  extraSourceUrls?: string[];
  verification: TVerification;
  /** How the values were checked (which copy of the config was read) and any caveat. */
  note: string;
};

export function attentionTypeFor(attentionHeads: number, kvHeads: number): TAttentionType {
  if (kvHeads === 1) return "mqa";
  return kvHeads === attentionHeads ? "mha" : "gqa";
}

export function model(input: TModelInput): TModelArchitecture {
  const { configUrl, extraSourceUrls, verification, note, ...fields } = input;
  return {
    ...fields,
    activeParams: input.activeParams ?? input.totalParams,
    attentionType: input.attentionType ?? attentionTypeFor(input.attentionHeads, input.kvHeads),
    // Stated for every catalog row so licence rules never have to guess (Llama 3.2/4 EU clause).
    isMultimodal: input.isMultimodal ?? false,
    provenance: {
      sourceUrls: [configUrl, ...(extraSourceUrls ?? [])],
      asOf: ARCHITECTURES_READ_ON,
      verification,
      note,
    },
  };
}
