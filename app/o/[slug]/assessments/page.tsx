import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgMember } from "@/lib/auth/guards";
import { listAssessments } from "@/lib/dal/assessments";
import { canEdit } from "@/lib/auth/roles";
import { StatusBadge } from "@/components/assessments/status-badge";
import { CreateAssessmentForm } from "@/components/assessments/create-assessment-form";
import { candidateOptionGroups, incumbentOptionGroups, describeCandidate, describeIncumbent } from "@/lib/domain/catalog-options";
import { formatDateTime } from "@/lib/format";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/templates";

export const metadata: Metadata = { title: "Assessments" };

export default async function AssessmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, org } = await requireOrgMember(slug, `/o/${slug}/assessments`);
  const rows = await listAssessments(user.id, slug);
  const editable = canEdit(org.role);
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="assessments-heading" className="flex flex-col gap-3">
        <h1 id="assessments-heading" className="text-2xl font-semibold">
          {org.name}: assessments
        </h1>
        {rows.length === 0 ? (
          <p className="text-slate-700">No assessments yet.{editable ? " Create the first one below." : ""}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Assessments of {org.name}</caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Title</th>
                  <th scope="col" className="px-4 py-2 font-medium">Candidate</th>
                  <th scope="col" className="px-4 py-2 font-medium">Incumbent</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2 font-medium">Last update</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id} className="border-t border-slate-200">
                    <td className="px-4 py-2">
                      <Link href={`/o/${slug}/assessments/${a.id}`} className="font-medium text-brand-700 underline">
                        {a.title}
                      </Link>
                    </td>
                    <td className="px-4 py-2">{describeCandidate(a.candidateModelId)}</td>
                    <td className="px-4 py-2">{describeIncumbent(a.incumbentApiId)}</td>
                    <td className="px-4 py-2">
                      <StatusBadge status={a.status} />
                    </td>
                    <td className="px-4 py-2 text-slate-700">
                      {formatDateTime(a.updatedAt)} by {a.updatedByName}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {editable ? (
        <section aria-labelledby="create-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="create-heading" className="text-lg font-semibold">
            New assessment
          </h2>
          <CreateAssessmentForm slug={slug} candidates={candidateOptionGroups()} incumbents={incumbentOptionGroups()} templates={ASSESSMENT_TEMPLATES.map((t) => ({ value: t.id, label: t.name }))} />
        </section>
      ) : (
        <p className="text-sm text-slate-700">Your role is viewer: you can read assessments but not create or change them.</p>
      )}
    </div>
  );
}
