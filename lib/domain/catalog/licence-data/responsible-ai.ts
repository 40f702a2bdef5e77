// Licences with RAIL-style use restrictions that must be passed on to downstream users:
// Google Gemma, DeepSeek (V3 model licence) and BigScience BLOOM RAIL.
import type { TLicence } from "../licence-schema";
import { restriction, summary, verbatim } from "./build";

const READ_ON = "2026-11-28";

const GEMMA_TERMS = "https://ai.google.dev/gemma/terms";
const GEMMA_PUP = "https://ai.google.dev/gemma/prohibited_use_policy";
const GEMMA_AUTOMATED_DECISIONS =
  "Making automated decisions in domains that affect material or individual rights or well-being (e.g., finance, legal, employment, healthcare, housing, insurance, and social welfare)";

const GEMMA: TLicence = {
  id: "gemma",
  name: "Gemma Terms of Use + Gemma Prohibited Use Policy",
  family: "Google Gemma 1/1.1/2/3/3n (+CodeGemma, PaliGemma, ShieldGemma)",
  spdx: "LicenseRef-Gemma",
  versionDate: "Terms last modified 2026-04-01; Prohibited Use Policy last modified 2024-02-21",
  appliesToModels: ["Gemma 2 9B/27B", "Gemma 3 1B/4B/12B/27B"],
  commercialUse: true,
  commercialUseClause: summary(
    "The Gemma Terms allow use, modification, distribution and hosting, commercial included, subject to the Prohibited Use Policy.",
    GEMMA_TERMS,
  ),
  thresholds: [],
  acceptableUsePolicy: {
    name: "Gemma Prohibited Use Policy",
    url: GEMMA_PUP,
    mustFlowDown: true,
    clause: summary(
      "Section 3.1: the section 3.2 use restrictions must be included as an enforceable provision in any agreement governing use or distribution of Gemma or Model Derivatives.",
      GEMMA_TERMS,
      "3.1",
    ),
  },
  useRestrictions: [
    restriction({
      id: "gemma-automated-decisions",
      topic: "automated-decisions",
      summary: "No automated decisions in domains affecting people's rights or well-being.",
      effect: "prohibited",
      appliesTo: { uses: ["automated-decisions-regulated"] },
      clause: verbatim(GEMMA_AUTOMATED_DECISIONS, GEMMA_PUP),
    }),
    restriction({
      id: "gemma-decision-support",
      topic: "automated-decisions",
      summary: "Decision support in these domains is allowed only if a human, not the model, makes the decision.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated"] },
      clause: verbatim(GEMMA_AUTOMATED_DECISIONS, GEMMA_PUP),
    }),
    restriction({
      id: "gemma-professional-practice",
      topic: "professional-practice",
      summary: "No illegal or unlicensed practice of legal, medical, accounting or financial professions.",
      effect: "conditional",
      appliesTo: { uses: ["medical-advice", "legal-advice", "financial-advice"] },
      clause: verbatim(
        "Engagement in the illegal or unlicensed practice of any vocation or profession including, but not limited to, legal, medical, accounting, or financial professional practices.",
        GEMMA_PUP,
      ),
    }),
  ],
  attribution: {
    noticeText: verbatim(
      'All Distributions (other than through a Hosted Service) must be accompanied by a "Notice" text file that contains the following notice: "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms"',
      GEMMA_TERMS,
      "3.1",
    ),
  },
  redistribution: {
    duties: [
      "Include the Prohibited Use Policy restrictions as enforceable terms in your agreement with recipients and users.",
      "Give recipients a copy of the Gemma Terms.",
      "Mark modified files.",
      "Ship the Notice file (not required for a hosted service).",
    ],
    hostedServiceCountsAsDistribution: true,
    clause: summary(
      "Section 3.1: Distribution includes offering Gemma or a Model Derivative as a hosted service via API or web; the use restrictions, a copy of the Terms and the Notice must go with it.",
      GEMMA_TERMS,
      "3.1",
    ),
  },
  outputsToTrainOtherModels: {
    status: "allowed-with-conditions",
    condition:
      "Outputs themselves are not Model Derivatives, but a model distilled or trained on Gemma outputs is, and is bound by the Gemma Terms.",
    derivedModelInheritsLicence: true,
    clause: verbatim(
      "any model created by transfer of patterns of weights, parameters, operations, or Output of Gemma",
      GEMMA_TERMS,
      "1 (Model Derivatives)",
    ),
  },
  geographicRestrictions: [],
  termination: [
    {
      trigger: "breach",
      isAutomatic: false,
      clause: summary(
        "Google may terminate if you breach the Terms; you must then delete Gemma and Model Derivatives and stop using and distributing them.",
        GEMMA_TERMS,
        "4.5",
      ),
    },
  ],
  unilateralChanges: [
    {
      kind: "remote-restriction",
      clause: verbatim(
        "To the maximum extent permitted by law, Google reserves the right to restrict (remotely or otherwise) usage of any of the Gemma Services that Google reasonably believes are in violation of this Agreement.",
        GEMMA_TERMS,
      ),
    },
  ],
  otherDuties: [],
  governingLaw: "California, USA (Santa Clara County courts)",
  notes: [
    "Gemma 4 is released under Apache-2.0, not these Terms (stated in the 2026-04-01 Terms).",
    "Earlier versions (2024-02-21, 2024-04-01) differ slightly: 4.1 asked for reasonable efforts to use the latest Gemma version.",
  ],
  provenance: {
    sourceUrls: [GEMMA_TERMS, GEMMA_PUP],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Full text read in a verbatim third-party notices copy of the 2026-04-01 Terms.",
  },
};

