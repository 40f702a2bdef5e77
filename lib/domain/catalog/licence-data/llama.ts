// Meta Llama community licences, 2 through 4. Quotes read in meta-llama/llama-models at pinned
// commits; the Llama 3.1 licence text was read in full, the others through the clauses quoted.
import type { TLicence } from "../licence-schema";
import { llamaAupRestrictions, SENSITIVE_DATA_QUOTE_V1, SENSITIVE_DATA_QUOTE_V2 } from "./llama-aup";

const REPO = "https://github.com/meta-llama/llama-models/blob";
const PINNED = `${REPO}/a9c89c471f793423afd4cc3ca8671d6e56fe64cb/models`;
const READ_ON = "2026-11-28";

const GRANT_QUOTE = "non-exclusive, worldwide, non-transferable and royalty-free limited license";
const MAU_QUOTE =
  "greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta, which Meta may grant to you in its sole discretion";
const BREACH_QUOTE = "Meta may terminate this Agreement if you are in breach of any term or condition of this Agreement.";
const IP_QUOTE =
  "then any licenses granted to you under this Agreement shall terminate as of the date such litigation or claim is filed or instituted.";
const AUP_INCORPORATED_QUOTE = "which is hereby incorporated by reference into this Agreement";
const BUILT_WITH_LLAMA_QUOTE =
  'prominently display "Built with Llama" on a related website, user interface, blogpost, about page, or product documentation';
const LLAMA_PREFIX_QUOTE =
  'If you use the Llama Materials or any outputs or results of the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available, you shall also include "Llama" at the beginning of any such AI model name.';
const EU_MULTIMODAL_QUOTE = (v: string) =>
  `With respect to any multimodal models included in ${v}, the rights granted under Section 1(a) of the ${v} Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union. This restriction does not apply to end users of a product or service that incorporates any such multimodal models.`;

type TLlamaInput = {
  id: string;
  version: string; // "3.1"
  name: string;
  versionDate: string;
  appliesToModels: string[];
  licenceUrl: string;
  aupUrl: string;
  sensitiveDataQuote: string;
  noticeQuote: string;
  mauCounts: string;
  /** Where the full MAU sentence was read, quote it whole; otherwise the shared excerpt. */
  mauQuote?: string;
};

/** The clauses every Llama version shares; callers add the version-specific ones. */
function llamaBase(input: TLlamaInput): TLicence {
  const v = `Llama ${input.version}`;
  const licenceClause = (quote: string, section: string) => ({ quote, isVerbatim: true, sourceUrl: input.licenceUrl, section });
  return {
    id: input.id,
    name: input.name,
    family: `Meta ${v}`,
    spdx: `LicenseRef-Llama-${input.version}-Community`,
    versionDate: input.versionDate,
    appliesToModels: input.appliesToModels,
    commercialUse: true,
    commercialUseClause: licenceClause(GRANT_QUOTE, "1.a"),
    thresholds: [
      {
        metric: "monthly-active-users",
        value: 700_000_000,
        counts: input.mauCounts,
        measuredAt: "release-date",
        consequence: "must-request-licence",
        triggers: "Must request a licence from Meta, granted at Meta's sole discretion; no rights until granted.",
        clause: licenceClause(input.mauQuote ?? MAU_QUOTE, "2"),
      },
    ],
    acceptableUsePolicy: {
      name: `${v} Acceptable Use Policy`,
      url: input.aupUrl,
      mustFlowDown: false,
      clause: licenceClause(AUP_INCORPORATED_QUOTE, "1.b.iv"),
    },
    useRestrictions: llamaAupRestrictions({
      versionLabel: v,
      aupUrl: input.aupUrl,
      sensitiveDataQuote: input.sensitiveDataQuote,
    }),
    attribution: { noticeText: licenceClause(input.noticeQuote, "1.b.iii") },
    redistribution: {
      duties: ["Give every recipient a copy of the licence agreement.", "Keep the attribution notice in a Notice text file."],
      hostedServiceCountsAsDistribution: false,
      clause: licenceClause("provide a copy of this Agreement with any such Llama Materials", "1.b.i"),
    },
    outputsToTrainOtherModels: {
      status: "allowed-with-conditions",
      condition: 'A model trained on Llama outputs that is distributed or made available must have a name beginning "Llama".',
      derivedModelInheritsLicence: false,
      clause: licenceClause(LLAMA_PREFIX_QUOTE, "1.b.i"),
    },
    geographicRestrictions: [],
    termination: [
      { trigger: "breach", isAutomatic: false, clause: licenceClause(BREACH_QUOTE, "6") },
      { trigger: "ip-litigation", isAutomatic: true, clause: licenceClause(IP_QUOTE, "5.c") },
    ],
    unilateralChanges: [
      {
        kind: "external-terms-incorporated",
        clause: { quote: AUP_INCORPORATED_QUOTE, isVerbatim: true, sourceUrl: input.licenceUrl, section: "1.b.iv" },
      },
    ],
    otherDuties: [],
    governingLaw: "California, USA",
    provenance: { sourceUrls: [input.licenceUrl, input.aupUrl], asOf: READ_ON, verification: "verified-primary" },
  };
}

