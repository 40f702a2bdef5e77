import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getIn, setIn } from "./draft";
import { changedPaths, isPlainObject, isSameValue, mergeFields } from "./merge-fields";

// Stage-like values: nested objects, numbers, texts, yes/no, multi-selects and lists of rows. Keys
// come from a small set so that generated objects overlap.
const key = fc.constantFrom("a", "b", "c", "peak", "rows");
const primitive = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("x", "y", ""), fc.boolean());
const multi = fc.uniqueArray(fc.constantFrom("EU", "US", "APAC"), { maxLength: 3 });
const { value: valueArb } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, primitive, multi, tie("object"), fc.array(tie("object"), { maxLength: 3 })),
  object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
}));
const stageArb = fc.dictionary(key, valueArb, { maxKeys: 5 });

/** Every field path of a value, as the merge splits it (rows by index). */
function leaves(value: unknown, path = ""): string[] {
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  return path ? [path] : [];
}

/** A stage and two disjoint sets of its fields, plus a new field for each side. */
const scenario = stageArb.chain((base) => {
  const paths = leaves(base);
  return fc.record({
    base: fc.constant(base),
    sides: fc.shuffledSubarray(paths).chain((picked) => fc.integer({ min: 0, max: picked.length }).map((cut) => [picked.slice(0, cut), picked.slice(cut)] as const)),
  });
});

const edit = (base: unknown, paths: readonly string[], tag: string) => paths.reduce<unknown>((acc, p, i) => setIn(acc, p, `${tag}-${i}`), base);

describe("mergeFields: properties", () => {
  it("with no concurrent change, the result is mine", () => {
    fc.assert(
      fc.property(stageArb, stageArb, (base, mine) => {
        const r = mergeFields(base, mine, base);
        expect(r.conflicts).toEqual([]);
        expect(isSameValue(r.merged, mine)).toBe(true);
      }),
    );
  });

  it("with no change of mine, the result is theirs", () => {
    fc.assert(
      fc.property(stageArb, stageArb, (base, theirs) => {
        const r = mergeFields(base, base, theirs);
        expect(r.conflicts).toEqual([]);
        expect(isSameValue(r.merged, theirs)).toBe(true);
      }),
    );
  });

  it("the same change on both sides is no conflict", () => {
    fc.assert(
      fc.property(stageArb, stageArb, (base, both) => {
        expect(mergeFields(base, both, both)).toEqual({ merged: both, conflicts: [] });
      }),
    );
  });

  it("changes to disjoint fields are both kept, and nothing else moves", () => {
    fc.assert(
      fc.property(scenario, ({ base, sides: [minePaths, theirPaths] }) => {
        const mine = setIn(edit(base, minePaths, "mine"), "added.byMe", 1);
        const theirs = setIn(edit(base, theirPaths, "theirs"), "added.byThem", 2);
        const r = mergeFields(base, mine, theirs);
        expect(r.conflicts).toEqual([]);
        minePaths.forEach((p, i) => expect(getIn(r.merged, p)).toBe(`mine-${i}`));
        theirPaths.forEach((p, i) => expect(getIn(r.merged, p)).toBe(`theirs-${i}`));
        expect(getIn(r.merged, "added")).toEqual({ byMe: 1, byThem: 2 });
        for (const p of leaves(base).filter((p) => !minePaths.includes(p) && !theirPaths.includes(p))) expect(getIn(r.merged, p)).toEqual(getIn(base, p));
      }),
    );
  });

  it("the same field changed to different values is a conflict listing exactly those paths, with both values", () => {
    fc.assert(
      fc.property(scenario, ({ base, sides: [both, onlyTheirs] }) => {
        const mine = edit(base, both, "mine");
        const theirs = edit(edit(base, both, "theirs"), onlyTheirs, "only-theirs");
        const r = mergeFields(base, mine, theirs);
        expect(r.conflicts.map((c) => c.path).sort()).toEqual([...both].sort());
        for (const c of r.conflicts) {
          expect(c.mine).toBe(getIn(mine, c.path));
          expect(c.theirs).toBe(getIn(theirs, c.path));
          expect(c.base).toEqual(getIn(base, c.path));
        }
        onlyTheirs.forEach((p, i) => expect(getIn(r.merged, p)).toBe(`only-theirs-${i}`));
      }),
    );
  });

  it("is idempotent: merging its own result again changes nothing", () => {
    fc.assert(
      fc.property(stageArb, stageArb, stageArb, (base, mine, theirs) => {
        const once = mergeFields(base, mine, theirs);
        fc.pre(once.conflicts.length === 0);
        expect(mergeFields(base, once.merged, theirs)).toEqual({ merged: once.merged, conflicts: [] });
        expect(mergeFields(theirs, once.merged, theirs).merged).toEqual(once.merged);
      }),
    );
  });

  it("is symmetric: swapping mine and theirs finds the same conflicting fields, and the same result without them", () => {
    fc.assert(
      fc.property(stageArb, stageArb, stageArb, (base, mine, theirs) => {
        const ab = mergeFields(base, mine, theirs);
        const ba = mergeFields(base, theirs, mine);
        expect(ba.conflicts.map((c) => c.path).sort()).toEqual(ab.conflicts.map((c) => c.path).sort());
        if (ab.conflicts.length === 0) expect(isSameValue(ab.merged, ba.merged)).toBe(true);
      }),
    );
  });

  it("changedPaths lists exactly the fields edited", () => {
    fc.assert(
      fc.property(scenario, ({ base, sides: [edited] }) => {
        expect(changedPaths(base, edit(base, edited, "new")).sort()).toEqual([...edited].sort());
      }),
    );
  });
});

