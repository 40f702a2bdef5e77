import { describe, expect, it } from "vitest";
import { forgetUnsaved, parseUnsavedSnapshot, rememberUnsaved, unsavedSnapshot, type TUnsavedEntry, type TUnsavedStore } from "./unsaved";

function memoryStore(): TUnsavedStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const entry = (over: Partial<TUnsavedEntry> = {}): TUnsavedEntry => ({
  stage: "lifecycle",
  draft: { patching: { hoursPerMonth: 11 } },
  baseVersion: 4,
  reason: "conflict",
  message: "Someone else saved this assessment (now version 5) after you opened version 4.",
  ...over,
});

const read = (store: TUnsavedStore | null, id: string) => parseUnsavedSnapshot(unsavedSnapshot(store, id));

describe("unsaved stage drafts", () => {
  it("keeps one entry per assessment and stage, until it is forgotten", () => {
    const store = memoryStore();
    rememberUnsaved(store, "a1", entry());
    rememberUnsaved(store, "a1", entry({ stage: "economics", reason: "invalid" }));
    rememberUnsaved(store, "a1", entry({ baseVersion: 6 }));
    rememberUnsaved(store, "a2", entry());
    expect(read(store, "a1").map((e) => [e.stage, e.baseVersion])).toEqual([
      ["economics", 4],
      ["lifecycle", 6],
    ]);
    forgetUnsaved(store, "a1", "lifecycle");
    expect(read(store, "a1").map((e) => e.stage)).toEqual(["economics"]);
    expect(read(store, "a2")).toHaveLength(1);
  });

  it("gives the same snapshot while nothing changes (React re-renders only on change)", () => {
    const store = memoryStore();
    rememberUnsaved(store, "a1", entry());
    expect(unsavedSnapshot(store, "a1")).toBe(unsavedSnapshot(store, "a1"));
  });

  it("skips what it cannot read, and works without storage", () => {
    const store = memoryStore();
    store.setItem("freehold:unsaved:a1:capability", "{not json");
    store.setItem("freehold:unsaved:a1:safety", JSON.stringify({ stage: "safety" }));
    rememberUnsaved(store, "a1", entry());
    expect(read(store, "a1").map((e) => e.stage)).toEqual(["lifecycle"]);
    expect(read(null, "a1")).toEqual([]);
    expect(() => rememberUnsaved(null, "a1", entry())).not.toThrow();
  });

  it("survives a storage that refuses writes (full, or disabled)", () => {
    const store = { ...memoryStore(), setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(() => rememberUnsaved(store, "a1", entry())).not.toThrow();
  });
});
