// A tiny HTTP client for the suites that drive Freehold without a browser (durability, replicas):
// sign in through better-auth, read an assessment through its JSON export, and save a stage
// through the real server action (the same POST the wizard makes), all on loopback.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");

/** The id of a server action in the current build, from Next's manifest. */
export function actionId(name: string, distDir = process.env.NEXT_DIST_DIR || ".next"): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`server action ${name} not found in the build (run next build first)`);
  return found[0];
}

export type TSession = { base: string; cookie: string; origin: string; forwardedFor?: string };

function headersFor(s: TSession, extra: Record<string, string> = {}): Record<string, string> {
  // Sent to another replica, the request says (as a load balancer would) which public host it was
  // for; server actions compare that host with the Origin.
  const publicHost = new URL(s.origin).host;
  const proxied: Record<string, string> = new URL(s.base).host !== publicHost ? { "x-forwarded-host": publicHost } : {};
  return { origin: s.origin, cookie: s.cookie, ...(s.forwardedFor ? { "x-forwarded-for": s.forwardedFor } : {}), ...proxied, ...extra };
}

/** Signs in; the session cookie works on any replica that shares the database and secret. */
export async function signInSession(base: string, email: string, password: string, opts: { origin?: string; forwardedFor?: string } = {}): Promise<TSession> {
  const origin = opts.origin ?? base;
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, ...(opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { base, cookie, origin, forwardedFor: opts.forwardedFor };
}

/** The same session sent to another replica. */
export const onReplica = (s: TSession, base: string): TSession => ({ ...s, base });

export async function sessionEmail(s: TSession): Promise<string | null> {
  const res = await fetch(`${s.base}/api/auth/get-session`, { headers: headersFor(s) });
  const body = (await res.json()) as { user?: { email?: string } } | null;
  return body?.user?.email ?? null;
}

export async function signOut(s: TSession): Promise<number> {
  const res = await fetch(`${s.base}/api/auth/sign-out`, { method: "POST", headers: headersFor(s, { "content-type": "application/json" }), body: "{}" });
  return res.status;
}

/** Ids of the assessments listed on an organisation's portfolio page. */
export async function listAssessmentIds(s: TSession, slug: string): Promise<string[]> {
  const res = await fetch(`${s.base}/o/${slug}/assessments`, { headers: headersFor(s) });
  const html = await res.text();
  const ids = [...html.matchAll(new RegExp(`/o/${slug}/assessments/([a-z0-9]{20,})"`, "g"))].map((m) => m[1]!);
  return [...new Set(ids)];
}

export type TStored = { version: number; status: string; inputTokensPerMonth: number | undefined };

/** What the database holds now, through the JSON export route. */
export async function readAssessment(s: TSession, slug: string, id: string): Promise<TStored> {
  const res = await fetch(`${s.base}/o/${slug}/assessments/${id}/export`, { headers: headersFor(s) });
  if (res.status !== 200) throw new Error(`export of ${id}: ${res.status}`);
  const doc = (await res.json()) as { source: { version: number; status: string }; assessment: { inputs: { economics?: { inputTokensPerMonth?: number } } } };
  return { version: doc.source.version, status: doc.source.status, inputTokensPerMonth: doc.assessment.inputs.economics?.inputTokensPerMonth };
}

export type TSave = { kind: "saved"; version: number } | { kind: "conflict"; currentVersion: number } | { kind: "error" | "invalid" | "http"; detail: string };

/**
 * Saves the economics stage's monthly input tokens with saveStageAction, exactly as the wizard
 * does. "saved" is the server's acknowledgement: the write committed before it answered.
 */
export async function saveEconomics(s: TSession, slug: string, id: string, expectedVersion: number, inputTokensPerMonth: number, saveActionId: string): Promise<TSave> {
  const res = await fetch(`${s.base}/o/${slug}/assessments/${id}/economics`, {
    method: "POST",
    headers: headersFor(s, { "next-action": saveActionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }),
    body: JSON.stringify([slug, id, "economics", expectedVersion, { inputTokensPerMonth, outputTokensPerMonth: 1_000_000 }]),
  });
  const text = await res.text();
  if (res.status !== 200) return { kind: "http", detail: `${res.status} ${text.slice(0, 200)}` };
  const saved = text.match(/"kind":"saved","version":(\d+)/);
  if (saved) return { kind: "saved", version: Number(saved[1]) };
  const conflict = text.match(/"kind":"conflict","currentVersion":(\d+)/);
  if (conflict) return { kind: "conflict", currentVersion: Number(conflict[1]) };
  const other = text.match(/"kind":"(error|invalid)"/);
  return { kind: (other?.[1] as "error" | "invalid") ?? "http", detail: text.slice(0, 300) };
}
