"use client";
import Link from "next/link";
import { useMemo, useSyncExternalStore } from "react";
import { STAGE_TITLES } from "@/lib/domain/shared";
import { parseUnsavedSnapshot, sessionStore, UNSAVED_EVENT, unsavedSnapshot, type TUnsavedEntry } from "@/lib/wizard/unsaved";
import { stepHref, type TWizardStep } from "./stepper";

function subscribe(onChange: () => void): () => void {
  window.addEventListener(UNSAVED_EVENT, onChange);
  return () => window.removeEventListener(UNSAVED_EVENT, onChange);
}

/** This assessment's stage drafts that failed to save after their page was left (see lib/wizard/unsaved.ts). */
export function useUnsavedDrafts(assessmentId: string): TUnsavedEntry[] {
  // The server has no sessionStorage: it renders none, and the browser fills them in after hydrating.
  const snapshot = useSyncExternalStore(subscribe, () => unsavedSnapshot(sessionStore(), assessmentId), () => "[]");
  return useMemo(() => parseUnsavedSnapshot(snapshot), [snapshot]);
}

/** On every page of the assessment: which other stages hold changes that were not saved, and where to restore them. */
export function UnsavedNotice({ slug, id, current }: { slug: string; id: string; current: TWizardStep }) {
  const entries = useUnsavedDrafts(id).filter((e) => e.stage !== current);
  if (entries.length === 0) return null;
  return (
    <div role="alert" className="flex flex-col gap-1 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">Some of your changes were not saved when you left their page.</p>
      <ul className="list-disc pl-5">
        {entries.map((e) => (
          <li key={e.stage}>
            {STAGE_TITLES[e.stage]}: {e.message}{" "}
            <Link href={stepHref(slug, id, e.stage)} className="font-medium text-brand-700 underline">
              Open {STAGE_TITLES[e.stage]} to restore them
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
