"use client";
import dynamic from "next/dynamic";
import type { CSSProperties } from "react";
import type { TFinanceSection, TOverlayChart, TReportCharts } from "@/lib/domain/report";

// Recharts is the largest piece of client JavaScript in the app (about 100 kB gzip): the pages that
// draw charts load it after the page itself, so the figures, the forms and everything above the
// charts arrive and become interactive without waiting for it. Until it has loaded, a placeholder
// of the charts' own size holds their place so the page does not jump when they appear. The charts
// themselves (their captions and number tables included) render in the browser only.

/** One chart figure (caption, legend, the 18 rem plot and the table toggle) is at least this tall. */
const FIGURE_REM = 24;
const GAP_REM = 1;

function gridHeightRem(figures: number, columns: number): number {
  const rows = Math.ceil(figures / columns);
  return rows > 0 ? rows * FIGURE_REM + (rows - 1) * GAP_REM : 0;
}

/**
 * Reserves the height of `figures` charts laid out one per row, or two per row from `wideAt`; the
 * loaded charts are at least as tall, so the reservation never shows once they are drawn.
 */
function ChartSlot({ figures, wideAt, children }: { figures: number; wideAt: "lg" | "xl"; children: React.ReactNode }) {
  const style = { "--chart-slot-narrow": `${gridHeightRem(figures, 1)}rem`, "--chart-slot-wide": `${gridHeightRem(figures, 2)}rem` } as CSSProperties;
  return (
    <div style={style} className={wideAt === "xl" ? "min-h-(--chart-slot-narrow) xl:min-h-(--chart-slot-wide)" : "min-h-(--chart-slot-narrow) lg:min-h-(--chart-slot-wide)"}>
      {children}
    </div>
  );
}

function Loading() {
  return (
    <p role="status" className="text-sm text-slate-700">
      Loading the charts…
    </p>
  );
}

const EconomicsChartsInner = dynamic(() => import("./economics-charts").then((m) => m.EconomicsCharts), { ssr: false, loading: Loading });
const CompareChartsInner = dynamic(() => import("@/components/compare/compare-charts").then((m) => m.CompareCharts), { ssr: false, loading: Loading });
const CumulativeCashChartInner = dynamic(() => import("./finance-chart").then((m) => m.CumulativeCashChart), { ssr: false, loading: Loading });

export function LazyEconomicsCharts({ charts }: { charts: TReportCharts }) {
  const figures = [charts.costVsVolume, charts.cumulative, charts.ownedBreakdown, charts.tornado, charts.monteCarlo].filter(Boolean).length;
  return (
    <ChartSlot figures={figures} wideAt="xl">
      <EconomicsChartsInner charts={charts} />
    </ChartSlot>
  );
}

export function LazyCompareCharts({ costVsVolume, cumulative }: { costVsVolume: TOverlayChart; cumulative: TOverlayChart }) {
  const figures = costVsVolume.series.length === 0 && cumulative.series.length === 0 ? 0 : 2;
  return (
    <ChartSlot figures={figures} wideAt="lg">
      <CompareChartsInner costVsVolume={costVsVolume} cumulative={cumulative} />
    </ChartSlot>
  );
}

export function LazyCumulativeCashChart({ finance }: { finance: TFinanceSection }) {
  return (
    <ChartSlot figures={1} wideAt="xl">
      <CumulativeCashChartInner finance={finance} />
    </ChartSlot>
  );
}
