"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { symmetricEncrypt } from "better-auth/crypto";
import { authSecret } from "@/lib/auth/secret";
import { discover, type TOidcEndpoints } from "@/lib/auth/oidc";
import { deleteSsoConnection, getSsoSettings, saveSsoConnection } from "@/lib/dal/sso";
import { issuerProblem, normaliseIssuer, parseDomainList, ZSsoForm } from "@/lib/domain/shared";
import { env } from "@/lib/env";
import { invalid, orgFormAction } from "./safe-action";

// Single sign-on settings (owners). Saving reads the issuer's discovery document first, so a
// typo in the issuer is reported at its field instead of at the next person's sign-in.

const OWNER_ONLY = "Only an owner can configure single sign-on.";

export const saveSsoAction = orgFormAction({ name: "saveSso", args: z.tuple([]), form: ZSsoForm, roles: ["owner"], forbidden: OWNER_ONLY }, async ({ org, ...actor }, form) => {
  const issuer = normaliseIssuer(form.issuer);
  const issuerError = issuerProblem(issuer, { allowLoopbackHttp: env().FREEHOLD_SSO_LOOPBACK_HTTP === "on" });
  if (issuerError) return invalid({ issuer: issuerError });
  const parsed = parseDomainList(form.domains);
  if ("problem" in parsed) return invalid({ domains: parsed.problem });
  const secret = form.clientSecret?.trim() ?? "";
  if (!secret && !(await getSsoSettings(actor.userId, org.slug))) return invalid({ clientSecret: "Enter the client secret your identity provider gave Freehold." });
  let endpoints: TOidcEndpoints;
  try {
    endpoints = await discover(issuer);
  } catch (e) {
    return invalid({ issuer: e instanceof Error ? e.message : "Could not read the issuer's discovery document." });
  }
  const clientSecretSealed = secret ? await symmetricEncrypt({ key: authSecret(), data: secret }) : null;
  await saveSsoConnection(actor, org.slug, { issuer, clientId: form.clientId, clientSecretSealed, domains: parsed.domains, defaultRole: form.defaultRole, passwordSignInDisabled: form.passwordSignInDisabled === "on", endpoints });
  revalidatePath(`/o/${org.slug}/settings`);
  return { kind: "ok" as const, message: `Saved. People at ${parsed.domains.join(", ")} can now sign in through ${issuer}.` };
});

export const deleteSsoAction = orgFormAction({ name: "deleteSso", args: z.tuple([]), form: z.object({}), roles: ["owner"], forbidden: OWNER_ONLY }, async ({ org, ...actor }) => {
  await deleteSsoConnection(actor, org.slug);
  revalidatePath(`/o/${org.slug}/settings`);
  return { kind: "ok" as const, message: "Single sign-on removed: everyone signs in with a password again." };
});
