// Two people on one stage (issue 14, item 2) and the autosave machine in a real browser (issue 15,
// item 4): edits to different fields merge without a word, the same field asks which value to keep
// (per field, or all of theirs), and nothing typed is lost to a save in flight or to leaving the page
// inside the debounce. The state machine's own cases are unit-tested in lib/wizard/autosave.test.ts;
// this proves the editor, the server action and the database do what the machine assumes.
import type { Browser, BrowserContext, Locator, Page, Request } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";

const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ });
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const conflictPanel = (page: Page) => page.getByRole("alert").filter({ hasText: "Someone else saved this assessment" });

async function expectSaved(page: Page): Promise<number> {
  await expect(saveStatus(page)).toHaveText(/^Saved • version \d+$/, { timeout: 20_000 });
  return Number((await saveStatus(page).textContent())?.match(/\d+$/)?.[0]);
}

/** A new assessment from a template, on its lifecycle stage (the template fills every field: patching 4 h at $85, tooling $250). */
async function lifecycleOfNewAssessment(page: Page, title: string): Promise<string> {
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Start from").selectOption("contract-extraction-eu");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Lifecycle operations/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Lifecycle operations/ })).toBeVisible();
  return page.url();
}

/** The manager, in a browser of their own (own cookies, own client address for the sign-in rate limit), on the same stage. */
async function secondEditor(browser: Browser, url: string, ip: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await context.newPage();
  await signIn(page, DEMO.manager);
  await page.goto(url);
  await expect(field(page, "Patching effort")).toHaveValue("4");
  return { context, page };
}

const isServerAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

test("edits to different fields of one stage from two browsers merge: both survive and no conflict is shown", async ({ page, browser }) => {
  await signIn(page, DEMO.analyst);
  const url = await lifecycleOfNewAssessment(page, `Merge ${Date.now()}`);
  const other = await secondEditor(browser, url, "10.250.3.11");

  await field(page, "Patching effort").fill("11");
  const mine = await expectSaved(page);

  // The manager's page still holds version `mine - 1` and patching 4; they change another field.
  await field(other.page, "Hourly rate").fill("135");
  expect(await expectSaved(other.page)).toBe(mine + 1);
  await expect(conflictPanel(other.page)).toHaveCount(0);
  // Their page took the merged stage: the analyst's value shows without a reload.
  await expect(field(other.page, "Patching effort")).toHaveValue("11");
  await expect(field(other.page, "Hourly rate")).toHaveValue("135");

  await page.reload();
  await expect(field(page, "Patching effort")).toHaveValue("11");
  await expect(field(page, "Hourly rate")).toHaveValue("135");
  await other.context.close();

  // The history names each save's stage and fields, and says which one was merged.
  await page.goto(url.replace(/\/stages\/lifecycle$/, "/history"));
  const audit = page.getByRole("listitem");
  await expect(audit.filter({ hasText: `saved Lifecycle operations: Hourly rate, merged with what others saved since version ${mine - 1}` })).toHaveCount(1);
  await expect(audit.filter({ hasText: /saved Lifecycle operations: Patching effort$/ })).toHaveCount(1);
});

