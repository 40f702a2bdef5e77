// Uploaded JSON is checked for nesting depth before JSON.parse: a file of 100,000 "[" parses, but
// every recursive walk after it (validation, storage, rendering) overflows the stack. A linear scan
// that skips strings finds the depth without recursion. No real export, evaluation file or
// config.json nests beyond a dozen levels.

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects/arrays in a JSON text, stopping early once past `limit`. */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** A message for a JSON text nested deeper than the limit, or null. */
export function jsonDepthProblem(text: string, limit = MAX_JSON_DEPTH): string | null {
  return jsonNestingDepth(text, limit) > limit ? `the JSON is nested more than ${limit} levels deep; no real file is, so it is refused` : null;
}
