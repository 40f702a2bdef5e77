// Issue 17, attacked as a security tester would (loopback only). Each test failed before the fix.
import fs from "node:fs";
import { test, expect, expectAccessible, signIn, DEMO, DEMO_PASSWORD, uniqueEmail, openByTitle, SEEDED_SUPPORT } from "./fixtures";
import { freshPgliteUrl, prepareDatabase, runServerExpectingExit, startServer, type TServer } from "./spawn-server";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second server with no trusted proxies: what a deployment without TRUSTED_PROXIES gets. */
const UNTRUSTED_PORT = E2E_PORT + 50;

const EXPECTED_HEADERS: Record<string, RegExp> = {
  "content-security-policy": /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'.*frame-ancestors 'none'/,
  "x-frame-options": /^DENY$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "x-content-type-options": /^nosniff$/,
  "permissions-policy": /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
};

test.describe("security headers", () => {
  test("pages, route handlers and the API carry them; HSTS only over HTTPS", async ({ request }) => {
    for (const path of ["/sign-in", "/api/health", "/o/northwind/assessments"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      for (const [name, pattern] of Object.entries(EXPECTED_HEADERS)) expect(res.headers()[name], `${name} on ${path}`).toMatch(pattern);
      expect(res.headers()["strict-transport-security"], `no HSTS over plain HTTP on ${path}`).toBeUndefined();
      expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Each response gets its own nonce.
    const [a, b] = [await request.get("/sign-in"), await request.get("/sign-in")];
    expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
    // Behind a trusted proxy that terminated TLS (the e2e server trusts loopback): HSTS.
    const tls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers()["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    expect(tls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("build assets carry nosniff and DENY too", async ({ page, request }) => {
    await page.goto("/sign-in");
    const src = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  });

  test("another origin cannot frame the signed-in portfolio", async ({ page }) => {
    await signIn(page, DEMO.owner);
    // A page on another origin (about:blank with our frame inside is cross-origin to us).
    await page.setContent(`<iframe id="victim" src="http://127.0.0.1:${E2E_PORT}/o/northwind/assessments" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const shown = frame ? await frame.getByText("Northwind Support: assessments").count().catch(() => 0) : 0;
    expect(shown, "the framed portfolio must not render").toBe(0);
  });

  test("no CSP violations on pages with charts, forms and inline styles", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`));
    });
    await signIn(page, DEMO.owner);
    await openByTitle(page, "northwind", SEEDED_SUPPORT);
    await page.waitForURL(/\/assessments\/[a-z0-9]{20,}$/);
    const base = page.url();
    await page.goto(`${base}/economics`);
    await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
    await page.goto(`${base}/stages/infrastructure`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto(`${base}/history`);
    await page.goto("/o/northwind/compare");
    expect(violations).toEqual([]);
  });
});

test("the benchmark's floor pages are a 404 when the benchmark did not start the server, signed in or not", async ({ page, request }) => {
  const floors = ["/bench-floor", "/bench-floor/signed-in", "/bench-floor/memo?slug=northwind&id=anything"];
  for (const path of floors) expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  await signIn(page, DEMO.owner);
  for (const path of floors) expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
});

test.describe("open redirect after sign-in (issue 17 item 5)", () => {
  for (const next of ["/%09/evil.example/phish", "/%0A/evil.example", "/%0D/evil.example", "%2F%2Fevil.example", "/%5Cevil.example"]) {
    test(`next=${next} stays on this site`, async ({ page }) => {
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(DEMO.viewer);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).host).toBe(`127.0.0.1:${E2E_PORT}`);
      // Signed in, the page itself redirects on the server: never a 500, never off-site.
      const res = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(res.status()).toBeLessThan(500);
      if (res.status() >= 300) expect(res.headers()["location"]).toMatch(/^\/(?!\/)/);
    });
  }
});

