// The model-licence families as structured terms, in data/licences.json. Values come from the
// licence texts (see each entry's provenance); the rules that read them live in lib/domain/licence.
import { parseCatalogRows } from "./catalog-schema";
import LICENCE_ROWS from "./data/licences.json";
import type { TLicence } from "./licence-schema";
import { indexById } from "./lookup";

export * from "./licence-schema";

export const LICENCES: readonly TLicence[] = parseCatalogRows("licences", LICENCE_ROWS);

export const getLicence = indexById(LICENCES, "licence");
