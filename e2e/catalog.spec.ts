import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";
import { catalogAge, CATALOG_STALE_AFTER_DAYS, getApiPrice, GPU_CLOUD_PRICES, incumbentLabel } from "../lib/domain/catalog";

// Issue 12 item 3: every catalog figure says how old it is, and sources older than 180 days are
// flagged on screen. The ticket-triage template's incumbent (gpt-4o mini) is priced from a row dated
// 2025-07-04, so its source is stale today; the expected age is computed the way the product does.
// The pickers that offer catalog prices (the incumbent API, the infrastructure cloud price) say each
// row's date and mark the stale ones too.

test("catalog sources show their age and the stale ones are flagged", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/assessments");
  const today = new Date().toISOString().slice(0, 10);
  const price = getApiPrice("openai-gpt-4o-mini")!;
  const age = catalogAge(price.asOf, today);
  expect(age.isStale).toBe(true);
  // The picker that offers the price says its date and that it is stale, before anyone picks it.
  const incumbentOption = page.getByLabel("Incumbent closed API").locator('option[value="openai-gpt-4o-mini"]');
  await expect(incumbentOption).toHaveText(incumbentLabel(price, today));
  await expect(incumbentOption).toContainText(`as of ${price.asOf}, stale: older than ${CATALOG_STALE_AFTER_DAYS} days`);
  await page.getByLabel("Start from").selectOption("ticket-triage");
  const title = `Catalog ages ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const assessmentUrl = page.url();
  await page.goto(`${assessmentUrl}/economics`);

  const summary = page.locator("summary", { hasText: /^Sources \(\d+; \d+ older than 180 days\)$/ });
  await expect(summary).toBeVisible();
  await summary.click();
  const apiSource = page.locator("li", { hasText: "API price: OpenAI gpt-4o-mini" }).filter({ hasText: price.provenance.sourceUrls[0] });
  await expect(apiSource).toContainText(`${age.label}`);
  await expect(apiSource.getByTestId("stale-flag")).toHaveText(`Stale: older than ${CATALOG_STALE_AFTER_DAYS} days, re-check`);

  // A fresh source carries its age and no flag (while it is fresh: the expectation follows the date).
  const gpuSource = page.locator("li", { hasText: "GPU price: Cloud on demand: Lambda" }).first();
  await expect(gpuSource).toContainText(/dated \d{4}-\d{2}-\d{2}, (today|\d+ days? old)/);
  const gpuAsOf = (await gpuSource.textContent())!.match(/dated (\d{4}-\d{2}-\d{2})/)![1];
  await expect(gpuSource.getByTestId("stale-flag")).toHaveCount(catalogAge(gpuAsOf, today).isStale ? 1 : 0);
  await expectAccessible(page);

  // The infrastructure stage's cloud price picker: a stale catalog row is marked, a fresh one is not.
  await page.goto(`${assessmentUrl}/stages/infrastructure`);
  const cloudPrice = page.getByLabel("Cloud price", { exact: true });
  const staleRow = GPU_CLOUD_PRICES.find((p) => catalogAge(p.asOf, today).isStale)!;
  await expect(cloudPrice.locator(`option[value="${staleRow.id}"]`)).toContainText(`as of ${staleRow.asOf}, stale: older than ${CATALOG_STALE_AFTER_DAYS} days`);
  const freshRow = GPU_CLOUD_PRICES.find((p) => !catalogAge(p.asOf, today).isStale);
  if (freshRow) {
    await expect(cloudPrice.locator(`option[value="${freshRow.id}"]`)).toContainText(`as of ${freshRow.asOf}`);
    await expect(cloudPrice.locator(`option[value="${freshRow.id}"]`)).not.toContainText("stale");
  }
});
