import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyOrganizations } from "@/lib/dal/organizations";
import { Landing } from "@/components/landing/landing";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) {
    // One organisation: straight into it (the list of organisations is for choosing between several).
    const orgs = await listMyOrganizations(user.id);
    redirect(orgs.length === 1 ? `/o/${orgs[0].slug}/assessments` : "/orgs");
  }
  return <Landing />;
}
