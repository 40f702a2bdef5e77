// Overlaid chart data for a comparison: each report's API and owned lines on common axes. The series
// are merged into one row per x value so the chart, its tooltip and its table view show the same
// numbers. Reads only the reports' own chart series; computes no new economics.
import { columnLetter } from "./compare";
import { tokensText, usdText } from "../shared";
import type { TReport } from "./types";

export type TOverlaySeries = {
  /** Column name in `rows`, e.g. "r0-api". */
  key: string;
  /** Position of the report in the comparison: picks its colour and letter. */
  index: number;
  kind: "api" | "owned";
  label: string;
};

/** A crossover or break-even point, drawn as a labelled dot on its report's owned line. */
export type TOverlayMarker = { index: number; x: number; y: number; label: string };

export type TOverlayChart = {
  series: TOverlaySeries[];
  /** One row per x value of any series; a series without a point at that x is null there. */
  rows: ({ x: number } & Record<string, number | null>)[];
  markers: TOverlayMarker[];
  /** One sentence per report: where its marker is, why it has none, or that it is not drawn. */
  notes: string[];
};

type TLine = { series: TOverlaySeries; points: { x: number; y: number }[] };

function mergeRows(lines: TLine[]): TOverlayChart["rows"] {
  const byX = new Map<number, { x: number } & Record<string, number | null>>();
  for (const { points } of lines) for (const p of points) if (!byX.has(p.x)) byX.set(p.x, { x: p.x });
  const rows = [...byX.values()].sort((a, b) => a.x - b.x);
  for (const row of rows) for (const { series } of lines) row[series.key] = null;
  for (const { series, points } of lines) for (const p of points) (byX.get(p.x) as Record<string, number | null>)[series.key] = p.y;
  return rows;
}

function line(index: number, kind: TOverlaySeries["kind"], points: { x: number; y: number }[]): TLine {
  const letter = columnLetter(index);
  return { series: { key: `r${index}-${kind}`, index, kind, label: `${letter} ${kind === "api" ? "API" : "owned"}` }, points };
}

const notDrawn = (letter: string) => `${letter}: no economics yet (not drawn).`;

/**
 * Monthly cost against monthly volume. Volume is on a log axis because compared plans can differ
 * by orders of magnitude (tens of billions against hundreds), so each report's zero-volume point,
 * which a log axis cannot place, is left out.
 */
export function overlayCostVsVolume(reports: readonly TReport[]): TOverlayChart {
  const lines: TLine[] = [];
  const markers: TOverlayMarker[] = [];
  const notes = reports.map((r, index) => {
    const letter = columnLetter(index);
    const data = r.charts.costVsVolume;
    if (!data) return notDrawn(letter);
    const points = data.points.filter((p) => p.tokensPerMonth > 0);
    lines.push(line(index, "api", points.map((p) => ({ x: p.tokensPerMonth, y: p.apiUsd }))), line(index, "owned", points.map((p) => ({ x: p.tokensPerMonth, y: p.ownedUsd }))));
    if (!data.crossover) return `${letter}: owning never costs less than the API in this range.`;
    markers.push({ index, x: data.crossover.tokensPerMonth, y: data.crossover.usdPerMonth, label: `${letter} crossover` });
    return `${letter}: crossover at ${tokensText(data.crossover.tokensPerMonth)} a month (${usdText(data.crossover.usdPerMonth)}/month); plan ${tokensText(data.plannedTokensPerMonth)}.`;
  });
  return { series: lines.map((l) => l.series), rows: mergeRows(lines), markers, notes };
}

/** Cumulative API and owned spend by month (one-time costs in month 1), with each break-even month. */
export function overlayCumulative(reports: readonly TReport[]): TOverlayChart {
  const lines: TLine[] = [];
  const markers: TOverlayMarker[] = [];
  const notes = reports.map((r, index) => {
    const letter = columnLetter(index);
    const data = r.charts.cumulative;
    if (!data) return notDrawn(letter);
    lines.push(line(index, "api", data.points.map((p) => ({ x: p.month, y: p.cumulativeApiUsd }))), line(index, "owned", data.points.map((p) => ({ x: p.month, y: p.cumulativeOwnedUsd }))));
    if (!data.breakEven) return `${letter}: owning does not break even within ${data.horizonMonths} months.`;
    markers.push({ index, x: data.breakEven.month, y: data.breakEven.cumulativeOwnedUsd, label: `${letter} break-even` });
    return `${letter}: breaks even in month ${data.breakEven.month}.`;
  });
  return { series: lines.map((l) => l.series), rows: mergeRows(lines), markers, notes };
}
