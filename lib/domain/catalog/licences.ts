// The 24 model-licence families as structured terms. Values come from the licence texts
// (see each entry's provenance); the rules that read them live in lib/domain/licence.ts.
import { LLAMA_LICENCES } from "./licence-data/llama";
import { NON_COMMERCIAL_LICENCES } from "./licence-data/non-commercial";
import { PERMISSIVE_LICENCES } from "./licence-data/permissive";
import { RESPONSIBLE_AI_LICENCES } from "./licence-data/responsible-ai";
import { VENDOR_TERMS_LICENCES } from "./licence-data/vendor-terms";
import type { TLicence } from "./licence-schema";
import { indexById } from "./lookup";

export * from "./licence-schema";

export const LICENCES: readonly TLicence[] = [
  ...LLAMA_LICENCES,
  ...RESPONSIBLE_AI_LICENCES,
  ...VENDOR_TERMS_LICENCES,
  ...PERMISSIVE_LICENCES,
  ...NON_COMMERCIAL_LICENCES,
];

export const getLicence = indexById(LICENCES, "licence");
