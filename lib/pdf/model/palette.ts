// The memo's colours, shared by the content builders (a verdict's colour) and the engine (ink, rules).

export const COLORS = {
  ink: "#0f172a",
  muted: "#475569",
  rule: "#cbd5e1",
  brand: "#1d4ed8",
  api: "#b45309",
  owned: "#1d4ed8",
  good: "#047857",
  caution: "#b45309",
  bad: "#b91c1c",
  unknown: "#64748b",
  series: ["#1d4ed8", "#7c3aed", "#059669", "#b45309", "#db2777", "#0891b2", "#64748b"],
} as const;

/** The colour of the i-th series of a chart. */
export const seriesColor = (i: number): string => COLORS.series[i % COLORS.series.length];
