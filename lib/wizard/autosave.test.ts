import { describe, expect, it } from "vitest";
import { autosave, hasOtherChanges, initialAutosave, UNLOADED_MESSAGE, type TAutosaveEffect, type TAutosaveEvent, type TAutosaveState, type TSaveAnswer } from "./autosave";

const START = { patching: { hoursPerMonth: 10, usdPerHour: 100 } };

/** Runs events from a state; returns the last state and every effect asked for, in order. */
function play(state: TAutosaveState, ...events: TAutosaveEvent[]) {
  const effects: TAutosaveEffect[] = [];
  for (const e of events) {
    const step = autosave(state, e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const edit = (path: string, value: unknown): TAutosaveEvent => ({ type: "edit", path, value });
const answer = (a: TSaveAnswer): TAutosaveEvent => ({ type: "answered", answer: a });
const saved = (version: number, merged: Record<string, unknown> | null = null) => answer({ kind: "saved", version, merged });
const ELAPSED: TAutosaveEvent = { type: "debounceElapsed" };
const sends = (effects: TAutosaveEffect[]) => effects.flatMap((e) => (e.type === "send" ? [e.request] : []));
const fresh = () => initialAutosave(START, 3);

describe("autosave: debounce and saving", () => {
  it("an edit arms the debounce; when it elapses the draft is sent against the version it was edited from", () => {
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED);
    expect(effects.map((e) => e.type)).toEqual(["armTimer", "send"]);
    expect(sends(effects)).toEqual([{ draft: { patching: { hoursPerMonth: 11, usdPerHour: 100 } }, base: START, expectedVersion: 3 }]);
    expect(state).toMatchObject({ status: "saving", inFlight: "stage", isDebouncing: false });
  });

  it("a saved answer moves the base to what was sent and the version on, and refreshes the page", () => {
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, saved(4));
    expect(state).toMatchObject({ status: "saved", version: 4, baseVersion: 4, base: { patching: { hoursPerMonth: 11 } }, inFlight: null });
    expect(effects.at(-1)).toEqual({ type: "refresh" });
  });

  it("typing during a save: shown as unsaved, sent by its own debounce after the answer, from the base just saved", () => {
    const during = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, edit("patching.usdPerHour", 120));
    expect(during.state).toMatchObject({ status: "dirty", inFlight: "stage", isDebouncing: true });
    expect(sends(during.effects)).toHaveLength(1);
    const answered = play(during.state, saved(4));
    expect(answered.state.status).toBe("dirty");
    expect(sends(answered.effects)).toEqual([]);
    const next = play(answered.state, ELAPSED);
    expect(sends(next.effects)).toEqual([{ draft: { patching: { hoursPerMonth: 11, usdPerHour: 120 } }, base: { patching: { hoursPerMonth: 11, usdPerHour: 100 } }, expectedVersion: 4 }]);
  });

  it("a save asked for during a save is queued and sent as soon as the answer is in", () => {
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, edit("patching.hoursPerMonth", 12), { type: "submit" }, saved(4));
    expect(sends(effects).map((r) => r.expectedVersion)).toEqual([3, 4]);
    expect(state).toMatchObject({ status: "saving", isQueued: false });
  });

  it("a save merged onto someone else's is adopted as the draft and the base", () => {
    const merged = { patching: { hoursPerMonth: 11, usdPerHour: 130 } };
    const { state } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, saved(6, merged));
    expect(state).toMatchObject({ status: "saved", draft: merged, base: merged, baseVersion: 6, version: 6 });
  });

  it("typing during a save that was merged: the typing moves onto the merged version", () => {
    const merged = { patching: { hoursPerMonth: 11, usdPerHour: 130 }, monitoringToolingUsdPerMonth: 50 };
    const { state } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, edit("patching.hoursPerMonth", 12), saved(6, merged));
    expect(state).toMatchObject({ status: "dirty", draft: { ...merged, patching: { hoursPerMonth: 12, usdPerHour: 130 } }, base: merged, baseVersion: 6 });
  });

  it("typing during a save that was merged, in a field they changed: a conflict, shown with both values", () => {
    const merged = { patching: { hoursPerMonth: 11, usdPerHour: 130 } };
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, edit("patching.usdPerHour", 140), saved(6, merged));
    expect(state.status).toBe("conflict");
    expect(state.conflict).toMatchObject({ currentVersion: 6, fields: [{ path: "patching.usdPerHour", mine: 140, theirs: 130 }], theirs: merged });
    expect(effects).toContainEqual({ type: "cancelTimer" });
  });

  it("an invalid answer marks the fields; an edit goes back to dirty", () => {
    const refused = play(fresh(), edit("patching.hoursPerMonth", "12abc"), ELAPSED, answer({ kind: "invalid", errors: { "patching.hoursPerMonth": "Enter a number." } }));
    expect(refused.state).toMatchObject({ status: "invalid", errors: { "patching.hoursPerMonth": "Enter a number." }, refusal: { reason: "invalid" } });
    expect(play(refused.state, edit("patching.hoursPerMonth", 12)).state.status).toBe("dirty");
  });

  it("an error is shown and not retried by itself", () => {
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, answer({ kind: "error", message: "Something went wrong" }));
    expect(state).toMatchObject({ status: "error", message: "Something went wrong" });
    expect(sends(effects)).toHaveLength(1);
  });
});

