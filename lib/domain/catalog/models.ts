// Open-weights model architectures, each linked to its licence in LICENCES by licenceId.
import type { TModelArchitecture } from "../shared";
import { indexById } from "./lookup";
import { GEMMA_PHI_OSS_OLMO_MODELS } from "./model-data/gemma-phi-oss-olmo";
import { META_MISTRAL_MODELS } from "./model-data/meta-mistral";
import { QWEN_DEEPSEEK_MODELS } from "./model-data/qwen-deepseek";

export const MODELS: readonly TModelArchitecture[] = [
  ...META_MISTRAL_MODELS,
  ...QWEN_DEEPSEEK_MODELS,
  ...GEMMA_PHI_OSS_OLMO_MODELS,
];

export const getModel = indexById(MODELS, "model");
