// What the screens know about people, organisations and memberships: plain data the data access
// layer returns and the components render (never database rows).
import type { TRole } from "./roles";

/** Who did something, as the audit log records it. */
export type TActor = { userId: string; userName: string };
export type TCurrentUser = { id: string; name: string; email: string };

export type TOrgContext = { id: string; name: string; slug: string; role: TRole };
export type TOrgSummary = TOrgContext & { memberCount: number };

export type TMemberRow = { id: string; userId: string; name: string; email: string; role: TRole; joinedAt: Date };
export type TInvitationRow = { id: string; email: string; role: TRole; status: string; expiresAt: Date; inviterName: string };
export type TInvitationPreview = { id: string; email: string; role: string; organizationName: string; inviterName: string; isUsable: boolean };

/** An invitation link works for a week; the inviter can revoke it sooner. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
