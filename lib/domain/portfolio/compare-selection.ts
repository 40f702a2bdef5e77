// The comparison picker's rule, in a module of its own: the picker runs in the browser, and query.ts
// builds zod schemas when it loads, which would put zod into the portfolio page's client bundle.

// The comparison view (and its PDF memo, lib/pdf/render-comparison-memo.ts) takes 2 to 4 assessments.
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

/** Where "Compare selected" goes: one comma-separated `ids` parameter, or why it cannot go yet. */
export function compareSelection(slug: string, ids: readonly string[]): { ok: true; href: string } | { ok: false; message: string } {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length < COMPARE_MIN || unique.length > COMPARE_MAX) {
    const chosen = unique.length === 1 ? "1 is" : `${unique.length} are`;
    return { ok: false, message: `Choose ${COMPARE_MIN} to ${COMPARE_MAX} assessments to compare; ${chosen} chosen.` };
  }
  return { ok: true, href: `/o/${encodeURIComponent(slug)}/compare?ids=${unique.map(encodeURIComponent).join(",")}` };
}
