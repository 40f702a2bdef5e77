"use client";
import { useActionState } from "react";
import { createAssessmentAction } from "@/lib/actions/assessments";
import { fieldError, formError, submittedValue } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { TOptionGroup } from "@/lib/domain/catalog";

export function CreateAssessmentForm({ slug, candidates, incumbents, templates }: { slug: string; candidates: TOptionGroup[]; incumbents: TOptionGroup[]; templates: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createAssessmentAction.bind(null, slug), null);
  const e = { form: formError(state), templateId: fieldError(state, "templateId"), title: fieldError(state, "title"), candidateModelId: fieldError(state, "candidateModelId"), incumbentApiId: fieldError(state, "incumbentApiId"), description: fieldError(state, "description") };
  const value = (field: string) => submittedValue(state, field);
  return (
    <form action={action} noValidate className="grid gap-4 sm:grid-cols-2">
      {e.form ? (
        <div className="sm:col-span-2">
          <FormMessage kind="error">{e.form}</FormMessage>
        </div>
      ) : null}
      <SelectField
        label="Start from"
        name="templateId"
        groups={[{ label: "Templates with every stage filled in", options: templates }]}
        placeholder="A blank assessment"
        defaultValue={value("templateId") ?? ""}
        error={e.templateId}
        hint="A template fills every stage with realistic numbers you can change; leave the model and API unchosen to use the template's."
        className="sm:col-span-2"
      />
      <Field label="Title" name="title" defaultValue={value("title")} error={e.title} className="sm:col-span-2" placeholder="e.g. Support summarisation on Llama 3.3 70B" />
      <SelectField
        label="Candidate open-weights model"
        name="candidateModelId"
        groups={candidates}
        placeholder="Choose a model…"
        defaultValue={value("candidateModelId") ?? ""}
        error={e.candidateModelId}
      />
      <SelectField
        label="Incumbent closed API"
        name="incumbentApiId"
        groups={incumbents}
        placeholder="Choose the API you use today…"
        defaultValue={value("incumbentApiId") ?? ""}
        error={e.incumbentApiId}
        hint="Prices are dated; you can override them in the economics stage."
      />
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor="field-description" className="text-sm font-medium text-slate-800">
          Description <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={2}
          defaultValue={value("description")}
          aria-invalid={e.description ? true : undefined}
          aria-describedby={e.description ? "field-description-error" : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        {e.description ? (
          <p id="field-description-error" className="text-sm text-red-700">
            {e.description}
          </p>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create assessment"}
        </Button>
      </div>
    </form>
  );
}