describe("mergeFields: lists and choices", () => {
  const workloads = (scores: number[]) => ({ workloads: scores.map((score, i) => ({ id: `w${i}`, candidate: { score } })) });

  it("merges rows by index while every side has the same rows", () => {
    const r = mergeFields(workloads([0.1, 0.2]), workloads([0.5, 0.2]), workloads([0.1, 0.9]));
    expect(r).toEqual({ merged: workloads([0.5, 0.9]), conflicts: [] });
  });

  it("names a row's cell when both changed it", () => {
    const r = mergeFields(workloads([0.1, 0.2]), workloads([0.1, 0.3]), workloads([0.1, 0.4]));
    expect(r.conflicts).toEqual([{ path: "workloads.1.candidate.score", base: 0.2, mine: 0.3, theirs: 0.4 }]);
  });

  it("takes a list whole once a side added or removed a row: an edit never lands in a shifted row", () => {
    const base = workloads([0.1, 0.2, 0.3]);
    const removedFirst = { workloads: base.workloads.slice(1) };
    const editedSecond = workloads([0.1, 0.7, 0.3]);
    expect(mergeFields(base, removedFirst, editedSecond).conflicts.map((c) => c.path)).toEqual(["workloads"]);
    // Only one side touched the list: its version wins whole.
    expect(mergeFields(base, removedFirst, { ...base, toleranceScore: 0.03 }).merged).toEqual({ ...removedFirst, toleranceScore: 0.03 });
  });

  it("treats a multi-select as one answer", () => {
    const base = { orgFacts: { regions: ["EU"] } };
    const r = mergeFields(base, { orgFacts: { regions: ["EU", "US"] } }, { orgFacts: { regions: ["APAC"] } });
    expect(r.conflicts.map((c) => c.path)).toEqual(["orgFacts.regions"]);
  });

  it("a cleared field is a change: cleared by one side, kept cleared; cleared against an edit, a conflict", () => {
    const base = { patching: { hoursPerMonth: 10, usdPerHour: 100 } };
    expect(mergeFields(base, { patching: { usdPerHour: 100 } }, { patching: { hoursPerMonth: 10, usdPerHour: 120 } }).merged).toEqual({ patching: { usdPerHour: 120 } });
    expect(mergeFields(base, { patching: { usdPerHour: 100 } }, { patching: { hoursPerMonth: 12, usdPerHour: 100 } }).conflicts).toEqual([
      { path: "patching.hoursPerMonth", base: 10, mine: undefined, theirs: 12 },
    ]);
  });

  it("adds a new group on each side", () => {
    const r = mergeFields({}, { sizing: { promptTokensPerRequest: 800 } }, { sizing: { outputTokensPerRequest: 300 }, gpuId: "h100" });
    expect(r).toEqual({ merged: { sizing: { promptTokensPerRequest: 800, outputTokensPerRequest: 300 }, gpuId: "h100" }, conflicts: [] });
  });
});
