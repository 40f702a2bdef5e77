// Pure helpers for the charts' data as shown on screen: the table view's rows and log-axis ticks.

/**
 * The rows a chart's table view lists: the first row for each x value as displayed. A line chart
 * draws a step as two points a hair apart (the cost just before and just after another replica),
 * which would read as the same volume listed twice, with two different costs, in the table.
 */
export function uniqueRowsBy<T extends Record<string, unknown>>(rows: readonly T[], key: string, display: (v: number) => string): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const v = r[key];
    const shown = typeof v === "number" ? display(v) : String(v);
    if (seen.has(shown)) return false;
    seen.add(shown);
    return true;
  });
}

/**
 * Ticks for a log axis over the values' range: 1, 2 and 5 × 10^k when they are few, else powers
 * of ten, thinned to at most `maxTicks`, so labels such as "100M" and "1B" never run into each
 * other at tablet widths (Recharts' default log ticks put up to nine labels in each decade).
 */
export function logTicks(values: readonly number[], maxTicks = 6): number[] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (!(min > 0) || !Number.isFinite(max)) return [];
  const inRange = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  const decades: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k += 1) decades.push(10 ** k);
  const fine = decades.flatMap((d) => [d, 2 * d, 5 * d]).filter(inRange);
  if (fine.length <= maxTicks) return fine;
  const coarse = decades.filter(inRange);
  const every = Math.ceil(coarse.length / maxTicks);
  return coarse.filter((_, i) => i % every === 0);
}
