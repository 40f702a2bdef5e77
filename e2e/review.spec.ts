import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";

// Review journeys: each test creates its own assessments from a template (seeded rows stay as
// they are) and uses one browser context per person, so nobody has to sign out and back in.

async function signedInPage(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email);
  return page;
}

async function createFromTemplate(page: Page, title: string, templateId = "ticket-triage"): Promise<string> {
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Start from").selectOption(templateId);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return page.url();
}

const review = (page: Page) => page.getByRole("region", { name: "Review" });
const statusBadge = (page: Page) => page.locator("h1 + p");
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** A number field's value: it shows its digits grouped ("10,200,000,000"). */
const numberIn = async (page: Page, label: string) => Number((await field(page, label).inputValue()).replace(/,/g, ""));

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ })).toHaveText(/^Saved • version \d+$/, { timeout: 20_000 });
}

async function submit(page: Page, note: string): Promise<void> {
  await field(page, "Note for the reviewer (optional)").fill(note);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(review(page)).toContainText("In review since");
}

test("submit, reject with a comment, resubmit, approve; an edit after approval is a new draft and the approved snapshot stays", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const url = await createFromTemplate(page, `Review journey ${Date.now()}`);
  await expect(review(page)).toContainText("Draft: not submitted for review yet");
  await submit(page, "First pass, capability from the pilot");
  await expect(review(page)).toContainText("First pass, capability from the pilot");
  await expect(page.getByText("In review: the title, model and API are read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expectAccessible(page);

  // Every stage is read-only while in review, and says why.
  await page.goto(`${url}/stages/infrastructure`);
  await expect(page.getByText(/^In review: this stage is read-only/)).toBeVisible();
  await expect(field(page, "Answer length")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);

  // The manager rejects: the comment is required.
  const manager = await signedInPage(browser, DEMO.manager, "10.252.0.1");
  await manager.goto(url);
  await manager.getByRole("button", { name: "Reject" }).click();
  await expect(manager.getByText("Say why it is rejected: the comment is what the analyst works from.")).toBeVisible();
  await expect(field(manager, "Comment")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(manager);
  await field(manager, "Comment").fill("Answer length is from a 20-sample run; use the full set.");
  await manager.getByRole("button", { name: "Reject" }).click();
  await expect(review(manager)).toContainText("Rejected by Marek Manager");

  // The analyst sees why, edits (a rejected assessment becomes a draft again) and resubmits.
  await page.goto(url);
  await expect(statusBadge(page)).toContainText("Rejected");
  await expect(review(page)).toContainText("Rejected by Marek Manager");
  await expect(review(page)).toContainText("Answer length is from a 20-sample run; use the full set.");
  await page.goto(`${url}/stages/infrastructure`);
  await field(page, "Answer length").fill(String((await numberIn(page, "Answer length")) + 10));
  await expectSaved(page);
  await page.goto(url);
  await expect(review(page)).toContainText("Draft: changed since the last submission");
  await expect(review(page)).toContainText("use the full set.");
  await submit(page, "Full evaluation set");

  await manager.goto(url);
  await field(manager, "Comment").fill("Good to go.");
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(review(manager)).toContainText(/Approved by Marek Manager on .* — snapshot 2 \(version 2\)\./);
  await expect(review(manager)).toContainText("Good to go.");
  await manager.context().close();

  // An edit after approval: the working copy is a draft; the approved snapshot keeps the old value.
  await page.goto(`${url}/economics`);
  const tokens = field(page, "Input tokens");
  const before = String(await numberIn(page, "Input tokens"));
  const after = String(Number(before) * 2);
  // History and snapshots show a value as the form's words would: grouped digits.
  const grouped = (raw: string) => Number(raw).toLocaleString("en-US");
  await tokens.fill(after);
  await expectSaved(page);
  await page.goto(url);
  await expect(statusBadge(page)).toContainText("Draft");
  await expect(review(page)).toContainText("Approved version: snapshot 2 (version 2)");
  await review(page).getByRole("link", { name: "view it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Snapshot 2 (version 2)" })).toBeVisible();
  await expect(page.getByText("This is the approved version.")).toBeVisible();
  await page.getByText(/^Economics \(\d+ inputs?\)$/).click();
  const frozen = page.locator('[data-path="economics.inputTokensPerMonth"]');
  await expect(frozen.locator("dt")).toHaveText("Input tokens");
  await expect(frozen.locator("dd")).toHaveText(grouped(before));
  for (const name of ["Save", "Approve", "Submit for review"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expectAccessible(page);

  // History: by default the approved snapshot against the working copy.
  await page.getByRole("link", { name: "Compare with the current working copy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History and versions" })).toBeVisible();
  const changed = page.locator('tr[data-path="economics.inputTokensPerMonth"]');
  await expect(changed.getByRole("rowheader")).toHaveText("Input tokens");
  await expect(changed).toContainText(grouped(before));
  await expect(changed).toContainText(grouped(after));
  await expect(page.getByRole("table").filter({ has: changed })).toContainText("Economics");
  await expect(page.locator('tr[data-figure="Key figures.economics.apiUsdPerMonth"] td').last()).toHaveText(/^\+\$[\d,.]+ \/month$/);
  // The audit log quotes the notes and the comments.
  const audit = page.getByRole("region", { name: "Audit log" });
  await expect(audit).toContainText("rejected it (snapshot 1): “Answer length is from a 20-sample run; use the full set.”");
  await expect(audit).toContainText("approved it (snapshot 2): “Good to go.”");
  await expect(audit).toContainText("submitted it for review (snapshot 2, version 2): “Full evaluation set”");
  await expectAccessible(page);

  // The same version on both sides: no differences.
  await page.getByLabel("From", { exact: true }).selectOption({ label: "Snapshot 2 (version 2)" });
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Snapshot 2 (version 2)" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByText("No differences: Snapshot 2 (version 2) and Snapshot 2 (version 2)")).toBeVisible();
  await page.getByLabel("From", { exact: true }).selectOption({ label: "Snapshot 1 (version 1)" });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.locator('tr[data-path="infrastructure.sizing.outputTokensPerRequest"]')).toBeVisible();
});

test("an analyst has no approve control, and a replayed approve action from the analyst is refused", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.analyst);
  const url = await createFromTemplate(page, `Review roles ${Date.now()}`);
  await submit(page, "");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reject" })).toHaveCount(0);

  // Capture the approve request the manager's browser sends, without letting it through.
  const manager = await signedInPage(browser, DEMO.manager, "10.252.0.2");
  await manager.goto(url);
  let captured: { headers: Record<string, string>; body: string } | undefined;
  await manager.route(url, async (route) => {
    const req = route.request();
    if (req.method() === "POST") {
      captured = { headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect.poll(() => captured).toBeTruthy();
  await manager.context().close();

  const res = await page.request.post(url, {
    headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component" },
    data: captured!.body,
  });
  const text = await res.text();
  expect(text).toContain("Only an owner or a manager can approve or reject an assessment.");
  expect(text).not.toContain("Approved.");
  await page.reload();
  await expect(statusBadge(page)).toContainText("In review");

  // The submitter can take it back.
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(review(page)).toContainText(/Draft: the last submission, snapshot 1 \(version 1\), was withdrawn by Ana Analyst on /);
  await expect(page.getByRole("button", { name: "Rename" })).toBeVisible();
});

test("a stage sign-off shows to everyone and goes out of date when the stage changes", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.manager);
  const url = await createFromTemplate(page, `Sign-off ${Date.now()}`, "contract-extraction-eu");
  await page.goto(`${url}/stages/licence`);
  const panel = page.getByRole("region", { name: "Stage sign-off" });
  await expect(panel).toContainText("Not signed off yet.");
  await field(page, "Sign-off note (optional)").fill("Counsel read clause 2.");
  await page.getByRole("button", { name: "Sign off this stage" }).click();
  await expect(panel).toContainText(/Signed off by Marek Manager on .*: Counsel read clause 2\./);
  await expect(panel).not.toContainText("Out of date");
  await expectAccessible(page);

  const analyst = await signedInPage(browser, DEMO.analyst, "10.252.0.3");
  await analyst.goto(`${url}/stages/licence`);
  await expect(analyst.getByRole("region", { name: "Stage sign-off" })).toContainText("Signed off by Marek Manager");
  await expect(analyst.getByRole("button", { name: "Sign off this stage" })).toHaveCount(0);
  await field(analyst, "Monthly active users").fill(String((await numberIn(analyst, "Monthly active users")) + 1));
  await expectSaved(analyst);
  await expect(analyst.getByRole("region", { name: "Stage sign-off" })).toContainText("Out of date — the stage changed since.");
  await analyst.goto(`${url}/stages/capability`);
  await expect(analyst.getByRole("region", { name: "Stage sign-off" })).toContainText("Not signed off yet.");
  await analyst.context().close();

  await page.reload();
  await expect(panel).toContainText("Out of date — the stage changed since.");

  // A stage with nothing entered cannot be signed off: the server says so.
  await page.goto("/o/northwind/assessments");
  const blank = `Blank sign-off ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(blank);
  await page.getByLabel("Candidate open-weights model").selectOption("llama-3.1-8b");
  await page.getByLabel("Incumbent closed API").selectOption("openai-gpt-4o-mini");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: blank, level: 1 })).toBeVisible();
  await page.goto(`${page.url()}/stages/licence`);
  await page.getByRole("button", { name: "Sign off this stage" }).click();
  await expect(page.getByText("Licence diligence has no inputs yet: there is nothing to sign off.")).toBeVisible();
});

test("history and snapshot pages of another organisation, or an unknown snapshot, are a 404", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.analyst);
  const url = await createFromTemplate(page, `Review tenancy ${Date.now()}`);
  await submit(page, "");
  await page.goto(`${url}/history`);
  const snapshotUrl = new URL((await page.getByRole("link", { name: "Snapshot 1" }).getAttribute("href"))!, page.url()).pathname;
  for (const bad of [`${url}/history/not-a-snapshot`, `${url}/history?from=not-a-snapshot&to=current`]) {
    expect((await page.goto(bad))?.status(), bad).toBe(404);
  }

  const outsider = await signedInPage(browser, DEMO.fabrikamOwner, "10.252.0.4");
  const historyPath = new URL(url).pathname + "/history";
  for (const path of [historyPath, snapshotUrl, historyPath.replace("/o/northwind/", "/o/fabrikam/"), snapshotUrl.replace("/o/northwind/", "/o/fabrikam/")]) {
    const res = await outsider.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  await outsider.context().close();
});
