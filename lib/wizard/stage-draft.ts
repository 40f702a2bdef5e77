// Between the stored stage inputs and the wizard's form: what the editor starts from, and what a
// submitted draft becomes before the stage schema validates it. Server-side (reads report defaults).
import { hasEnteredValue, type TAssessmentInputs } from "@/lib/domain/assessment";
import { type TStageKey } from "@/lib/domain/shared";
import { DEFAULT_UNCERTAINTY_RANGES } from "@/lib/domain/report";
import { cleanDraft, type TDraft } from "./draft";

/** The Monte Carlo range rows of the economics form, in this order (row i edits this key). */
export const UNCERTAINTY_FORM_RANGES = DEFAULT_UNCERTAINTY_RANGES;

/** Not a catalog id (those never start with "custom"), so no catalog price is ever matched to it. */
export const CUSTOM_GPU_ID = "custom-gpu";
export const CUSTOM_GPU_VENDOR_DEFAULT = "not stated";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const keyOf = (row: unknown) => (isObject(row) ? row.key : undefined);

/** The stage's stored inputs as the editor's draft: Monte Carlo ranges put in form row order. */
export function initialStageDraft(inputs: TAssessmentInputs, stage: TStageKey): TDraft {
  const draft = (inputs[stage] ?? {}) as TDraft;
  const ranges = (draft as { uncertainty?: { ranges?: unknown[] } }).uncertainty?.ranges;
  if (stage !== "economics" || !ranges?.length) return draft;
  const formKeys = new Set<unknown>(UNCERTAINTY_FORM_RANGES.map((r) => r.key));
  const aligned = [...UNCERTAINTY_FORM_RANGES.map((d) => ranges.find((r) => keyOf(r) === d.key) ?? {}), ...ranges.filter((r) => !formKeys.has(keyOf(r)))];
  return { ...draft, uncertainty: { ...(draft.uncertainty as object), ranges: aligned } };
}

/**
 * A custom GPU is described by what the team enters (name, memory, bandwidth, TFLOPS, power); its
 * id and provenance are the server's to set, so a client can neither forge a source nor pick a
 * catalog id. Clearing every entered field removes it and the catalog GPU applies again.
 */
function completeCustomGpu(infra: Record<string, unknown>, today: string): Record<string, unknown> {
  const { customGpu, ...rest } = infra;
  if (!isObject(customGpu)) return infra;
  const { id: _id, provenance: _provenance, ...entered } = customGpu;
  if (!hasEnteredValue(entered)) return rest;
  return {
    ...rest,
    customGpu: {
      ...entered,
      id: CUSTOM_GPU_ID,
      vendor: entered.vendor ?? CUSTOM_GPU_VENDOR_DEFAULT,
      provenance: { sourceUrls: [], asOf: today, verification: "user", note: "Entered by your team in the infrastructure stage" },
    },
  };
}

/**
 * The engine takes an entered list of ranges instead of the defaults, whole. So once any range is
 * edited, every form row is saved complete: what the user typed, the Freehold default for the rest
 * (the same values the form shows as defaults). No row edited: no list, and the defaults apply.
 */
function completeRanges(economics: Record<string, unknown>): Record<string, unknown> {
  const { uncertainty, ...withoutUncertainty } = economics;
  if (!isObject(uncertainty) || !Array.isArray(uncertainty.ranges)) return economics;
  const { ranges, ...otherUncertainty } = uncertainty as { ranges: unknown[] };
  const enteredPart = (row: unknown) => (isObject(row) ? Object.fromEntries(Object.entries(row).filter(([k]) => k !== "key")) : {});
  const isEdited = (row: unknown) => hasEnteredValue(enteredPart(row));
  if (!ranges.some(isEdited)) return hasEnteredValue(otherUncertainty) ? { ...withoutUncertainty, uncertainty: otherUncertainty } : withoutUncertainty;
  const formRows = UNCERTAINTY_FORM_RANGES.map((d, i) => ({ ...d, ...enteredPart(ranges[i]), key: d.key }));
  const extraRows = ranges.slice(UNCERTAINTY_FORM_RANGES.length).filter(isEdited);
  return { ...economics, uncertainty: { ...otherUncertainty, ranges: [...formRows, ...extraRows] } };
}

/** A submitted draft as the stage schema should see it: blanks dropped, server-owned parts completed. */
export function prepareStageDraft(stage: TStageKey, draft: unknown, today: string): unknown {
  const clean = cleanDraft(draft) ?? {};
  if (!isObject(clean)) return clean;
  if (stage === "infrastructure") return completeCustomGpu(clean, today);
  if (stage === "economics") return completeRanges(clean);
  return clean;
}
