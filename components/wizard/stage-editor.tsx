"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveCustomModelAction, saveStageAction } from "@/lib/actions/wizard";
import type { TCustomCandidateForm } from "@/lib/domain/catalog";
import type { TReportSource, TReportStages } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import type { TAutosaveStatus } from "@/lib/wizard/autosave";
import { getIn, placeErrors, type TDraft } from "@/lib/wizard/draft";
import type { TFieldGroup } from "@/lib/wizard/stage-fields";
import { forgetUnsaved, sessionStore } from "@/lib/wizard/unsaved";
import { useAutosave } from "@/lib/wizard/use-autosave";
import { ConflictPanel } from "./conflict-panel";
import { CustomModelPanel } from "./custom-model-panel";
import type { TCandidatePanelData } from "@/lib/wizard/stage-fields";
import { EvalImport } from "./eval-import";
import { FieldGroups } from "./stage-fields";
import { ResultsPanel } from "./results-panel";
import { FindCheapestButton, MeasurementImport } from "./serving-layout";
import type { TServingMeasurement } from "@/lib/domain/sizing";
import { useUnsavedDrafts } from "./unsaved-notice";
import type { TAssumedList } from "@/lib/wizard/stage-fields";

type TProps = {
  slug: string;
  id: string;
  stage: TStageKey;
  initialDraft: TDraft;
  initialVersion: number;
  groups: TFieldGroup[];
  defaults: Record<string, string>;
  /** Lists the report fills with assumed rows while the stage has none (shown, marked assumed, editable). */
  assumed?: Record<string, TAssumedList>;
  initialResults: TReportStages[TStageKey];
  sources: TReportSource[];
  canEdit: boolean;
  /** Why the form is read-only when canEdit is false (a role, or a pending review). */
  readOnlyReason?: string;
  /** Infrastructure only: the candidate model and the custom-model form. */
  candidate?: TCandidatePanelData;
  /** Capability only: the assessment's model names, so an imported file defaults to its model's side. */
  modelNames?: { candidate: string; incumbent: string };
};

const STATUS_TEXT: Record<TAutosaveStatus, (version: number) => string> = {
  idle: (v) => `Saved • version ${v}`,
  dirty: () => "Unsaved changes…",
  saving: () => "Saving…",
  saved: (v) => `Saved • version ${v}`,
  invalid: () => "Not saved: fix the highlighted field",
  conflict: () => "Not saved: someone else changed this assessment",
  error: () => "Not saved",
};

