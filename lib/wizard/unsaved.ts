// Stage drafts whose save failed after their page was left. Leaving a stage inside the autosave
// debounce (or mid-save) still sends the last change, but by the time the answer comes back the
// page that could show a conflict is gone. So the answer is kept here: a refused draft is written
// to sessionStorage (per tab, gone when the tab closes: nothing outlives the session it was typed
// in) with what refused it, and an event tells whatever page is showing now. The wizard shows it
// on every page of the assessment until the draft is restored and saved, or discarded.
// Chosen over holding the navigation until the save returns: it covers every way of leaving
// (stepper, breadcrumb, browser back), not just links we control, and survives a reload.
import type { TStageKey } from "@/lib/domain/shared";
import type { TDraft } from "./draft";

/** "unsaved": the page was reloaded or closed before the change was saved (no answer came). */
export type TUnsavedReason = "conflict" | "invalid" | "error" | "unsaved";
export type TUnsavedEntry = {
  stage: TStageKey;
  draft: TDraft;
  /** What the draft was edited from (absent in entries kept by an older build: then every field that differs counts as a conflict). */
  base?: TDraft;
  /** The version `base` was read at: saving again merges onto anything saved since, and conflicts only on a field both changed. */
  baseVersion: number;
  reason: TUnsavedReason;
  message: string;
};

export type TUnsavedStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export const UNSAVED_EVENT = "freehold:unsaved-drafts";

/** This tab's sessionStorage, or null where the browser refuses it (then nothing is remembered). */
export function sessionStore(): TUnsavedStore | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
const prefix = (assessmentId: string) => `freehold:unsaved:${assessmentId}:`;

function isEntry(v: unknown): v is TUnsavedEntry {
  const e = v as TUnsavedEntry | null;
  return !!e && typeof e === "object" && typeof e.stage === "string" && typeof e.draft === "object" && e.draft !== null && (e.base === undefined || (typeof e.base === "object" && e.base !== null)) && Number.isInteger(e.baseVersion) && typeof e.message === "string";
}

// Storage can be full or disabled (private modes): losing the notice must never break the editor.
function attempt<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function announce(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(UNSAVED_EVENT));
}

export function rememberUnsaved(store: TUnsavedStore | null, assessmentId: string, entry: TUnsavedEntry): void {
  if (!store) return;
  attempt(() => store.setItem(prefix(assessmentId) + entry.stage, JSON.stringify(entry)), undefined);
  announce();
}

export function forgetUnsaved(store: TUnsavedStore | null, assessmentId: string, stage: TStageKey): void {
  if (!store) return;
  const key = prefix(assessmentId) + stage;
  if (attempt(() => store.getItem(key), null) === null) return;
  attempt(() => store.removeItem(key), undefined);
  announce();
}

/** The raw stored entries of one assessment, as one string: stable while nothing changes (a snapshot for useSyncExternalStore). */
export function unsavedSnapshot(store: TUnsavedStore | null, assessmentId: string): string {
  if (!store) return "[]";
  return attempt(() => {
    const parts: string[] = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key?.startsWith(prefix(assessmentId))) parts.push(store.getItem(key) ?? "");
    }
    return JSON.stringify(parts.sort());
  }, "[]");
}

/** The entries of a snapshot; anything unreadable (another build's format, a hand edit) is skipped. */
export function parseUnsavedSnapshot(snapshot: string): TUnsavedEntry[] {
  const raw = attempt(() => JSON.parse(snapshot) as unknown, []);
  if (!Array.isArray(raw)) return [];
  return raw.map((s) => attempt(() => JSON.parse(String(s)) as unknown, null)).filter(isEntry);
}
