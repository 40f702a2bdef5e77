import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";
import { upgradeInputs } from "../lib/domain/assessment";
import { buildReport, compareReports, type TComparison } from "../lib/domain/report";
import { getTemplate } from "../lib/domain/assessment";

// The seeded Northwind assessments and the templates they were made from. Titles are matched by
// pattern because another spec renames "Ticket triage…"; the inputs are never changed by specs.
const SEEDED = [
  { templateId: "support-summarisation", title: /Support summarisation: Llama 3\.3 70B vs GPT-4o/ },
  { templateId: "internal-code-assistant", title: /Internal code assistant: Qwen2\.5 72B vs Claude Sonnet 4\.5/ },
  { templateId: "ticket-triage", title: /Ticket triage: Llama 3\.1 8B vs GPT-4o mini/ },
];

async function assessmentId(page: Page, slug: string, title: RegExp): Promise<string> {
  await page.goto(`/o/${slug}/assessments`);
  const href = await page.locator("table").getByRole("link", { name: title }).first().getAttribute("href");
  return (href ?? "").split("/").pop() as string;
}

/** What the engine says, run on the seeded inputs under the real ids: the page must mark the same cells. */
function expectedComparison(ids: string[]): TComparison {
  const reports = SEEDED.map(({ templateId }, i) => {
    const t = getTemplate(templateId)!;
    return buildReport({
      assessment: { id: ids[i], title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: new Date().toISOString() },
      // What getAssessment does to the stored JSON.
      inputs: upgradeInputs(JSON.parse(JSON.stringify(t.inputs))),
    });
  });
  return compareReports(reports);
}

/** Each row of the side-by-side table as the page shows it: which columns say "Best", and the cell texts. */
async function tableOnPage(page: Page) {
  return page.locator("tr[data-row]").evaluateAll((rows) =>
    rows.map((tr) => ({
      key: tr.getAttribute("data-row"),
      differs: tr.hasAttribute("data-differs"),
      best: [...tr.querySelectorAll("td")].flatMap((td, i) => (td.textContent?.includes("Best") ? [i] : [])),
      cells: [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").replace(/Best$/, "").trim()),
    })),
  );
}

async function signedInPage(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email);
  return page;
}

/** Signs in and returns the seeded assessments' ids, the engine's comparison of them and their compare URL. */
async function openSeededComparison(page: Page, email: string) {
  await signIn(page, email);
  const ids: string[] = [];
  for (const s of SEEDED) ids.push(await assessmentId(page, "northwind", s.title));
  return { ids, expected: expectedComparison(ids), url: `/o/northwind/compare?ids=${ids.join(",")}` };
}

// Each test signs in and loads several heavy pages on a busy CI machine; a minute is too tight.
test.describe.configure({ timeout: 180_000 });

