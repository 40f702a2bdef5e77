// Open-weights model architectures, each linked to its licence in LICENCES by licenceId. The rows
// live in data/models.json (a data edit adds a model); the schema checks them at import.
import type { TModelArchitecture } from "../shared";
import { parseCatalogRows } from "./catalog-schema";
import MODEL_ROWS from "./data/models.json";
import { indexById } from "./lookup";

export const MODELS: readonly TModelArchitecture[] = parseCatalogRows("models", MODEL_ROWS);

export const getModel = indexById(MODELS, "model");
