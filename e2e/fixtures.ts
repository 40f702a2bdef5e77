import { test as base, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "freehold-demo-2026";
export const DEMO = {
  owner: "owner@northwind.example",
  manager: "manager@northwind.example",
  analyst: "analyst@northwind.example",
  viewer: "viewer@northwind.example",
  fabrikamOwner: "owner@fabrikam.example",
};

let ipCounter = 0;
const nextClientIp = () => {
  ipCounter += 1;
  return `10.${(process.pid % 200) + 1}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

/**
 * Each test gets its own client address so the sign-in rate limit (per IP) never spills from one
 * test into another; the rate-limit test picks a fixed one on purpose.
 */
export const test = base.extend<{ uniqueIp: string }>({
  uniqueIp: async ({}, provide) => {
    await provide(nextClientIp());
  },
  context: async ({ context, uniqueIp }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp });
    await provide(context);
  },
});

export { expect };

/** Zero axe violations (WCAG 2.x A/AA) on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.example`;
}

/** The seeded Northwind support-summarisation assessment, which every read-only journey opens. */
export const SEEDED_SUPPORT = "Support summarisation: Llama 3.3 70B vs GPT-4o";

/**
 * Opens an assessment by its exact title through the portfolio's search: by the time later specs
 * run, earlier ones have added enough assessments to push a seeded one off the first page.
 */
export async function openByTitle(page: Page, slug: string, title: string): Promise<void> {
  await page.goto(`/o/${slug}/assessments?q=${encodeURIComponent(title)}`);
  await page.getByRole("link", { name: title, exact: true }).click();
  await page.waitForURL(/\/assessments\/[^/?]+$/);
}

/** A new person signed up in a browser context of their own (and their own client address). */
export async function newAccountPage(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": nextClientIp() } });
  const page = await ctx.newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  return { page, email };
}

/** Creates an organisation from the "Your organisations" page; returns its slug. */
export async function createOrg(page: Page, name: string): Promise<string> {
  await page.getByLabel("Organisation name").fill(name);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.waitForURL(/\/o\/[\w-]+\/assessments$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}
