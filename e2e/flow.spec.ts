import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO, openByTitle, SEEDED_SUPPORT } from "./fixtures";

// Issue 14 item 8: moving through an assessment and its review without dead ends or wrong words.

async function as(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email);
  return page;
}

test("an analyst with one organisation lands in it, and every step has Previous and Next in stepper order", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  expect(new URL(page.url()).pathname).toBe("/o/northwind/assessments");
  await openByTitle(page, "northwind", SEEDED_SUPPORT);
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Licence diligence/ }).click();
  const pager = page.getByRole("navigation", { name: "Previous and next step" });
  const expected = [
    ["Licence diligence", "Overview", "Capability validation"],
    ["Capability validation", "Licence diligence", "Infrastructure"],
    ["Infrastructure", "Capability validation", "Adaptation"],
    ["Adaptation", "Infrastructure", "Safety hardening"],
    ["Safety hardening", "Adaptation", "Lifecycle operations"],
    ["Lifecycle operations", "Safety hardening", "Economics"],
    ["Economics", "Lifecycle operations", "Recommendation"],
    ["Recommendation", "Economics", "Leverage"],
  ];
  for (const [heading, prev, next] of expected) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(pager.getByRole("link", { name: `Previous ← ${prev}` })).toBeVisible();
    await pager.getByRole("link", { name: `Next ${next} →` }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leverage and exit path");
  await expect(pager.getByRole("link", { name: /^Next/ })).toHaveCount(0);
  await pager.getByRole("link", { name: "Previous ← Recommendation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recommendation");
  await expectAccessible(page);
});

// The DAL refuses anyone else's withdrawal too (lib/dal/reviews.int.test.ts).
test("only the submitter is offered Withdraw; another editor is not", async ({ page, browser }) => {
  await signIn(page, DEMO.analyst);
  const title = `Withdraw is the submitter's ${Date.now()}`;
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Candidate open-weights model").selectOption("llama-3.3-70b-instruct");
  await page.getByLabel("Incumbent closed API").selectOption("openai-gpt-4o");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const url = page.url();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeVisible();

  const owner = await as(browser, DEMO.owner, "10.251.0.7");
  await owner.goto(url);
  await expect(owner.getByText(/In review/).first()).toBeVisible();
  await expect(owner.getByRole("button", { name: "Approve" }).or(owner.getByRole("button", { name: "Reject" })).first()).toBeVisible();
  await expect(owner.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await owner.context().close();

  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
});
