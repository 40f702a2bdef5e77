// The wizard's autosave as a state machine: a pure transition function from (state, event) to the
// next state and the effects to run (arm or cancel the debounce timer, send a save, keep or forget
// a draft in sessionStorage, refresh the page's server data). autosave-store.ts runs the effects
// and outlives the page, because a save sent on leaving is answered after the form is gone.
//
// States (`status`), and what moves between them:
//   idle/saved --edit--> dirty (debounce armed) --debounce elapsed | submit--> saving
//   saving --answer saved--> saved, or dirty if typed meanwhile (the armed debounce sends it)
//   saving --answer invalid--> invalid (fields marked; an edit goes back to dirty)
//   saving --answer error--> error (an edit goes back to dirty)
//   saving --answer conflict--> conflict --resolve (per field, or all theirs / all mine)--> saving
//   any --restore kept draft--> saving (the kept draft, against the base it was edited from)
// Beside the status: one request at a time (`inFlight`); a save asked for meanwhile is queued and
// sent when the answer is in. `leave` sends what the debounce still held; a refusal that stands
// once the page is left is kept (see unsaved.ts) so the next page can offer it back. `unload` (a
// reload, a closed tab, a typed address: the document itself goes, and no request it starts can be
// trusted to finish) keeps whatever is not confirmed saved, for the next page to offer back.
//
// The server merges. The editor only keeps `base`, the values its draft was edited from, and the
// version they were read at; when someone else saved since, the server merges the draft's changes
// from `base` onto theirs field by field (plan-stage-save.ts). The one merge made here moves
// what was typed while a save was in flight onto the version that save produced.
import { cleanDraft, getIn, setIn, type TDraft } from "./draft";
import { changedPaths, isSameValue, mergeFields, type TConflictField } from "./merge-fields";
import type { TUnsavedEntry, TUnsavedReason } from "./unsaved";

export type TSaveRequest = { draft: TDraft; base: TDraft | null; expectedVersion: number };

/** A save's answer, as far as autosave needs it (the action's result carries more). */
export type TSaveAnswer =
  | { kind: "saved"; version: number; merged: TDraft | null }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "conflict"; currentVersion: number; message: string; fields: TConflictField[]; theirs: TDraft | null; merged: TDraft | null }
  | { kind: "error"; message: string };

export type TAutosaveStatus = "idle" | "dirty" | "saving" | "saved" | "invalid" | "conflict" | "error";
export type TConflictChoice = "theirs" | "mine";

export type TConflict = {
  /** The version that holds their changes: the one a resolved draft is saved against. */
  currentVersion: number;
  message: string;
  fields: TConflictField[];
  /** The stored stage at currentVersion, and it with my changes on top (my value at every field listed); null when the server could not say. */
  theirs: TDraft | null;
  merged: TDraft | null;
  choices: Record<string, TConflictChoice>;
};

export type TAutosaveState = {
  status: TAutosaveStatus;
  draft: TDraft;
  /** What the draft was edited from, as read at baseVersion; null when unknown (a draft kept by an older build). */
  base: TDraft | null;
  baseVersion: number;
  /** The newest version this page saved or loaded (shown). */
  version: number;
  errors: Record<string, string>;
  /** An error's message (a conflict's is in `conflict`). */
  message: string | null;
  conflict: TConflict | null;
  isDebouncing: boolean;
  inFlight: "stage" | "candidate" | null;
  /** The draft of the stage save in flight. */
  sent: TDraft | null;
  /** Send again as soon as the save in flight is answered. */
  isQueued: boolean;
  isLeft: boolean;
  /** The draft came back from a kept entry: forget the entry once it saves. */
  isRestored: boolean;
  /** Why the last answer refused the draft, while that still stands. */
  refusal: { reason: TUnsavedReason; message: string } | null;
  /** The document was unloaded with something kept for the next page (see `unload`). */
  isKeptOnUnload: boolean;
};

