import type { ReactNode } from "react";

export type TTableColumn = { key: string; label: string; format: (v: number) => string };

/** A chart with its title as a caption and the same numbers as a table, for screen readers and checking. */
export function ChartFigure({ id, title, description, children, columns, rows }: { id: string; title: string; description: ReactNode; children: ReactNode; columns: TTableColumn[]; rows: Record<string, number | string | null>[] }) {
  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-chart={id}>
      <figcaption className="flex flex-col gap-1">
        <span id={`${id}-title`} className="text-base font-semibold">
          {title}
        </span>
        <span className="text-sm text-slate-700">{description}</span>
      </figcaption>
      <div className="h-72 w-full min-w-0">{children}</div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">Show the numbers as a table</summary>
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: table`}>
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
              {rows.map((r, i) => (
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
