// Vendor-written licences with thresholds, branding or unilateral-change clauses:
// Qwen (72B), NVIDIA Open Model License, TII Falcon, Stability AI Community.
import type { TLicence } from "../licence-schema";
import { restriction, summary, verbatim } from "./build";

const READ_ON = "2026-11-28";

const QWEN_URL = "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE";
const QWEN_BUILT_WITH =
  "If you use the Materials or any outputs or results therefrom to create, train, fine-tune, or improve an AI model that is distributed or made available, you shall prominently display 'Built with Qwen' or 'Improved using Qwen' in the related product documentation.";

const QWEN_72B: TLicence = {
  id: "qwen-licence",
  name: "Qwen LICENSE AGREEMENT",
  family: "Alibaba Qwen2.5-72B (+Instruct)",
  spdx: "LicenseRef-Qwen",
  versionDate: "2024-09-19",
  appliesToModels: ["Qwen2.5-72B", "Qwen2.5-72B-Instruct"],
  commercialUse: true,
  commercialUseClause: summary("Commercial use is allowed below 100 million monthly active users.", QWEN_URL, "4"),
  thresholds: [
    {
      metric: "monthly-active-users",
      value: 100_000_000,
      counts: "Monthly active users of the product or service that commercially uses the Materials.",
      measuredAt: "ongoing",
      consequence: "must-request-licence",
      triggers: "Must request a licence from Alibaba Cloud; no rights without its express authorisation.",
      clause: verbatim(
        "If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, you shall request a license from us. You cannot exercise your rights under this Agreement without our express authorization.",
        QWEN_URL,
        "4",
      ),
    },
  ],
  useRestrictions: [
    restriction({
      id: "qwen-applicable-law",
      topic: "general-conduct",
      summary: "Comply with applicable laws, including Chinese and US export controls.",
      effect: "conditional",
      clause: summary("Use must comply with applicable laws and regulations, including export controls.", QWEN_URL),
    }),
  ],
  attribution: {
    noticeText: verbatim(
      '"Qwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved."',
      QWEN_URL,
    ),
    builtWithDisplay: {
      text: "Built with Qwen",
      trigger: "distribute-derived-model",
      clause: verbatim(QWEN_BUILT_WITH, QWEN_URL),
    },
  },
  redistribution: {
    duties: ["Give recipients a copy of the agreement.", "Mark modified files.", "Ship the Notice file."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Redistribution requires a copy of the agreement, notices on modified files and the Notice text.", QWEN_URL),
  },
  outputsToTrainOtherModels: {
    status: "allowed-with-conditions",
    condition: "A distributed model trained or improved with Qwen outputs must display 'Built with Qwen' or 'Improved using Qwen'.",
    derivedModelInheritsLicence: false,
    clause: verbatim(QWEN_BUILT_WITH, QWEN_URL),
  },
  geographicRestrictions: [],
  termination: [],
  unilateralChanges: [],
  otherDuties: [],
  governingLaw: "People's Republic of China",
  notes: [
    "Termination clauses not read in full.",
    "The older Tongyi Qianwen licence (Qwen v1, 2023) also banned using outputs to improve other LLMs; it does not apply to Qwen2.5-72B.",
  ],
  provenance: {
    sourceUrls: [QWEN_URL, "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/discussions/18"],
    asOf: READ_ON,
    verification: "cross-checked",
  },
};

const NVIDIA_URL = "https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/";

const NVIDIA_OPEN_MODEL: TLicence = {
  id: "nvidia-open-model",
  name: "NVIDIA Open Model License Agreement",
  family: "NVIDIA Nemotron / Cosmos models",
  spdx: "LicenseRef-scancode-nvidia-open-model-2025",
  versionDate: "2025-10-24 (earlier 2024 version for Nemotron-4)",
  appliesToModels: ["Nemotron-4-340B", "Llama-3.1-Nemotron-70B", "Nemotron 3 (2025)", "Cosmos models"],
  commercialUse: true,
  commercialUseClause: summary(
    "The licence permits commercial use, distribution and derivative models, subject to NVIDIA's Trustworthy AI terms.",
    NVIDIA_URL,
  ),
  thresholds: [],
  useRestrictions: [
    restriction({
      id: "nvidia-trustworthy-ai",
      topic: "general-conduct",
      summary: "Use must stay consistent with NVIDIA's Trustworthy AI terms, which NVIDIA can change.",
      effect: "conditional",
      clause: summary("Use must be consistent with the NVIDIA Trustworthy AI terms incorporated by reference.", NVIDIA_URL),
    }),
  ],
  attribution: {
    noticeText: verbatim('"Licensed by NVIDIA Corporation under the NVIDIA Open Model License"', NVIDIA_URL),
    builtWithDisplay: {
      text: "Built on NVIDIA Cosmos",
      trigger: "ship-or-distribute",
      clause: summary('Applies to NVIDIA Cosmos models only: display "Built on NVIDIA Cosmos".', NVIDIA_URL),
    },
  },
  redistribution: {
    duties: ["Give recipients a copy of the agreement.", "Ship the Notice text."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Distribution requires a copy of the agreement and the Notice text.", NVIDIA_URL),
  },
  outputsToTrainOtherModels: {
    status: "allowed",
    derivedModelInheritsLicence: false,
    clause: verbatim("NVIDIA does not claim ownership to any outputs generated using the Models or Derivative Models.", NVIDIA_URL),
  },
  geographicRestrictions: [],
  termination: [
    {
      trigger: "guardrail-bypass",
      isAutomatic: true,
      clause: verbatim(
        'If You bypass, disable, reduce the efficacy of, or circumvent any technical limitation, safety guardrail or associated safety guardrail hyperparameter, encryption, security, digital rights management, or authentication mechanism (collectively "Guardrail") contained in the Model without a substantially similar Guardrail appropriate for your use case, your rights under this Agreement will automatically terminate.',
        NVIDIA_URL,
      ),
    },
    {
      trigger: "ip-litigation",
      isAutomatic: true,
      clause: summary("The licence terminates if you bring copyright or patent litigation over the Model.", NVIDIA_URL),
    },
  ],
  unilateralChanges: [
    {
      kind: "licence-updatable",
      clause: verbatim(
        "NVIDIA may update this Agreement to comply with legal and regulatory requirements at any time and You agree to either comply with any updated license or cease Your copying, use, and distribution of the Model and any Derivative Model.",
        NVIDIA_URL,
      ),
    },
    {
      kind: "external-terms-incorporated",
      clause: summary("The NVIDIA Trustworthy AI terms are incorporated and can change outside the agreement.", NVIDIA_URL),
    },
  ],
  otherDuties: [],
  notes: [
    "Secondary (2026): some Nemotron checkpoints (e.g. Nemotron Super 3) moved to an 'NVIDIA Nemotron Open Model License' without the guardrail-termination and branding clauses.",
  ],
  provenance: {
    sourceUrls: [NVIDIA_URL],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Read in verbatim copies (Hugging Face nvidia/Cosmos LICENSE; scancode-licensedb nvidia-open-model-2025).",
  },
};

const FALCON_LICENCE_URL = "https://huggingface.co/spaces/tiiuae/falcon-180b-license";
const FALCON_TERMS_URL = "https://falconllm.tii.ae/falcon-terms-and-conditions.html";
const falconAup = (quote: string, id: string, text: string) =>
  restriction({
    id,
    topic: "general-conduct",
    summary: text,
    effect: "conditional",
    clause: verbatim(quote, FALCON_LICENCE_URL, "Acceptable Use Policy"),
  });

const FALCON_TII: TLicence = {
  id: "falcon-tii",
  name: "TII Falcon licences (Falcon-180B TII License 1.0; Falcon 2 TII License; TII Falcon License 2.0)",
  family: "TII Falcon-180B, Falcon 2, Falcon 3",
  spdx: "LicenseRef-Falcon-180B-TII-1.0 / LicenseRef-TII-Falcon-2.0",
  versionDate: "2023-09 / 2024-05 / 2024-12",
  appliesToModels: ["Falcon-180B", "Falcon 2 11B", "Falcon 3"],
  commercialUse: true,
  commercialUseClause: summary(
    "Apache-2.0-based terms permit commercial use subject to the Acceptable Use Policy (Falcon-180B adds a hosting-use restriction).",
    FALCON_TERMS_URL,
  ),
  thresholds: [],
  acceptableUsePolicy: {
    name: "TII Falcon Acceptable Use Policy",
    url: FALCON_LICENCE_URL,
    mustFlowDown: true,
    clause: summary("The Acceptable Use Policy applies to the Work and any Derivative Work and flows down with it.", FALCON_LICENCE_URL),
  },
  useRestrictions: [
    falconAup(
      "In any way that violates any applicable national, federal, state, local or international law or regulation;",
      "falcon-applicable-law",
      "No use that breaks applicable law.",
    ),
    falconAup(
      "To generate or disseminate verifiably false information with the purpose of harming others; and/or",
      "falcon-false-information",
      "No generating false information to harm others.",
    ),
    falconAup("To defame, disparage or otherwise harass others.", "falcon-defamation", "No defamation or harassment."),
    restriction({
      id: "falcon-180b-hosting-use",
      topic: "hosting-service",
      summary: "Falcon-180B: offering the model as a shared or managed hosted service needs a separate TII licence.",
      effect: "conditional",
      appliesTo: { activities: ["host-for-third-parties"] },
      clause: summary(
        "The Falcon-180B licence restricts 'Hosting Use' (offering the model as a shared or managed hosted service) without a separate licence from TII.",
        FALCON_LICENCE_URL,
        "Hosting Use",
        "unverified",
      ),
    }),
  ],
  attribution: {
    noticeText: summary("Attribution to TII is required (exact wording not retrieved).", FALCON_LICENCE_URL, undefined, "unverified"),
  },
  redistribution: {
    duties: ["Apache-2.0-style notices and a copy of the licence.", "Pass on the Acceptable Use Policy."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Redistribution follows Apache-2.0 with the Acceptable Use Policy flowing down.", FALCON_LICENCE_URL),
  },
  outputsToTrainOtherModels: {
    status: "unclear",
    condition: "No restriction was found in the text read, but the full Falcon licences were not read.",
    derivedModelInheritsLicence: false,
    clause: summary("Not restricted in the licence text read (Acceptable Use Policy and clause 5.3).", FALCON_LICENCE_URL),
  },
  geographicRestrictions: [],
  termination: [],
  unilateralChanges: [
    {
      kind: "policy-updatable",
      clause: verbatim(
        "The Acceptable Use Policy may be updated from time to time. You should monitor the web address at which the Acceptable Use Policy is hosted to ensure that your use of the Work or any Derivative Work complies with the updated Acceptable Use Policy.",
        FALCON_LICENCE_URL,
        "5.3",
        "secondary",
      ),
    },
  ],
  otherDuties: [],
  notes: [
    "Falcon-7B and Falcon-40B are Apache-2.0 since 2023-05-31 and are not covered by this entry.",
    "Falcon-40B first shipped (May 2023) with a royalty of 10% of attributable revenue above USD 1M before being relicensed.",
  ],
  provenance: {
    sourceUrls: [FALCON_LICENCE_URL, FALCON_TERMS_URL],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Acceptable Use Policy text verified in a copy; clause 5.3 via a secondary quote; hosting clause unverified.",
  },
};

const STABILITY_URL = "https://stability.ai/community-license-agreement";

const STABILITY_COMMUNITY: TLicence = {
  id: "stability-community",
  name: "Stability AI Community License Agreement",
  family: "Stability AI (SD3.x, Stable Audio, some StableLM 2)",
  spdx: "LicenseRef-Stability-AI-Community",
  versionDate: "2024-07-05",
  appliesToModels: ["Stable Diffusion 3 / 3.5", "Stable Audio", "StableLM 2 (some)"],
  commercialUse: true,
  commercialUseClause: summary(
    "Commercial use is free for organisations under USD 1M annual revenue that register with Stability AI.",
    STABILITY_URL,
  ),
  thresholds: [
    {
      metric: "annual-revenue-usd",
      value: 1_000_000,
      counts: "Annual revenue of licensee and affiliates, from any source.",
      measuredAt: "ongoing",
      consequence: "licence-terminates",
      triggers: "The community licence ends; an enterprise licence from Stability AI is needed.",
      clause: verbatim(
        "If at any time You or Your Affiliate(s), either individually or in aggregate, generate more than USD $1,000,000 in annual revenue ... any licenses granted to You under this Agreement shall terminate as of such date.",
        STABILITY_URL,
      ),
    },
  ],
  useRestrictions: [
    restriction({
      id: "stability-aup",
      topic: "general-conduct",
      summary: "Follow the Stability AI Acceptable Use Policy, which Stability can update.",
      effect: "conditional",
      clause: summary("The Stability AI Acceptable Use Policy is incorporated and may be updated.", STABILITY_URL),
    }),
  ],
  attribution: {
    noticeText: verbatim(
      '"This Stability AI Model is licensed under the Stability AI Community License, Copyright (c) Stability AI Ltd. All Rights Reserved"',
      STABILITY_URL,
    ),
    builtWithDisplay: {
      text: "Powered by Stability AI",
      trigger: "ship-or-distribute",
      clause: summary('Prominently display "Powered by Stability AI" in products that use the models.', STABILITY_URL),
    },
  },
  redistribution: {
    duties: ["Give recipients a copy of the agreement.", "Ship the Notice text."],
    hostedServiceCountsAsDistribution: false,
    clause: summary("Distribution requires a copy of the agreement and the Notice text.", STABILITY_URL),
  },
  outputsToTrainOtherModels: {
    status: "prohibited",
    derivedModelInheritsLicence: false,
    clause: verbatim(
      "You will not use the Stability AI Materials or Derivative Works, or any output or results of the Stability AI Materials or Derivative Works, to create or improve any foundational generative AI model (excluding the Models or Derivative Works).",
      STABILITY_URL,
    ),
  },
  geographicRestrictions: [],
  termination: [
    {
      trigger: "threshold-crossed",
      isAutomatic: true,
      clause: verbatim("any licenses granted to You under this Agreement shall terminate as of such date.", STABILITY_URL),
    },
    { trigger: "breach", isAutomatic: false, clause: summary("Stability AI may terminate on breach.", STABILITY_URL) },
    {
      trigger: "ip-litigation",
      isAutomatic: true,
      clause: summary("The licence ends if you bring IP litigation over the materials.", STABILITY_URL),
    },
  ],
  unilateralChanges: [
    { kind: "policy-updatable", clause: summary("The incorporated Acceptable Use Policy can be updated by Stability AI.", STABILITY_URL) },
  ],
  otherDuties: [
    {
      id: "stability-registration",
      summary: "Commercial users must register at stability.ai/community-license.",
      appliesWhen: "commercial-use",
      clause: summary("Commercial users must register with Stability AI before commercial use.", STABILITY_URL),
    },
  ],
  provenance: {
    sourceUrls: [STABILITY_URL],
    asOf: READ_ON,
    verification: "verified-copy",
    note: "Read in a verbatim copy held in a third-party notices file.",
  },
};

export const VENDOR_TERMS_LICENCES: TLicence[] = [QWEN_72B, NVIDIA_OPEN_MODEL, FALCON_TII, STABILITY_COMMUNITY];
