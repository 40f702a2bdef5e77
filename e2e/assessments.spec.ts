import { test, expect, expectAccessible, signIn, DEMO, openByTitle, SEEDED_SUPPORT } from "./fixtures";

test("an analyst creates, renames and deletes an assessment", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/assessments");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByText("Give the assessment a title of at least 3 characters.")).toBeVisible();
  await expect(page.getByText("Choose a candidate model from the list.")).toBeVisible();
  await expectAccessible(page);

  const title = `Claims triage ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Candidate open-weights model").selectOption("llama-3.3-70b-instruct");
  await page.getByLabel("Incumbent closed API").selectOption("openai-gpt-4o");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("Version 1")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title").fill(`${title} (renamed)`);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: `${title} (renamed)`, level: 1 })).toBeVisible();
  await expect(page.getByText("Ana Analyst saved changes")).toBeVisible();

  // The candidate model and the incumbent API can be changed later; the licence follows the model.
  await page.getByLabel("Candidate model", { exact: true }).selectOption("llama-3.1-8b");
  await page.getByLabel("Incumbent API", { exact: true }).selectOption("openai-gpt-4o-mini");
  await page.getByRole("button", { name: "Change model and API" }).click();
  await expect(page.getByText("Model and API saved as version 3; every stage now uses them.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Candidate model", { exact: true })).toHaveValue("llama-3.1-8b");
  await expect(page.getByLabel("Incumbent API", { exact: true })).toHaveValue("openai-gpt-4o-mini");
  await expect(page.getByText(/candidateModelId: “.*” → “llama-3.1-8b”/)).toBeVisible();
  await expectAccessible(page);

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete assessment" }).click();
  await page.waitForURL("**/o/northwind/assessments");
  await expect(page.getByRole("link", { name: `${title} (renamed)` })).toHaveCount(0);
});

test("a stale rename from a second tab is refused with a conflict message", async ({ page, context }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/o/northwind/assessments");
  await page.getByRole("link", { name: "Ticket triage: Llama 3.1 8B vs GPT-4o mini" }).click();
  await page.waitForURL(/\/assessments\/[^/]+$/);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await page.getByLabel("Title").fill("Ticket triage: Llama 3.1 8B vs GPT-4o mini (v2)");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(/Saved as version/)).toBeVisible();
  await other.getByLabel("Title").fill("Ticket triage, other tab");
  await other.getByRole("button", { name: "Rename" }).click();
  await expect(other.getByText(/Someone else saved this assessment/)).toBeVisible();
  await other.reload();
  await expect(other.getByRole("heading", { name: "Ticket triage: Llama 3.1 8B vs GPT-4o mini (v2)", level: 1 })).toBeVisible();
});

test("a viewer sees assessments read-only", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/o/northwind/assessments");
  await expect(page.getByText("Your role is viewer: you can read assessments but not create or change them.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create assessment" })).toHaveCount(0);
  await openByTitle(page, "northwind", SEEDED_SUPPORT);
  await expect(page.getByText("Your role is viewer: this assessment is read-only for you.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete assessment" })).toHaveCount(0);
  await expectAccessible(page);
});
