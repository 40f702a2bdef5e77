// The Meta Llama Acceptable Use Policy clauses that touch enterprise uses. Every Llama version
// (2, 3, 3.1, 3.2, 3.3, 4) carries the same core list; wording differs only in the version name and
// in the sensitive-data item, so one builder keeps the six copies in step.
import type { TUseRestriction } from "../licence-schema";

type TLlamaAupInput = {
  /** "Llama 2", "Llama 3", "Llama 3.1"... as the policy names itself. */
  versionLabel: string;
  aupUrl: string;
  /** 3.2 and later reworded the sensitive-data item. */
  sensitiveDataQuote: string;
};

export const SENSITIVE_DATA_QUOTE_V1 =
  "Collect, process, disclose, generate, or infer health, demographic, or other sensitive personal or private information about individuals without rights and consents required by applicable laws";
export const SENSITIVE_DATA_QUOTE_V2 =
  "Collect, process, disclose, generate, or infer private or sensitive information about individuals, including information about individuals’ identity, health, or demographic information, unless you have obtained the right to do so in accordance with applicable law";

export function llamaAupRestrictions({ versionLabel, aupUrl, sensitiveDataQuote }: TLlamaAupInput): TUseRestriction[] {
  const clause = (quote: string, section: string) => ({ quote, isVerbatim: true, sourceUrl: aupUrl, section });
  const none = { uses: [], activities: [], sectors: [] };
  return [
    {
      id: "llama-aup-professional-practice",
      topic: "professional-practice",
      summary: "No unlicensed practice of a profession (financial, legal, medical/health).",
      effect: "conditional",
      appliesTo: { ...none, uses: ["medical-advice", "legal-advice", "financial-advice"] },
      clause: clause(
        "Engage in the unauthorized or unlicensed practice of any profession including, but not limited to, financial, legal, medical/health, or related professional practices",
        "AUP 1",
      ),
    },
    {
      id: "llama-aup-discrimination",
      topic: "discrimination",
      summary: "No discrimination in employment, credit, housing or other essential goods and services.",
      effect: "conditional",
      appliesTo: { ...none, uses: ["decision-support-regulated", "automated-decisions-regulated"] },
      clause: clause(
        "Engage in, promote, incite, or facilitate discrimination or other unlawful or harmful conduct in the provision of employment, employment benefits, credit, housing, other economic benefits, or other essential goods and services",
        "AUP 1",
      ),
    },
    {
      id: "llama-aup-sensitive-data",
      topic: "sensitive-data",
      summary: "No inferring or processing sensitive personal data without the legal right to.",
      effect: "conditional",
      appliesTo: { ...none, uses: ["biometric-identification", "sensitive-data-inference"] },
      clause: clause(sensitiveDataQuote, "AUP 1"),
    },
    {
      id: "llama-aup-military",
      topic: "military",
      summary: "No military, warfare, nuclear, espionage or ITAR-controlled uses.",
      effect: "prohibited",
      appliesTo: { ...none, uses: ["military"] },
      clause: clause(
        "Military, warfare, nuclear industries or applications, espionage, use for materials or activities that are subject to the International Traffic Arms Regulations (ITAR) maintained by the United States Department of State",
        "AUP 2",
      ),
    },
    {
      id: "llama-aup-defence-sector",
      topic: "military",
      summary: "Defence organisations must show each use is unrelated to military activity.",
      effect: "conditional",
      appliesTo: { ...none, sectors: ["defence"] },
      clause: clause(
        `including use of ${versionLabel} related to the following: Military, warfare, nuclear industries or applications, espionage`,
        "AUP 2",
      ),
    },
    {
      id: "llama-aup-weapons",
      topic: "weapons",
      summary: "No weapons development.",
      effect: "prohibited",
      appliesTo: { ...none, uses: ["weapons"] },
      clause: clause("Guns and illegal weapons (including weapon development)", "AUP 2"),
    },
    {
      id: "llama-aup-critical-infrastructure",
      topic: "critical-infrastructure",
      summary: "No operating critical infrastructure, transport technology or heavy machinery.",
      effect: "prohibited",
      appliesTo: { ...none, uses: ["critical-infrastructure-operation"] },
      clause: clause("Operation of critical infrastructure, transportation technologies, or heavy machinery", "AUP 2"),
    },
    {
      id: "llama-aup-critical-infrastructure-automation",
      topic: "critical-infrastructure",
      summary: "Automation inside a critical-infrastructure operator may count as operating it.",
      effect: "conditional",
      appliesTo: { ...none, uses: ["agentic-automation", "automated-decisions-regulated"], sectors: ["critical-infrastructure"] },
      clause: clause("Operation of critical infrastructure, transportation technologies, or heavy machinery", "AUP 2"),
    },
    {
      id: "llama-aup-disclose-dangers",
      topic: "general-conduct",
      summary: "Tell end users about known dangers of your AI system.",
      effect: "conditional",
      appliesTo: none,
      clause: clause("Fail to appropriately disclose to end users any known dangers of your AI system", "AUP 4"),
    },
    {
      id: "llama-aup-human-generated",
      topic: "general-conduct",
      summary: "Do not present the model's outputs as written by a human.",
      effect: "conditional",
      appliesTo: none,
      // Llama 4's policy spells it "human generated"; earlier versions hyphenate.
      clause: clause(
        `Representing that the use of ${versionLabel} or outputs are human${versionLabel === "Llama 4" ? " " : "-"}generated`,
        "AUP 3",
      ),
    },
  ];
}
