"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { saveCustomModelAction, saveStageAction } from "@/app/o/[slug]/assessments/wizard-actions";
import type { TCustomCandidateForm } from "@/lib/domain/catalog";
import type { TReportSource, TReportStages } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import { getIn, placeErrors, setIn, type TDraft } from "@/lib/wizard/draft";
import type { TFieldGroup } from "@/lib/wizard/stage-fields";
import { forgetUnsaved, rememberUnsaved, sessionStore, type TUnsavedEntry, type TUnsavedReason } from "@/lib/wizard/unsaved";
import { CustomModelPanel, type TCandidatePanelData } from "./custom-model-panel";
import { EvalImport } from "./eval-import";
import { FieldGroups } from "./stage-fields";
import { ResultsPanel } from "./results-panel";
import { FindCheapestButton, MeasurementImport } from "./serving-layout";
import type { TServingMeasurement } from "@/lib/domain/sizing";
import { useUnsavedDrafts } from "./unsaved-notice";

type TProps = {
  slug: string;
  id: string;
  stage: TStageKey;
  initialDraft: TDraft;
  initialVersion: number;
  groups: TFieldGroup[];
  defaults: Record<string, string>;
  initialResults: TReportStages[TStageKey];
  sources: TReportSource[];
  canEdit: boolean;
  /** Why the form is read-only when canEdit is false (a role, or a pending review). */
  readOnlyReason?: string;
  /** Infrastructure only: the candidate model and the custom-model form. */
  candidate?: TCandidatePanelData;
};

type TStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "invalid" }
  | { kind: "conflict"; currentVersion: number; message: string }
  | { kind: "error"; message: string };

const AUTOSAVE_MS = 800;

