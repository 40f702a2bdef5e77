import { test, expect, expectAccessible, uniqueEmail } from "./fixtures";
import { buildReport } from "../lib/domain/report";
import { getTemplate } from "../lib/domain/assessment";
import { formatUsdAmount, STAGE_KEYS, STAGE_TITLES } from "../lib/domain/shared";

// Issue 14 item 9: the signed-out home page says what Freehold answers, lists the six stages and shows
// a worked example's figures from the engine; a new organisation is guided to its first assessment.

test("the landing page shows the question, the six stages and the engine's demo figures", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Should we run an open-weights model ourselves, or stay on the closed API?");
  const stages = page.getByRole("region", { name: "Six stages, then the economics" }).getByRole("listitem");
  await expect(stages).toHaveCount(STAGE_KEYS.length);
  for (const [i, key] of STAGE_KEYS.entries()) await expect(stages.nth(i)).toContainText(`${i + 1}. ${STAGE_TITLES[key]}`);

  const t = getTemplate("support-summarisation")!;
  const r = buildReport({
    assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: new Date(0).toISOString() },
    inputs: t.inputs,
    options: { monteCarloSamples: 2000 },
  });
  const demo = page.getByRole("region", { name: "A worked example, computed live" });
  await expect(demo).toContainText(`${formatUsdAmount(r.keyFigures.monthlyApiCostUsd!)} a month`);
  await expect(demo).toContainText(`${formatUsdAmount(r.keyFigures.monthlyOwnedCostUsd!)} a month`);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a new organisation is guided to its first assessment", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Gus Guided");
  await page.getByLabel("Email").fill(uniqueEmail("guided"));
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Organisation name").fill(`Guided ${Date.now()}`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  const guide = page.getByRole("region", { name: "Your first assessment, in four steps" });
  await expect(guide).toBeVisible();
  await expect(guide.getByRole("listitem")).toHaveCount(4);
  await expectAccessible(page);
  await guide.getByRole("link", { name: "New assessment" }).click();
  await page.getByLabel("Start from").selectOption("support-summarisation");
  await page.getByLabel("Title", { exact: true }).fill("Our first assessment");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: "Our first assessment", level: 1 })).toBeVisible();
});
