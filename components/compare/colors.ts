/** One colour per compared assessment (A-D), shared by the table's letters and the chart lines. */
export const COMPARE_COLORS = ["#1d4ed8", "#b45309", "#047857", "#be185d"];