const llama2Base = llamaBase({
  id: "llama-2",
  version: "2",
  name: "Llama 2 Community License Agreement",
  versionDate: "2023-07-18",
  appliesToModels: ["Llama-2-7B", "Llama-2-13B", "Llama-2-70B (+chat)"],
  licenceUrl: `${PINNED}/llama2/LICENSE`,
  aupUrl: `${REPO}/57c634139329d8b67cf8bb9b3b380d91669208ca/models/llama2/USE_POLICY.md`,
  sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V1,
  noticeQuote: '"Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
  mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 2 release date.",
});

const LLAMA_2: TLicence = {
  ...llama2Base,
  outputsToTrainOtherModels: {
    status: "prohibited",
    derivedModelInheritsLicence: false,
    clause: {
      quote:
        "You will not use the Llama Materials or any output or results of the Llama Materials to improve any other large language model (excluding Llama 2 or derivative works thereof).",
      isVerbatim: true,
      sourceUrl: `${PINNED}/llama2/LICENSE`,
      section: "1.b.v",
    },
  },
};

const llama3Base = llamaBase({
  id: "llama-3",
  version: "3",
  name: "Meta Llama 3 Community License Agreement",
  versionDate: "2024-04-18",
  appliesToModels: ["Meta-Llama-3-8B", "Meta-Llama-3-70B (+Instruct)"],
  licenceUrl: `${PINNED}/llama3/LICENSE`,
  aupUrl: `${REPO}/1f0feb795a4130697ced243fb53051670d591653/models/llama3/USE_POLICY.md`,
  sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V1,
  noticeQuote:
    '"Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
  mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 3 release date.",
});

const LLAMA_3: TLicence = {
  ...llama3Base,
  attribution: {
    ...llama3Base.attribution,
    builtWithDisplay: {
      text: "Built with Meta Llama 3",
      trigger: "ship-or-distribute",
      clause: {
        quote:
          'prominently display "Built with Meta Llama 3" on a related website, user interface, blogpost, about page, or product documentation',
        isVerbatim: true,
        sourceUrl: `${PINNED}/llama3/LICENSE`,
        section: "1.b.i",
      },
    },
    modelNamePrefix: {
      prefix: "Llama 3",
      includesModelsTrainedOnOutputs: false,
      clause: {
        quote:
          'If you use the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available, you shall also include "Llama 3" at the beginning of any such AI model name.',
        isVerbatim: true,
        sourceUrl: `${PINNED}/llama3/LICENSE`,
        section: "1.b.i",
      },
    },
  },
  outputsToTrainOtherModels: {
    status: "prohibited",
    derivedModelInheritsLicence: false,
    clause: {
      quote:
        "You will not use the Llama Materials or any output or results of the Llama Materials to improve any other large language model (excluding Meta Llama 3 or derivative works thereof).",
      isVerbatim: true,
      sourceUrl: `${PINNED}/llama3/LICENSE`,
      section: "1.b.v",
    },
  },
};

/** Llama 3.1 onward: "Built with Llama", "Llama" name prefix also for output-trained models. */
function llama31Onward(base: TLicence, licenceUrl: string): TLicence {
  return {
    ...base,
    attribution: {
      ...base.attribution,
      builtWithDisplay: {
        text: "Built with Llama",
        trigger: "ship-or-distribute",
        clause: { quote: BUILT_WITH_LLAMA_QUOTE, isVerbatim: true, sourceUrl: licenceUrl, section: "1.b.i" },
      },
      modelNamePrefix: {
        prefix: "Llama",
        includesModelsTrainedOnOutputs: true,
        clause: { quote: LLAMA_PREFIX_QUOTE, isVerbatim: true, sourceUrl: licenceUrl, section: "1.b.i" },
      },
    },
    redistribution: {
      ...base.redistribution,
      duties: [
        "Give every recipient a copy of the licence agreement.",
        "Keep the attribution notice in a Notice text file.",
        'Display "Built with Llama" for any product or service (including another AI model) that contains Llama.',
      ],
    },
  };
}

