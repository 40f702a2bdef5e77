// Research-only and non-commercial weights. Using them in a business is the one licence outcome
// that is a blocker no matter what else the organisation does.
import type { TLicence } from "../licence-schema";
import { summary, verbatim } from "./build";

const READ_ON = "2026-11-28";

const noThresholdsOrGeography = {
  thresholds: [],
  geographicRestrictions: [],
  unilateralChanges: [],
  otherDuties: [],
} satisfies Partial<TLicence>;

const MRL_URL = "https://mistral.ai/licenses/MRL-0.1.md";
const MISTRAL_MRL: TLicence = {
  ...noThresholdsOrGeography,
  id: "mistral-mrl",
  name: "Mistral AI Research License (MRL-0.1)",
  family: "Mistral AI research-licensed weights",
  spdx: "LicenseRef-MRL-0.1",
  versionDate: "2024 (MRL-0.1)",
  appliesToModels: ["Mistral-Large-Instruct-2407", "Mistral-Large-Instruct-2411", "Pixtral-Large-2411", "Ministral-8B/3B (Oct 2024)"],
  commercialUse: "research-only",
  commercialUseClause: verbatim(
    "If You want to use a Mistral Model, a Derivative or an Output for any purpose that is not expressly authorized under this Agreement, You must request a license from Mistral AI, which Mistral AI may grant to You in Mistral AI's sole discretion.",
    MRL_URL,
  ),
  useRestrictions: [],
  attribution: { noticeText: summary("Make a copy of the agreement available when distributing.", MRL_URL) },
  redistribution: {
    duties: ["Give recipients a copy of the agreement and keep notices.", "Derivatives inherit the research-only restriction."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Section 2.2 allows redistribution with a copy of the agreement; derivatives keep its restrictions.", MRL_URL, "2.2"),
  },
  outputsToTrainOtherModels: {
    status: "research-only",
    derivedModelInheritsLicence: true,
    clause: summary("Outputs may be used only within the research purposes the agreement authorises.", MRL_URL, undefined, "secondary"),
  },
  termination: [],
  notes: ["Full MRL text not read; commercial self-deployment needs a separate Mistral commercial licence."],
  provenance: {
    sourceUrls: [MRL_URL, "https://huggingface.co/mistralai/Mistral-Large-Instruct-2407"],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Partial text, read through the model's gated-access prompt.",
  },
};

const MNPL_URL = "https://mistral.ai/licenses/MNPL-0.1.md";
const MISTRAL_MNPL: TLicence = {
  ...noThresholdsOrGeography,
  id: "mistral-mnpl",
  name: "Mistral AI Non-Production License (MNPL-0.1)",
  family: "Mistral AI non-production weights",
  spdx: "LicenseRef-MNPL-0.1",
  versionDate: "2024-05-29",
  appliesToModels: ["Codestral-22B-v0.1"],
  commercialUse: "research-only",
  commercialUseClause: verbatim(
    "You shall only use the Mistral Models and Derivatives (whether or not created by Mistral AI) for testing, research, Personal, or evaluation purposes in Non-Production Environments; ... You shall not supply the Mistral Models or Derivatives in the course of a commercial activity, whether in return for payment or free of charge, in any medium or form, including but not limited to through a hosted or managed service (e.g. SaaS, cloud instances, etc.), or behind a software layer.",
    MNPL_URL,
    "3.2",
    "secondary",
  ),
  useRestrictions: [],
  attribution: {},
  redistribution: {
    duties: ["Only for non-production use; no supply in the course of a commercial activity."],
    hostedServiceCountsAsDistribution: true,
    clause: summary("Redistribution is limited to non-production use.", MNPL_URL),
  },
  outputsToTrainOtherModels: {
    status: "unclear",
    derivedModelInheritsLicence: false,
    clause: summary("The text read does not settle whether outputs may train other models.", MNPL_URL),
  },
  termination: [],
  notes: ["An unverified 2026 secondary source claims Codestral was relicensed to Apache-2.0 in April 2026."],
  provenance: {
    sourceUrls: [MNPL_URL, "https://simonwillison.net/2024/May/30/codestral/"],
    asOf: READ_ON,
    verification: "secondary",
    note: "Clause 3.2 read as quoted in a secondary source.",
  },
};

const QWEN_RESEARCH_URL = "https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE";
const QWEN_RESEARCH: TLicence = {
  ...noThresholdsOrGeography,
  id: "qwen-research",
  name: "Qwen RESEARCH LICENSE AGREEMENT",
  family: "Alibaba Qwen2.5-3B, Qwen2.5-Coder-3B, Qwen2.5-VL-3B",
  spdx: "LicenseRef-Qwen-Research",
  versionDate: "2024-09-19",
  appliesToModels: ["Qwen2.5-3B", "Qwen2.5-Coder-3B", "Qwen2.5-VL-3B"],
  commercialUse: "research-only",
  commercialUseClause: verbatim('"Non-Commercial" shall mean for research or evaluation purposes only.', QWEN_RESEARCH_URL),
  useRestrictions: [],
  attribution: {
    builtWithDisplay: {
      text: "Built with Qwen",
      trigger: "distribute-derived-model",
      clause: summary("Display 'Built with Qwen' or 'Improved using Qwen' if its outputs train a distributed model.", QWEN_RESEARCH_URL),
    },
  },
  redistribution: {
    duties: ["Give recipients a copy of the agreement and the notice."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Redistribution requires a copy of the agreement and the notice.", QWEN_RESEARCH_URL),
  },
  outputsToTrainOtherModels: {
    status: "non-commercial-only",
    derivedModelInheritsLicence: false,
    clause: verbatim("If you are commercially using the Materials, you shall request a license from us.", QWEN_RESEARCH_URL),
  },
  termination: [],
  provenance: {
    sourceUrls: [QWEN_RESEARCH_URL],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Read in a verbatim copy (roboflow/inference qwen25vl LICENSE.txt).",
  },
};

const COHERE_URL = "https://huggingface.co/CohereForAI/c4ai-command-r-plus";
const CC_BY_NC_URL = "https://creativecommons.org/licenses/by-nc/4.0/legalcode";
const COHERE_COMMAND_R: TLicence = {
  ...noThresholdsOrGeography,
  id: "cohere-cc-by-nc-4.0",
  name: "CC-BY-NC-4.0 with Cohere For AI Acceptable Use Addendum",
  family: "Cohere For AI Command R / R+ / Aya (open weights)",
  spdx: "CC-BY-NC-4.0",
  versionDate: "2024-03 (Command R v01), 2024-08 (08-2024)",
  appliesToModels: ["c4ai-command-r-v01", "c4ai-command-r-08-2024", "c4ai-command-r-plus"],
  commercialUse: "non-commercial",
  commercialUseClause: verbatim(
    "NonCommercial means not primarily intended for or directed towards commercial advantage or monetary compensation.",
    CC_BY_NC_URL,
    "1(i)",
  ),
  acceptableUsePolicy: {
    name: "Cohere For AI Acceptable Use Policy (addendum)",
    url: "https://cohere.com/c4ai-cc-by-nc-license",
    mustFlowDown: false,
    clause: summary("The CC-BY-NC-4.0 grant comes with Cohere For AI's Acceptable Use Addendum.", COHERE_URL),
  },
  useRestrictions: [],
  attribution: { noticeText: summary("Credit the creator and link the licence, as CC-BY requires.", CC_BY_NC_URL, "3(a)") },
  redistribution: {
    duties: ["Non-commercial redistribution only, with CC-BY attribution."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Sharing is allowed for non-commercial purposes with attribution.", CC_BY_NC_URL),
  },
  outputsToTrainOtherModels: {
    status: "non-commercial-only",
    derivedModelInheritsLicence: false,
    clause: summary("Outputs may train other models only for non-commercial purposes.", COHERE_URL),
  },
  termination: [
    {
      trigger: "breach",
      isAutomatic: true,
      clause: summary(
        "Rights end automatically on violation and are reinstated if the violation is cured within 30 days of discovering it.",
        CC_BY_NC_URL,
        "6",
      ),
    },
  ],
  provenance: { sourceUrls: [COHERE_URL, CC_BY_NC_URL], asOf: READ_ON, verification: "verified-copy" },
};

export const NON_COMMERCIAL_LICENCES: TLicence[] = [MISTRAL_MRL, MISTRAL_MNPL, QWEN_RESEARCH, COHERE_COMMAND_R];
