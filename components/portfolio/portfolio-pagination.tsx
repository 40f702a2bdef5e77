import Link from "next/link";
import { pageWindow, portfolioSearch, type TPortfolioQuery } from "@/lib/domain/portfolio";

const n = new Intl.NumberFormat("en-US");
const linkClass = "rounded px-2 py-1 text-brand-700 underline hover:bg-slate-100";

/** "Showing 26–50 of 10,000" and the page links; plain links, so paging needs no JavaScript. */
export function PortfolioPagination({ basePath, q, page, pageCount, pageSize, total }: { basePath: string; q: TPortfolioQuery; page: number; pageCount: number; pageSize: number; total: number }) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const href = (p: number) => `${basePath}${portfolioSearch(q, { page: p })}`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700">
        Showing {n.format(first)}–{n.format(last)} of {n.format(total)}
      </p>
      {pageCount > 1 ? (
        <nav aria-label="Pages">
          <ul className="flex flex-wrap items-center gap-1">
            {page > 1 ? (
              <li>
                <Link href={href(page - 1)} className={linkClass}>
                  Previous<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
            {pageWindow(page, pageCount).map((p, i) =>
              p === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-600">
                  …
                </li>
              ) : (
                <li key={p}>
                  {p === page ? (
                    <span aria-current="page" className="rounded bg-brand-700 px-2 py-1 font-medium text-white">
                      <span className="sr-only">Page </span>
                      {n.format(p)}
                    </span>
                  ) : (
                    <Link href={href(p)} className={linkClass}>
                      <span className="sr-only">Page </span>
                      {n.format(p)}
                    </Link>
                  )}
                </li>
              ),
            )}
            {page < pageCount ? (
              <li>
                <Link href={href(page + 1)} className={linkClass}>
                  Next<span className="sr-only"> page</span>
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