/** One stage's form and results: autosaves (lib/wizard/autosave.ts), merges with others' saves, never overwrites silently. */
export function StageEditor({ slug, id, stage, initialDraft, initialVersion, groups, defaults, assumed = {}, initialResults, sources, canEdit, readOnlyReason = "Your role is viewer: this stage is read-only for you.", candidate, modelNames }: TProps) {
  const router = useRouter();
  // The results shown belong to a version: a save's answer carries them, and so does the page's
  // server data after a refresh (which is how someone else's version shows, when I keep theirs).
  // Whichever is newer wins, so a refresh that read the database before my next save landed cannot
  // put older results back.
  const [shown, setShown] = useState({ version: initialVersion, results: initialResults });
  if (initialVersion > shown.version) setShown({ version: initialVersion, results: initialResults });
  const showResults = (version: number, results: TReportStages[TStageKey]) => setShown((s) => (version > s.version ? { version, results } : s));
  const { state, dispatch, runBetweenSaves } = useAutosave({
    assessmentId: id,
    stage,
    initialDraft,
    initialVersion,
    refresh: () => router.refresh(),
    send: async ({ draft, base, expectedVersion }) => {
      const r = await saveStageAction(slug, id, stage, expectedVersion, draft, base ?? undefined);
      if (r.kind === "saved") showResults(r.version, r.stage);
      // A conflict the wrapper reports (the version moved between read and write) names no fields.
      if (r.kind === "conflict" && !("fields" in r)) return { ...r, fields: [], theirs: null, merged: null };
      return r;
    },
  });
  const { status, draft, version, conflict } = state;
  const leftUnsaved = useUnsavedDrafts(id).find((e) => e.stage === stage);
  const onChange = (path: string, value: unknown) => dispatch({ type: "edit", path, value });

  /** The custom candidate model is written in the stage's version sequence, between stage saves. */
  async function saveCandidate(form: TCustomCandidateForm) {
    const r = await runBetweenSaves((expectedVersion) => saveCustomModelAction(slug, id, expectedVersion, form));
    if (r?.kind === "saved") {
      showResults(r.version, r.stage);
      router.refresh();
    }
    return r;
  }

  const isRefused = status === "invalid" || status === "error" || status === "conflict";
  // Errors on an object (a range, a choice) move to a field inside it; the rest are listed on top.
  const placed = placeErrors(state.errors, groups.flatMap((g) => g.fields.map((f) => f.path)));
  const formErrors = placed.unplaced;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex min-w-0 flex-col gap-4">
        {candidate ? (
          <CustomModelPanel
            {...candidate}
            canEdit={canEdit}
            busyReason={status === "dirty" || status === "saving" ? "Waiting for the stage to save…" : status === "conflict" ? "Resolve the conflict shown below first." : null}
            onSave={saveCandidate}
          />
        ) : null}
        <form
          className="flex min-w-0 flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            dispatch({ type: "submit" });
          }}
        >
          <div data-sticky-save-bar className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3">
            <p role="status" className={`text-sm ${isRefused ? "text-red-700" : "text-slate-800"}`}>
              {canEdit ? STATUS_TEXT[status](version) : `Version ${version}`}
            </p>
            {canEdit ? (
              <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800" disabled={status === "conflict"}>
                Save
              </button>
            ) : (
              <p className="text-sm text-slate-700">{readOnlyReason}</p>
            )}
          </div>
          {conflict ? <ConflictPanel conflict={conflict} groups={groups} dispatch={dispatch} /> : null}
          {leftUnsaved && canEdit && !state.isRestored ? (
            <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
              <p>Changes you made on this page were not saved when you left it: {leftUnsaved.message}</p>
              <div className="flex flex-wrap gap-2">
                <button type="button" className="rounded-md bg-brand-700 px-3 py-2 text-white" disabled={state.inFlight !== null} onClick={() => dispatch({ type: "restore", entry: leftUnsaved })}>
                  Restore my unsaved changes
                </button>
                <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-2" onClick={() => forgetUnsaved(sessionStore(), id, stage)}>
                  Discard them
                </button>
              </div>
            </div>
          ) : null}
          {status === "error" ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {state.message}
            </div>
          ) : null}
          {formErrors.length ? (
            <ul role="alert" className="list-disc rounded-md border border-red-300 bg-red-50 p-3 pl-8 text-sm text-red-800">
              {formErrors.map(([path, message]) => (
                <li key={path}>
                  {path}: {message}
                </li>
              ))}
            </ul>
          ) : null}
          <fieldset disabled={!canEdit || conflict !== null} className="flex min-w-0 flex-col gap-4">
            <legend className="sr-only">Stage inputs</legend>
            <FieldGroups groups={groups} ctx={{ draft, errors: placed.byPath, defaults, assumed, onChange }} />
            {stage === "infrastructure" ? (
              <>
                <FindCheapestButton
                  disabled={!canEdit}
                  onFind={() => {
                    const sizing = (getIn(draft, "sizing") as Record<string, unknown> | undefined) ?? {};
                    const { tensorParallelOverride: _t, pipelineStagesOverride: _p, weightPrecision: _w, kvCachePrecision: _k, ...rest } = sizing;
                    void [_t, _p, _w, _k];
                    onChange("sizing", { ...rest, layoutSearch: "all-gpus" });
                  }}
                />
                <MeasurementImport
                  disabled={!canEdit}
                  measurements={(getIn(draft, "measurements") as TServingMeasurement[] | undefined) ?? []}
                  chosen={shown.results.key === "infrastructure" ? (shown.results.detail?.search?.rows.find((r) => r.isChosen) ?? null) : null}
                  gpuOptions={groups.flatMap((g) => g.fields).flatMap((f) => (f.path === "gpuId" && f.kind === "select" ? f.options : []))}
                  onApply={(next) => onChange("measurements", next.length ? next : undefined)}
                />
              </>
            ) : null}
            {stage === "capability" ? (
              <EvalImport
                disabled={!canEdit || conflict !== null}
                workloads={(getIn(draft, "workloads") as Record<string, unknown>[] | undefined) ?? []}
                onApply={(next) => onChange("workloads", next)}
                modelNames={modelNames}
              />
            ) : null}
          </fieldset>
        </form>
      </div>
      <div className="min-w-0">
        <ResultsPanel stage={shown.results} sources={sources} />
      </div>
    </div>
  );
}
