// Membership roles and what each may do, in words and as lists the data access layer puts into
// its queries (lib/dal/members.ts enforces who may change whose role).

export const ROLES = ["owner", "manager", "analyst", "viewer"] as const;
export type TRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<TRole, string> = {
  owner: "Owner",
  manager: "Manager",
  analyst: "Analyst",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<TRole, string> = {
  owner: "Everything, including deleting the organisation",
  manager: "Manage members, approve assessments, edit",
  analyst: "Create and edit assessments",
  viewer: "Read only",
};

/** Roles allowed to write assessments; used inside Prisma `where` clauses. */
export const EDITOR_ROLES: readonly TRole[] = ["owner", "manager", "analyst"];
export const APPROVER_ROLES: readonly TRole[] = ["owner", "manager"];
export const MEMBER_ADMIN_ROLES: readonly TRole[] = ["owner", "manager"];

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function canEdit(role: TRole): boolean {
  return EDITOR_ROLES.includes(role);
}

export function canManageMembers(role: TRole): boolean {
  return MEMBER_ADMIN_ROLES.includes(role);
}

/** Owners and managers manage members, but only an owner grants, removes or changes the owner role. */
export function canChangeRole(actor: TRole, from: TRole, to: TRole): boolean {
  if (!canManageMembers(actor)) return false;
  return actor === "owner" || (from !== "owner" && to !== "owner");
}
