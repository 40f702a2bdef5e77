"use client";
import { useActionState } from "react";
import { changeModelsAction } from "@/lib/actions/assessments";
import { fieldError, formError } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { TOptionGroup } from "@/lib/domain/catalog";

type TProps = { slug: string; id: string; version: number; candidateModelId: string; incumbentApiId: string; candidates: TOptionGroup[]; incumbents: TOptionGroup[] };

export function ModelsForm({ slug, id, version, candidateModelId, incumbentApiId, candidates, incumbents }: TProps) {
  const [state, action, pending] = useActionState(changeModelsAction.bind(null, slug, id), null);
  const e = { form: formError(state) ?? fieldError(state, "version"), candidateModelId: fieldError(state, "candidateModelId"), incumbentApiId: fieldError(state, "incumbentApiId") };
  const saved = state?.kind === "ok" ? state : null;
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      {e.form ? <FormMessage kind="error">{e.form}</FormMessage> : null}
      {saved ? <FormMessage kind="success">Model and API saved as version {saved.version}; every stage now uses them.</FormMessage> : null}
      <input type="hidden" name="version" value={Math.max(saved?.version ?? 0, version)} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Candidate model" name="candidateModelId" id="models-candidate" groups={candidates} defaultValue={candidateModelId} error={e.candidateModelId} hint="The licence follows the model unless the licence stage overrides it." />
        <SelectField label="Incumbent API" name="incumbentApiId" id="models-incumbent" groups={incumbents} defaultValue={incumbentApiId} error={e.incumbentApiId} hint="Its dated catalog price is used unless the economics stage overrides it." />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Change model and API"}
        </Button>
      </div>
    </form>
  );
}
