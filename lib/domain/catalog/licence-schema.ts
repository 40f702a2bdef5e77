// The shape of a model licence as the diligence rules read it. Each clause keeps a short quote and
// the URL it came from, so every finding can show the words it rests on.
import { z } from "zod";
import { TEXT_MAX, ZHttpUrl, ZProvenance, ZVerification, zText } from "../shared";

/** Sectors that licence use-policies single out (automated decisions, professional practice...). */
export const ZSector = z.enum([
  "general",
  "healthcare",
  "finance",
  "insurance",
  "employment-hr",
  "education",
  "legal",
  "government",
  "critical-infrastructure",
  "housing",
  "social-welfare",
  "law-enforcement",
  "defence",
]);
export type TSector = z.infer<typeof ZSector>;

/**
 * What the organisation will use the model for. The regulated-decision pair is split because
 * licences ban *automated* decisions but say nothing of advice a human then acts on.
 */
export const ZIntendedUse = z.enum([
  "customer-support",
  "content-generation",
  "code-assistance",
  "internal-knowledge-search",
  "summarisation",
  "translation",
  "data-extraction",
  "agentic-automation",
  /** Advice or scoring about people in a regulated domain; a human makes the decision. */
  "decision-support-regulated",
  /** Decisions about people (credit, hiring, claims, benefits) with no meaningful human review. */
  "automated-decisions-regulated",
  "medical-advice",
  "legal-advice",
  "financial-advice",
  "biometric-identification",
  "sensitive-data-inference",
  "military",
  "weapons",
  "critical-infrastructure-operation",
  "law-enforcement-justice",
]);
export type TIntendedUse = z.infer<typeof ZIntendedUse>;

export const ZRegion = z.enum(["EU", "EEA-non-EU", "UK", "CH", "US", "CN", "other"]);
export type TRegion = z.infer<typeof ZRegion>;

/** Things an organisation does with the weights that switch licence duties on. */
export const ZLicensedActivity = z.enum([
  "commercial-use",
  "fine-tune",
  "distil",
  "redistribute-weights",
  "ship-in-product",
  "host-for-third-parties",
  "train-other-models-on-outputs",
]);
export type TLicensedActivity = z.infer<typeof ZLicensedActivity>;

export const ZClause = z.object({
  /** Short excerpt (or, when isVerbatim is false, our own summary of a clause not read in full). */
  quote: zText({ min: 1, max: 800, multiline: true }),
  isVerbatim: z.boolean(),
  sourceUrl: ZHttpUrl,
  section: zText({ max: TEXT_MAX.long, multiline: true }).optional(),
  /** Set when this clause was checked less (or more) thoroughly than the licence as a whole. */
  verification: ZVerification.optional(),
});
export type TClause = z.infer<typeof ZClause>;

export const ZCommercialUse = z.union([z.boolean(), z.enum(["non-commercial", "research-only"])]);
export type TCommercialUse = z.infer<typeof ZCommercialUse>;

export const ZThreshold = z.object({
  metric: z.enum(["monthly-active-users", "annual-revenue-usd"]),
  value: z.number().positive(),
  /** What is counted, in the licence's terms (whose users, which month). */
  counts: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  /** Llama counts users once, on the version's release date; others test continuously. */
  measuredAt: z.enum(["release-date", "ongoing"]),
  consequence: z.enum(["must-request-licence", "licence-terminates"]),
  triggers: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  clause: ZClause,
});
export type TThreshold = z.infer<typeof ZThreshold>;

export const ZRestrictionTopic = z.enum([
  "automated-decisions",
  "professional-practice",
  "discrimination",
  "sensitive-data",
  "military",
  "weapons",
  "critical-infrastructure",
  "medical-advice",
  "law-enforcement",
  "hosting-service",
  "general-conduct",
]);
export type TRestrictionTopic = z.infer<typeof ZRestrictionTopic>;

/**
 * A field-of-use or acceptable-use restriction. It matches an organisation when one of `uses` or
 * `activities` matches (or both lists are empty) and, if `sectors` is non-empty, the sector is in it.
 * Both lists empty and no sectors means a general rule every user must follow.
 */
