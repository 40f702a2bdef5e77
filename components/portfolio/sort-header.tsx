import Link from "next/link";
import { DEFAULT_SORT_DIR, portfolioSearch, sortOf, type TPortfolioQuery, type TPortfolioSort } from "@/lib/domain/portfolio";

/**
 * A column header that sorts by its column: the first click uses the column's natural direction
 * (A→Z, newest, largest), the next one reverses it. The current sort is announced with aria-sort.
 */
export function SortHeader({ basePath, q, sort, children, className = "" }: { basePath: string; q: TPortfolioQuery; sort: TPortfolioSort; children: React.ReactNode; className?: string }) {
  const current = sortOf(q);
  const isActive = current.sort === sort;
  const dir = isActive ? (current.dir === "asc" ? "desc" : "asc") : DEFAULT_SORT_DIR[sort];
  const ariaSort = isActive ? (current.dir === "asc" ? "ascending" : "descending") : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={`px-3 py-2 font-medium ${className}`}>
      <Link href={`${basePath}${portfolioSearch(q, { sort, dir, page: undefined })}`} className="inline-flex items-center gap-1 underline decoration-slate-400 underline-offset-2 hover:text-brand-800">
        {children}
        <span aria-hidden="true" className="text-xs">
          {isActive ? (current.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}
