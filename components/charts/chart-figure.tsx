import type { ReactNode } from "react";
import { uniqueRowsBy } from "@/lib/domain/shared";

export type TTableColumn = { key: string; label: string; format: (v: number) => string };
export type TLegendItem = { label: string; color: string; mark: "box" | "line" | "dashed" };

/**
 * The plot's margins in every chart. The top leaves room for a marker's label drawn above the plot
 * ("Crossover", "Break-even: month 14"), which an 8 px margin cut in half.
 */
export const CHART_MARGIN = { top: 24, right: 16, bottom: 28, left: 16 };

/**
 * The series key, as HTML above the plot rather than Recharts' <Legend>: Recharts draws its legend
 * inside the fixed-height chart and measures it after the first paint, so a legend that wraps onto
 * more lines at narrow widths (the owned-cost breakdown at 768 px) ran into the plot. In the page's
 * flow it wraps freely and the plot keeps its full height.
 */
function Legend({ label, items }: { label: string; items: TLegendItem[] }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {items.map((l) => (
        <li key={l.label} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={l.mark === "box" ? "h-3 w-3 shrink-0 rounded-sm" : "h-0 w-5 shrink-0"}
            style={l.mark === "box" ? { backgroundColor: l.color } : { borderTop: `2px ${l.mark === "dashed" ? "dashed" : "solid"} ${l.color}` }}
          />
          {l.label}
        </li>
      ))}
    </ul>
  );
}

/** A chart with its title as a caption and the same numbers as a table, for screen readers and checking. */
export function ChartFigure({
  id,
  title,
  description,
  legend,
  children,
  columns,
  rows,
}: {
  id: string;
  title: string;
  description: ReactNode;
  legend?: TLegendItem[];
  children: ReactNode;
  columns: TTableColumn[];
  rows: Record<string, number | string | null>[];
}) {
  // The first column is the x value: one table row per value as shown.
  const tableRows = columns[0] ? uniqueRowsBy(rows, columns[0].key, columns[0].format) : rows;
  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-chart={id}>
      <figcaption className="flex flex-col gap-1">
        <span id={`${id}-title`} className="text-base font-semibold">
          {title}
        </span>
        <span className="text-sm text-slate-700">{description}</span>
      </figcaption>
      {legend?.length ? <Legend label={`${title}: legend`} items={legend} /> : null}
      <div className="h-72 w-full min-w-0">{children}</div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">Show the numbers as a table</summary>
        <div className="relative max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: table`}>
          <table className="w-full text-left text-sm tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className="px-2 py-1">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tableRows.map((r, i) => (
                <tr key={i} className="border-t border-slate-100">
                  {columns.map((c) => {
                    const v = r[c.key];
                    return (
                      <td key={c.key} className="px-2 py-1">
                        {typeof v === "number" ? c.format(v) : (v ?? "—")}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
