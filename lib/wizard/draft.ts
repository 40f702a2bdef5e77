// Path helpers for the wizard's stage drafts: plain objects edited field by field on the client and
// validated by the stage's zod schema on the server. No zod here: client components import it.

export type TDraft = Record<string, unknown>;

export function getIn(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Immutable set; numeric segments index arrays. */
export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  const isIndex = /^\d+$/.test(head);
  const base: Record<string, unknown> | unknown[] = Array.isArray(obj) ? [...obj] : { ...(obj as Record<string, unknown> | undefined) };
  const child = (base as Record<string, unknown>)[head];
  const next = rest.length === 0 ? value : setIn(child ?? (/^\d+$/.test(rest[0]) ? [] : {}), rest.join("."), value);
  if (isIndex && Array.isArray(base)) base[Number(head)] = next;
  else (base as Record<string, unknown>)[head] = next;
  return base as T;
}

/**
 * Drops what the user has not entered (undefined, blank strings, empty objects) so the stored
 * draft only holds real answers; array items are kept in place so row indexes stay stable.
 */
export function cleanDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => cleanDraft(v) ?? {});
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cleanDraft(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/**
 * Server errors by where the form can show them. An error on a field (or inside a list field)
 * stays under its path; one on an object that holds fields (a range whose low exceeds its high, a
 * choice missing from a group) moves to the first field inside it; the rest are `unplaced`.
 */
export function placeErrors(errors: Record<string, string>, fieldPaths: readonly string[]): { byPath: Record<string, string>; unplaced: [string, string][] } {
  const byPath: Record<string, string> = {};
  const unplaced: [string, string][] = [];
  for (const [path, message] of Object.entries(errors)) {
    if (fieldPaths.some((f) => path === f || path.startsWith(`${f}.`))) byPath[path] ??= message;
    else {
      const inner = fieldPaths.find((f) => f.startsWith(`${path}.`));
      if (inner) byPath[inner] ??= message;
      else unplaced.push([path, message]);
    }
  }
  return { byPath, unplaced };
}
