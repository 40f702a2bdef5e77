import { StyleSheet } from "@react-pdf/renderer";
import { PDF_FONT_FAMILY } from "./fonts";

export const COLORS = {
  ink: "#0f172a",
  muted: "#475569",
  rule: "#cbd5e1",
  brand: "#1d4ed8",
  api: "#b45309",
  owned: "#1d4ed8",
  hybrid: "#059669",
  good: "#047857",
  caution: "#b45309",
  bad: "#b91c1c",
  unknown: "#64748b",
  series: ["#1d4ed8", "#7c3aed", "#059669", "#b45309", "#db2777", "#0891b2", "#64748b"],
};

/** A4 in points and the memo's margins; the assessment memo's blocks are laid out against these. */
export const PAGE = { width: 595.28, height: 841.89, top: 40, bottom: 54, side: 44 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
export const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/** Body text: 9.5 pt on 1.3 lines (the comparison memo's body style resolves to the same). */
export const BODY_SIZE = 9.5;
export const LINE = BODY_SIZE * 1.3;
export const SMALL_SIZE = 8;
/** Small text (formulas, sources, the appendix): 8 pt on 1.3 lines. */
export const SMALL_LINE = SMALL_SIZE * 1.3;

export const H1 = { size: 22, line: 22 * 1.25, marginBottom: 6 };
export const H2 = { size: 14, line: 14 * 1.2, marginTop: 10, marginBottom: 5 };
export const H3 = { size: 11, line: 11 * 1.25, marginTop: 7, marginBottom: 3 };

export const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: BODY_SIZE, color: COLORS.ink, paddingTop: PAGE.top, paddingBottom: PAGE.bottom, paddingHorizontal: PAGE.side },
  // lineHeight lives on a body View, not on the Page: on the Page it hides the page-number render Text.
  body: { fontSize: BODY_SIZE, lineHeight: 1.3 },
  footer: { position: "absolute", bottom: 22, left: 44, right: 44, fontSize: 7.5, color: COLORS.muted },
  h1: { fontSize: H1.size, fontWeight: "bold", marginBottom: H1.marginBottom, lineHeight: 1.25 },
  h2: { fontSize: H2.size, fontWeight: "bold", marginTop: H2.marginTop, marginBottom: H2.marginBottom, color: COLORS.brand, lineHeight: 1.2 },
  muted: { color: COLORS.muted },
  small: { fontSize: SMALL_SIZE },
  bold: { fontWeight: "bold" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 2 },
  box: { borderWidth: 0.75, borderColor: COLORS.rule, padding: 8, marginBottom: 8 },
});
