// What the licence rules need to know about the organisation and its plans.
import { z } from "zod";
import { ZIntendedUse, ZRegion, ZSector, type TLicensedActivity } from "../catalog";

export { ZIntendedUse, ZRegion, ZSector } from "../catalog";
export type { TIntendedUse, TRegion, TSector } from "../catalog";

const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

export const ZOrgFacts = z.object({
  /** Users of the organisation's (and affiliates') products in a month; Llama and Qwen cap this. */
  monthlyActiveUsers: z.number().int().nonnegative().max(100_000_000_000),
  annualRevenueUsd: z.number().nonnegative().max(100_000_000_000_000),
  sector: ZSector,
  intendedUses: z.array(ZIntendedUse).max(ZIntendedUse.options.length).refine(unique, "list each use once"),
  /** Where the organisation operates or has users. */
  regions: z.array(ZRegion).min(1).max(ZRegion.options.length).refine(unique, "list each region once"),
  /** Llama 3.2/4's EU clause turns on the licensee's principal place of business, not its users. */
  principalPlaceOfBusiness: ZRegion.optional(),
  isCommercialUse: z.boolean().default(true),
  willFineTune: z.boolean().default(false),
  willDistil: z.boolean().default(false),
  willRedistributeWeights: z.boolean().default(false),
  willShipInProduct: z.boolean().default(false),
  willHostForThirdParties: z.boolean().default(false),
  willUseOutputsToTrainOtherModels: z.boolean().default(false),
  /** Unset means "not known": the chosen model's own flag is used, else geography is left to counsel. */
  isMultimodal: z.boolean().optional(),
});
export type TOrgFacts = z.output<typeof ZOrgFacts>;
export type TOrgFactsInput = z.input<typeof ZOrgFacts>;

export function activitiesOf(facts: TOrgFacts): Set<TLicensedActivity> {
  const flags: [boolean, TLicensedActivity][] = [
    [facts.isCommercialUse, "commercial-use"],
    [facts.willFineTune, "fine-tune"],
    [facts.willDistil, "distil"],
    [facts.willRedistributeWeights, "redistribute-weights"],
    [facts.willShipInProduct, "ship-in-product"],
    [facts.willHostForThirdParties, "host-for-third-parties"],
    [facts.willUseOutputsToTrainOtherModels, "train-other-models-on-outputs"],
  ];
  return new Set(flags.filter(([on]) => on).map(([, activity]) => activity));
}

/** Whether anyone outside the organisation gets the model or a product built on it. */
export const offersModelToOthers = (f: TOrgFacts) => f.willShipInProduct || f.willRedistributeWeights || f.willHostForThirdParties;

/** Whether the organisation will make a new model from this one (weights or outputs). */
export const makesDerivedModel = (f: TOrgFacts) => f.willFineTune || f.willDistil || f.willUseOutputsToTrainOtherModels;