describe("autosave: conflicts", () => {
  const conflict = (over: Partial<Extract<TSaveAnswer, { kind: "conflict" }>> = {}) =>
    answer({
      kind: "conflict",
      currentVersion: 5,
      message: "Someone else saved this assessment (now version 5) after you opened version 3",
      fields: [{ path: "patching.hoursPerMonth", mine: 22, theirs: 11 }],
      theirs: { patching: { hoursPerMonth: 11, usdPerHour: 120 } },
      merged: { patching: { hoursPerMonth: 22, usdPerHour: 120 } },
      ...over,
    });
  const inConflict = () => play(fresh(), edit("patching.hoursPerMonth", 22), ELAPSED, conflict()).state;

  it("a conflict stops autosave: the form is read-only and Save does nothing until it is resolved", () => {
    const s = inConflict();
    expect(s).toMatchObject({ status: "conflict", refusal: { reason: "conflict" } });
    expect(play(s, edit("patching.usdPerHour", 1), { type: "submit" })).toEqual({ state: s, effects: [] });
  });

  it("conflict then overwrite: my value is saved against their version, with their other changes kept", () => {
    const { state, effects } = play(inConflict(), { type: "resolve", choice: "mine" });
    expect(sends(effects)).toEqual([{ draft: { patching: { hoursPerMonth: 22, usdPerHour: 120 } }, base: { patching: { hoursPerMonth: 11, usdPerHour: 120 } }, expectedVersion: 5 }]);
    expect(state).toMatchObject({ status: "saving", conflict: null, refusal: null });
    expect(play(state, saved(6)).state).toMatchObject({ status: "saved", version: 6 });
  });

  it("per field: resolving waits for a choice on every field, then applies each", () => {
    const two = play(
      fresh(),
      edit("patching.hoursPerMonth", 22),
      ELAPSED,
      conflict({
        fields: [
          { path: "patching.hoursPerMonth", mine: 22, theirs: 11 },
          { path: "patching.usdPerHour", mine: 90, theirs: 120 },
        ],
        merged: { patching: { hoursPerMonth: 22, usdPerHour: 90 } },
      }),
    ).state;
    const partly = play(two, { type: "choose", path: "patching.hoursPerMonth", choice: "theirs" }, { type: "resolve" });
    expect(partly.state.status).toBe("conflict");
    expect(sends(partly.effects)).toEqual([]);
    const { effects } = play(partly.state, { type: "choose", path: "patching.usdPerHour", choice: "mine" }, { type: "resolve" });
    expect(sends(effects)[0].draft).toEqual({ patching: { hoursPerMonth: 11, usdPerHour: 90 } });
  });

  it("keeping all of theirs when nothing else of mine differs saves nothing, takes their version and reloads the results", () => {
    const { state, effects } = play(inConflict(), { type: "resolve", choice: "theirs" });
    expect(sends(effects)).toEqual([]);
    expect(effects).toEqual([{ type: "refresh" }]);
    expect(state).toMatchObject({ status: "saved", draft: { patching: { hoursPerMonth: 11, usdPerHour: 120 } }, baseVersion: 5, version: 5 });
  });

  it("a conflict the server could not detail (a save raced it) is resolved by sending again, to be merged", () => {
    const s = play(fresh(), edit("patching.hoursPerMonth", 22), ELAPSED, conflict({ fields: [], theirs: null, merged: null })).state;
    expect(sends(play(s, { type: "resolve", choice: "mine" }).effects)).toEqual([{ draft: s.draft, base: START, expectedVersion: 3 }]);
  });

  it("typing during a save that conflicts: the typed value is what 'mine' shows and keeps", () => {
    const s = play(fresh(), edit("patching.hoursPerMonth", 22), ELAPSED, edit("patching.hoursPerMonth", 23), conflict()).state;
    expect(s.conflict?.fields).toEqual([{ path: "patching.hoursPerMonth", mine: 23, theirs: 11 }]);
    expect(sends(play(s, { type: "resolve", choice: "mine" }).effects)[0].draft).toEqual({ patching: { hoursPerMonth: 23, usdPerHour: 120 } });
  });
});

