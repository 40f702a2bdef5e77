// Licence diligence: reads a licence's structured terms against what an organisation plans to do
// and returns findings, blockers first, each tied to the clause it rests on. Orientation for the
// conversation with counsel, not legal advice.
import { getLicence, type TLicence } from "../catalog";
import { getModel } from "../catalog";
import { parseOrThrow } from "../shared";
import { ZOrgFacts, type TOrgFactsInput } from "./facts";
import { sortFindings, type TLicenceFinding } from "./findings";
import {
  attributionFindings,
  licenceChangeFindings,
  otherDutyFindings,
  outputsTrainingFindings,
  redistributionFindings,
  terminationFindings,
} from "./rules-duties";
import { commercialUseFindings, geographyFindings, thresholdFindings, fieldOfUseFindings } from "./rules-scope";
import type { TModelArchitecture } from "../shared";

export * from "./facts";
export * from "./findings";
export { NEAR_THRESHOLD_FRACTION } from "./rules-scope";

export type TAssessLicenceInput = {
  licence: TLicence;
  /** Validated here (throws DomainInputError when invalid); unset booleans default to false. */
  facts: TOrgFactsInput;
  /** The chosen model, when known: its isMultimodal flag decides Llama 3.2/4's EU clause. */
  model?: Pick<TModelArchitecture, "isMultimodal">;
};

export function assessLicence({ licence, facts, model }: TAssessLicenceInput): TLicenceFinding[] {
  const f = parseOrThrow(ZOrgFacts, facts, "organisation facts");
  return sortFindings([
    ...commercialUseFindings(licence, f),
    ...thresholdFindings(licence, f),
    ...fieldOfUseFindings(licence, f),
    ...geographyFindings(licence, f, model),
    ...attributionFindings(licence, f),
    ...redistributionFindings(licence, f),
    ...outputsTrainingFindings(licence, f),
    ...terminationFindings(licence, f),
    ...licenceChangeFindings(licence),
    ...otherDutyFindings(licence, f),
  ]);
}

/** Assesses a catalog model under its own licence; undefined when the id is unknown. */
export function assessModelLicence(modelId: string, facts: TOrgFactsInput): TLicenceFinding[] | undefined {
  const model = getModel(modelId);
  const licence = model && getLicence(model.licenceId);
  if (!model || !licence) return undefined;
  return assessLicence({ licence, facts, model });
}
