// Three-way merge of one stage's inputs, field by field: what I changed since the version I started
// from (`base`) goes on top of what is stored now (`theirs`), and a field both sides changed to
// different values is a conflict. Generic over the inputs' shape (no stage is named here), so a
// field added to a stage merges without touching this file. No zod: the editor imports it too.
//
// What counts as one field (a leaf path, dot-joined like the form's paths: "sizing.peak.method"):
// - a value that is not a plain object or a list of rows: a number, a text, a choice, a yes/no,
//   and a multi-select (an array of choices is one answer; merging it per element would invent
//   selections nobody made);
// - a plain object is never a field: its keys are (a missing key reads as undefined);
// - a list of rows (an array whose items are all plain objects: workloads, staff roles, Monte
//   Carlo ranges) is merged row by row, by index, ONLY while base, mine and theirs have the same
//   number of rows; once either side added or removed a row, the whole list is one field. Rows have
//   no stable identity (a workload's id is typed by the user and may be blank) and can be removed
//   from the middle, so after a removal index i no longer names the same row, and merging by index
//   would pour one side's edit into a different row. Same length is the case that matters in
//   practice: two people editing different cells of the same list. (Removing one row and adding
//   another inside one save would keep the length: the cells of the shifted rows then differ from
//   the base and show up as conflicts, unless a value happens to equal the base's.)

export type TFieldConflict = { path: string; base: unknown; mine: unknown; theirs: unknown };
/** A conflicting field as the editor shows it: both values, without the base. */
export type TConflictField = { path: string; mine: unknown; theirs: unknown };
export type TMergeResult = { merged: unknown; conflicts: TFieldConflict[] };

type TObject = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is TObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isRowList = (v: unknown): v is unknown[] => Array.isArray(v) && v.every(isPlainObject);
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** Structural equality of JSON-like values; a missing key equals an undefined one. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => isSameValue(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) return keysOf(a, b).every((k) => isSameValue(a[k], b[k]));
  return Number.isNaN(a) && Number.isNaN(b);
}

function keysOf(...objects: unknown[]): string[] {
  const keys = new Set<string>();
  for (const o of objects) if (isPlainObject(o)) for (const k of Object.keys(o)) keys.add(k);
  return [...keys];
}

/** Whether the values under a path are split into fields (objects, or row lists of one length), rather than compared whole. */
function splitsInto(values: unknown[]): "object" | "rows" | null {
  if (values.some(isPlainObject) && values.every((v) => v === undefined || isPlainObject(v))) return "object";
  if (values.every(isRowList) && values.every((v) => (v as unknown[]).length === (values[0] as unknown[]).length)) return "rows";
  return null;
}

function mergeAt(path: string, base: unknown, mine: unknown, theirs: unknown, conflicts: TFieldConflict[]): unknown {
  if (isSameValue(mine, base)) return theirs;
  if (isSameValue(theirs, base) || isSameValue(mine, theirs)) return mine;
  const split = splitsInto([base, mine, theirs]);
  if (split === "rows") {
    const [b, m, t] = [base, mine, theirs] as unknown[][];
    return m.map((_, i) => mergeAt(join(path, i), b[i], m[i], t[i], conflicts));
  }
  if (split === "object") {
    const [b, m, t] = [base, mine, theirs] as (TObject | undefined)[];
    const out: TObject = {};
    for (const k of keysOf(b, m, t)) {
      const v = mergeAt(join(path, k), b?.[k], m?.[k], t?.[k], conflicts);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  conflicts.push({ path, base, mine, theirs });
  return mine;
}

/**
 * Mine on top of theirs, per field: a field only I changed takes my value, one only they changed
 * takes theirs, one we both set to the same value takes it. A field we changed differently is a
 * conflict; `merged` then holds my value there (the caller decides whether to write it).
 */
export function mergeFields(base: unknown, mine: unknown, theirs: unknown): TMergeResult {
  const conflicts: TFieldConflict[] = [];
  const merged = mergeAt("", base, mine, theirs, conflicts);
  return { merged, conflicts };
}

/** The fields (as above) whose value differs between two versions. */
export function changedPaths(before: unknown, after: unknown, path = ""): string[] {
  if (isSameValue(before, after)) return [];
  const split = splitsInto([before, after]);
  if (split === "rows") return (after as unknown[]).flatMap((row, i) => changedPaths((before as unknown[])[i], row, join(path, i)));
  if (split === "object") return keysOf(before, after).flatMap((k) => changedPaths((before as TObject | undefined)?.[k], (after as TObject | undefined)?.[k], join(path, k)));
  return [path];
}
