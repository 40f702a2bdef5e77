// The autosave machine for one stage editor: one store per mounted editor, read with
// useSyncExternalStore; leaving the page sends what the debounce still held (autosave.ts).
import { useEffect, useState, useSyncExternalStore } from "react";
import type { TStageKey } from "@/lib/domain/shared";
import { initialAutosave, type TSaveAnswer, type TSaveRequest } from "./autosave";
import { createAutosaveStore } from "./autosave-store";
import type { TDraft } from "./draft";
import { forgetUnsaved, rememberUnsaved, sessionStore } from "./unsaved";

export type TUseAutosave = {
  assessmentId: string;
  stage: TStageKey;
  initialDraft: TDraft;
  initialVersion: number;
  send: (request: TSaveRequest) => Promise<TSaveAnswer>;
  /** After a save, while the page is still shown: reload its server data. */
  refresh: () => void;
};

export function useAutosave({ assessmentId, stage, initialDraft, initialVersion, send, refresh }: TUseAutosave) {
  const [store] = useState(() =>
    createAutosaveStore(initialAutosave(initialDraft, initialVersion), {
      send,
      refresh,
      keep: (entry) => rememberUnsaved(sessionStore(), assessmentId, { ...entry, stage }),
      forget: () => forgetUnsaved(sessionStore(), assessmentId, stage),
    }),
  );
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);

  useEffect(() => {
    store.dispatch({ type: "enter" });
    return () => store.dispatch({ type: "leave" });
  }, [store]);

  // A reload or a closed tab unmounts nothing, so `leave` never runs: pagehide keeps what is not
  // saved yet for the next page (sessionStorage survives a reload), and a page restored from the
  // back-forward cache, state intact, drops that copy again.
  useEffect(() => {
    const onHide = () => store.dispatch({ type: "unload" });
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) store.dispatch({ type: "returned" });
    };
    window.addEventListener("pagehide", onHide);
    window.addEventListener("pageshow", onShow);
    return () => {
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("pageshow", onShow);
    };
  }, [store]);

  // The browser asks before closing a tab that still holds changes not yet saved.
  const hasUnsaved = state.status === "dirty" || state.status === "saving";
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsaved]);

  return { state, dispatch: store.dispatch, runBetweenSaves: store.runBetweenSaves };
}
