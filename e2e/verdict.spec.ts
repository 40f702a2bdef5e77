import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";
import { getTemplate, ZAssessmentInputs } from "../lib/domain/assessment";
import { buildReport, walkAwayText } from "../lib/domain/report";

// Issue 11: an analyst sets a residency constraint and sees today's API excluded with its reason,
// then reads the leverage page. Numbers on the page are the engine's, formatted the same way.

const TEMPLATE = "ticket-triage";

async function createFromTemplate(page: import("@playwright/test").Page, title: string): Promise<string> {
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Start from").selectOption(TEMPLATE);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return page.url();
}

test("an analyst restricts processing to the EU and sees today's API excluded, with the reason", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const overview = await createFromTemplate(page, `EU residency ${Date.now()}`);
  await page.goto(`${overview}/economics`);
  const options = page.locator('[data-section="options"]');
  await expect(options.locator('[data-option="incumbent"]')).toHaveAttribute("data-feasible", "yes");

  await page.getByRole("group", { name: "Regions where data may be processed" }).getByLabel("EU", { exact: true }).check();
  await expect(page.getByRole("status").filter({ hasText: /^Saved • version \d+$/ })).toBeVisible({ timeout: 30_000 });

  const incumbent = options.locator('[data-option="incumbent"]');
  await expect(incumbent).toHaveAttribute("data-feasible", "no", { timeout: 30_000 });
  await expect(incumbent).toContainText("Excluded: OpenAI gpt-4o-mini (OpenAI standard project) does not document where it processes data; your data may be processed only in EU.");
  // OpenAI's European residency project processes in the EEA and Switzerland too: excluded, saying so.
  await expect(options.locator('[data-option="incumbent-eu-data-residency"]')).toContainText("including EEA outside the EU, Switzerland, outside the allowed EU");
  // Self-hosting (rented in the EU) still meets the constraint.
  await expect(options.locator('[data-option="self-cloud-on-demand"]')).toHaveAttribute("data-feasible", "yes");
  await expect(options).toContainText("Checked against: data processed only in EU");
  await expectAccessible(page);

  // The recommendation no longer rests on the excluded API: the cheapest validated option that meets
  // the constraint wins (with today's catalog, Llama 3.1 8B on Bedrock's EU inference profile), and the
  // headline says why today's API is out. Expected values come from the engine on the same inputs.
  const t = getTemplate(TEMPLATE)!;
  const inputs = ZAssessmentInputs.parse(t.inputs);
  inputs.economics = { ...inputs.economics, constraints: { ...inputs.economics?.constraints, allowedRegions: ["EU"] } };
  const expected = buildReport({
    assessment: { id: "x", title: "x", description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: new Date().toISOString() },
    inputs,
    options: { monteCarloSamples: 10 },
  });
  const chosen = expected.options.options.find((o) => o.id === expected.options.recommendedOptionId);
  expect(chosen?.isFeasible).toBe(true);
  expect(expected.recommendation.verdict).toMatch(/^go-/);
  expect(expected.recommendation.headline).toMatch(/; today's OpenAI gpt-4o-mini is excluded by data residency\)\.$/);
  await page.goto(`${overview}/recommendation`);
  await expect(page.locator("[data-verdict]")).toHaveAttribute("data-verdict", expected.recommendation.verdict);
  await expect(page.getByText(expected.recommendation.headline, { exact: true })).toBeVisible();
});

test("the leverage page shows the walk-away price, price-rise stress, exit readiness, concentration and deprecation", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const overview = await createFromTemplate(page, `Leverage ${Date.now()}`);
  await page.getByRole("link", { name: "Leverage and exit path" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leverage and exit path" })).toBeVisible();
  expect(page.url()).toBe(`${overview}/leverage`);

  const t = getTemplate(TEMPLATE)!;
  const report = buildReport({
    assessment: { id: "x", title: "x", description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: new Date().toISOString() },
    inputs: ZAssessmentInputs.parse(t.inputs),
    options: { monteCarloSamples: 10 },
  });
  const walk = page.getByRole("list", { name: "Walk-away prices by volume" }).getByRole("listitem");
  await expect(walk).toHaveText(report.leverage.walkAway.map(walkAwayText));
  await expect(page.getByRole("list", { name: "Price-rise stress" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "Exit readiness" })).toBeVisible();
  await expect(page.getByText(report.leverage.exit!.text)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Concentration across your assessments" })).toBeVisible();
  await expect(page.getByText(/of the organisation's assessed AI spend .* goes to OpenAI\./)).toBeVisible();
  await expect(page.getByText(report.leverage.deprecation.openModel)).toBeVisible();
  await expectAccessible(page);
});
