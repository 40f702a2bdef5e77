// Apache-2.0 and MIT releases. Each vendor keeps its own entry because the evidence that the
// licence applies (a README line, a model-card tag) and its date differ per family.
import type { TVerification } from "../../shared";
import type { TClause, TLicence, TUseRestriction } from "../licence-schema";

const APACHE_URL = "https://www.apache.org/licenses/LICENSE-2.0";
const MIT_URL = "https://opensource.org/license/mit";
const READ_ON = "2026-11-28";

const apache = (quote: string, section: string): TClause => ({ quote, isVerbatim: true, sourceUrl: APACHE_URL, section });
const mit = (quote: string): TClause => ({ quote, isVerbatim: true, sourceUrl: MIT_URL });

type TPermissiveInput = {
  id: string;
  family: string;
  versionDate: string;
  appliesToModels: string[];
  /** Where the vendor says this licence covers these weights. */
  vendorSourceUrls: string[];
  verification: TVerification;
  notes?: string[];
  useRestrictions?: TUseRestriction[];
  acceptableUsePolicy?: TLicence["acceptableUsePolicy"];
};

function apacheLicence(input: TPermissiveInput): TLicence {
  return {
    id: input.id,
    name: "Apache License 2.0",
    family: input.family,
    spdx: "Apache-2.0",
    versionDate: input.versionDate,
    appliesToModels: input.appliesToModels,
    commercialUse: true,
    commercialUseClause: apache(
      "perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable copyright license to reproduce, prepare Derivative Works of, publicly display, publicly perform, sublicense, and distribute the Work and such Derivative Works in Source or Object form",
      "2",
    ),
    thresholds: [],
    acceptableUsePolicy: input.acceptableUsePolicy,
    useRestrictions: input.useRestrictions ?? [],
    attribution: {
      noticeText: apache(
        'If the Work includes a "NOTICE" text file as part of its distribution, then any Derivative Works that You distribute must include a readable copy of the attribution notices contained within such NOTICE file',
        "4.d",
      ),
    },
    redistribution: {
      duties: [
        "Give recipients a copy of the Apache-2.0 licence.",
        "Mark files you changed.",
        "Keep copyright, patent, trademark and attribution notices, and any NOTICE file.",
      ],
      hostedServiceCountsAsDistribution: false,
      clause: apache("You must give any other recipients of the Work or Derivative Works a copy of this License", "4.a"),
    },
    outputsToTrainOtherModels: {
      status: "allowed",
      derivedModelInheritsLicence: false,
      clause: {
        quote: "Apache-2.0 sets no conditions on what is done with a model's outputs.",
        isVerbatim: false,
        sourceUrl: APACHE_URL,
      },
    },
    geographicRestrictions: [],
    termination: [
      {
        trigger: "patent-litigation",
        isAutomatic: true,
        clause: apache(
          "then any patent licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed",
          "3",
        ),
      },
    ],
    unilateralChanges: [],
    otherDuties: [],
    notes: input.notes,
    provenance: { sourceUrls: [...input.vendorSourceUrls, APACHE_URL], asOf: READ_ON, verification: input.verification },
  };
}

function mitLicence(input: TPermissiveInput): TLicence {
  const permission = mit(
    "to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software",
  );
  return {
    id: input.id,
    name: "MIT License",
    family: input.family,
    spdx: "MIT",
    versionDate: input.versionDate,
    appliesToModels: input.appliesToModels,
    commercialUse: true,
    commercialUseClause: permission,
    thresholds: [],
    useRestrictions: [],
    attribution: {
      noticeText: mit(
        "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
      ),
    },
    redistribution: {
      duties: ["Include the copyright and permission notice with every copy."],
      hostedServiceCountsAsDistribution: false,
      clause: mit(
        "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.",
      ),
    },
    outputsToTrainOtherModels: {
      status: "allowed",
      derivedModelInheritsLicence: false,
      clause: { quote: "MIT sets no conditions on what is done with a model's outputs.", isVerbatim: false, sourceUrl: MIT_URL },
    },
    geographicRestrictions: [],
    termination: [],
    unilateralChanges: [],
    otherDuties: [],
    notes: input.notes,
    provenance: { sourceUrls: [...input.vendorSourceUrls, MIT_URL], asOf: READ_ON, verification: input.verification },
  };
}

const GPT_OSS_POLICY_URL =
  "https://github.com/openai/gpt-oss/blob/7b583341fe16729127f6d5b94a7b09ccae97e1a1/USAGE_POLICY";

const deepseekR1 = mitLicence({
  id: "deepseek-r1-mit",
  family: "DeepSeek-R1 / R1-Zero / R1-Distill",
  versionDate: "2025-01-20",
  appliesToModels: ["DeepSeek-R1", "DeepSeek-R1-Zero", "DeepSeek-R1-Distill-Qwen-1.5B/7B/14B/32B"],
  vendorSourceUrls: ["https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/README.md"],
  verification: "verified-primary",
  notes: [
    "R1-Distill-Llama-8B inherits the Llama 3.1 licence and R1-Distill-Llama-70B the Llama 3.3 licence: assess those under Llama.",
  ],
});

