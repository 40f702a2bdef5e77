// What a new assessment needs: the create form and the REST API validate with these same schemas.
import { z } from "zod";
import { isKnownCandidate, isKnownIncumbent } from "../catalog";
import { zText } from "../shared";
import { getTemplate } from "./templates";

export const ZAssessmentTitle = zText({ trim: true, min: 3, max: 120, tooShort: "Give the assessment a title of at least 3 characters.", tooLong: "Keep the title under 120 characters." });

/** The fields, each checked on its own so one submit shows every error at once. */
export const ZCreateAssessmentFields = z.object({
  title: ZAssessmentTitle,
  description: zText({ trim: true, multiline: true, max: 2000, tooLong: "Keep the description under 2,000 characters." }).default(""),
  // A new assessment has no inputs yet, so only catalog models qualify.
  candidateModelId: z.string().refine((id) => isKnownCandidate(id), "Choose a candidate model from the list."),
  incumbentApiId: z.string().refine(isKnownIncumbent, "Choose the API you use today from the list."),
  templateId: z.string().refine((id) => !id || Boolean(getTemplate(id)), "Choose a template from the list, or a blank assessment.").default(""),
});

/** A template fills in the model and the API the person left unchosen, then the fields are checked. */
export const ZCreateAssessment = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const form = raw as Record<string, unknown>;
  const template = typeof form.templateId === "string" && form.templateId ? getTemplate(form.templateId) : undefined;
  return { ...form, candidateModelId: form.candidateModelId || template?.candidateModelId || "", incumbentApiId: form.incumbentApiId || template?.incumbentApiId || "" };
}, ZCreateAssessmentFields);
