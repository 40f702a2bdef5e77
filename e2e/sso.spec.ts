import { spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

// Single sign-on against a real OpenID Provider (the `oidc-provider` package) that this spec starts
// on loopback: e2e/oidc-provider.mjs. Its development login screen accepts any password for the
// login typed (the email), then asks for consent.

const OP_PORT = Number(process.env.E2E_OIDC_PORT ?? 3190);
const ISSUER = `http://127.0.0.1:${OP_PORT}`;
const CLIENT = { id: "freehold-e2e", secret: "e2e-client-secret-0123456789abcdef" };
const DOMAIN = `sso-${Date.now().toString(36)}.example`;

let provider: ChildProcess | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL;
  provider = spawn(process.execPath, ["e2e/oidc-provider.mjs", String(OP_PORT), `${base}/api/auth/sso/callback`], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    provider!.stdout!.on("data", (chunk: Buffer) => (String(chunk).includes("ready") ? resolve() : undefined));
    provider!.on("exit", (code) => reject(new Error(`the OpenID provider exited with ${code}`)));
  });
});

test.afterAll(() => {
  provider?.kill();
});

const setIdTokenMode = async (mode: "normal" | "wrong-audience" | "expired") => expect((await fetch(`${ISSUER}/__test/mode?id_token=${mode}`)).ok).toBe(true);

/** From Freehold's sign-in page through the provider's login and consent screens. */
async function signInThroughProvider(page: Page, email: string, loginAtProvider = email): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await page.waitForURL(`${ISSUER}/**`);
  await expect(page.locator('input[name="login"]')).toHaveValue(email); // the login_hint Freehold sent
  await page.locator('input[name="login"]').fill(loginAtProvider);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("an owner connects an OpenID provider; a person at its domain signs in through it and joins with the default role; password sign-in is off for the domain", async ({ page, browser, baseURL }) => {
  // Someone at the domain already has a password account of their own, outside Northwind.
  const eve = await freshPage(browser, baseURL);
  await eve.goto("/sign-up");
  await eve.getByLabel("Name").fill("Eve");
  await eve.getByLabel("Email").fill(`eve@${DOMAIN}`);
  await eve.getByLabel("Password").fill("a long enough password for eve 42");
  await eve.getByRole("button", { name: "Create account" }).click();
  await eve.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
  await eve.context().close();

  await signIn(page, DEMO.owner);
  await page.goto("/o/northwind/settings");
  const sso = page.getByRole("region", { name: "Single sign-on (OpenID Connect)" });
  await expect(sso).toContainText("Off: everyone signs in with an email and password.");
  await expect(sso).toContainText(`${baseURL}/api/auth/sso/callback`);

  // Bad input is refused at its field, and nothing is saved.
  await sso.getByLabel("Issuer URL").fill("login.example.com");
  await sso.getByLabel("Client id").fill(CLIENT.id);
  await sso.getByLabel("Client secret").fill(CLIENT.secret);
  await sso.getByLabel("Email domains").fill(`${DOMAIN}, https://bad/`);
  await sso.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(sso.getByLabel("Issuer URL")).toHaveAccessibleDescription(/full URL/);
  await sso.getByLabel("Issuer URL").fill(`http://127.0.0.1:${OP_PORT + 1}`);
  await sso.getByLabel("Client secret").fill(CLIENT.secret);
  await sso.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(sso.getByLabel("Email domains")).toHaveAccessibleDescription(/“https:\/\/bad\/” is not a domain name/);
  await sso.getByLabel("Email domains").fill(DOMAIN);
  await sso.getByLabel("Client secret").fill(CLIENT.secret);
  await sso.getByRole("button", { name: "Turn on single sign-on" }).click();
  // Nobody answers on that port: the discovery error is at the issuer field.
  await expect(sso.getByLabel("Issuer URL")).toHaveAccessibleDescription(/Could not read http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration/);

  await sso.getByLabel("Issuer URL").fill(ISSUER);
  await sso.getByLabel("Client secret").fill(CLIENT.secret);
  await sso.getByLabel("Role of a person joining through single sign-on").selectOption("analyst");
  await sso.getByLabel(/Turn off password sign-in/).check();
  await sso.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(sso.getByRole("status")).toContainText(`Saved. People at ${DOMAIN} can now sign in through ${ISSUER}.`);
  await page.reload();
  await expect(sso).toContainText(`On: people at ${DOMAIN} sign in through ${ISSUER} and join as Analyst; password sign-in for these domains is off.`);

  // A new person at the domain: signed in through the provider, lands in the organisation as an analyst.
  const email = `ada@${DOMAIN}`;
  const person = await freshPage(browser, baseURL);
  await signInThroughProvider(person, email);
  await person.waitForURL(/\/o\/northwind\/assessments/);
  await person.goto("/o/northwind/members");
  await expect(person.getByText("You are analyst of Northwind")).toBeVisible();
  // Signing in again reuses the same account and membership.
  await person.context().clearCookies();
  await signInThroughProvider(person, email);
  await person.waitForURL(/\/o\/northwind\/assessments/);

  // Password sign-in and sign-up are refused for the domain, with the reason.
  const other = await freshPage(browser, baseURL);
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(`bob@${DOMAIN}`);
  await other.getByLabel("Password").fill("a long enough password 123");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.locator("form").getByRole("alert")).toContainText(`People at ${DOMAIN} sign in with single sign-on`);

  await other.goto("/sign-up");
  await other.getByLabel("Name").fill("Zed");
  await other.getByLabel("Email").fill(`zed@${DOMAIN}`);
  await other.getByLabel("Password").fill("a long enough password for zed 42");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.locator("form").getByRole("alert")).toContainText(`People at ${DOMAIN} sign in with single sign-on`);

  // An email domain nobody configured is told so.
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill("carol@unconfigured-domain.example");
  await other.getByRole("button", { name: "Continue with single sign-on" }).click();
  await expect(other.locator("form").getByRole("alert")).toContainText("No organisation in Freehold signs in with single sign-on for that email domain");
});