const DEEPSEEK_URL = "https://github.com/deepseek-ai/DeepSeek-V3/blob/9b4e9788e4a3a731f7567338ed15d3ec549ce03b/LICENSE-MODEL";
const DS_AUTOMATED =
  "For fully automated decision making that adversely impacts an individual's legal rights or otherwise creates or modifies a binding, enforceable obligation;";
const DS_DISCRIMINATION =
  "For any use intended to or which has the effect of discriminating against individuals or groups based on legally protected characteristics or categories.";

const DEEPSEEK_V3: TLicence = {
  id: "deepseek-model-1.0",
  name: "DeepSeek License Agreement (model) v1.0",
  family: "DeepSeek-V3 / V3-Base (December 2024 release)",
  spdx: "LicenseRef-DeepSeek-Model-1.0",
  versionDate: "2023-10-23 (Version 1.0; applied to V3 released 2024-12-26)",
  appliesToModels: ["DeepSeek-V3", "DeepSeek-V3-Base"],
  commercialUse: true,
  commercialUseClause: verbatim(
    "perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable copyright license to reproduce, prepare, publicly display, publicly perform, sublicense, and distribute the Complementary Material, the Model, and Derivatives of the Model",
    DEEPSEEK_URL,
    "2",
  ),
  thresholds: [],
  acceptableUsePolicy: {
    name: "DeepSeek License Attachment A (use-based restrictions)",
    url: DEEPSEEK_URL,
    mustFlowDown: true,
    clause: verbatim(
      "Use-based restrictions as referenced in paragraph 5 MUST be included as an enforceable provision by You in any type of legal agreement (e.g. a license) governing the use and/or distribution of the Model or Derivatives of the Model",
      DEEPSEEK_URL,
      "4.a",
    ),
  },
  useRestrictions: [
    restriction({
      id: "deepseek-military",
      topic: "military",
      summary: "No military use of any kind.",
      effect: "prohibited",
      appliesTo: { uses: ["military", "weapons"] },
      clause: verbatim("For military use in any way;", DEEPSEEK_URL, "Attachment A"),
    }),
    restriction({
      id: "deepseek-defence-sector",
      topic: "military",
      summary: "Defence organisations must show each use is not military use.",
      effect: "conditional",
      appliesTo: { sectors: ["defence"] },
      clause: verbatim("For military use in any way;", DEEPSEEK_URL, "Attachment A"),
    }),
    restriction({
      id: "deepseek-automated-decisions",
      topic: "automated-decisions",
      summary: "No fully automated decisions that adversely affect a person's legal rights.",
      effect: "prohibited",
      appliesTo: { uses: ["automated-decisions-regulated"] },
      clause: verbatim(DS_AUTOMATED, DEEPSEEK_URL, "Attachment A"),
    }),
    restriction({
      id: "deepseek-decision-support",
      topic: "automated-decisions",
      summary: "Decision support is outside the ban only while a human genuinely decides.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated"] },
      clause: verbatim(DS_AUTOMATED, DEEPSEEK_URL, "Attachment A"),
    }),
    restriction({
      id: "deepseek-discrimination",
      topic: "discrimination",
      summary: "No use that discriminates on legally protected characteristics, intended or in effect.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated", "automated-decisions-regulated"] },
      clause: verbatim(DS_DISCRIMINATION, DEEPSEEK_URL, "Attachment A"),
    }),
    restriction({
      id: "deepseek-personal-data",
      topic: "sensitive-data",
      summary: "No generating or disseminating personal data without authorisation.",
      effect: "conditional",
      appliesTo: { uses: ["biometric-identification", "sensitive-data-inference"] },
      clause: verbatim(
        "To generate or disseminate personal identifiable information without due authorization or for unreasonable use;",
        DEEPSEEK_URL,
        "Attachment A",
      ),
    }),
    restriction({
      id: "deepseek-applicable-law",
      topic: "general-conduct",
      summary: "No use that breaks the law or infringes third-party rights.",
      effect: "conditional",
      clause: verbatim(
        "In any way that violates any applicable national or international law or regulation or infringes upon the lawful rights and interests of any third party;",
        DEEPSEEK_URL,
        "Attachment A",
      ),
    }),
  ],
  attribution: {
    noticeText: verbatim(
      "You must retain all copyright, patent, trademark, and attribution notices excluding those notices that do not pertain to any part of the Model, Derivatives of the Model.",
      DEEPSEEK_URL,
      "4.d",
    ),
  },
  redistribution: {
    duties: [
      "Put the Attachment A use restrictions into your terms with every user or recipient, and tell them.",
      "Give recipients a copy of the licence.",
      "Mark modified files; keep copyright and attribution notices.",
    ],
    hostedServiceCountsAsDistribution: true,
    clause: verbatim(
      "including providing the Model as a hosted service made available by electronic or other remote means - e.g. API-based or web access",
      DEEPSEEK_URL,
      "1 (Distribution)",
    ),
  },
  outputsToTrainOtherModels: {
    status: "allowed-with-conditions",
    condition: "A model distilled or trained on DeepSeek outputs is a Derivative of the Model and must carry the same use restrictions.",
    derivedModelInheritsLicence: true,
    clause: verbatim(
      "any other model which is created or initialized by transfer of patterns of the weights, parameters, activations or output of the Model, to the other model, in order to cause the other model to perform similarly to the Model, including - but not limited to - distillation methods",
      DEEPSEEK_URL,
      "1 (Derivatives of the Model)",
    ),
  },
  geographicRestrictions: [],
  termination: [
    {
      trigger: "patent-litigation",
      isAutomatic: true,
      clause: verbatim(
        "then any patent licenses granted to You under this License for the Model and/or works shall terminate as of the date such litigation is asserted or filed.",
        DEEPSEEK_URL,
        "3",
      ),
    },
  ],
  unilateralChanges: [
    {
      kind: "remote-restriction",
      clause: verbatim(
        "DeepSeek reserves the right to restrict (remotely or otherwise) usage of the Model in violation of this License.",
        DEEPSEEK_URL,
        "7",
      ),
    },
  ],
  otherDuties: [],
  governingLaw: "People's Republic of China (Hangzhou courts)",
  notes: [
    "DeepSeek-V3-0324 (2025-03-24) and later V3.x checkpoints are reported as MIT-licensed (cross-checked in secondary sources; model card not read).",
  ],
  provenance: { sourceUrls: [DEEPSEEK_URL], asOf: READ_ON, verification: "verified-primary" },
};

