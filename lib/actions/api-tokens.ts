"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/lib/dal/api-tokens";
import { API_TOKEN_ADMIN_ROLES, API_TOKEN_MAX_DAYS, API_TOKEN_NAME_MAX, API_TOKEN_SCOPES, ZApiTokenScope } from "@/lib/auth/api-token-scopes";
import { zText } from "@/lib/domain/shared";
import { invalid, orgFormAction, ZId } from "./safe-action";

// API tokens from the organisation's settings page. The secret comes back once, in the action's
// result; only its hash is stored.

const DAY_MS = 86_400_000;

const ZCreateToken = z.object({
  name: zText({ trim: true, min: 1, max: API_TOKEN_NAME_MAX, tooShort: "Name the token after what uses it (e.g. “CI pipeline”).", tooLong: `Keep the name under ${API_TOKEN_NAME_MAX} characters.` }),
  // Checkboxes: each ticked scope arrives as "on"; the wrapper keeps the first value per name.
  ...Object.fromEntries(API_TOKEN_SCOPES.map((s) => [`scope_${s}`, z.literal("on").optional()])),
  expiresInDays: z.coerce
    .number("Enter how many days the token stays valid.")
    .int("Enter a whole number of days.")
    .min(1, "A token must stay valid for at least 1 day.")
    .max(API_TOKEN_MAX_DAYS, `A token may stay valid for at most ${API_TOKEN_MAX_DAYS} days; create a new one when it ends.`),
});

export const createApiTokenAction = orgFormAction(
  { name: "createApiToken", args: z.tuple([]), form: ZCreateToken, roles: API_TOKEN_ADMIN_ROLES, forbidden: "Only an owner or a manager can create API tokens." },
  async ({ org, ...actor }, form) => {
    const ticked = form as Record<string, unknown>;
    const scopes = API_TOKEN_SCOPES.filter((s) => ticked[`scope_${s}`] === "on").map((s) => ZApiTokenScope.parse(s));
    if (scopes.length === 0) return invalid({ scopes: "Choose at least one scope." });
    const expiresAt = new Date(Date.now() + form.expiresInDays * DAY_MS);
    const created = await createApiToken(actor, org.slug, { name: form.name, scopes, expiresAt });
    revalidatePath(`/o/${org.slug}/settings`);
    return { kind: "ok" as const, id: created.id, name: form.name, secret: created.secret, expiresAt: expiresAt.toISOString() };
  },
);

export const revokeApiTokenAction = orgFormAction(
  { name: "revokeApiToken", args: z.tuple([ZId]), form: z.object({}), roles: API_TOKEN_ADMIN_ROLES, forbidden: "Only an owner or a manager can revoke API tokens." },
  async ({ org, ...actor }, _form, id) => {
    await revokeApiToken(actor, org.slug, id);
    revalidatePath(`/o/${org.slug}/settings`);
    return { kind: "ok" as const, message: "Revoked: the token no longer works." };
  },
);