test("an ID token issued for another client, or already expired, signs nobody in; an outside account is not taken over; another domain or an unverified address is refused", async ({ browser, baseURL }) => {
  // The provider vouches for eve, but her existing account is not Northwind's to link.
  const eve = await freshPage(browser, baseURL);
  await signInThroughProvider(eve, `eve@${DOMAIN}`);
  await eve.waitForURL("**/sign-in?**");
  await expect(eve.locator("form").getByRole("alert")).toContainText("An account with this email already exists and is not a member of this organisation.");
  await eve.context().close();

  // Started with an address at the domain, but the provider signs in someone at another domain,
  // or says the address is unverified: refused, each with its reason.
  for (const [login, message] of [
    ["someone@elsewhere.example", "outside the domains this organisation's single sign-on covers"],
    [`unverified-ivy@${DOMAIN}`, "says your email address is not verified"],
  ] as const) {
    const page = await freshPage(browser, baseURL);
    await signInThroughProvider(page, `ivy@${DOMAIN}`, login);
    await page.waitForURL("**/sign-in?**");
    await expect(page.locator("form").getByRole("alert")).toContainText(message);
    await page.context().close();
  }

  for (const [mode, message] of [
    ["wrong-audience", "The identity provider's token was issued for another application, not Freehold; nobody was signed in."],
    ["expired", "The identity provider's token had already expired; nobody was signed in."],
  ] as const) {
    await setIdTokenMode(mode);
    const page = await freshPage(browser, baseURL);
    await signInThroughProvider(page, `mallory-${mode}@${DOMAIN}`);
    await page.waitForURL("**/sign-in?**");
    await expect(page.locator("form").getByRole("alert")).toContainText(message);
    await page.goto("/orgs");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.context().close();
  }
  await setIdTokenMode("normal");
});
