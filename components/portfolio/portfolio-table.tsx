import Link from "next/link";
import { StatusBadge } from "@/components/assessments/status-badge";
import type { TPortfolioRow } from "@/lib/domain/portfolio";
import { candidateName, incumbentName } from "@/lib/domain/portfolio";
import type { TPortfolioQuery } from "@/lib/domain/portfolio";
import { formatCompact, formatUsdAmount } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/domain/report";
import { NotKnown, VerdictBadge } from "./verdict-badge";
import { SortHeader } from "./sort-header";

const gap = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const count = new Intl.NumberFormat("en-US");

function Usd({ value }: { value: number | null }) {
  return value === null ? <NotKnown /> : <>{formatUsdAmount(value)}</>;
}

function Crossover({ row }: { row: TPortfolioRow }) {
  if (row.crossoverTokensPerMonth !== null) return <>{formatCompact(row.crossoverTokensPerMonth, "tokens")} tokens</>;
  // Both costs known but no crossover volume: the economics found none (owned never gets cheaper
  // within the modelled range), which is an answer, not a gap in the data.
  // "never", the word every figure, chart and the compare page use for it.
  if (row.monthlyOwnedUsd !== null && row.monthlyApiUsd !== null) return <>never</>;
  return <NotKnown />;
}

export function PortfolioTable({ rows, q, basePath, caption }: { rows: TPortfolioRow[]; q: TPortfolioQuery; basePath: string; caption: string }) {
  const cell = "px-3 py-2 align-top";
  const num = `${cell} text-right tabular-nums whitespace-nowrap`;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Compare</span>
            </th>
            <SortHeader basePath={basePath} q={q} sort="title">Title</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="status">Status</SortHeader>
            <th scope="col" className="px-3 py-2 font-medium">Candidate vs incumbent</th>
            <SortHeader basePath={basePath} q={q} sort="verdict">Recommendation</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="owned" className="text-right">Owned (USD/month)</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="api" className="text-right">API (USD/month)</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="crossover" className="text-right">Crossover (tokens/month)</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="gap" className="text-right">Capability gap (pp)</SortHeader>
            <SortHeader basePath={basePath} q={q} sort="blockers" className="text-right">Licence blockers</SortHeader>
            <th scope="col" className="px-3 py-2 font-medium">Owner</th>
            <SortHeader basePath={basePath} q={q} sort="updated">Last update</SortHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className={cell}>
                <input type="checkbox" name="ids" value={r.id} aria-label={`Compare ${r.title}`} className="size-4" />
              </td>
              <td className={`${cell} min-w-48`}>
                <Link href={`${basePath}/${r.id}`} className="font-medium text-brand-700 underline">
                  {r.title}
                </Link>
              </td>
              <td className={cell}>
                <StatusBadge status={r.status} />
              </td>
              <td className={`${cell} min-w-40`}>
                {candidateName(r.candidateModelId)}
                <span className="block text-xs text-slate-600">vs {incumbentName(r.incumbentApiId)}</span>
              </td>
              <td className={cell}>
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td className={num}>
                <Usd value={r.monthlyOwnedUsd} />
              </td>
              <td className={num}>
                <Usd value={r.monthlyApiUsd} />
              </td>
              <td className={num}>
                <Crossover row={r} />
              </td>
              <td className={num}>{r.capabilityGapPp === null ? <NotKnown /> : `${gap.format(r.capabilityGapPp)} pp`}</td>
              <td className={num}>{r.licenceBlockers === null ? <NotKnown /> : count.format(r.licenceBlockers)}</td>
              <td className={cell}>{r.ownerName}</td>
              <td className={`${cell} text-slate-700`}>
                <span className="whitespace-nowrap">{formatDateTime(r.updatedAt)}</span>
                <span className="block text-xs text-slate-600">by {r.updatedByName}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