describe("autosave: leaving and restoring", () => {
  it("leaving inside the debounce window sends the change at once", () => {
    const { state, effects } = play(fresh(), edit("patching.hoursPerMonth", 11), { type: "leave" });
    expect(effects.map((e) => e.type)).toEqual(["armTimer", "cancelTimer", "send"]);
    expect(state).toMatchObject({ isLeft: true, inFlight: "stage" });
  });

  it("leaving inside the debounce window: a conflicting answer is kept for the next page, with its base", () => {
    const { effects } = play(
      fresh(),
      edit("patching.hoursPerMonth", 11),
      { type: "leave" },
      answer({ kind: "conflict", currentVersion: 4, message: "Someone else saved", fields: [{ path: "patching.hoursPerMonth", mine: 11, theirs: 22 }], theirs: null, merged: null }),
    );
    expect(effects.at(-1)).toEqual({ type: "keep", entry: { draft: { patching: { hoursPerMonth: 11, usdPerHour: 100 } }, base: START, baseVersion: 3, reason: "conflict", message: "Someone else saved" } });
  });

  it("leaving inside the debounce window while a save is in flight: the change follows it, and nothing refreshes the gone page", () => {
    const { effects } = play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, edit("patching.hoursPerMonth", 12), { type: "leave" }, saved(4), saved(5));
    expect(sends(effects).map((r) => [r.draft.patching, r.expectedVersion])).toEqual([
      [{ hoursPerMonth: 11, usdPerHour: 100 }, 3],
      [{ hoursPerMonth: 12, usdPerHour: 100 }, 4],
    ]);
    expect(effects.some((e) => e.type === "refresh")).toBe(false);
  });

  it("leaving with a refusal on screen keeps the draft; leaving with nothing pending keeps nothing", () => {
    const refused = play(fresh(), edit("patching.hoursPerMonth", "x"), ELAPSED, answer({ kind: "invalid", errors: { "patching.hoursPerMonth": "Enter a number." } })).state;
    expect(play(refused, { type: "leave" }).effects).toEqual([{ type: "keep", entry: expect.objectContaining({ reason: "invalid", message: "a value was refused (Enter a number.)." }) }]);
    expect(play(fresh(), { type: "leave" }).effects).toEqual([]);
  });

  it("restoring a kept draft sends it against its own base, and forgets the entry once it saves", () => {
    const entry = { draft: { patching: { hoursPerMonth: 11 } }, base: { patching: { hoursPerMonth: 10 } }, baseVersion: 2 };
    const restoring = play(fresh(), { type: "restore", entry });
    expect(sends(restoring.effects)).toEqual([{ draft: entry.draft, base: entry.base, expectedVersion: 2 }]);
    expect(restoring.state.isRestored).toBe(true);
    const done = play(restoring.state, saved(7, { patching: { hoursPerMonth: 11, usdPerHour: 120 } }));
    expect(done.effects).toEqual([{ type: "forget" }, { type: "refresh" }]);
    expect(done.state).toMatchObject({ isRestored: false, status: "saved", baseVersion: 7 });
  });

  it("restoring a kept draft that conflicts again: resolved, then forgotten", () => {
    const entry = { draft: { patching: { hoursPerMonth: 11 } }, base: { patching: { hoursPerMonth: 10 } }, baseVersion: 2 };
    const conflicted = play(
      fresh(),
      { type: "restore", entry },
      answer({ kind: "conflict", currentVersion: 4, message: "Someone else saved", fields: [{ path: "patching.hoursPerMonth", mine: 11, theirs: 22 }], theirs: { patching: { hoursPerMonth: 22 } }, merged: { patching: { hoursPerMonth: 11 } } }),
    );
    const resolved = play(conflicted.state, { type: "resolve", choice: "mine" }, saved(5));
    expect(resolved.effects.filter((e) => e.type === "forget")).toHaveLength(1);
  });

  it("reloading or closing the page with a change not yet saved (debouncing or in flight) keeps it, with its base, for the next page", () => {
    const kept = { type: "keep", entry: { draft: { patching: { hoursPerMonth: 11, usdPerHour: 100 } }, base: START, baseVersion: 3, reason: "unsaved", message: UNLOADED_MESSAGE } };
    const debouncing = play(fresh(), edit("patching.hoursPerMonth", 11), { type: "unload" });
    expect(debouncing.effects.slice(1)).toEqual([kept]);
    expect(sends(debouncing.effects)).toEqual([]);
    expect(play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, { type: "unload" }).effects.at(-1)).toEqual(kept);
  });

  it("reloading with nothing pending keeps nothing; with a refusal on screen keeps it with its reason", () => {
    expect(play(fresh(), { type: "unload" }).effects).toEqual([]);
    expect(play(fresh(), edit("patching.hoursPerMonth", 11), ELAPSED, saved(4), { type: "unload" }).effects.filter((e) => e.type === "keep")).toEqual([]);
    const refused = play(fresh(), edit("patching.hoursPerMonth", "x"), ELAPSED, answer({ kind: "invalid", errors: { "patching.hoursPerMonth": "Enter a number." } }), { type: "unload" });
    expect(refused.effects.at(-1)).toEqual({ type: "keep", entry: expect.objectContaining({ reason: "invalid", draft: { patching: { hoursPerMonth: "x", usdPerHour: 100 } } }) });
  });

  it("back from the back-forward cache the page saves on by itself, so the copy kept on unload is forgotten", () => {
    const unloaded = play(fresh(), edit("patching.hoursPerMonth", 11), { type: "unload" }).state;
    const back = play(unloaded, { type: "returned" }, ELAPSED);
    expect(back.effects.map((e) => e.type)).toEqual(["forget", "send"]);
    expect(play(fresh(), { type: "returned" }).effects).toEqual([]);
  });

  it("an entry kept by an older build (no base) is sent without one: the server then lists every field that differs", () => {
    const { effects } = play(fresh(), { type: "restore", entry: { draft: { patching: { hoursPerMonth: 11 } }, baseVersion: 2 } });
    expect(sends(effects)[0].base).toBeNull();
  });
});

