import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { initialAutosave, type TSaveAnswer, type TSaveRequest } from "./autosave";
import { AUTOSAVE_MS, createAutosaveStore, type TAutosaveDeps } from "./autosave-store";

/** A server whose answers the test releases one by one. */
function fakeServer() {
  const requests: TSaveRequest[] = [];
  const pending: ((a: TSaveAnswer) => void)[] = [];
  const send = (r: TSaveRequest) => {
    requests.push(r);
    return new Promise<TSaveAnswer>((resolve) => pending.push(resolve));
  };
  const reply = async (a: TSaveAnswer) => {
    pending.shift()?.(a);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { requests, send, reply };
}

function setup() {
  const server = fakeServer();
  const deps = { send: server.send, keep: vi.fn<TAutosaveDeps["keep"]>(), forget: vi.fn(), refresh: vi.fn() };
  const store = createAutosaveStore(initialAutosave({ a: 1 }, 1), deps);
  return { server, deps, store };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("autosave store", () => {
  it("debounces: a burst of typing sends once, AUTOSAVE_MS after the last key", async () => {
    const { server, store } = setup();
    for (const v of [2, 3, 4]) {
      store.dispatch({ type: "edit", path: "a", value: v });
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100);
    }
    expect(server.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(server.requests.map((r) => r.draft)).toEqual([{ a: 4 }]);
  });

  it("typing during a save: one request at a time, the newer draft goes out after the answer", async () => {
    const { server, store, deps } = setup();
    store.dispatch({ type: "edit", path: "a", value: 2 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    store.dispatch({ type: "edit", path: "b", value: 1 });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(server.requests).toHaveLength(1);
    await server.reply({ kind: "saved", version: 2, merged: null });
    expect(server.requests.map((r) => [r.draft, r.expectedVersion])).toEqual([
      [{ a: 2 }, 1],
      [{ a: 2, b: 1 }, 2],
    ]);
    await server.reply({ kind: "saved", version: 3, merged: null });
    expect(store.getState()).toMatchObject({ status: "saved", version: 3 });
    expect(deps.refresh).toHaveBeenCalledTimes(2);
  });

  it("leaving inside the debounce window sends at once, and keeps a refused answer for the next page", async () => {
    const { server, store, deps } = setup();
    store.dispatch({ type: "edit", path: "a", value: 2 });
    store.dispatch({ type: "leave" });
    expect(server.requests).toHaveLength(1);
    await server.reply({ kind: "conflict", currentVersion: 2, message: "Someone else saved", fields: [{ path: "a", mine: 2, theirs: 5 }], theirs: { a: 5 }, merged: { a: 2 } });
    expect(deps.keep).toHaveBeenCalledWith({ draft: { a: 2 }, base: { a: 1 }, baseVersion: 1, reason: "conflict", message: "Someone else saved" });
    expect(deps.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2);
    expect(server.requests).toHaveLength(1);
  });

  it("a save that never reaches the server is an error, not a hang", async () => {
    const failing = createAutosaveStore(initialAutosave({}, 1), { send: () => Promise.reject(new Error("offline")), keep: vi.fn(), forget: vi.fn(), refresh: vi.fn() });
    failing.dispatch({ type: "submit" });
    await vi.advanceTimersByTimeAsync(0);
    expect(failing.getState()).toMatchObject({ status: "error", inFlight: null });
  });

  it("runs the custom model write only between stage saves", async () => {
    const { server, store } = setup();
    const write = vi.fn(async (expectedVersion: number) => ({ kind: "saved", version: expectedVersion + 1 }));
    store.dispatch({ type: "edit", path: "a", value: 2 });
    expect(await store.runBetweenSaves(write)).toBeNull();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await server.reply({ kind: "saved", version: 2, merged: null });
    expect(await store.runBetweenSaves(write)).toEqual({ kind: "saved", version: 3 });
    expect(write).toHaveBeenCalledWith(2);
    expect(store.getState()).toMatchObject({ version: 3, baseVersion: 3, inFlight: null });
  });
});
