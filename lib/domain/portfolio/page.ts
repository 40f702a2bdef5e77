// One page of the portfolio list as the data access layer returns it and the page renders it.
import type { TPortfolioCsvRow } from "./export";

/** One row of the list; the same shape the CSV export reads. */
export type TPortfolioRow = TPortfolioCsvRow;

export type TPortfolioPage = {
  rows: TPortfolioRow[];
  total: number;
  /** All assessments of the organisation, before filters. */
  totalUnfiltered: number;
  page: number;
  pageCount: number;
  pageSize: number;
  models: { id: string; count: number }[];
  owners: { id: string; name: string; count: number }[];
};