const L31_URL = `${PINNED}/llama3_1/LICENSE`;
const LLAMA_3_1 = llama31Onward(
  llamaBase({
    id: "llama-3.1",
    version: "3.1",
    name: "Llama 3.1 Community License Agreement",
    versionDate: "2024-07-23",
    appliesToModels: ["Llama-3.1-8B", "Llama-3.1-70B", "Llama-3.1-405B"],
    licenceUrl: L31_URL,
    aupUrl: `${REPO}/47401a87273be9e4bc7612f4f8c25acaee9a2968/models/llama3_1/USE_POLICY.md`,
    sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V1,
    noticeQuote: '"Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
    mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 3.1 release date.",
    // The full 3.1 sentence was read; it spells out that no rights exist until Meta grants them.
    mauQuote:
      "If, on the Llama 3.1 version release date, the monthly active users of the products or services made available by or for Licensee, or Licensee's affiliates, is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta, which Meta may grant to you in its sole discretion, and you are not authorized to exercise any of the rights under this Agreement unless or until Meta otherwise expressly grants you such rights.",
  }),
  L31_URL,
);

function withEuMultimodal(licence: TLicence, versionLabel: string, aupUrl: string): TLicence {
  return {
    ...licence,
    geographicRestrictions: [
      {
        region: "EU",
        appliesToModels: "multimodal-only",
        basis: "principal-place-of-business",
        exemptsEndUsers: true,
        clause: { quote: EU_MULTIMODAL_QUOTE(versionLabel), isVerbatim: true, sourceUrl: aupUrl, section: "AUP (final paragraph)" },
      },
    ],
  };
}

const L32_URL = `${PINNED}/llama3_2/LICENSE`;
const LLAMA_3_2 = withEuMultimodal(
  llama31Onward(
    llamaBase({
      id: "llama-3.2",
      version: "3.2",
      name: "Llama 3.2 Community License Agreement",
      versionDate: "2024-09-25",
      appliesToModels: ["Llama-3.2-1B", "Llama-3.2-3B", "Llama-3.2-11B-Vision", "Llama-3.2-90B-Vision"],
      licenceUrl: L32_URL,
      aupUrl: `${REPO}/fc5d5442c4b4d7cb33b0e925a30acfb479b34d2a/models/llama3_2/USE_POLICY.md`,
      sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V2,
      noticeQuote: '"Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
      mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 3.2 release date.",
    }),
    L32_URL,
  ),
  "Llama 3.2",
  `${PINNED}/llama3_2/USE_POLICY.md`,
);

const L33_URL = `${PINNED}/llama3_3/LICENSE`;
const llama33 = withEuMultimodal(
  llama31Onward(
    llamaBase({
      id: "llama-3.3",
      version: "3.3",
      name: "Llama 3.3 Community License Agreement",
      versionDate: "2024-12-06",
      appliesToModels: ["Llama-3.3-70B-Instruct"],
      licenceUrl: L33_URL,
      aupUrl: `${REPO}/09b4305ac41e641dd714ea6e07c78fa982ef9342/models/llama3_3/USE_POLICY.md`,
      sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V2,
      noticeQuote: '"Llama 3.3 is licensed under the Llama 3.3 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
      mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 3.3 release date.",
    }),
    L33_URL,
  ),
  "Llama 3.3",
  `${PINNED}/llama3_3/USE_POLICY.md`,
);
const LLAMA_3_3: TLicence = {
  ...llama33,
  notes: ["The Llama 3.3 release is a text-only 70B model, so the EU multimodal clause has nothing to bite on today."],
};

const L4_URL = `${PINNED}/llama4/LICENSE`;
const llama4 = withEuMultimodal(
  llama31Onward(
    llamaBase({
      id: "llama-4",
      version: "4",
      name: "Llama 4 Community License Agreement",
      versionDate: "2025-04-05",
      appliesToModels: ["Llama-4-Scout-17B-16E", "Llama-4-Maverick-17B-128E"],
      licenceUrl: L4_URL,
      aupUrl: `${REPO}/b4b6607cd56506065b9ad70699e9c845828b9606/models/llama4_jax/USE_POLICY.md`,
      sensitiveDataQuote: SENSITIVE_DATA_QUOTE_V2,
      noticeQuote: '"Llama 4 is licensed under the Llama 4 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved."',
      mauCounts: "Monthly active users of licensee and affiliates in the calendar month before the Llama 4 version release date.",
    }),
    L4_URL,
  ),
  "Llama 4",
  `${PINNED}/llama4/USE_POLICY.md`,
);
const LLAMA_4: TLicence = {
  ...llama4,
  outputsToTrainOtherModels: {
    ...llama4.outputsToTrainOtherModels,
    clause: {
      quote: "The Llama 4 Community License allows for these use cases.",
      isVerbatim: true,
      sourceUrl: `${PINNED}/llama4/MODEL_CARD.md`,
      section: "Model card: synthetic data generation and distillation",
    },
  },
};

export const LLAMA_LICENCES: TLicence[] = [LLAMA_2, LLAMA_3, LLAMA_3_1, LLAMA_3_2, LLAMA_3_3, LLAMA_4];
