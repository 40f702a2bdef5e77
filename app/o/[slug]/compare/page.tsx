import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { or404, requireOrgMember } from "@/lib/dal/guards";
import { listAssessments } from "@/lib/dal/assessments";
import { getAssessmentsWithSignOffLines } from "@/lib/dal/assessment-pages";
import type { TAssessmentDetail } from "@/lib/domain/assessment";
import { overlayCostVsVolume, overlayCumulative } from "@/lib/domain/report";
import { columnLetter, compareReports, parseComparedIds } from "@/lib/domain/report";
import { COMPARE_MAX, COMPARE_MIN } from "@/lib/domain/portfolio";
import { reportFor } from "@/lib/wizard/report-for";
import { LazyCompareCharts } from "@/components/charts/lazy-charts";
import { ComparePicker } from "@/components/compare/compare-picker";
import { ColumnLetter, ComparisonTable } from "@/components/compare/comparison-table";
import { LicenceDiffTable } from "@/components/compare/licence-diff-table";
import { ExportPdfButton } from "@/components/pdf/export-pdf-button";
import { StatusBadge } from "@/components/assessments/status-badge";
import { formatDateTime } from "@/lib/domain/report";

export const metadata: Metadata = { title: "Compare assessments" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const compareHref = (slug: string, ids: readonly string[], isDiffOnly = false) => `/o/${slug}/compare?ids=${ids.map(encodeURIComponent).join(",")}${isDiffOnly ? "&only=diff" : ""}`;

function Breadcrumb({ slug }: { slug: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={`/o/${slug}/assessments`} className="text-brand-700 underline">
        Assessments
      </Link>{" "}
      / Compare
    </nav>
  );
}

function RowFilter({ slug, ids, isDiffOnly }: { slug: string; ids: readonly string[]; isDiffOnly: boolean }) {
  const option = (label: string, isActive: boolean, href: string) => (
    <Link href={href} aria-current={isActive ? "true" : undefined} className={`rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-brand-700 text-white" : "text-brand-700 underline"}`}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Rows shown" className="flex flex-wrap items-center gap-1">
      {option("Show all rows", !isDiffOnly, compareHref(slug, ids))}
      {option("Show only differences", isDiffOnly, compareHref(slug, ids, true))}
    </nav>
  );
}

/** The reports (with their 10,000-sample Monte Carlo each) take a moment, so they stream in after the header. */
async function ComparisonBody({ slug, assessments, isDiffOnly, signOffCounts }: { slug: string; assessments: TAssessmentDetail[]; isDiffOnly: boolean; signOffCounts: number[] }) {
  const reports = assessments.map((a) => reportFor(a, a.inputs));
  const comparison = compareReports(reports);
  const rows = isDiffOnly ? comparison.rows.filter((r) => r.differs) : comparison.rows;
  return (
    <>
      <section aria-labelledby="table-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="table-heading" className="text-lg font-semibold">
            Side by side
          </h2>
          <RowFilter slug={slug} ids={assessments.map((a) => a.id)} isDiffOnly={isDiffOnly} />
        </div>
        <p className="text-sm text-slate-700">
          {isDiffOnly ? `Showing the ${rows.length} of ${comparison.rows.length} rows whose values differ.` : `${comparison.rows.filter((r) => r.differs).length} of ${comparison.rows.length} rows differ (marked “Differs”).`} “Best” marks the best value in a row; a row where nothing can be
          ranked, or everything ties, has none.
        </p>
        {rows.length > 0 ? <ComparisonTable slug={slug} comparison={comparison} rows={rows} reviews={assessments.map((a, i) => ({ status: a.status, signOffs: signOffCounts[i] }))} /> : <p className="text-sm text-slate-700">These assessments show the same value in every row.</p>}
      </section>
      <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Charts
        </h2>
        <LazyCompareCharts costVsVolume={overlayCostVsVolume(reports)} cumulative={overlayCumulative(reports)} />
      </section>
      <section aria-labelledby="licence-heading" className="flex flex-col gap-3">
        <h2 id="licence-heading" className="text-lg font-semibold">
          Licence findings that differ
        </h2>
        <LicenceDiffTable comparison={comparison} />
      </section>
    </>
  );
}

export default async function ComparePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const query = await searchParams;
  const ids = parseComparedIds(query.ids);
  const isDiffOnly = query.only === "diff";
  const isValidCount = ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX;
  const { user } = await requireOrgMember(slug, isValidCount ? compareHref(slug, ids, isDiffOnly) : `/o/${slug}/compare`);

  if (!isValidCount) {
    const all = await listAssessments(user.id, slug);
    // Even here a foreign id is a 404, so the page never differs for ids of another organisation.
    if (ids.some((id) => !all.some((a) => a.id === id))) notFound();
    return (
      <div className="flex max-w-3xl flex-col gap-4">
        <Breadcrumb slug={slug} />
        <h1 className="text-2xl font-semibold">Compare assessments</h1>
        <p className={ids.length > 0 ? "font-medium text-amber-900" : "text-slate-700"}>
          {ids.length > 0 ? `You chose ${ids.length} assessment${ids.length === 1 ? "" : "s"}. ` : ""}Choose {COMPARE_MIN} to {COMPARE_MAX} different assessments to compare side by side.
        </p>
        <ComparePicker slug={slug} assessments={all} selected={ids} min={COMPARE_MIN} max={COMPARE_MAX} />
      </div>
    );
  }

  // Which columns were approved, and by whom: a comparison of drafts reads differently from one of
  // decisions. The assessments and their sign-offs in one query.
  const columns = await or404(getAssessmentsWithSignOffLines(user.id, slug, ids));
  const assessments = columns.map((c) => c.assessment);
  const signOffs = columns.map((c) => c.signOffLines);
  // A checkbox form sends ?ids=a&ids=b; show (and share) the one canonical ?ids=a,b form instead.
  if (Array.isArray(query.ids)) redirect(compareHref(slug, ids, isDiffOnly));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <Breadcrumb slug={slug} />
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">Comparing {assessments.length} assessments</h1>
          <ExportPdfButton href={`/o/${slug}/compare/pdf?ids=${ids.map(encodeURIComponent).join(",")}`} label="Export comparison PDF" fallbackName="freehold-comparison.pdf" />
        </div>
        <ul aria-label="Assessments compared" className="flex flex-col gap-1 text-sm">
          {assessments.map((a, i) => (
            <li key={a.id} className="flex items-start gap-2">
              <ColumnLetter index={i} />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span>
                  <span className="sr-only">{columnLetter(i)}: </span>
                  {a.title} (version {a.version}) <StatusBadge status={a.status} />
                </span>
                <span className="text-xs text-slate-700">
                  {signOffs[i].length === 0 ? "Sign-offs: none recorded" : `Sign-offs: ${signOffs[i].map((so) => `${so.label}, ${so.byName}, ${formatDateTime(so.at)}`).join("; ")}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <Link href={`/o/${slug}/compare`} className="w-fit text-sm text-brand-700 underline">
          Choose other assessments
        </Link>
      </div>
      <Suspense fallback={<p role="status">Computing the comparison…</p>}>
        <ComparisonBody slug={slug} assessments={assessments} isDiffOnly={isDiffOnly} signOffCounts={signOffs.map((l) => l.length)} />
      </Suspense>
    </div>
  );
}
