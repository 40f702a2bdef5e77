import { createHash } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { readPdf } from "../lib/pdf/pdf-reader";
import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";

// Evidence attachments: each test creates its own assessment from a template, so seeded rows and
// other tests' files are never touched.

async function signedInPage(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email);
  return page;
}

async function createFromTemplate(page: Page, title: string): Promise<string> {
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Start from").selectOption("ticket-triage");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

const evidence = (page: Page) => page.getByRole("region", { name: "Evidence files" });
const REVIEW_PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% Licence review signed by counsel, e2e\n");

test("an attachment uploaded to the licence stage is listed and downloadable with its SHA-256, and the memo's appendix prints that hash", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const path = await createFromTemplate(page, `Evidence journey ${Date.now()}`);
  await page.goto(`${path}/stages/licence`);
  const panel = evidence(page);
  await expect(panel).toContainText("No files attached to this stage.");
  await expect(panel.getByLabel("Kind of evidence")).toHaveValue("licence-review");

  const name = `Licence review ${Date.now()}.pdf`;
  const sha256 = createHash("sha256").update(REVIEW_PDF).digest("hex");
  // The browser's claimed type is deliberately wrong: the server reads the bytes, not this.
  await panel.getByLabel("File to attach").setInputFiles({ name, mimeType: "text/html", buffer: REVIEW_PDF });
  await panel.getByRole("button", { name: "Attach file" }).click();
  await expect(panel.getByRole("status")).toContainText(`Attached ${name}`);
  const row = panel.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Signed licence review");
  await expect(row.getByTestId("attachment-sha256")).toHaveText(sha256);
  await expectAccessible(page);

  // The download: the same bytes, as an attachment the browser must not sniff or render.
  const href = (await row.getByRole("link", { name }).getAttribute("href")) ?? "";
  expect(href).toMatch(new RegExp(`^${path}/attachments/[^/]+$`));
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="Licence review \d+\.pdf"; filename\*=UTF-8''/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["x-checksum-sha256"]).toBe(sha256);
  expect(Buffer.from(await download.body()).equals(REVIEW_PDF)).toBe(true);

  // The memo: its appendix lists the file under the licence stage with the full hash.
  const memo = await page.request.get(`${path}/pdf`);
  expect(memo.status()).toBe(200);
  const text = (await readPdf(Buffer.from(await memo.body()))).text.replace(/\s+/g, " ");
  expect(text).toContain("Evidence files");
  expect(text).toContain(name);
  expect(text).toContain(`SHA-256 ${sha256}`);

  // Submitted: the files are locked, and the snapshot records the file with its hash.
  await page.goto(path);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("region", { name: "Review" })).toContainText("In review since");
  await page.goto(`${path}/stages/licence`);
  await expect(evidence(page)).toContainText("This assessment is in review: its files cannot change");
  await expect(evidence(page).getByRole("button", { name: /Attach file|Remove/ })).toHaveCount(0);
  await page.goto(`${path}/history`);
  await page.getByRole("link", { name: "Snapshot 1" }).click();
  const recorded = page.getByRole("region", { name: "Evidence files as submitted" });
  await expect(recorded.getByRole("row", { name: new RegExp(name) })).toContainText(sha256);
  await expectAccessible(page);
  const snapshotUrl = page.url();

  // Withdrawn and the file removed from the current evidence: the snapshot still serves it.
  await page.goto(path);
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await page.goto(`${path}/stages/licence`);
  page.once("dialog", (d) => void d.accept());
  await evidence(page).getByRole("button", { name: `Remove ${name}` }).click();
  await expect(evidence(page)).toContainText("No files attached to this stage.");
  await page.goto(snapshotUrl);
  const kept = page.getByRole("region", { name: "Evidence files as submitted" }).getByRole("link", { name });
  const again = await page.request.get((await kept.getAttribute("href")) ?? "");
  expect(again.status()).toBe(200);
  expect(Buffer.from(await again.body()).equals(REVIEW_PDF)).toBe(true);
});

test("a disallowed type is refused with a clear error and nothing is stored", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  const path = await createFromTemplate(page, `Evidence refused ${Date.now()}`);
  await page.goto(`${path}/stages/safety`);
  const panel = evidence(page);
  await expect(panel.getByLabel("Kind of evidence")).toHaveValue("red-team");
  // An HTML page dressed up as a PDF, with the type a browser would claim for a PDF.
  await panel.getByLabel("File to attach").setInputFiles({ name: "findings.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><script>alert(document.cookie)</script>") });
  await panel.getByRole("button", { name: "Attach file" }).click();
  await expect(panel.getByRole("alert")).toHaveText(/Not attached: The file is a web page or SVG image \(HTML\/XML\), which cannot be attached\. Attach PDF, PNG, JPEG/);
  await expect(panel.getByLabel("File to attach")).toHaveAttribute("aria-invalid", "true");
  // A program under an accepted name is refused too.
  await panel.getByLabel("File to attach").setInputFiles({ name: "quote.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("MZ\u0090\u0000\u0003\u0000") });
  await panel.getByRole("button", { name: "Attach file" }).click();
  await expect(panel.getByRole("alert")).toContainText("The file is a program, which cannot be attached.");
  await page.reload();
  await expect(evidence(page)).toContainText("No files attached to this stage.");
});

test("another organisation's owner gets a 404 for the file, by its URL and through their own organisation; a viewer sees it but cannot change it", async ({ page, browser }) => {
  await signIn(page, DEMO.analyst);
  const path = await createFromTemplate(page, `Evidence tenancy ${Date.now()}`);
  await page.goto(`${path}/stages/licence`);
  await evidence(page).getByLabel("File to attach").setInputFiles({ name: "review.pdf", mimeType: "application/pdf", buffer: REVIEW_PDF });
  await evidence(page).getByRole("button", { name: "Attach file" }).click();
  await expect(evidence(page).getByRole("status")).toContainText("Attached review.pdf");
  const href = (await evidence(page).getByRole("link", { name: "review.pdf" }).getAttribute("href")) ?? "";
  const [, assessmentId, fileId] = /\/assessments\/([^/]+)\/attachments\/([^/]+)$/.exec(href) ?? [];
  expect(fileId).toBeTruthy();

  const foreign = await signedInPage(browser, DEMO.fabrikamOwner, "10.250.1.2");
  expect((await foreign.request.get(href)).status()).toBe(404);
  expect((await foreign.request.get(`/o/fabrikam/assessments/${assessmentId}/attachments/${fileId}`)).status()).toBe(404);
  await foreign.context().close();

  const viewer = await signedInPage(browser, DEMO.viewer, "10.250.1.3");
  await viewer.goto(`${path}/stages/licence`);
  await expect(evidence(viewer).getByRole("link", { name: "review.pdf" })).toBeVisible();
  await expect(evidence(viewer).getByRole("button", { name: /Remove|Attach file/ })).toHaveCount(0);
  expect((await viewer.request.get(href)).status()).toBe(200);
  await viewer.context().close();

  // The analyst removes it again; the download is then a 404.
  page.once("dialog", (d) => void d.accept());
  await evidence(page).getByRole("button", { name: "Remove review.pdf" }).click();
  await expect(evidence(page)).toContainText("No files attached to this stage.");
  expect((await page.request.get(href)).status()).toBe(404);
});