/** One stage's form and results: autosaves a debounced draft, shows conflicts, never overwrites silently. */
export function StageEditor({ slug, id, stage, initialDraft, initialVersion, groups, defaults, initialResults, sources, canEdit, readOnlyReason = "Your role is viewer: this stage is read-only for you.", candidate }: TProps) {
  const router = useRouter();
  const [draft, setDraft] = useState<TDraft>(initialDraft);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [results, setResults] = useState(initialResults);
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  const draftRef = useRef(draft);
  const versionRef = useRef(version);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);
  /** The draft holds changes restored from a save that failed after leaving the page. */
  const restored = useRef(false);
  const [isRestoring, setRestoring] = useState(false);
  const leftUnsaved = useUnsavedDrafts(id).find((e) => e.stage === stage);

  /** Why the last save was refused, while it still stands: leaving keeps the draft for later (see leave below). */
  const refused = useRef<{ reason: TUnsavedReason; message: string } | null>(null);

  /** Keeps the refused draft for the next page, which shows it (see lib/wizard/unsaved.ts). */
  function keepRefusedDraft(): void {
    if (refused.current) rememberUnsaved(sessionStore(), id, { stage, draft: draftRef.current, baseVersion: versionRef.current, ...refused.current });
  }

  /** A save that answers after the page was left has no form to show it on. */
  function settleAfterLeaving(sent: TDraft): void {
    if (refused.current) return keepRefusedDraft();
    if (again.current || draftRef.current !== sent) {
      again.current = false;
      void save();
    }
  }

  async function save(expectedVersion?: number): Promise<void> {
    if (inFlight.current) {
      again.current = true;
      timer.current = null;
      return;
    }
    inFlight.current = true;
    timer.current = null;
    setStatus({ kind: "saving" });
    const sent = draftRef.current;
    const r = await saveStageAction(slug, id, stage, expectedVersion ?? versionRef.current, sent);
    inFlight.current = false;
    if (r.kind === "saved") versionRef.current = r.version;
    refused.current = r.kind === "saved" ? null : { reason: r.kind, message: r.kind === "invalid" ? `a value was refused (${Object.values(r.errors)[0] ?? "see the stage"}).` : r.message };
    if (r.kind === "saved" && restored.current) {
      restored.current = false;
      forgetUnsaved(sessionStore(), id, stage);
    }
    if (!mounted.current) return settleAfterLeaving(sent);
    if (r.kind === "saved") {
      setVersion(r.version);
      setErrors({});
      setResults(r.stage);
      setStatus(draftRef.current === sent ? { kind: "saved" } : { kind: "dirty" });
      router.refresh();
    } else if (r.kind === "invalid") {
      setErrors(r.errors);
      setStatus({ kind: "invalid" });
    } else if (r.kind === "conflict") {
      again.current = false;
      setStatus({ kind: "conflict", currentVersion: r.currentVersion, message: r.message });
      return;
    } else {
      setStatus({ kind: "error", message: r.message });
    }
    if (again.current || draftRef.current !== sent) {
      again.current = false;
      if (r.kind !== "error") void save();
    }
  }

  // Leaving the page inside the debounce window still sends the last change; its answer is settled
  // by settleAfterLeaving. A save already in flight sends the newer change when it returns. Leaving
  // with a refusal on screen (a conflict, a bad value) keeps that draft too: nothing typed is lost.
  const leave = useRef(() => {});
  useEffect(() => {
    leave.current = () => {
      if (!timer.current) {
        if (!inFlight.current) keepRefusedDraft();
        return;
      }
      clearTimeout(timer.current);
      timer.current = null;
      if (inFlight.current) again.current = true;
      else void save();
    };
  });
  useEffect(() => {
    const state = { mounted, leave };
    state.mounted.current = true;
    return () => {
      state.mounted.current = false;
      state.leave.current();
    };
  }, []);

  /** Takes back the draft a failed save left behind; saving it against its own base version conflicts if anyone saved since. */
  function restoreLeft(entry: TUnsavedEntry) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    restored.current = true;
    setRestoring(true);
    draftRef.current = entry.draft;
    versionRef.current = entry.baseVersion;
    setDraft(entry.draft);
    void save();
  }

  /** Saves a custom candidate model in the stage's version sequence, so neither write makes the other a conflict. */
  async function saveCandidate(form: TCustomCandidateForm) {
    if (inFlight.current || timer.current) return null;
    inFlight.current = true;
    const r = await saveCustomModelAction(slug, id, versionRef.current, form);
    inFlight.current = false;
    if (r.kind === "saved") {
      versionRef.current = r.version;
      setVersion(r.version);
      setResults(r.stage);
      router.refresh();
    }
    if (again.current) {
      again.current = false;
      void save();
    }
    return r;
  }

  const hasUnsaved = status.kind === "dirty" || status.kind === "saving";
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsaved]);

  function onChange(path: string, value: unknown) {
    const next = setIn(draftRef.current, path, value);
    draftRef.current = next;
    setDraft(next);
    if (status.kind === "conflict") return;
    setStatus({ kind: "dirty" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }

  const statusText = {
    idle: `Saved • version ${version}`,
    dirty: "Unsaved changes…",
    saving: "Saving…",
    saved: `Saved • version ${version}`,
    invalid: "Not saved: fix the highlighted field",
    conflict: "Not saved: someone else changed this assessment",
    error: "Not saved",
  }[status.kind];
  // Errors on an object (a range, a choice) move to a field inside it; the rest are listed on top.
  const placed = placeErrors(errors, groups.flatMap((g) => g.fields.map((f) => f.path)));
  const formErrors = placed.unplaced;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex min-w-0 flex-col gap-4">
        {candidate ? (
          <CustomModelPanel
            {...candidate}
            canEdit={canEdit}
            busyReason={status.kind === "dirty" || status.kind === "saving" ? "Waiting for the stage to save…" : status.kind === "conflict" ? "Resolve the conflict shown below first." : null}
            onSave={saveCandidate}
          />
        ) : null}
        <form
          className="flex min-w-0 flex-col gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (timer.current) clearTimeout(timer.current);
            void save();
          }}
        >
          <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3">
            <p role="status" className={`text-sm ${status.kind === "invalid" || status.kind === "error" || status.kind === "conflict" ? "text-red-700" : "text-slate-800"}`}>
              {canEdit ? statusText : `Version ${version}`}
            </p>
            {canEdit ? (
              <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800" disabled={status.kind === "conflict"}>
                Save
              </button>
            ) : (
              <p className="text-sm text-slate-700">{readOnlyReason}</p>
            )}
          </div>
          {status.kind === "conflict" ? (
            <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
              <p>{status.message}</p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className="rounded-md border border-slate-400 bg-white px-3 py-2"
                  onClick={() => {
                    forgetUnsaved(sessionStore(), id, stage);
                    window.location.reload();
                  }}
                >
                  Reload their version
                </button>
                <button
                  type="button"
                  className="rounded-md bg-red-700 px-3 py-2 text-white"
                  onClick={() => {
                    versionRef.current = status.currentVersion;
                    void save(status.currentVersion);
                  }}
                >
                  Overwrite with my changes
                </button>
              </div>
            </div>
          ) : null}
          {leftUnsaved && canEdit && !isRestoring ? (
            <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
              <p>Changes you made on this page were not saved when you left it: {leftUnsaved.message}</p>
              <div className="flex flex-wrap gap-2">
                <button type="button" className="rounded-md bg-brand-700 px-3 py-2 text-white" onClick={() => restoreLeft(leftUnsaved)}>
                  Restore my unsaved changes
                </button>
                <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-2" onClick={() => forgetUnsaved(sessionStore(), id, stage)}>
                  Discard them
                </button>
              </div>
            </div>
          ) : null}
          {status.kind === "error" ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {status.message}
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
          <fieldset disabled={!canEdit} className="flex min-w-0 flex-col gap-4">
            <legend className="sr-only">Stage inputs</legend>
            <FieldGroups groups={groups} ctx={{ draft, errors: placed.byPath, defaults, onChange }} />
            {stage === "infrastructure" ? (
              <>
                <FindCheapestButton
                  disabled={!canEdit}
                  onFind={() => {
                    const sizing = (getIn(draftRef.current, "sizing") as Record<string, unknown> | undefined) ?? {};
                    const { tensorParallelOverride: _t, pipelineStagesOverride: _p, weightPrecision: _w, kvCachePrecision: _k, ...rest } = sizing;
                    void [_t, _p, _w, _k];
                    onChange("sizing", { ...rest, layoutSearch: "all-gpus" });
                  }}
                />
                <MeasurementImport
                  disabled={!canEdit}
                  measurements={(getIn(draft, "measurements") as TServingMeasurement[] | undefined) ?? []}
                  chosen={results.key === "infrastructure" ? (results.detail?.search?.rows.find((r) => r.isChosen) ?? null) : null}
                  gpuOptions={groups.flatMap((g) => g.fields).flatMap((f) => (f.path === "gpuId" && f.kind === "select" ? f.options : []))}
                  onApply={(next) => onChange("measurements", next.length ? next : undefined)}
                />
              </>
            ) : null}
            {stage === "capability" ? (
              <EvalImport
                disabled={!canEdit}
                workloads={(getIn(draft, "workloads") as Record<string, unknown>[] | undefined) ?? []}
                onApply={(next) => onChange("workloads", next)}
              />
            ) : null}
          </fieldset>
        </form>
      </div>
      <div className="min-w-0">
        <ResultsPanel stage={results} sources={sources} />
      </div>
    </div>
  );
}