describe("autosave: the custom model write", () => {
  it("runs only between stage saves, and moves the base version on with it", () => {
    expect(play(fresh(), edit("patching.hoursPerMonth", 11), { type: "candidateStarted" }).state.inFlight).toBeNull();
    const { state } = play(fresh(), { type: "candidateStarted" }, { type: "candidateAnswered", version: 4 });
    expect(state).toMatchObject({ inFlight: null, version: 4, baseVersion: 4 });
  });

  it("a stage save asked for meanwhile goes out after it", () => {
    const { effects } = play(fresh(), { type: "candidateStarted" }, edit("patching.hoursPerMonth", 11), ELAPSED, { type: "candidateAnswered", version: 4 });
    expect(sends(effects)).toEqual([expect.objectContaining({ expectedVersion: 4 })]);
  });
});

describe("autosave: the conflict panel's wording", () => {
  const fields = [{ path: "patching.hours", mine: 6, theirs: 8 }];
  it("says the rest of my changes are kept only when there are some", () => {
    const theirs = { patching: { hours: 8, rate: 85 }, tooling: 250 };
    expect(hasOtherChanges({ fields, theirs, merged: { patching: { hours: 6, rate: 85 }, tooling: 250 } })).toBe(false);
    expect(hasOtherChanges({ fields, theirs, merged: { patching: { hours: 6, rate: 85 }, tooling: 300 } })).toBe(true);
    expect(hasOtherChanges({ fields, theirs: null, merged: null })).toBe(false);
  });
});
