import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { readPdf } from "../lib/pdf/pdf-reader";
import { test, expect, signIn, DEMO, DEMO_PASSWORD } from "./fixtures";

async function assessmentUrls(page: Page, slug: string): Promise<string[]> {
  await page.goto(`/o/${slug}/assessments`);
  const hrefs = await page.locator("table tbody a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => /\/assessments\/[^/]+$/.test(h)))];
}

const PDFJS = path.join(process.cwd(), "node_modules", "pdfjs-dist", "build");
const VIEWER = "/__memo-viewer__";

/**
 * Renders page 1 of a PDF with pdf.js inside the test's Chromium and saves it as a PNG, so the
 * kept picture needs no system tools. The viewer's files are served by a route, never by the app.
 */
async function savePageOnePng(page: Page, pdfPath: string, pngPath: string) {
  await page.route(`**${VIEWER}/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice(VIEWER.length + 1);
    if (file === "memo.pdf") return route.fulfill({ path: pdfPath, contentType: "application/pdf" });
    if (file === "pdf.mjs" || file === "pdf.worker.mjs") return route.fulfill({ path: path.join(PDFJS, file.replace(".mjs", ".min.mjs")), contentType: "text/javascript" });
    return route.fulfill({ body: "<!doctype html><title>memo page 1</title><canvas></canvas>", contentType: "text/html" });
  });
  await page.goto(`${VIEWER}/index.html`);
  await page.evaluate(async (base) => {
    type TPdfJs = typeof import("pdfjs-dist");
    // pdf.js runs its worker code on the page when the worker module is loaded first.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(`${base}/pdf.worker.mjs`);
    const pdfjs: TPdfJs = await import(`${base}/pdf.mjs`);
    const doc = await pdfjs.getDocument(`${base}/memo.pdf`).promise;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.25 });
    const canvas = document.querySelector("canvas") as HTMLCanvasElement;
    canvas.width = viewport.width;
    canvas.height = viewport.height;
    await first.render({ canvas, canvasContext: canvas.getContext("2d") as CanvasRenderingContext2D, viewport }).promise;
  }, VIEWER);
  await page.locator("canvas").screenshot({ path: pngPath });
}

async function signedInPage(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

test("Export PDF shows progress, downloads the memo under its name, and page 1 is kept as a PNG", async ({ page }, testInfo) => {
  await signIn(page, DEMO.owner);
  // The seeded approved assessment, so the cover has real sign-offs to print.
  await page.goto("/o/northwind/assessments?q=Internal+code+assistant");
  await page.locator("table tbody a").first().click();
  await page.waitForURL(/\/assessments\/[^/?]+$/);
  const title = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
  // Hold the response briefly so the progress state is observable however fast the server is.
  await page.route("**/pdf", async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.fulfill({ response });
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PDF" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preparing PDF…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Preparing PDF…" })).toBeDisabled();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Freehold - .+ - v\d+ - \d{4}-\d{2}-\d{2}\.pdf$/);
  expect(file.suggestedFilename()).toContain(title.replace(/[\\/:*?"<>|]+/g, " ").trim());
  const pdfPath = testInfo.outputPath("assessment-memo.pdf");
  await file.saveAs(pdfPath);
  await expect(page.getByRole("button", { name: "Export PDF" })).toBeEnabled();

  const pdf = await readPdf(readFileSync(pdfPath));
  expect(pdf.isTagged).toBe(true);
  expect(pdf.title).toContain(title);
  const text = pdf.text.replace(/\s+/g, " ");
  expect(text).toContain(title);
  expect(text).toContain("Executive summary");
  expect(text).toMatch(/Approved: submission 1 \(version \d+\): Marek Manager/);
  expect(text).toMatch(/Stage signed off: Licence diligence \(version \d+\): Marek Manager/);
  // The charts' axes carry their titles and units.
  for (const axis of ["Tokens per month", "USD per month", "Cumulative USD"]) expect(text).toContain(axis);
  const png = testInfo.outputPath("assessment-memo-page-1.png");
  await savePageOnePng(page, pdfPath, png);
  await testInfo.attach("assessment-memo-page-1.png", { path: png, contentType: "image/png" });
});

test("a failed export says so and the button can be used again", async ({ page }) => {
  await signIn(page, DEMO.owner);
  const [url] = await assessmentUrls(page, "northwind");
  await page.goto(url);
  await page.route("**/pdf", (route) => route.fulfill({ status: 500, contentType: "text/plain", body: "The PDF could not be produced. Try again." }));
  await page.getByRole("button", { name: "Export PDF" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The PDF could not be produced" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export PDF" })).toBeEnabled();
});

test("PDF routes are organisation-scoped: another organisation gets 404, a stranger 401", async ({ page, browser }) => {
  await signIn(page, DEMO.owner);
  const urls = await assessmentUrls(page, "northwind");
  expect(urls.length).toBeGreaterThanOrEqual(2);
  const ids = urls.map((u) => u.split("/").pop() as string);

  const ok = await page.request.get(`/o/northwind/compare/pdf?ids=${ids[0]},${ids[1]}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/pdf");
  expect(ok.headers()["content-disposition"]).toMatch(/^attachment; filename="freehold-comparison-.+\.pdf"; filename\*=UTF-8''/);
  expect((await page.request.get(`/o/northwind/compare/pdf?ids=${ids[0]}`)).status()).toBe(400);

  const fabrikam = await signedInPage(browser, DEMO.fabrikamOwner, "10.252.0.1");
  for (const path of [`/o/northwind/assessments/${ids[0]}/pdf`, `/o/fabrikam/assessments/${ids[0]}/pdf`, `/o/northwind/compare/pdf?ids=${ids[0]},${ids[1]}`, `/o/fabrikam/compare/pdf?ids=${ids[0]},${ids[1]}`]) {
    const res = await fabrikam.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-type"], path).not.toContain("application/pdf");
  }
  await fabrikam.context().close();

  const stranger = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.252.0.2" } });
  const res = await stranger.request.get(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/o/northwind/assessments/${ids[0]}/pdf`);
  expect(res.status()).toBe(401);
  await stranger.close();
});
