// Stored per-stage inputs of an assessment. Versioned so the shape can evolve: a row written at
// an older schemaVersion is upgraded on read by `upgradeInputs` (none needed yet).
import { z } from "zod";

export const CURRENT_INPUTS_SCHEMA_VERSION = 1;

const ZStage = z.record(z.string(), z.unknown());

export const ZAssessmentInputs = z.object({
  schemaVersion: z.literal(CURRENT_INPUTS_SCHEMA_VERSION).default(CURRENT_INPUTS_SCHEMA_VERSION),
  licence: ZStage.optional(),
  capability: ZStage.optional(),
  infrastructure: ZStage.optional(),
  adaptation: ZStage.optional(),
  safety: ZStage.optional(),
  lifecycle: ZStage.optional(),
  economics: ZStage.optional(),
});

export type TAssessmentInputs = z.infer<typeof ZAssessmentInputs>;