test("the same field changed in two browsers: theirs and mine are shown per field, each choice is saved, and the rest of my changes with it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const url = await lifecycleOfNewAssessment(page, `Conflict per field ${Date.now()}`);
  const other = await secondEditor(browser, url, "10.250.3.12");

  await field(page, "Patching effort").fill("11");
  await field(page, "Hourly rate").fill("135");
  const theirVersion = await expectSaved(page);
  await expect(field(page, "Hourly rate")).toHaveValue("135");

  // Inside one debounce window: one field only the manager changes, two the analyst changed too.
  await field(other.page, "Monitoring tooling").fill("777");
  await field(other.page, "Hourly rate").fill("140");
  await field(other.page, "Patching effort").fill("22");
  const panel = conflictPanel(other.page);
  await expect(panel).toBeVisible({ timeout: 15_000 });
  await expect(saveStatus(other.page)).toHaveText("Not saved: someone else changed this assessment");
  const patching = panel.getByRole("group", { name: "Patching effort" });
  const rate = panel.getByRole("group", { name: "Hourly rate" });
  await expect(patching.getByRole("radio", { name: "Keep theirs: 11" })).toBeVisible();
  await expect(patching.getByRole("radio", { name: "Keep mine: 22" })).toBeVisible();
  await expect(rate.getByRole("radio", { name: "Keep theirs: 135" })).toBeVisible();
  await expect(rate.getByRole("radio", { name: "Keep mine: 140" })).toBeVisible();
  // The field only the manager changed is not asked about, and the form waits for the decision.
  await expect(panel.getByRole("group", { name: "Monitoring tooling" })).toHaveCount(0);
  await expect(panel).toContainText("The rest of your changes do not overlap theirs and are kept with theirs.");
  await expect(field(other.page, "Monitoring tooling")).toBeDisabled();
  await expect(field(other.page, "Monitoring tooling")).toHaveValue("777");
  await expectAccessible(other.page);

  const saveChoices = panel.getByRole("button", { name: "Save my choices" });
  await patching.getByRole("radio", { name: "Keep theirs: 11" }).check();
  await expect(saveChoices).toBeDisabled();
  await rate.getByRole("radio", { name: "Keep mine: 140" }).check();
  await saveChoices.click();
  expect(await expectSaved(other.page)).toBe(theirVersion + 1);
  await expect(panel).toHaveCount(0);
  await expect(field(other.page, "Patching effort")).toHaveValue("11");
  await expect(field(other.page, "Hourly rate")).toHaveValue("140");
  await expect(field(other.page, "Monitoring tooling")).toHaveValue("777");

  await page.reload();
  await expect(field(page, "Patching effort")).toHaveValue("11");
  await expect(field(page, "Hourly rate")).toHaveValue("140");
  await expect(field(page, "Monitoring tooling")).toHaveValue("777");

  // Now the manager's page is ahead; the analyst's page (reloaded, so current) changes the rate the
  // manager just set, after the manager changed it again: keeping all of theirs saves nothing.
  await field(other.page, "Hourly rate").fill("150");
  const latest = await expectSaved(other.page);
  await field(page, "Hourly rate").fill("160");
  await expect(conflictPanel(page)).toBeVisible({ timeout: 15_000 });
  await conflictPanel(page).getByRole("button", { name: "Keep all of theirs" }).click();
  await expect(saveStatus(page)).toHaveText(`Saved • version ${latest}`);
  await expect(field(page, "Hourly rate")).toHaveValue("150");
  await expect(field(page, "Hourly rate")).toBeEnabled();
  await page.reload();
  await expect(field(page, "Hourly rate")).toHaveValue("150");
  await expect(saveStatus(page)).toHaveText(`Saved • version ${latest}`);
  await other.context.close();
});

test("typing while a save is in flight, then leaving inside the debounce window: every keystroke is saved", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const url = await lifecycleOfNewAssessment(page, `In flight ${Date.now()}`);

  // Hold every save's answer for 2 s, so typing lands while the request is out. Count how many
  // saves are out at once: the machine sends one at a time.
  let out = 0;
  let mostOut = 0;
  let sent = 0;
  await page.route(url, async (route) => {
    if (!isServerAction(route.request())) return route.continue();
    sent += 1;
    out += 1;
    mostOut = Math.max(mostOut, out);
    try {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 2_000));
      await route.fulfill({ response });
    } finally {
      out -= 1;
    }
  });

  await field(page, "Patching effort").fill("12");
  await expect(saveStatus(page)).toHaveText("Saving…", { timeout: 5_000 });
  await field(page, "Hourly rate").fill("99");
  await expect(saveStatus(page)).toHaveText("Unsaved changes…");
  const version = await expectSaved(page);
  expect(sent).toBe(2);
  expect(mostOut).toBe(1);
  await page.unroute(url);

  // Leave at once after typing: the change goes out as the page unmounts, and is answered on the
  // next page (waited for here, because a full reload below would cancel the request).
  const leftSave = page.waitForResponse((r) => isServerAction(r.request()));
  await field(page, "Monitoring tooling").fill("321");
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Economics/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Economics/ })).toBeVisible();
  await leftSave;
  await expect(page.getByRole("alert").filter({ hasText: "Some of your changes were not saved" })).toHaveCount(0);
  await page.goto(url);
  await expect(field(page, "Patching effort")).toHaveValue("12");
  await expect(field(page, "Hourly rate")).toHaveValue("99");
  await expect(field(page, "Monitoring tooling")).toHaveValue("321");
  await expect(saveStatus(page)).toHaveText(`Saved • version ${version + 1}`);
});

test("reloading inside the debounce window keeps the change: the page offers it back, and restoring saves it", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  await lifecycleOfNewAssessment(page, `Reloaded ${Date.now()}`);
  // The browser's "leave this page?" prompt (beforeunload, raised while a change is unsaved): leave.
  page.on("dialog", (d) => void d.accept());

  await field(page, "Patching effort").fill("17");
  await page.reload();
  const offer = page.getByRole("alert").filter({ hasText: "not saved when you left it" });
  await expect(offer).toContainText("the page was reloaded or closed before they were saved.");
  // Nothing reached the server: the stored value is still the template's.
  await expect(field(page, "Patching effort")).toHaveValue("4");
  const before = await expectSaved(page);

  await offer.getByRole("button", { name: "Restore my unsaved changes" }).click();
  await expect(field(page, "Patching effort")).toHaveValue("17");
  expect(await expectSaved(page)).toBe(before + 1);
  await page.reload();
  await expect(field(page, "Patching effort")).toHaveValue("17");
  await expect(page.getByRole("button", { name: "Restore my unsaved changes" })).toHaveCount(0);
});
