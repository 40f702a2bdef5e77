import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "@/lib/dal/errors";
import { getOrgContext } from "@/lib/dal/organizations";
import { logServerError } from "@/lib/log";
import { MAX_VERSION, type TActor, type TOrgContext, type TRole } from "@/lib/domain/shared";
import type { TActionFailure } from "./result";

// The one wrapper every server action goes through. A server action is a public endpoint: its
// arguments (bound ones included) and its FormData are untrusted, so the wrapper validates them
// with the action's schemas first, then finds the caller, then (for /o/[slug] actions) the caller's
// membership and role in the organisation the slug names. Every expected failure comes back as
// data (TActionFailure); anything else is logged and answered with a generic message. A handler
// that wants to navigate returns redirectTo(url): redirect() then runs outside the try/catch.

export type TCaller = TActor & { email: string };
export type TOrgCaller = TCaller & { org: TOrgContext };

const REDIRECT = Symbol("redirect");
export type TRedirect = { readonly [REDIRECT]: string };
export const redirectTo = (url: string): TRedirect => ({ [REDIRECT]: url });
const isRedirect = (v: unknown): v is TRedirect => typeof v === "object" && v !== null && REDIRECT in v;

export const ZSlug = z.string().min(1).max(80).regex(/^[\w-]+$/);
export const ZId = z.string().min(1).max(64);

const VERSION_MISSING = "The form is missing its version; reload the page.";
/** A form's hidden version field: a positive integer the database's version column can hold. */
export const ZFormVersion = z.coerce.number(VERSION_MISSING).int().positive(VERSION_MISSING).max(MAX_VERSION, VERSION_MISSING);

export const MESSAGES = {
  outOfDate: "The page is out of date; reload it.",
  signedOut: "You are signed out. Sign in again; nothing was changed.",
  notFound: "This no longer exists, or you are not a member of its organisation.",
  failed: "Something went wrong; nothing was changed. Try again.",
};

type TResult<R> = Exclude<R, TRedirect> | TActionFailure;
type TParsed<A, F> = { slug?: string; args: A; form?: F; values?: Record<string, string> } | TActionFailure;

export const fail = (code: "forbidden" | "not-found" | "failed", message: string): TActionFailure => ({ kind: "error", code, message });
export const invalid = (errors: Record<string, string>): TActionFailure => ({ kind: "invalid", message: Object.values(errors)[0] ?? "Check the highlighted fields.", errors });

/** Zod issues as one message per field path ("form" when the issue is about the whole input). */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.map(String).join(".") || "form"] ??= issue.message;
  return errors;
}

function fromError(name: string, e: unknown): TActionFailure {
  if (e instanceof InputError) return invalid(e.fields);
  if (e instanceof ConflictError) return { kind: "conflict", message: e.message, currentVersion: e.currentVersion };
  if (e instanceof ForbiddenError) return fail("forbidden", e.message);
  if (e instanceof NotFoundError) return fail("not-found", MESSAGES.notFound);
  void logServerError(e, `action ${name}`);
  return fail("failed", MESSAGES.failed);
}

async function execute<A, F, R>(name: string, roles: readonly TRole[] | "user", forbidden: string | undefined, parse: () => TParsed<A, F>, run: (caller: TOrgCaller, parsed: { args: A; form?: F }) => Promise<R | TRedirect>): Promise<TResult<R>> {
  let outcome: R | TRedirect | TActionFailure;
  let values: Record<string, string> | undefined;
  try {
    const parsed = parse();
    if ("kind" in parsed) return parsed;
    values = parsed.values;
    const user = await getCurrentUser();
    if (!user) return { kind: "error", code: "signed-out", message: MESSAGES.signedOut };
    const caller = { userId: user.id, userName: user.name, email: user.email };
    // User-level actions get no organisation; their handlers must not read one.
    const org = roles === "user" ? (undefined as unknown as TOrgContext) : await getOrgContext(user.id, parsed.slug ?? "");
    if (roles !== "user" && !roles.includes(org.role)) outcome = fail("forbidden", forbidden ?? `Your role in this organisation (${org.role}) cannot do this.`);
    else outcome = await run({ ...caller, org }, parsed);
  } catch (e) {
    outcome = fromError(name, e);
  }
  if (isRedirect(outcome)) redirect(outcome[REDIRECT]);
  const failed = outcome as TActionFailure;
  return (values && typeof failed === "object" && failed !== null && ["invalid", "conflict", "error"].includes(failed.kind) ? { ...failed, values } : outcome) as TResult<R>;
}

// PostgreSQL stores no NUL character in text or JSON; such input is refused here, at the door,
// rather than failing deep inside a transaction as an "unexpected" database error.
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 20 || typeof value !== "object" || value === null) return false;
  if (value instanceof FormData) return [...value.entries()].some(([k, v]) => hasNul(k) || hasNul(v));
  return Object.entries(value).some(([k, v]) => hasNul(k) || hasNul(v, depth + 1));
}
const NUL_MESSAGE = "The input contains a character that cannot be stored (NUL). Remove it and try again.";