export type TAutosaveEvent =
  | { type: "edit"; path: string; value: unknown }
  | { type: "debounceElapsed" }
  | { type: "submit" }
  | { type: "answered"; answer: TSaveAnswer }
  | { type: "choose"; path: string; choice: TConflictChoice }
  /** Apply the choices made per field, or `choice` for every field. */
  | { type: "resolve"; choice?: TConflictChoice }
  | { type: "restore"; entry: Pick<TUnsavedEntry, "draft" | "base" | "baseVersion"> }
  | { type: "candidateStarted" }
  /** The candidate model save's new version, or null if it saved nothing. */
  | { type: "candidateAnswered"; version: number | null }
  | { type: "leave" }
  /** The document is going away (pagehide): no save can be sent that would surely arrive. */
  | { type: "unload" }
  /** The same document came back from the browser's back-forward cache, its state intact. */
  | { type: "returned" }
  /** The page mounted again (React's development double mount). */
  | { type: "enter" };

export type TAutosaveEffect =
  | { type: "armTimer" }
  | { type: "cancelTimer" }
  | { type: "send"; request: TSaveRequest }
  | { type: "keep"; entry: Omit<TUnsavedEntry, "stage"> }
  | { type: "forget" }
  | { type: "refresh" };

export type TAutosaveStep = { state: TAutosaveState; effects: TAutosaveEffect[] };

/** Whether my side changes fields besides the conflicting ones (then the panel says those are kept); unknown sides count as none. */
export function hasOtherChanges(conflict: Pick<TConflict, "fields" | "theirs" | "merged">): boolean {
  if (!conflict.theirs || !conflict.merged) return false;
  const inConflict = (p: string) => conflict.fields.some((f) => p === f.path || p.startsWith(`${f.path}.`) || f.path.startsWith(`${p}.`));
  return changedPaths(conflict.theirs, conflict.merged).some((p) => !inConflict(p));
}

export function initialAutosave(draft: TDraft, version: number): TAutosaveState {
  return {
    status: "idle",
    draft,
    base: draft,
    baseVersion: version,
    version,
    errors: {},
    message: null,
    conflict: null,
    isDebouncing: false,
    inFlight: null,
    sent: null,
    isQueued: false,
    isLeft: false,
    isRestored: false,
    refusal: null,
    isKeptOnUnload: false,
  };
}

const stay = (state: TAutosaveState): TAutosaveStep => ({ state, effects: [] });
const CANCEL: TAutosaveEffect = { type: "cancelTimer" };

/** Sends the draft now, or queues it behind the request in flight. */
function startSave(s: TAutosaveState, effects: TAutosaveEffect[] = []): TAutosaveStep {
  const cancel = s.isDebouncing ? [CANCEL] : [];
  if (s.inFlight) return { state: { ...s, isDebouncing: false, isQueued: true }, effects: [...effects, ...cancel] };
  const request: TSaveRequest = { draft: s.draft, base: s.base, expectedVersion: s.baseVersion };
  return { state: { ...s, status: "saving", isDebouncing: false, isQueued: false, inFlight: "stage", sent: s.draft }, effects: [...effects, ...cancel, { type: "send", request }] };
}

export const UNLOADED_MESSAGE = "the page was reloaded or closed before they were saved.";

const keepEntry = (s: TAutosaveState): TAutosaveEffect[] =>
  s.refusal ? [{ type: "keep", entry: { draft: s.draft, ...(s.base ? { base: s.base } : {}), baseVersion: s.baseVersion, ...s.refusal } }] : [];

function withConflict(s: TAutosaveState, conflict: Omit<TConflict, "choices">): TAutosaveState {
  return { ...s, status: "conflict", conflict: { ...conflict, choices: {} }, isQueued: false, isDebouncing: false, refusal: { reason: "conflict", message: conflict.message } };
}

