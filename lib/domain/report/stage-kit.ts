// Small helpers every report stage builder shares.
import { STAGE_TITLES, type TStageKey, type TStageStatus } from "../shared";
import { DomainInputError } from "../shared";
import type { TFigure } from "../shared";
import type { TAssumption, TReportFinding, TReportStage, TStageOutcome } from "./types";

/**
 * Runs an engine call. Cross-field problems the stored-input schema cannot see (a prompt longer
 * than the model's context, LoRA targets the model lacks) come back as a DomainInputError: the
 * report shows it as the stage's warning and carries on without that result.
 */
export function attempt<T>(run: () => T, warnings: string[]): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainInputError) {
      warnings.push(...error.errors.map((e) => e.message));
      return null;
    }
    throw error;
  }
}

export const NOT_STARTED: TStageOutcome = { tone: "unknown", label: "Not started" };

export function makeStage<K extends TStageKey, D>(fields: {
  key: K;
  status: TStageStatus;
  summary: string;
  outcome: TStageOutcome;
  figures?: TFigure[];
  findings?: TReportFinding[];
  warnings?: string[];
  assumptions: TAssumption[];
  detail: NoInfer<D> | null;
}): TReportStage<K, D> {
  const isNotStarted = fields.status === "not-started";
  return {
    key: fields.key,
    title: STAGE_TITLES[fields.key],
    status: fields.status,
    summary: fields.summary,
    outcome: fields.outcome,
    // A not-started stage ran on defaults: its numbers are assumptions, listed as such, not results.
    figures: isNotStarted ? [] : (fields.figures ?? []),
    findings: fields.findings ?? [],
    warnings: fields.warnings ?? [],
    assumptions: fields.assumptions,
    detail: fields.detail,
  };
}

export const NOT_STARTED_SUFFIX = "Not started: the report uses the defaults listed as assumptions.";
