// One assessment as a portable JSON document, and the validation of such a document on import.
// The import is strict: a file that is not a Freehold export, is from a newer format, names an
// unknown model or API, or has any invalid stage input is refused whole with messages that say
// where — nothing is half-imported.
import { z } from "zod";
import { getApiPrice, getModel } from "../catalog";
import { upgradeInputs, type TAssessmentInputs } from "./inputs";
import { DomainInputError, formatPath, jsonDepthProblem, TEXT_MAX, zText, type TFieldError } from "../shared";

export const EXPORT_FORMAT = "freehold.assessment";
export const EXPORT_FORMAT_VERSION = 1;
/** Large enough for any real assessment (a full template is ~10 kB), small enough to refuse junk. */
export const MAX_IMPORT_CHARS = 1_000_000;

export type TAssessmentExport = {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  exportedAt: string;
  source: { organization: string; assessmentId: string; version: number; status: string };
  assessment: { title: string; description: string; candidateModelId: string; incumbentApiId: string; inputs: TAssessmentInputs };
};

export function toExport(args: {
  organizationName: string;
  exportedAt: Date;
  assessment: { id: string; title: string; description: string; candidateModelId: string; incumbentApiId: string; version: number; status: string; inputs: TAssessmentInputs };
}): TAssessmentExport {
  const a = args.assessment;
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: args.exportedAt.toISOString(),
    source: { organization: args.organizationName, assessmentId: a.id, version: a.version, status: a.status },
    assessment: { title: a.title, description: a.description, candidateModelId: a.candidateModelId, incumbentApiId: a.incumbentApiId, inputs: a.inputs },
  };
}

const ZEnvelope = z.object({
  format: z.string(),
  formatVersion: z.number().int(),
});

const ZImportedAssessment = z.object({
  title: zText({ trim: true, min: 3, max: 120, tooShort: "the title must have at least 3 characters", tooLong: "the title must be under 120 characters" }),
  description: zText({ max: 2000, multiline: true, tooLong: "the description must be under 2,000 characters" }).default(""),
  candidateModelId: zText({ min: 1, max: TEXT_MAX.id }),
  incumbentApiId: zText({ min: 1, max: TEXT_MAX.id }),
  inputs: z.unknown(),
});

export type TImportedAssessment = { title: string; description: string; candidateModelId: string; incumbentApiId: string; inputs: TAssessmentInputs };
export type TImportParse = { ok: true; data: TImportedAssessment } | { ok: false; errors: string[] };

const fail = (...errors: string[]): TImportParse => ({ ok: false, errors });
const withPath = (prefix: string, errors: TFieldError[]) => errors.map((e) => `${prefix}${e.message}`);

/** Validates an uploaded export. Never throws for bad input: every problem comes back as a message. */
export function parseAssessmentImport(text: string): TImportParse {
  if (text.length > MAX_IMPORT_CHARS) return fail(`The file is too large (${text.length.toLocaleString("en-US")} characters; the limit is ${MAX_IMPORT_CHARS.toLocaleString("en-US")}).`);
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep) return fail(`The file cannot be imported: ${tooDeep}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(`The file is not valid JSON: ${(e as Error).message}.`);
  }
  const envelope = ZEnvelope.safeParse(raw);
  if (!envelope.success || envelope.data.format !== EXPORT_FORMAT) {
    return fail(`This is not a Freehold assessment export: the file must have "format": "${EXPORT_FORMAT}" (use "Export JSON" on an assessment to make one).`);
  }
  if (envelope.data.formatVersion !== EXPORT_FORMAT_VERSION) {
    return fail(`This export uses format version ${envelope.data.formatVersion}; this version of Freehold reads version ${EXPORT_FORMAT_VERSION}.`);
  }
  const body = ZImportedAssessment.safeParse((raw as { assessment?: unknown }).assessment);
  if (!body.success) {
    return fail(...body.error.issues.map((i) => `assessment.${formatPath(i.path)}: ${i.message}`));
  }
  let inputs: TAssessmentInputs;
  try {
    inputs = upgradeInputs(body.data.inputs ?? {}, { repairLegacy: false });
  } catch (e) {
    if (e instanceof DomainInputError) return fail(...withPath("assessment.inputs.", e.errors));
    throw e;
  }
  const errors: string[] = [];
  const isCustomCandidate = inputs.customModel?.id === body.data.candidateModelId;
  if (!getModel(body.data.candidateModelId) && !isCustomCandidate) {
    errors.push(`assessment.candidateModelId: "${body.data.candidateModelId}" is neither in the catalog nor described as a custom model in the inputs.`);
  }
  if (!getApiPrice(body.data.incumbentApiId) && !inputs.economics?.apiPriceOverride) {
    errors.push(`assessment.incumbentApiId: "${body.data.incumbentApiId}" is not in the catalog and the inputs give no API price.`);
  }
  if (errors.length > 0) return fail(...errors);
  return { ok: true, data: { ...body.data, description: body.data.description ?? "", inputs } };
}

/** Longest assessment title the forms accept (ZImportedAssessment.title and the create form). */
const TITLE_MAX_CHARS = 120;

/**
 * The title an imported assessment gets: the original's, marked with the import date (UTC), so the
 * copy is never mistaken for the original in lists, comparisons and PDFs. A long title is shortened
 * to keep the mark within the title limit.
 */
export function importedTitle(title: string, at: Date): string {
  const mark = ` (imported ${at.toISOString().slice(0, 10)})`;
  const room = TITLE_MAX_CHARS - mark.length;
  const base = title.length > room ? `${title.slice(0, room - 1).trimEnd()}…` : title;
  return `${base}${mark}`;
}
