"use client";
import { useState } from "react";
import Link from "next/link";
import { authClient } from "@/lib/auth/client";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { safeNext } from "@/lib/safe-next";

type TMode = "sign-in" | "sign-up";
type TErrors = Partial<Record<"name" | "email" | "password" | "form", string>>;

function validate(mode: TMode, v: { name: string; email: string; password: string }): TErrors {
  const errors: TErrors = {};
  if (mode === "sign-up" && v.name.trim().length < 2) errors.name = "Enter your name (at least 2 characters).";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = "Enter an email address like name@company.com.";
  if (mode === "sign-up" && v.password.length < 10) errors.password = "Use at least 10 characters.";
  if (mode === "sign-in" && v.password.length === 0) errors.password = "Enter your password.";
  return errors;
}

export function AuthForm({ mode, next, defaultEmail }: { mode: TMode; next: string | null; defaultEmail?: string }) {
  const [errors, setErrors] = useState<TErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "").trim(), password: String(form.get("password") ?? "") };
    const found = validate(mode, values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setPending(true);
    const result =
      mode === "sign-in"
        ? await authClient.signIn.email({ email: values.email, password: values.password })
        : await authClient.signUp.email({ name: values.name.trim(), email: values.email, password: values.password });
    setPending(false);
    if (result.error) {
      const status = result.error.status;
      let message = result.error.message ?? "Something went wrong. Try again.";
      if (status === 429) message = "Too many sign-in attempts from here. Wait a minute, then try again.";
      else if (mode === "sign-in" && (status === 401 || status === 403)) message = "That email and password don't match an account.";
      else if (mode === "sign-up" && /exist/i.test(message)) message = "An account with this email already exists. Sign in instead.";
      setErrors({ form: message });
      return;
    }
    // A full navigation so every server component sees the new session cookie.
    window.location.assign(safeNext(next));
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
        hint={mode === "sign-up" ? "At least 10 characters." : undefined}
        error={errors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Please wait…" : mode === "sign-in" ? "Sign in" : "Create account"}
      </Button>
      <p className="text-sm text-slate-700">
        {mode === "sign-in" ? "New to Freehold? " : "Already have an account? "}
        <Link className="font-medium text-brand-700 underline" href={`${other}${otherQuery}`}>
          {mode === "sign-in" ? "Create an account" : "Sign in"}
        </Link>
      </p>
    </form>
  );
}
