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

export const s = StyleSheet.create({
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9.5, color: COLORS.ink, paddingTop: 40, paddingBottom: 54, paddingHorizontal: 44 },
  // lineHeight lives on a body View, not on the Page: on the Page it hides the page-number render Text.
  body: { fontSize: 9.5, lineHeight: 1.3 },
  footer: { position: "absolute", bottom: 22, left: 44, right: 44, fontSize: 7.5, color: COLORS.muted },
  h1: { fontSize: 22, fontWeight: "bold", marginBottom: 6, lineHeight: 1.25 },
  h2: { fontSize: 14, fontWeight: "bold", marginTop: 10, marginBottom: 6, color: COLORS.brand },
  h3: { fontSize: 11, fontWeight: "bold", marginTop: 8, marginBottom: 4 },
  muted: { color: COLORS.muted },
  small: { fontSize: 8 },
  bold: { fontWeight: "bold" },
  para: { marginBottom: 4 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 2 },
  cellLabel: { width: "45%", paddingRight: 6 },
  cellValue: { width: "55%" },
  box: { borderWidth: 0.75, borderColor: COLORS.rule, padding: 8, marginBottom: 8 },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 14 },
  bulletText: { flex: 1 },
  quote: { borderLeftWidth: 2, borderLeftColor: COLORS.rule, paddingLeft: 6, marginTop: 2, fontSize: 8.5, color: COLORS.muted },
});
