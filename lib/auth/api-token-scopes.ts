import { z } from "zod";
import { APPROVER_ROLES, EDITOR_ROLES, type TRole } from "@/lib/domain/shared";

// What an API token may do. A token acts as the member who created it, capped by its scopes: the
// scope decides which calls it may make at all, and the creator's current role (checked by the DAL
// in every query) decides whether the call succeeds. Pure, so the settings form can use it too.

export const API_TOKEN_SCOPES = ["read", "write", "review"] as const;
export type TApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
export const ZApiTokenScope = z.enum(API_TOKEN_SCOPES);

export const API_SCOPE_LABEL: Record<TApiTokenScope, string> = {
  read: "read: list, read, export, download PDFs and the BOM, compare",
  write: "write: create, update stage inputs, import",
  review: "review: submit for review",
};

/** Who may create and revoke tokens of an organisation. */
export const API_TOKEN_ADMIN_ROLES: readonly TRole[] = APPROVER_ROLES;

/** Roles that a scope's calls need (the DAL enforces the same rule in its queries). */
export const SCOPE_ROLES: Record<TApiTokenScope, readonly TRole[]> = {
  read: ["owner", "manager", "analyst", "viewer"],
  write: EDITOR_ROLES,
  review: EDITOR_ROLES,
};

/** Longest a token may live, so a forgotten one ends by itself. */
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_NAME_MAX = 80;

/** The secret's visible start: "fh_" and 6 characters, enough to tell tokens apart in a list. */
export const API_TOKEN_PREFIX_LENGTH = 9;