test("the side-by-side table marks exactly the cells compareReports marks, filters to differences, and is the same for another member", async ({ page, browser }) => {
  const { ids, expected, url } = await openSeededComparison(page, DEMO.manager);
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Compare assessments/);
  await expect(page.getByRole("heading", { level: 1, name: "Comparing 3 assessments" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Assessments" })).toHaveAttribute("href", "/o/northwind/assessments");
  const headers = page.locator("thead").first().getByRole("columnheader");
  for (const [i, s] of SEEDED.entries()) {
    await expect(headers.nth(i + 1).getByRole("link", { name: s.title })).toHaveAttribute("href", `/o/northwind/assessments/${ids[i]}`);
  }

  // Every row, every cell: the same text and the same "Best" marks as compareReports.
  const shown = await tableOnPage(page);
  expect(shown.map((r) => r.key)).toEqual(expected.rows.map((r) => r.key));
  for (const [i, row] of expected.rows.entries()) {
    expect(shown[i].best, row.key).toEqual(row.cells.flatMap((c, j) => (c.isBest ? [j] : [])));
    expect(shown[i].cells, row.key).toEqual(row.cells.map((c) => c.display));
    expect(shown[i].differs, row.key).toBe(row.differs);
  }
  expect(shown.some((r) => r.best.length > 0)).toBe(true);

  // Only the rows that differ, by a plain link (works without JavaScript).
  await page.getByRole("link", { name: "Show only differences" }).click();
  await page.waitForURL(/only=diff/);
  await expect(page.getByRole("link", { name: "Show only differences" })).toHaveAttribute("aria-current", "true");
  await expect(page.locator("tr[data-row]")).toHaveCount(expected.rows.filter((r) => r.differs).length);
  await expect(page.locator("tr[data-row]:not([data-differs])")).toHaveCount(0);

  // The URL is shareable inside the organisation: a viewer sees the same comparison.
  const viewer = await signedInPage(browser, DEMO.viewer, "10.253.0.1");
  expect((await viewer.goto(url))?.status()).toBe(200);
  expect(await tableOnPage(viewer)).toEqual(shown);
  await viewer.context().close();
});

test("overlaid charts with their tables, licence differences, 768 px, accessibility and the comparison PDF", async ({ page }, testInfo) => {
  const { expected, url } = await openSeededComparison(page, DEMO.analyst);
  await page.goto(url);

  // Both overlaid charts, with their numbers as tables.
  await expect(page.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(2);
  for (const name of ["Monthly cost against monthly token volume", "Cumulative cost over the horizon"]) {
    const figure = page.getByRole("figure", { name });
    await expect(figure).toBeVisible();
    await expect(figure.getByRole("list", { name: `${name}: legend` }).getByRole("listitem")).toHaveText(["A API", "A owned", "B API", "B owned", "C API", "C owned"]);
    await figure.getByText("Show the numbers as a table").click();
    await expect(figure.getByRole("columnheader", { name: "C owned (USD", exact: false })).toBeVisible();
    expect(await figure.locator("tbody tr").count()).toBeGreaterThan(10);
  }
  await expect(page.getByRole("figure", { name: "Cumulative cost over the horizon" })).toContainText("C: owning does not break even within 36 months.");
  await expect(page.locator(".recharts-reference-dot").first()).toBeVisible();

  // Licence findings that differ, one row each, with severities.
  const licence = page.getByRole("region", { name: /Licence findings that differ/ });
  expect(expected.licenceFindingDiffs.length).toBeGreaterThan(0);
  await expect(licence.locator("tbody tr")).toHaveCount(expected.licenceFindingDiffs.length);
  await expectAccessible(page);

  // 768 px wide: nothing but the tables' own scroll areas is wider than the screen.
  await page.setViewportSize({ width: 768, height: 1000 });
  await page.goto(url);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  const shot = testInfo.outputPath("compare-768px.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("compare-768px", { path: shot, contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The comparison PDF downloads.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export comparison PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Freehold - comparison - .+ vs .+\.pdf$/);
  const pdfPath = testInfo.outputPath("comparison.pdf");
  await file.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("choosing assessments: the picker, keyboard only, and the count limits", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/compare");
  await expect(page.getByRole("heading", { level: 1, name: "Compare assessments" })).toBeVisible();
  await expectAccessible(page);
  const group = page.getByRole("group", { name: /Assessments to compare/ });
  await group.getByRole("checkbox", { name: SEEDED[0].title }).focus();
  await page.keyboard.press("Space");
  await group.getByRole("checkbox", { name: SEEDED[1].title }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Compare selected" }).focus();
  await page.keyboard.press("Enter");
  // The form sends ?ids=a&ids=b; the page settles on the shareable ?ids=a,b.
  await page.waitForURL(/\/compare\?ids=[^&]+,[^&]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Comparing 2 assessments" })).toBeVisible();

  const ids = new URL(page.url()).searchParams.get("ids")!.split(",");
  const one = await page.goto(`/o/northwind/compare?ids=${ids[0]}`);
  expect(one?.status()).toBe(200);
  await expect(page.getByText("You chose 1 assessment. Choose 2 to 4 different assessments")).toBeVisible();
  await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(1);
  // The same id twice is one assessment, not a comparison.
  await page.goto(`/o/northwind/compare?ids=${ids[0]},${ids[0]}`);
  await expect(page.getByText("You chose 1 assessment.")).toBeVisible();
});

test("another organisation's ids are a 404 wherever they appear in a compare URL", async ({ page, browser }) => {
  await signIn(page, DEMO.manager);
  const nw = [await assessmentId(page, "northwind", SEEDED[0].title), await assessmentId(page, "northwind", SEEDED[1].title)];
  const fabrikam = await signedInPage(browser, DEMO.fabrikamOwner, "10.253.0.2");
  const fab = await assessmentId(fabrikam, "fabrikam", /^Contract clause extraction/);

  for (const path of [`/o/northwind/compare?ids=${nw.join(",")}`, `/o/fabrikam/compare?ids=${nw.join(",")}`]) {
    const res = await fabrikam.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(fabrikam.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(fabrikam.getByText("Support summarisation")).toHaveCount(0);
  }
  await fabrikam.context().close();

  for (const path of [`/o/northwind/compare?ids=${nw[0]},${fab}`, `/o/northwind/compare?ids=${nw[0]}&ids=${fab}`, `/o/northwind/compare?ids=${fab}`, `/o/northwind/compare?ids=${nw[0]},${nw[1]},not-an-id`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
});
