import { redirect } from "next/navigation";
import { requireOrgMember } from "@/lib/dal/guards";

export default async function OrgIndex({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Check first: a redirect for a foreign slug would confirm that the organisation exists.
  await requireOrgMember(slug, `/o/${slug}`);
  redirect(`/o/${slug}/assessments`);
}
