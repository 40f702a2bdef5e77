import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgMember } from "@/lib/dal/guards";
import { canEdit } from "@/lib/domain/shared";
import { listPortfolio } from "@/lib/dal/portfolio";
import { CreateAssessmentForm } from "@/components/assessments/create-assessment-form";
import { CompareForm } from "@/components/portfolio/compare-form";
import { ImportAssessmentForm } from "@/components/portfolio/import-form";
import { PortfolioFilters } from "@/components/portfolio/portfolio-filters";
import { PortfolioPagination } from "@/components/portfolio/portfolio-pagination";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { buttonClass } from "@/components/ui/button";
import { MAX_IMPORT_CHARS } from "@/lib/domain/assessment";
import { candidateOptionGroups, incumbentOptionGroups } from "@/lib/domain/catalog";
import { hasFilters, parsePortfolioQuery, portfolioSearch } from "@/lib/domain/portfolio";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";

export const metadata: Metadata = { title: "Assessments" };

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new organisation's first run: what to do, in order, pointing at the form below. */
function FirstAssessmentGuide() {
  return (
    <section aria-labelledby="first-run-heading" className="flex flex-col gap-2 rounded-lg border border-brand-600 bg-brand-50 p-4 text-slate-900">
      <h2 id="first-run-heading" className="text-lg font-semibold">
        Your first assessment, in four steps
      </h2>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>
          Under{" "}
          <a href="#create-heading" className="text-brand-700 underline">
            New assessment
          </a>
          , pick a template in &ldquo;Start from&rdquo; (every stage comes filled with realistic numbers) or leave it blank, give it a title and create it.
        </li>
        <li>Walk the six stages with Next: replace each assumed figure with yours; every figure says where it comes from.</li>
        <li>Open Economics and Recommendation: the crossover volume, the break-even month, and the verdict with its reasons.</li>
        <li>Submit it for review; an owner or manager approves it, and the PDF memo carries the sign-offs.</li>
      </ol>
    </section>
  );
}

export default async function AssessmentsPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const basePath = `/o/${slug}/assessments`;
  const { user, org } = await requireOrgMember(slug, basePath);
  const q = parsePortfolioQuery(await searchParams);
  const list = await listPortfolio(user.id, slug, q);
  // The DAL clamps a page past the end to the last one; links are built from what is shown.
  const shown = { ...q, page: list.page };
  // A sort link or "Clear filters" is a client-side navigation that keeps the components: keyed by
  // the query, the compare form starts afresh instead of counting ticks on rows no longer shown.
  const listKey = portfolioSearch(shown);
  const editable = canEdit(org.role);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="assessments-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 id="assessments-heading" className="text-2xl font-semibold">
            {org.name}: assessments
          </h1>
          {list.totalUnfiltered > 0 ? (
            // A plain link: the browser downloads the file; the current search, filters and sort go with it.
            <a href={`${basePath}/export.csv${portfolioSearch(shown, { page: undefined, size: undefined })}`} className={buttonClass("secondary")}>
              Export CSV<span className="sr-only"> of the {hasFilters(q) ? "filtered " : ""}assessments</span>
            </a>
          ) : null}
        </div>
        {list.totalUnfiltered === 0 ? (
          editable ? (
            <FirstAssessmentGuide />
          ) : (
            <p className="text-slate-700">No assessments yet. An owner, manager or analyst of this organisation can create the first one.</p>
          )
        ) : (
          <>
            <PortfolioFilters basePath={basePath} q={shown} facets={list} />
            {list.total === 0 ? (
              <div role="status" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">
                <p className="font-medium">No assessments match these filters.</p>
                <p className="text-sm text-slate-700">
                  Try other words or fewer filters, or{" "}
                  <Link href={basePath} className="text-brand-700 underline">
                    show all {list.totalUnfiltered.toLocaleString("en-US")} assessments
                  </Link>
                  .
                </p>
              </div>
            ) : (
              <CompareForm key={listKey} slug={slug}>
                <PortfolioPagination basePath={basePath} q={shown} page={list.page} pageCount={list.pageCount} pageSize={list.pageSize} total={list.total} />
                <PortfolioTable rows={list.rows} q={shown} basePath={basePath} caption={`Assessments of ${org.name}, page ${list.page} of ${list.pageCount}`} />
                <p className="text-xs text-slate-600">
                  Costs are per month at each assessment&rsquo;s planned volume; the capability gap is candidate minus incumbent in percentage points; &ldquo;—&rdquo; means the stage
                  behind the figure is not filled in yet.
                </p>
              </CompareForm>
            )}
          </>
        )}
      </section>
      {editable ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <section aria-labelledby="create-heading" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
            <h2 id="create-heading" className="text-lg font-semibold">
              New assessment
            </h2>
            <CreateAssessmentForm slug={slug} candidates={candidateOptionGroups()} incumbents={incumbentOptionGroups(new Date().toISOString().slice(0, 10))} templates={ASSESSMENT_TEMPLATES.map((t) => ({ value: t.id, label: t.name }))} />
          </section>
          <section aria-labelledby="import-heading" className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="import-heading" className="text-lg font-semibold">
              Import assessment (JSON)
            </h2>
            <ImportAssessmentForm slug={slug} maxChars={MAX_IMPORT_CHARS} />
          </section>
        </div>
      ) : (
        <p className="text-sm text-slate-700">Your role is viewer: you can read assessments but not create or change them.</p>
      )}
    </div>
  );
}
