import type { Metadata } from "next";
import { requireOrgMember } from "@/lib/dal/guards";
import { getPriceBook, listPriceBookAudit } from "@/lib/dal/price-book";
import { APPROVER_ROLES } from "@/lib/domain/shared";
import { DEFAULT_STAFFING_TEMPLATE } from "@/lib/domain/lifecycle";
import { priceBookFormRows } from "@/lib/domain/assessment";
import { catalogPriceHints } from "@/lib/wizard/price-book-view";
import { PriceBookForm } from "@/components/orgs/price-book-form";

export const metadata: Metadata = { title: "Price book" };

export default async function PriceBookPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/price-book`);
  const [{ book, values, version }, history] = await Promise.all([getPriceBook(user.id, slug), listPriceBookAudit(user.id, slug)]);
  const rows = priceBookFormRows(DEFAULT_STAFFING_TEMPLATE.map((r) => r.role));
  const canChange = APPROVER_ROLES.includes(org.role);
  return (
    <section aria-labelledby="price-book-heading" className="flex flex-col gap-4">
      <h1 id="price-book-heading" className="text-2xl font-semibold">
        {org.name}: price book
      </h1>
      <p className="text-sm text-slate-700">
        Your organisation&apos;s own prices and planning figures. Every assessment uses them where it enters no value of its own, and each figure says it came from the organisation price book. Leave a field blank to use the catalog price or
        Freehold&apos;s stated default shown beside it.
      </p>
      <p className="text-sm text-slate-800">{book ? `Version ${book.version}, set by ${book.updatedByName} on ${book.updatedAt.slice(0, 10)}.` : "Nothing set yet: every assessment runs on catalog prices and stated defaults."}</p>
      <PriceBookForm slug={slug} version={version} values={values} rows={rows} hints={catalogPriceHints(rows, new Date().toISOString().slice(0, 10))} canChange={canChange} />
      <section aria-labelledby="price-book-history" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="price-book-history" className="mb-2 text-lg font-semibold">
          Changes
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-700">No changes yet.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {history.map((h) => {
              const d = h.detail as { toVersion?: number; changes?: { field: string; from: string; to: string }[] };
              return (
                <li key={h.id}>
                  <strong>{h.actorName}</strong>, {h.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC, version {d.toVersion}:{" "}
                  {(d.changes ?? []).map((c) => `${c.field} ${c.from} → ${c.to}`).join("; ")}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </section>
  );
}
