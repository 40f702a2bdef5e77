// better-auth's access-control table for the organization plugin, built from the domain's roles
// (lib/domain/shared/roles.ts), so there is one list of roles and what each may do.
import { createAccessControl } from "better-auth/plugins/access";

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