const BLOOM_URL = "https://huggingface.co/spaces/bigscience/license";
const BLOOM_AUTOMATED =
  "For fully automated decision making that adversely impacts an individual's legal rights or otherwise creates or modifies a binding, enforceable obligation;";
const BLOOM_MEDICAL = "To provide medical advice and medical results interpretation;";
const BLOOM_JUSTICE =
  "To generate or disseminate information for the purpose to be used for administration of justice, law enforcement, immigration or asylum processes, such as predicting an individual will commit fraud/crime commitment";

const BLOOM_RAIL: TLicence = {
  id: "bigscience-bloom-rail-1.0",
  name: "BigScience RAIL License v1.0",
  family: "BigScience BLOOM / BLOOMZ",
  spdx: "BigScience-BLOOM-RAIL-1.0",
  versionDate: "2022-05-19",
  appliesToModels: ["bigscience/bloom (176B)", "BLOOMZ"],
  commercialUse: true,
  commercialUseClause: summary(
    "The RAIL licence grants copyright and patent licences for any lawful use, commercial included, except the Attachment A restricted uses.",
    BLOOM_URL,
  ),
  thresholds: [],
  acceptableUsePolicy: {
    name: "BLOOM RAIL Attachment A (use restrictions)",
    url: BLOOM_URL,
    mustFlowDown: true,
    clause: summary("Attachment A use restrictions must be passed on to downstream users as enforceable terms.", BLOOM_URL),
  },
  useRestrictions: [
    restriction({
      id: "bloom-automated-decisions",
      topic: "automated-decisions",
      summary: "No fully automated decisions that adversely affect a person's legal rights.",
      effect: "prohibited",
      appliesTo: { uses: ["automated-decisions-regulated"] },
      clause: verbatim(BLOOM_AUTOMATED, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-decision-support",
      topic: "automated-decisions",
      summary: "Decision support is outside the ban only while a human genuinely decides.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated"] },
      clause: verbatim(BLOOM_AUTOMATED, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-medical-advice",
      topic: "medical-advice",
      summary: "No medical advice or interpretation of medical results.",
      effect: "prohibited",
      appliesTo: { uses: ["medical-advice"] },
      clause: verbatim(BLOOM_MEDICAL, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-clinical-decision-support",
      topic: "medical-advice",
      summary: "Clinical decision support can amount to interpreting medical results.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated", "summarisation", "data-extraction"], sectors: ["healthcare"] },
      clause: verbatim(BLOOM_MEDICAL, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-justice",
      topic: "law-enforcement",
      summary: "No use in administration of justice, law enforcement, immigration or asylum processes.",
      effect: "prohibited",
      appliesTo: { uses: ["law-enforcement-justice"] },
      clause: verbatim(BLOOM_JUSTICE, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-justice-sector",
      topic: "law-enforcement",
      summary: "Decision support for police, courts or immigration bodies falls close to the justice ban.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated", "automated-decisions-regulated"], sectors: ["law-enforcement", "government", "legal"] },
      clause: verbatim(BLOOM_JUSTICE, BLOOM_URL, "Attachment A"),
    }),
    restriction({
      id: "bloom-discrimination",
      topic: "discrimination",
      summary: "No use that discriminates on legally protected characteristics, intended or in effect.",
      effect: "conditional",
      appliesTo: { uses: ["decision-support-regulated", "automated-decisions-regulated"] },
      clause: verbatim(
        "For any use intended to or which has the effect of discriminating against individuals or groups based on legally protected characteristics or categories;",
        BLOOM_URL,
        "Attachment A",
      ),
    }),
  ],
  attribution: { noticeText: summary("Provide a copy of the licence and keep existing notices.", BLOOM_URL) },
  redistribution: {
    duties: ["Pass on the Attachment A use restrictions as enforceable terms.", "Give recipients a copy of the licence; keep notices."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Redistribution is allowed provided the use restrictions flow down to recipients.", BLOOM_URL),
  },
  outputsToTrainOtherModels: {
    status: "allowed",
    derivedModelInheritsLicence: false,
    clause: summary("The RAIL text read places no restriction on training other models with outputs.", BLOOM_URL),
  },
  geographicRestrictions: [],
  termination: [],
  unilateralChanges: [],
  otherDuties: [],
  provenance: {
    sourceUrls: [BLOOM_URL],
    asOf: READ_ON,
    verification: "cross-checked",
    note: "Attachment A wording read in several verbatim copies of the RAIL family text.",
  },
};

export const RESPONSIBLE_AI_LICENCES: TLicence[] = [GEMMA, DEEPSEEK_V3, BLOOM_RAIL];
