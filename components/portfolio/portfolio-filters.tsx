import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { TPortfolioPage } from "@/lib/domain/portfolio";
import { candidateName } from "@/lib/domain/portfolio";
import { hasFilters, PORTFOLIO_PAGE_SIZES, PORTFOLIO_STATUSES, PORTFOLIO_VERDICTS, portfolioSearch, STATUS_LABELS, VERDICT_LABELS, type TPortfolioQuery } from "@/lib/domain/portfolio";

const option = (value: string, label: string) => ({ value, label });

/**
 * Search and filters as a plain GET form: it works before (or without) JavaScript, and the URL it
 * produces is the state, so a filtered list can be bookmarked, shared and exported as it is.
 */
export function PortfolioFilters({ basePath, q, facets }: { basePath: string; q: TPortfolioQuery; facets: Pick<TPortfolioPage, "models" | "owners"> }) {
  const models = facets.models.map((m) => option(m.id, `${candidateName(m.id)} (${m.count})`));
  // A link can name a model or owner with no assessment left; keep it visible so the filter shows.
  if (q.model && !facets.models.some((m) => m.id === q.model)) models.push(option(q.model, `${candidateName(q.model)} (0)`));
  const owners = facets.owners.map((o) => option(o.id, `${o.name} (${o.count})`));
  if (q.owner && !facets.owners.some((o) => o.id === q.owner)) owners.push(option(q.owner, "Unknown owner (0)"));
  return (
    // Keyed by the query so a client-side navigation (sort link, "Clear filters") remounts it: a
    // select keeps its old choice when only its defaultValue changes. The key is on the form itself:
    // keyed on this server component instead, copies of the form piled up in the page (Next 16.4).
    <form key={portfolioSearch(q)} method="get" action={basePath} role="search" aria-label="Search and filter assessments" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      {/* Filtering keeps the chosen sort; the page goes back to 1 by being left out. */}
      {q.sort ? <input type="hidden" name="sort" value={q.sort} /> : null}
      {q.dir ? <input type="hidden" name="dir" value={q.dir} /> : null}
      <Field label="Search" name="q" type="search" defaultValue={q.q ?? ""} hint="Words in the title or description" className="sm:col-span-2" />
      <SelectField label="Status" name="status" placeholder="Any status" defaultValue={q.status ?? ""} groups={[{ label: "Status", options: PORTFOLIO_STATUSES.map((s) => option(s, STATUS_LABELS[s])) }]} />
      <SelectField label="Recommendation" name="verdict" placeholder="Any recommendation" defaultValue={q.verdict ?? ""} groups={[{ label: "Recommendation", options: PORTFOLIO_VERDICTS.map((v) => option(v, VERDICT_LABELS[v])) }]} />
      <SelectField label="Model" name="model" placeholder="Any model" defaultValue={q.model ?? ""} groups={[{ label: "Candidate models in use", options: models }]} />
      <SelectField label="Owner" name="owner" placeholder="Anyone" defaultValue={q.owner ?? ""} groups={[{ label: "People who created assessments", options: owners }]} />
      <SelectField label="Rows per page" name="size" defaultValue={String(q.size)} groups={[{ label: "Rows per page", options: PORTFOLIO_PAGE_SIZES.map((n) => option(String(n), String(n))) }]} />
      <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        {hasFilters(q) ? (
          <Link href={`${basePath}${portfolioSearch(q, { q: undefined, status: undefined, verdict: undefined, model: undefined, owner: undefined, page: undefined })}`} className={buttonClass("secondary")}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