export const PERMISSIVE_LICENCES: TLicence[] = [
  apacheLicence({
    id: "mistral-apache-2.0",
    family: "Mistral AI open-weight models (Apache-2.0 tier)",
    versionDate: "per model: Mistral 7B 2023-09-27, Mixtral 8x7B 2023-12-11, 8x22B 2024-04-17, Small 3 2025-01-30",
    appliesToModels: ["Mistral-7B", "Mixtral-8x7B", "Mixtral-8x22B", "Mistral-NeMo-12B", "Mistral-Small-24B-2501", "Pixtral-12B"],
    vendorSourceUrls: [
      "https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501",
      "https://huggingface.co/mistral-community/Mixtral-8x22B-v0.1",
    ],
    verification: "cross-checked",
    notes: [
      "Unverified secondary reports mention a later Mistral rule requiring a commercial licence above USD 20M monthly revenue for some newer open models; check the model card of the exact checkpoint.",
    ],
  }),
  apacheLicence({
    id: "qwen2.5-apache-2.0",
    family: "Alibaba Qwen2.5 (all sizes except 3B and 72B)",
    versionDate: "2024-09-19",
    appliesToModels: ["Qwen2.5-0.5B", "Qwen2.5-1.5B", "Qwen2.5-7B", "Qwen2.5-14B", "Qwen2.5-32B"],
    vendorSourceUrls: ["https://github.com/QwenLM/Qwen2.5/blob/2abc0f3243e20cf45b6a3ab60308db701c0c3111/README.md"],
    verification: "verified-primary",
    notes: ["Qwen README: all open-source models except the 3B and 72B variants are Apache-2.0."],
  }),
  apacheLicence({
    id: "qwen3-apache-2.0",
    family: "Alibaba Qwen3 (dense and MoE)",
    versionDate: "2025-04-29",
    appliesToModels: ["Qwen3-0.6B..32B", "Qwen3-30B-A3B", "Qwen3-235B-A22B"],
    vendorSourceUrls: ["https://github.com/QwenLM/Qwen3/blob/7a2f61ffc7a20d47efcd2bf97f6f2bf52729042e/README.md"],
    verification: "verified-primary",
    notes: ["Later Qwen3.x-Max and Qwen image models are reported under other licences: check per checkpoint."],
  }),
  apacheLicence({
    id: "olmo-2-apache-2.0",
    family: "AllenAI OLMo 2",
    versionDate: "2024-11 (7B/13B), 2025-03 (32B)",
    appliesToModels: ["OLMo-2-1124-7B", "OLMo-2-1124-13B", "OLMo-2-0325-32B"],
    vendorSourceUrls: ["https://huggingface.co/allenai/OLMo-2-1124-7B", "https://huggingface.co/allenai/OLMo-2-0325-32B"],
    verification: "verified-primary",
  }),
  apacheLicence({
    id: "gpt-oss-apache-2.0",
    family: "OpenAI gpt-oss",
    versionDate: "2025-08-05",
    appliesToModels: ["gpt-oss-20b", "gpt-oss-120b"],
    vendorSourceUrls: ["https://github.com/openai/gpt-oss/blob/7b583341fe16729127f6d5b94a7b09ccae97e1a1/LICENSE", GPT_OSS_POLICY_URL],
    verification: "verified-primary",
    acceptableUsePolicy: {
      name: "gpt-oss usage policy",
      url: GPT_OSS_POLICY_URL,
      mustFlowDown: false,
      clause: {
        quote: "By using OpenAI gpt-oss-120b and gpt-oss-20b, you agree to comply with all applicable law.",
        isVerbatim: true,
        sourceUrl: GPT_OSS_POLICY_URL,
      },
    },
    useRestrictions: [
      {
        id: "gpt-oss-applicable-law",
        topic: "general-conduct",
        summary: "Comply with all applicable law.",
        effect: "conditional",
        appliesTo: { uses: [], activities: [], sectors: [] },
        clause: {
          quote: "By using OpenAI gpt-oss-120b and gpt-oss-20b, you agree to comply with all applicable law.",
          isVerbatim: true,
          sourceUrl: GPT_OSS_POLICY_URL,
        },
      },
    ],
  }),
  {
    ...deepseekR1,
    outputsToTrainOtherModels: {
      ...deepseekR1.outputsToTrainOtherModels,
      clause: {
        quote:
          "DeepSeek-R1 series support commercial use, allow for any modifications and derivative works, including, but not limited to, distillation for training other LLMs.",
        isVerbatim: true,
        sourceUrl: "https://github.com/deepseek-ai/DeepSeek-R1/blob/0cf78561f1d51c84a21b2190626b21116d5c68bb/README.md",
      },
    },
  },
  mitLicence({
    id: "phi-4-mit",
    family: "Microsoft Phi-4 (14B), Phi-3.x, Phi-4-mini",
    versionDate: "2024-12-12",
    appliesToModels: ["microsoft/phi-4"],
    vendorSourceUrls: ["https://huggingface.co/microsoft/phi-4"],
    verification: "verified-copy",
  }),
];
