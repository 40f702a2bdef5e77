// Plain-language names for the licence vocabulary, shared by finding texts and forms.
import type { TIntendedUse, TLicensedActivity, TRestrictionTopic, TSector } from "../catalog";

export const INTENDED_USE_LABELS: Record<TIntendedUse, string> = {
  "customer-support": "customer support",
  "content-generation": "content generation",
  "code-assistance": "code assistance",
  "internal-knowledge-search": "internal knowledge search",
  summarisation: "summarisation",
  translation: "translation",
  "data-extraction": "data extraction",
  "agentic-automation": "agentic automation",
  "decision-support-regulated": "decision support about people in a regulated domain",
  "automated-decisions-regulated": "automated decisions about people in a regulated domain",
  "medical-advice": "medical advice",
  "legal-advice": "legal advice",
  "financial-advice": "financial advice",
  "biometric-identification": "biometric identification",
  "sensitive-data-inference": "inferring sensitive personal data",
  military: "military use",
  weapons: "weapons",
  "critical-infrastructure-operation": "operating critical infrastructure",
  "law-enforcement-justice": "law enforcement or justice",
};

export const SECTOR_LABELS: Record<TSector, string> = {
  general: "general",
  healthcare: "healthcare",
  finance: "finance",
  insurance: "insurance",
  "employment-hr": "employment / HR",
  education: "education",
  legal: "legal",
  government: "government",
  "critical-infrastructure": "critical infrastructure",
  housing: "housing",
  "social-welfare": "social welfare",
  "law-enforcement": "law enforcement",
  defence: "defence",
};

export const ACTIVITY_LABELS: Record<TLicensedActivity, string> = {
  "commercial-use": "commercial use",
  "fine-tune": "fine-tuning",
  distil: "distillation",
  "redistribute-weights": "redistributing the weights",
  "ship-in-product": "shipping it in a product",
  "host-for-third-parties": "hosting it for third parties",
  "train-other-models-on-outputs": "training other models on its outputs",
};

export const RESTRICTION_TOPIC_LABELS: Record<TRestrictionTopic, string> = {
  "automated-decisions": "automated decisions",
  "professional-practice": "professional advice",
  discrimination: "discrimination in essential services",
  "sensitive-data": "sensitive personal data",
  military: "military",
  weapons: "weapons",
  "critical-infrastructure": "critical infrastructure",
  "medical-advice": "medical advice",
  "law-enforcement": "justice and law enforcement",
  "hosting-service": "hosting as a service",
  "general-conduct": "general conduct",
};

const trimNumber = (x: number) => Number(x.toFixed(2)).toString();

/** 800000000 -> "800 million"; keeps small numbers exact. */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${trimNumber(n / 1e9)} billion`;
  if (n >= 1e6) return `${trimNumber(n / 1e6)} million`;
  return Math.round(n).toLocaleString("en-US");
}

export const formatUsd = (n: number) => `USD ${formatCount(n)}`;

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
