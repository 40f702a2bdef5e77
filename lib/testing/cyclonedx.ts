// Validates a BOM against the CycloneDX 1.6 JSON schema (strict) shipped inside
// @cyclonedx/cyclonedx-library (res/schema/bom-1.6.SNAPSHOT.schema.json with its SPDX and JSF
// schemas): offline, no download. Returns the schema errors, or null when the BOM is valid.
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

export async function cycloneDxErrors(bom: unknown): Promise<unknown> {
  return validator.validate(typeof bom === "string" ? bom : JSON.stringify(bom));
}
