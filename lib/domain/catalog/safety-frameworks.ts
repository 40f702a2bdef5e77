// The risk frameworks the safety controls map onto, and the sources the catalog cites.
// Copied from the project's reference facts (compiled 2026-11-28); the product never reads them at runtime.
import { z } from "zod";
import type { TProvenance } from "../shared";

const FACTS_COMPILED = "2026-11-28";

export const OWASP_LLM_IDS = [
  "LLM01:2025",
  "LLM02:2025",
  "LLM03:2025",
  "LLM04:2025",
  "LLM05:2025",
  "LLM06:2025",
  "LLM07:2025",
  "LLM08:2025",
  "LLM09:2025",
  "LLM10:2025",
] as const;
export const ZOwaspLlmId = z.enum(OWASP_LLM_IDS);
export type TOwaspLlmId = z.infer<typeof ZOwaspLlmId>;

export const OWASP_LLM_TOP10_2025: readonly { id: TOwaspLlmId; name: string }[] = [
  { id: "LLM01:2025", name: "Prompt Injection" },
  { id: "LLM02:2025", name: "Sensitive Information Disclosure" },
  { id: "LLM03:2025", name: "Supply Chain" },
  { id: "LLM04:2025", name: "Data and Model Poisoning" },
  { id: "LLM05:2025", name: "Improper Output Handling" },
  { id: "LLM06:2025", name: "Excessive Agency" },
  { id: "LLM07:2025", name: "System Prompt Leakage" },
  { id: "LLM08:2025", name: "Vector and Embedding Weaknesses" },
  { id: "LLM09:2025", name: "Misinformation" },
  { id: "LLM10:2025", name: "Unbounded Consumption" },
];

export const NIST_GAI_RISK_IDS = [
  "cbrn",
  "confabulation",
  "dangerous-violent-hateful",
  "data-privacy",
  "environmental",
  "harmful-bias-homogenization",
  "human-ai-configuration",
  "information-integrity",
  "information-security",
  "intellectual-property",
  "obscene-degrading-abusive",
  "value-chain-component-integration",
] as const;
export const ZNistGaiRiskId = z.enum(NIST_GAI_RISK_IDS);
export type TNistGaiRiskId = z.infer<typeof ZNistGaiRiskId>;

/** NIST AI 600-1 section 2, the 12 risks unique to or exacerbated by generative AI, in its order. */
export const NIST_AI_600_1_RISKS: readonly { id: TNistGaiRiskId; n: number; name: string }[] = [
  { id: "cbrn", n: 1, name: "CBRN Information or Capabilities" },
  { id: "confabulation", n: 2, name: "Confabulation" },
  { id: "dangerous-violent-hateful", n: 3, name: "Dangerous, Violent, or Hateful Content" },
  { id: "data-privacy", n: 4, name: "Data Privacy" },
  { id: "environmental", n: 5, name: "Environmental Impacts" },
  { id: "harmful-bias-homogenization", n: 6, name: "Harmful Bias or Homogenization" },
  { id: "human-ai-configuration", n: 7, name: "Human-AI Configuration" },
  { id: "information-integrity", n: 8, name: "Information Integrity" },
  { id: "information-security", n: 9, name: "Information Security" },
  { id: "intellectual-property", n: 10, name: "Intellectual Property" },
  { id: "obscene-degrading-abusive", n: 11, name: "Obscene, Degrading, and/or Abusive Content" },
  { id: "value-chain-component-integration", n: 12, name: "Value Chain and Component Integration" },
];

export const SAFETY_REFERENCE_IDS = [
  "owasp-llm-2025",
  "nist-ai-600-1",
  "eu-ai-act",
  "llama-guard-3",
  "mlcommons-ailuminate",
  "finetune-safety-erosion",
] as const;
export type TSafetyReferenceId = (typeof SAFETY_REFERENCE_IDS)[number];

export const SAFETY_REFERENCES: Record<TSafetyReferenceId, { title: string; provenance: TProvenance }> = {
  "owasp-llm-2025": {
    title: "OWASP Top 10 for LLM Applications 2025 (OWASP GenAI Security Project)",
    provenance: {
      sourceUrls: ["https://genai.owasp.org/llm-top-10/"],
      asOf: FACTS_COMPILED,
      verification: "cross-checked",
      note: "Item names from several verbatim listings incl. an OWASP page capture; 2024-11-18 release date unverified.",
    },
  },
  "nist-ai-600-1": {
    title: "NIST AI 600-1, AI RMF: Generative Artificial Intelligence Profile (2024-07-26)",
    provenance: {
      sourceUrls: ["https://doi.org/10.6028/NIST.AI.600-1"],
      asOf: FACTS_COMPILED,
      verification: "verified-copy",
      note: "The 12 GAI risks of section 2, read in a full-text copy.",
    },
  },
  "eu-ai-act": {
    title: "Regulation (EU) 2024/1689 (AI Act): Art. 4 AI literacy, Art. 26 deployers, Art. 50 transparency",
    provenance: {
      sourceUrls: [
        "https://github.com/intuitem/ciso-assistant-community/blob/f990d7b1b9a9f56e391acbc247c9076262a11412/backend/library/libraries/ai-act.yaml",
      ],
      asOf: FACTS_COMPILED,
      verification: "verified-copy",
      note: "Art. 50 transparency applies from 2026-08-02; Art. 4 from 2025-02-02. Not legal advice.",
    },
  },
  "llama-guard-3": {
    title: "Llama Guard 3 model card (8B / 1B / 11B-Vision; hazard categories S1-S14)",
    provenance: {
      sourceUrls: ["https://github.com/meta-llama/PurpleLlama/blob/4be64c3a24442b51c76175e6ec67722cc3f5fe38/Llama-Guard3/8B/MODEL_CARD.md"],
      asOf: FACTS_COMPILED,
      verification: "verified-primary",
      note: "The card says S5 Defamation, S8 Intellectual Property and S13 Elections may need more than a classifier.",
    },
  },
  "mlcommons-ailuminate": {
    title: "MLCommons AILuminate v1.0 safety benchmark (12 hazards, five-point grades)",
    provenance: {
      sourceUrls: ["https://ailuminate.mlcommons.org/benchmarks", "https://arxiv.org/abs/2503.05731"],
      asOf: FACTS_COMPILED,
      verification: "verified-copy",
    },
  },
  "finetune-safety-erosion": {
    title: "Qi et al., Fine-tuning Aligned Language Models Compromises Safety (arXiv:2310.03693)",
    provenance: {
      sourceUrls: ["https://arxiv.org/abs/2310.03693"],
      asOf: FACTS_COMPILED,
      verification: "unverified",
      note: "Cited from background knowledge: even benign fine-tuning can weaken refusals, so re-test after tuning.",
    },
  },
};
