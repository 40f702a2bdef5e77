// Runs the autosave machine (autosave.ts): holds its state, runs the effects it asks for and feeds
// answers back. An object rather than React state because it must outlive the page: a save sent on
// leaving is answered after the form has unmounted, and that answer still has to be kept or sent
// on. The hook (use-autosave.ts) reads it with useSyncExternalStore.
import { autosave, type TAutosaveEffect, type TAutosaveEvent, type TAutosaveState, type TSaveAnswer, type TSaveRequest } from "./autosave";
import type { TUnsavedEntry } from "./unsaved";

export const AUTOSAVE_MS = 800;

export type TAutosaveDeps = {
  send: (request: TSaveRequest) => Promise<TSaveAnswer>;
  keep: (entry: Omit<TUnsavedEntry, "stage">) => void;
  forget: () => void;
  refresh: () => void;
  debounceMs?: number;
};

export type TAutosaveStore = {
  getState: () => TAutosaveState;
  subscribe: (listener: () => void) => () => void;
  dispatch: (event: TAutosaveEvent) => void;
  /** Runs another write of this assessment (the custom model) between stage saves, so neither makes the other a conflict; null when a stage save is pending. */
  runBetweenSaves: <T extends { kind: string; version?: number }>(write: (expectedVersion: number) => Promise<T>) => Promise<T | null>;
};

const UNREACHED: TSaveAnswer = { kind: "error", message: "The save did not reach the server; nothing was saved. Try again." };

export function createAutosaveStore(initial: TAutosaveState, deps: TAutosaveDeps): TAutosaveStore {
  let state = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  function run(effect: TAutosaveEffect): void {
    switch (effect.type) {
      case "armTimer":
        clearTimeout(timer);
        timer = setTimeout(() => dispatch({ type: "debounceElapsed" }), deps.debounceMs ?? AUTOSAVE_MS);
        return;
      case "cancelTimer":
        clearTimeout(timer);
        timer = undefined;
        return;
      case "send":
        deps.send(effect.request).then(
          (answer) => dispatch({ type: "answered", answer }),
          () => dispatch({ type: "answered", answer: UNREACHED }),
        );
        return;
      case "keep":
        return deps.keep(effect.entry);
      case "forget":
        return deps.forget();
      case "refresh":
        return deps.refresh();
    }
  }

  function dispatch(event: TAutosaveEvent): void {
    const step = autosave(state, event);
    if (step.state !== state) {
      state = step.state;
      for (const l of listeners) l();
    }
    for (const e of step.effects) run(e);
  }

  async function runBetweenSaves<T extends { kind: string; version?: number }>(write: (expectedVersion: number) => Promise<T>): Promise<T | null> {
    dispatch({ type: "candidateStarted" });
    if (state.inFlight !== "candidate") return null;
    let version: number | null = null;
    try {
      const r = await write(state.version);
      if (r.kind === "saved" && typeof r.version === "number") version = r.version;
      return r;
    } finally {
      dispatch({ type: "candidateAnswered", version });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch,
    runBetweenSaves,
  };
}
