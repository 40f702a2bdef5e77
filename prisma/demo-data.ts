// The demo organisation that a fresh install starts with. Documented in the README; the e2e
// suite signs in with these accounts.
import type { TRole } from "@/lib/domain/shared";

export const DEMO_PASSWORD = "freehold-demo-2026";

export const DEMO_ORG = { name: "Northwind Support", slug: "northwind" };
export const SECOND_ORG = { name: "Fabrikam Legal", slug: "fabrikam" };

export const DEMO_USERS: { email: string; name: string; role: TRole }[] = [
  { email: "owner@northwind.example", name: "Olivia Owner", role: "owner" },
  { email: "manager@northwind.example", name: "Marek Manager", role: "manager" },
  { email: "analyst@northwind.example", name: "Ana Analyst", role: "analyst" },
  { email: "viewer@northwind.example", name: "Victor Viewer", role: "viewer" },
];

/** Fabrikam is a second tenant: the owner of Northwind is an analyst there (to show switching). */
export const SECOND_ORG_USERS: { email: string; name: string; role: TRole }[] = [
  { email: "owner@fabrikam.example", name: "Fatima Owner", role: "owner" },
  { email: "owner@northwind.example", name: "Olivia Owner", role: "analyst" },
];