export const ZUseRestriction = z.object({
  id: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  topic: ZRestrictionTopic,
  summary: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  /** prohibited: banned outright. conditional: banned only in some circumstances counsel must judge. */
  effect: z.enum(["prohibited", "conditional"]),
  appliesTo: z.object({
    uses: z.array(ZIntendedUse),
    activities: z.array(ZLicensedActivity),
    sectors: z.array(ZSector),
  }),
  clause: ZClause,
});
export type TUseRestriction = z.infer<typeof ZUseRestriction>;

export const ZAcceptableUsePolicy = z.object({
  name: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  url: ZHttpUrl,
  /** Licensee must pass the restrictions on, as enforceable terms, to anyone it lets use the model. */
  mustFlowDown: z.boolean(),
  clause: ZClause,
});

export const ZAttribution = z.object({
  noticeText: ZClause.optional(),
  builtWithDisplay: z
    .object({
      text: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
      /** Llama: any product offering the model. Qwen: only a model trained or improved with it. */
      trigger: z.enum(["ship-or-distribute", "distribute-derived-model"]),
      clause: ZClause,
    })
    .optional(),
  modelNamePrefix: z
    .object({
      prefix: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
      /** Llama 3.1+ extends the prefix duty to models trained on outputs, not only on weights. */
      includesModelsTrainedOnOutputs: z.boolean(),
      clause: ZClause,
    })
    .optional(),
});

export const ZRedistribution = z.object({
  duties: z.array(zText({ min: 1, max: TEXT_MAX.long, multiline: true })).min(1),
  /** Gemma and the DeepSeek/RAIL family treat offering the model as a hosted API as distribution. */
  hostedServiceCountsAsDistribution: z.boolean(),
  clause: ZClause,
});

export const ZOutputsTraining = z.object({
  status: z.enum(["allowed", "allowed-with-conditions", "prohibited", "non-commercial-only", "research-only", "unclear"]),
  condition: zText({ max: TEXT_MAX.long, multiline: true }).optional(),
  /** A model trained on outputs counts as a derivative and inherits this licence's restrictions. */
  derivedModelInheritsLicence: z.boolean(),
  clause: ZClause,
});

export const ZGeographicRestriction = z.object({
  region: ZRegion,
  appliesToModels: z.enum(["multimodal-only", "all"]),
  /** Where the licensee is domiciled or has its principal place of business. */
  basis: z.enum(["principal-place-of-business", "use-location"]),
  exemptsEndUsers: z.boolean(),
  clause: ZClause,
});

export const ZTerminationClause = z.object({
  trigger: z.enum(["breach", "ip-litigation", "patent-litigation", "guardrail-bypass", "threshold-crossed"]),
  isAutomatic: z.boolean(),
  clause: ZClause,
});

export const ZUnilateralChange = z.object({
  kind: z.enum(["policy-updatable", "licence-updatable", "remote-restriction", "external-terms-incorporated"]),
  clause: ZClause,
});

export const ZOtherDuty = z.object({
  id: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  summary: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  appliesWhen: ZLicensedActivity,
  clause: ZClause,
});

export const ZLicence = z.object({
  id: zText({ min: 1, max: TEXT_MAX.id }).refine((v) => /^[a-z0-9][a-z0-9.-]*$/.test(v), "kebab-case id"),
  name: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  family: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  spdx: zText({ min: 1, max: TEXT_MAX.long, multiline: true }),
  versionDate: zText({ min: 4, max: TEXT_MAX.name }),
  appliesToModels: z.array(zText({ min: 1, max: TEXT_MAX.long, multiline: true })).min(1),
  commercialUse: ZCommercialUse,
  commercialUseClause: ZClause,
  thresholds: z.array(ZThreshold),
  acceptableUsePolicy: ZAcceptableUsePolicy.optional(),
  useRestrictions: z.array(ZUseRestriction),
  attribution: ZAttribution,
  redistribution: ZRedistribution,
  outputsToTrainOtherModels: ZOutputsTraining,
  geographicRestrictions: z.array(ZGeographicRestriction),
  termination: z.array(ZTerminationClause),
  unilateralChanges: z.array(ZUnilateralChange),
  otherDuties: z.array(ZOtherDuty),
  governingLaw: zText({ max: TEXT_MAX.long, multiline: true }).optional(),
  notes: z.array(zText({ max: TEXT_MAX.long, multiline: true })).max(100).optional(),
  provenance: ZProvenance,
});
export type TLicence = z.infer<typeof ZLicence>;
