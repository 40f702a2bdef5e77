"use client";
import { useState } from "react";
import Link from "next/link";
import { authClient } from "@/lib/auth/client";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { safeNext } from "@/lib/safe-next";

type TMode = "sign-in" | "sign-up";
// Mirrors lib/auth/password-policy.ts; the server checks the rest (common and breached passwords).
const PASSWORD_MIN = 12;
type TErrors = Partial<Record<"name" | "email" | "password" | "form", string>>;

function validate(mode: TMode, v: { name: string; email: string; password: string }): TErrors {
  const errors: TErrors = {};
  if (mode === "sign-up" && v.name.trim().length < 2) errors.name = "Enter your name (at least 2 characters).";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = "Enter an email address like name@company.com.";
  if (mode === "sign-up" && [...v.password].length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters (a few unrelated words work well).`;
  if (mode === "sign-in" && v.password.length === 0) errors.password = "Enter your password.";
  return errors;
}

type TAuthError = { status: number; code?: string; message?: string };

function signInMessage(error: TAuthError): string {
  if (error.code === "SSO_REQUIRED" && error.message) return error.message;
  if (error.status === 429) return error.code === "ACCOUNT_RATE_LIMITED" && error.message ? error.message : "Too many sign-in attempts from here. Wait a minute, then try again.";
  if (error.status === 401 || error.status === 403) return "That email and password don't match an account.";
  return error.message ?? "Something went wrong. Try again.";
}

/**
 * Sign-up answers the same for a new and an already registered email (it never signs in), so it
 * does not reveal who has an account. A new account then signs in with the password just chosen;
 * if that fails, the email already had an account with another password.
 */
async function submit(mode: TMode, v: { name: string; email: string; password: string }): Promise<TErrors | null> {
  if (mode === "sign-up") {
    const up = await authClient.signUp.email({ name: v.name.trim(), email: v.email, password: v.password });
    if (up.error) {
      if (up.error.code === "PASSWORD_POLICY") return { password: up.error.message ?? "Choose another password." };
      if (up.error.code === "SSO_REQUIRED") return { form: up.error.message ?? "Sign in with single sign-on." };
      if (up.error.status === 429) return { form: "Too many attempts from here. Wait a minute, then try again." };
      return { form: up.error.message ?? "Something went wrong. Try again." };
    }
  }
  const signIn = await authClient.signIn.email({ email: v.email, password: v.password });
  if (!signIn.error) return null;
  if (mode === "sign-up" && (signIn.error.status === 401 || signIn.error.status === 403)) {
    return { form: "We could not sign you in with these details. If you already have an account with this email, sign in with its password instead." };
  }
  return { form: signInMessage(signIn.error as TAuthError) };
}

export function AuthForm({ mode, next, defaultEmail, ssoError }: { mode: TMode; next: string | null; defaultEmail?: string; ssoError?: string }) {
  const [errors, setErrors] = useState<TErrors>(ssoError ? { form: ssoError } : {});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") };
    const found = validate(mode, values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setPending(true);
    const message = await submit(mode, values);
    setPending(false);
    if (message) {
      setErrors(message);
      return;
    }
    // A full navigation so every server component sees the new session cookie.
    window.location.assign(safeNext(next, "/"));
  }

  // Single sign-on needs only the email: the server finds the organisation's identity provider by
  // its domain and redirects there (a full navigation, since the answer is a redirect chain).
  function onSingleSignOn(event: React.MouseEvent<HTMLButtonElement>) {
    const email = String(new FormData(event.currentTarget.form ?? undefined).get("email") ?? "").trim();
    const found = validate("sign-in", { name: "", email, password: "x" });
    setErrors(found);
    if (found.email) return;
    // An API route that redirects to the identity provider, not a page the router could show.
    const start = new URL("/api/auth/sso/start", window.location.origin);
    start.search = new URLSearchParams({ email, ...(next ? { next: safeNext(next, "/") } : {}) }).toString();
    window.location.assign(start.href);
  }

  const other = mode === "sign-in" ? "/sign-up" : "/sign-in";
  const otherQuery = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {errors.form ? <FormMessage kind="error">{errors.form}</FormMessage> : null}
      {mode === "sign-up" ? <Field label="Name" name="name" autoComplete="name" required error={errors.name} /> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={defaultEmail} error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
        required
        hint={mode === "sign-up" ? "At least 12 characters; spaces and any characters are fine. Common or breached passwords are refused." : undefined}
        error={errors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
      {mode === "sign-in" ? (
        <div className="flex flex-col gap-1 border-t border-slate-200 pt-3">
          <Button type="button" variant="secondary" onClick={onSingleSignOn}>
            Continue with single sign-on
          </Button>
          <p className="text-xs text-slate-700">For organisations that use their identity provider: enter your work email above; no password needed.</p>
        </div>
      ) : null}
      <p className="text-sm text-slate-700">
        {mode === "sign-in" ? "New to Freehold? " : "Already have an account? "}
        <Link className="font-medium text-brand-700 underline" href={`${other}${otherQuery}`}>
          {mode === "sign-in" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </form>
  );
}