/** Fields typed while the save was in flight, moved onto what the server now holds; a field they changed too is a conflict. */
function rebase(sent: TDraft, draft: TDraft, onto: TDraft) {
  const { merged, conflicts } = mergeFields(sent, draft, onto);
  return { draft: merged as TDraft, conflicts: conflicts.map(({ path, mine, theirs }) => ({ path, mine, theirs })) };
}

function onSaved(s: TAutosaveState, sent: TDraft, a: Extract<TSaveAnswer, { kind: "saved" }>): TAutosaveState {
  const next: TAutosaveState = { ...s, version: a.version, errors: {}, message: null, refusal: null };
  const status = s.draft === sent ? "saved" : "dirty";
  if (!a.merged) return { ...next, status, base: sent, baseVersion: a.version };
  // Merged onto someone else's save: the page takes the stored stage as its own.
  if (s.draft === sent) return { ...next, status, draft: a.merged, base: a.merged, baseVersion: a.version };
  const moved = rebase(sent, s.draft, a.merged);
  if (moved.conflicts.length === 0) return { ...next, status, draft: moved.draft, base: a.merged, baseVersion: a.version };
  // base and baseVersion stay: saved again from there, the server finds the same conflict.
  const message = `Someone else saved this assessment while you were typing, and changed ${moved.conflicts.length === 1 ? "a field" : "fields"} you typed in. Keep their value or yours.`;
  return withConflict(next, { currentVersion: a.version, message, fields: moved.conflicts, theirs: a.merged, merged: moved.draft });
}

function onConflict(s: TAutosaveState, sent: TDraft, a: Extract<TSaveAnswer, { kind: "conflict" }>): TAutosaveState {
  if (s.draft === sent || !a.merged) return withConflict(s, a);
  const moved = rebase(sent, s.draft, a.merged);
  const fields = [...a.fields.map((f) => ({ ...f, mine: getIn(moved.draft, f.path) })), ...moved.conflicts.filter((c) => !a.fields.some((f) => f.path === c.path))];
  return withConflict(s, { ...a, fields, merged: moved.draft });
}

function answered(s: TAutosaveState, a: TSaveAnswer): TAutosaveStep {
  if (s.inFlight !== "stage" || !s.sent) return stay(s);
  const sent = s.sent;
  const after: TAutosaveState = { ...s, inFlight: null, sent: null };
  const effects: TAutosaveEffect[] = [];
  let next: TAutosaveState;
  if (a.kind === "saved") {
    next = { ...onSaved(after, sent, a), isRestored: false };
    if (s.isRestored) effects.push({ type: "forget" });
    if (!s.isLeft) effects.push({ type: "refresh" });
  } else if (a.kind === "invalid") {
    const first = Object.values(a.errors)[0];
    next = { ...after, status: "invalid", errors: a.errors, refusal: { reason: "invalid", message: `a value was refused (${first ?? "see the stage"}).` } };
  } else if (a.kind === "conflict") {
    next = onConflict(after, sent, a);
  } else {
    next = { ...after, status: "error", message: a.message, isQueued: false, refusal: { reason: "error", message: a.message } };
  }
  if (s.isDebouncing && !next.isDebouncing) effects.push(CANCEL);
  // Once the page is gone a refusal has no form to show on: it is kept for the next page.
  if (next.isLeft && next.refusal) return { state: next, effects: [...effects, ...keepEntry(next)] };
  const hasNewer = next.draft !== sent && next.draft !== (a.kind === "saved" ? a.merged : null);
  if (next.status !== "conflict" && next.status !== "error" && (s.isQueued || (hasNewer && !next.isDebouncing))) return startSave(next, effects);
  return { state: next, effects };
}

