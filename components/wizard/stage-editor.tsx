"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { saveStageAction } from "@/app/o/[slug]/assessments/wizard-actions";
import type { TReportSource, TReportStages, TStageKey } from "@/lib/domain/report-types";
import { getIn, setIn, type TDraft } from "@/lib/wizard/draft";
import type { TFieldGroup } from "@/lib/wizard/stage-fields";
import { EvalImport } from "./eval-import";
import { FieldGroups } from "./stage-fields";
import { ResultsPanel } from "./results-panel";

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
export function StageEditor({ slug, id, stage, initialDraft, initialVersion, groups, defaults, initialResults, sources, canEdit }: TProps) {
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
    if (r.kind === "saved") {
      versionRef.current = r.version;
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

  // Leaving the stage inside the debounce window still saves the last change (fire and forget).
  useEffect(() => {
    const pending = timer;
    return () => {
      if (!pending.current) return;
      clearTimeout(pending.current);
      pending.current = null;
      void saveStageAction(slug, id, stage, versionRef.current, draftRef.current);
    };
  }, [slug, id, stage]);

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
  const formErrors = Object.entries(errors).filter(([path]) => !groups.some((g) => g.fields.some((f) => path === f.path || path.startsWith(`${f.path}.`))));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
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
            <p className="text-sm text-slate-700">Your role is viewer: this stage is read-only for you.</p>
          )}
        </div>
        {status.kind === "conflict" ? (
          <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
            <p>{status.message}</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="rounded-md border border-slate-400 bg-white px-3 py-2" onClick={() => window.location.reload()}>
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
          <FieldGroups groups={groups} ctx={{ draft, errors, defaults, onChange }} />
          {stage === "capability" ? (
            <EvalImport
              disabled={!canEdit}
              workloads={(getIn(draft, "workloads") as Record<string, unknown>[] | undefined) ?? []}
              onApply={(next) => onChange("workloads", next)}
            />
          ) : null}
        </fieldset>
      </form>
      <div className="min-w-0">
        <ResultsPanel stage={results} sources={sources} />
      </div>
    </div>
  );
}