function parseArgs<A, P>(schema: z.ZodType<A, P>, raw: unknown[]): { ok: true; args: A } | { ok: false; failure: TActionFailure } {
  if (hasNul(raw)) return { ok: false, failure: invalid({ form: NUL_MESSAGE }) };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, args: r.data };
  // A message the schema wrote itself is for people ("The file is too large…"); zod's own are not.
  const own = r.error.issues.find((i) => !/^(Invalid|Too (big|small)|Expected)/.test(i.message));
  return { ok: false, failure: invalid({ form: own?.message ?? MESSAGES.outOfDate }) };
}

/** FormData as a plain object (first value per name; Next's own $ACTION fields left out). */
function formEntries(formData: unknown): { entries: Record<string, FormDataEntryValue>; values: Record<string, string> } | null {
  if (!(formData instanceof FormData)) return null;
  const entries: Record<string, FormDataEntryValue> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || key in entries) continue;
    entries[key] = value;
    if (typeof value === "string") values[key] = value.slice(0, 10_000);
  }
  return { entries, values };
}

type TDef<A, P> = { name: string; args: z.ZodType<A, P> };
/** `forbidden`: what a member whose role is not in `roles` is told. */
type TOrgDef<A, P> = TDef<A, P> & { roles: readonly TRole[]; forbidden?: string };
type TFormDef<A, P, F> = TDef<A, P> & { form: z.ZodType<F> };

function parseForm<A, P, F>(def: TFormDef<A, P, F>, raw: unknown[], bound: number, slug?: unknown): TParsed<A, F> {
  const s = slug === undefined ? undefined : ZSlug.safeParse(slug);
  const args = parseArgs(def.args, raw.slice(0, bound));
  const form = formEntries(raw[bound + 1]);
  if ((s && !s.success) || !args.ok || !form) return invalid({ form: MESSAGES.outOfDate });
  const nul = Object.keys(form.entries).find((k) => hasNul(k) || hasNul(form.entries[k]));
  if (nul !== undefined) return { ...invalid({ [hasNul(nul) ? "form" : nul]: NUL_MESSAGE }), values: form.values };
  const fields = def.form.safeParse(form.entries);
  if (!fields.success) return { ...invalid(issuesByField(fields.error)), values: form.values };
  return { slug: s?.data, args: args.args, form: fields.data, values: form.values };
}

/** An action of one organisation, called directly: (slug, ...args). */
export function orgAction<A extends unknown[], P extends unknown[], R>(def: TOrgDef<A, P>, handler: (caller: TOrgCaller, ...args: A) => Promise<R | TRedirect>) {
  return (slug: string, ...raw: P): Promise<TResult<R>> =>
    execute(def.name, def.roles, def.forbidden, () => {
      const s = ZSlug.safeParse(slug);
      const args = parseArgs(def.args, raw);
      return !s.success ? invalid({ form: MESSAGES.outOfDate }) : args.ok ? { slug: s.data, args: args.args } : args.failure;
    }, (caller, p) => handler(caller, ...p.args));
}

/** An action of one organisation behind a form: (slug, ...bound, previousState, formData). */
export function orgFormAction<A extends unknown[], P extends unknown[], F, R>(def: TOrgDef<A, P> & TFormDef<A, P, F>, handler: (caller: TOrgCaller, form: F, ...args: A) => Promise<R | TRedirect>) {
  return (slug: string, ...raw: [...P, unknown, FormData]): Promise<TResult<R>> =>
    execute(def.name, def.roles, def.forbidden, () => parseForm(def, raw, raw.length - 2, slug), (caller, p) => handler(caller, p.form as F, ...p.args));
}

/** An action for any signed-in user (no organisation in the URL yet), called directly. */
export function userAction<A extends unknown[], P extends unknown[], R>(def: TDef<A, P>, handler: (caller: TCaller, ...args: A) => Promise<R | TRedirect>) {
  return (...raw: P): Promise<TResult<R>> =>
    execute(def.name, "user", undefined, () => {
      const args = parseArgs(def.args, raw);
      return args.ok ? { args: args.args } : args.failure;
    }, (caller, p) => handler(caller, ...p.args));
}

/** An action for any signed-in user behind a form: (...bound, previousState, formData). */
export function userFormAction<A extends unknown[], P extends unknown[], F, R>(def: TFormDef<A, P, F>, handler: (caller: TCaller, form: F, ...args: A) => Promise<R | TRedirect>) {
  return (...raw: [...P, unknown, FormData]): Promise<TResult<R>> =>
    execute(def.name, "user", undefined, () => parseForm(def, raw, raw.length - 2), (caller, p) => handler(caller, p.form as F, ...p.args));
}