function resolve(s: TAutosaveState, choice?: TConflictChoice): TAutosaveStep {
  const c = s.conflict;
  if (!c) return stay(s);
  const choices = choice ? Object.fromEntries(c.fields.map((f) => [f.path, choice])) : c.choices;
  if (c.fields.some((f) => !choices[f.path])) return stay(s);
  const cleared: TAutosaveState = { ...s, conflict: null, refusal: null, status: "dirty" };
  // The server could not say what it holds (a save raced this one): send again, it merges then.
  if (!c.merged || !c.theirs) return startSave(cleared);
  const draft = c.fields.reduce((acc, f) => (choices[f.path] === "theirs" ? setIn(acc, f.path, f.theirs) : acc), c.merged);
  const next: TAutosaveState = { ...cleared, draft, base: c.theirs, baseVersion: c.currentVersion };
  if (!isSameValue(cleanDraft(draft), cleanDraft(c.theirs))) return startSave(next);
  // Theirs in full: nothing of mine is left to save. The page's results were computed from what I
  // last saved, so it is reloaded to show theirs.
  const effects: TAutosaveEffect[] = [...(s.isRestored ? [{ type: "forget" } as const] : []), ...(s.isLeft ? [] : [{ type: "refresh" } as const])];
  return { state: { ...next, status: "saved", version: Math.max(s.version, c.currentVersion), isRestored: false }, effects };
}

export function autosave(s: TAutosaveState, e: TAutosaveEvent): TAutosaveStep {
  switch (e.type) {
    case "edit":
      // The form is read-only while a conflict is shown: what to keep is decided first.
      if (s.conflict) return stay(s);
      return { state: { ...s, draft: setIn(s.draft, e.path, e.value), status: "dirty", isDebouncing: true }, effects: [{ type: "armTimer" }] };
    case "debounceElapsed":
      return s.isDebouncing ? startSave({ ...s, isDebouncing: false }) : stay(s);
    case "submit":
      return s.conflict ? stay(s) : startSave(s);
    case "answered":
      return answered(s, e.answer);
    case "choose":
      return s.conflict ? stay({ ...s, conflict: { ...s.conflict, choices: { ...s.conflict.choices, [e.path]: e.choice } } }) : stay(s);
    case "resolve":
      return resolve(s, e.choice);
    case "restore":
      // Not over a save in flight: its answer would move the base under the restored draft.
      if (s.inFlight) return stay(s);
      return startSave({ ...s, draft: e.entry.draft, base: e.entry.base ?? null, baseVersion: e.entry.baseVersion, isRestored: true, conflict: null, refusal: null });
    case "candidateStarted":
      return s.inFlight || s.isDebouncing || s.conflict ? stay(s) : stay({ ...s, inFlight: "candidate" });
    case "candidateAnswered": {
      if (s.inFlight !== "candidate") return stay(s);
      // The candidate write leaves the stage inputs alone: a base read at the old version holds at the new one.
      const isInSync = s.baseVersion === s.version;
      const version = e.version ?? s.version;
      const next: TAutosaveState = { ...s, inFlight: null, version, baseVersion: isInSync ? version : s.baseVersion };
      return s.isQueued ? startSave(next) : stay(next);
    }
    case "leave": {
      const left = { ...s, isLeft: true };
      if (s.isDebouncing) return startSave(left);
      return { state: left, effects: s.inFlight ? [] : keepEntry(left) };
    }
    case "enter":
      return stay({ ...s, isLeft: false });
    case "unload": {
      // A save in flight may or may not land; keeping its draft costs nothing, because restoring it
      // merges onto whatever did land (values equal on both sides are no conflict).
      const isPending = s.isDebouncing || s.isQueued || s.inFlight === "stage" || s.status === "dirty";
      const reason = s.refusal ?? (isPending ? { reason: "unsaved" as const, message: UNLOADED_MESSAGE } : null);
      if (!reason) return stay(s);
      return { state: { ...s, isKeptOnUnload: true }, effects: keepEntry({ ...s, refusal: reason }) };
    }
    case "returned":
      // Back with the draft and its timers intact: it saves (or shows its refusal) here, so the
      // copy kept for a fresh page would only offer it twice.
      return s.isKeptOnUnload ? { state: { ...s, isKeptOnUnload: false }, effects: [{ type: "forget" }] } : stay(s);
  }
}