test.describe("sign-up does not reveal registered emails; passwords follow ASVS V2.1", () => {
  test("same answer and similar time for a registered and a new email", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const attempt = async (email: string, i: number) => {
      const started = Date.now();
      const res = await request.post("/api/auth/sign-up/email", {
        headers: { origin, "x-forwarded-for": `10.251.${i}.${(i * 7) % 250}` },
        data: { name: "Probe", email, password: `a quiet river bend ${i}` },
      });
      const body = await res.json();
      return { status: res.status(), ms: Date.now() - started, keys: Object.keys(body).sort().join(","), token: body.token, session: res.headers()["set-cookie"] ?? "" };
    };
    const existing = [];
    const fresh = [];
    for (let i = 0; i < 6; i++) {
      existing.push(await attempt(DEMO.analyst, i));
      fresh.push(await attempt(uniqueEmail("probe"), 100 + i));
    }
    for (const r of [...existing, ...fresh]) {
      expect(r.status).toBe(200);
      expect(r.keys).toBe("token,user");
      expect(r.token).toBeNull();
      expect(r.session).not.toContain("session_token");
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [mExisting, mFresh] = [median(existing.map((r) => r.ms)), median(fresh.map((r) => r.ms))];
    console.log(`sign-up median: registered ${mExisting} ms, new ${mFresh} ms`);
    expect(Math.abs(mExisting - mFresh)).toBeLessThan(60);
  });

  test("weak passwords are refused at the field; a passphrase with spaces works", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Pat Passphrase");
    await page.getByLabel("Email").fill(uniqueEmail("pat"));
    await page.getByLabel("Password").fill("aaaaaaaaaa");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 12 characters (a few unrelated words work well).")).toBeVisible();
    await page.getByLabel("Password").fill("password1234");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/list of common or breached passwords/)).toBeVisible();
    await page.getByLabel("Password").fill("välj en lång fras 🚲");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  });

  test("signing up with a registered email and another password does not sign in", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Mallory");
    await page.getByLabel("Email").fill(DEMO.manager);
    await page.getByLabel("Password").fill("mallory takes over now");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(/If you already have an account with this email, sign in with its password instead/)).toBeVisible();
    expect((await page.context().cookies()).some((c) => c.name.includes("session_token"))).toBe(false);
  });
});

test.describe("per-account sign-in limit", () => {
  test("a fresh address per attempt does not buy more guesses at one account", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const email = uniqueEmail("target");
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request.post("/api/auth/sign-in/email", { headers: { origin, "x-forwarded-for": `10.252.${i}.1` }, data: { email, password: `guess number ${i}` } });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

test.describe("request bodies", () => {
  test("over the limit: 413 with a message, not 500", async ({ request }) => {
    const big = "x".repeat(11 * 1024 * 1024);
    for (const [path, headers] of [
      ["/api/auth/sign-in/email", { "content-type": "application/json" }],
      ["/o/northwind/assessments", { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(42) }],
    ] as const) {
      const res = await request.post(path, { headers, data: big });
      expect(res.status(), path).toBe(413);
      expect((await res.json()).message).toMatch(/too large.*limit is 10 MB/);
    }
  });

  test("empty and malformed bodies are 4xx, not 500", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    for (const data of ["", "{", "[]", "null"]) {
      const res = await request.post("/api/auth/sign-in/email", { headers: { origin, "content-type": "application/json", "x-forwarded-for": "10.253.0.1" }, data });
      expect(res.status(), JSON.stringify(data)).toBeGreaterThanOrEqual(400);
      expect(res.status(), JSON.stringify(data)).toBeLessThan(500);
    }
  });

  test("a body without a Content-Length is refused (411), so none escapes the limit", async ({ baseURL }) => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const res = await fetch(`${baseURL}/o/northwind/assessments`, { method: "POST", body, headers: { "next-action": "0".repeat(42) }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(411);
  });

  test("an import file over the limit is explained in the form", async ({ page }) => {
    await signIn(page, DEMO.analyst);
    await page.goto("/o/northwind/assessments");
    await page.getByText(/Import assessment/).first().click();
    await page.locator("#import-file").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(1_500_000, " ") });
    await page.getByRole("button", { name: "Import assessment" }).click();
    await expect(page.getByText(/The file is too large/)).toBeVisible();
  });
});

test.describe("separation of duties", () => {
  test("only an owner sets the review policy; others see it read-only", async ({ page }) => {
    await signIn(page, DEMO.manager);
    await page.goto("/o/northwind/settings");
    await expect(page.getByRole("heading", { name: "Northwind Support: settings" })).toBeVisible();
    await expect(page.getByText("Only an owner can change this.")).toBeVisible();
    await expect(page.getByLabel(/Someone other than the submitter/)).toBeChecked();
    await expect(page.getByLabel(/Someone other than the submitter/)).toBeDisabled();
    await expectAccessible(page);
  });
});

test.describe("without TRUSTED_PROXIES", () => {
  let server: TServer;
  let dir: string;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    const db = freshPgliteUrl("freehold-untrusted-");
    dir = db.dir;
    prepareDatabase(db.url);
    server = await startServer({ port: UNTRUSTED_PORT, databaseUrl: db.url });
  });

  test.afterAll(async () => {
    await server?.stop("SIGTERM");
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("a fresh X-Forwarded-For per attempt neither bypasses the sign-in limit nor picks a bucket", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, "x-forwarded-for": `198.51.100.${i + 1}`, "x-freehold-client-ip": `203.0.113.${i + 1}`, "x-real-ip": `192.0.2.${i + 1}` },
        body: JSON.stringify({ email: `nobody${i}@attack.example`, password: "not the password" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  test("a second server on the same PGlite directory exits at start naming the holder", async () => {
    const held = `pglite:${dir}/pglite`;
    const result = await runServerExpectingExit({ port: UNTRUSTED_PORT + 1, databaseUrl: held });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`in use by process ${server.child.pid}`));
  });
});
