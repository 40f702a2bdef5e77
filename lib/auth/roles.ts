// Membership roles and what each may do. Shared by better-auth (member/invitation management)
// and by the data access layer (assessments), so there is one table of permissions.
import { createAccessControl } from "better-auth/plugins/access";

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

const statements = {
  organization: ["update", "delete"],
  member: ["create", "update", "delete"],
  invitation: ["create", "cancel"],
  team: ["create", "update", "delete"],
  ac: ["create", "read", "update", "delete"],
  assessment: ["create", "update", "delete", "approve"],
} as const;

export const accessControl = createAccessControl(statements);

export const roles = {
  owner: accessControl.newRole({
    organization: ["update", "delete"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    assessment: ["create", "update", "delete", "approve"],
  }),
  manager: accessControl.newRole({
    organization: ["update"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    assessment: ["create", "update", "delete", "approve"],
  }),
  analyst: accessControl.newRole({
    assessment: ["create", "update", "delete"],
  }),
  viewer: accessControl.newRole({}),
};

/** Roles allowed to write assessments; used inside Prisma `where` clauses. */
export const EDITOR_ROLES: TRole[] = ["owner", "manager", "analyst"];
export const APPROVER_ROLES: TRole[] = ["owner", "manager"];
export const MEMBER_ADMIN_ROLES: TRole[] = ["owner", "manager"];

export function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

export function canEdit(role: TRole): boolean {
  return EDITOR_ROLES.includes(role);
}

export function canManageMembers(role: TRole): boolean {
  return MEMBER_ADMIN_ROLES.includes(role);
}
