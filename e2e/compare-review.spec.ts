import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";
import { readPdf } from "../lib/pdf/pdf-reader";

// Issue 14 item 3: the compare page and its PDF say which columns are drafts and which were approved,
// by whom; "Best" marks only a row that has one best value.
const TITLES = [/Support summarisation: Llama 3\.3 70B vs GPT-4o/, /Internal code assistant: Qwen2\.5 72B vs Claude Sonnet 4\.5/, /Ticket triage: Llama 3\.1 8B vs GPT-4o mini/];

test.describe.configure({ timeout: 180_000 });

test("compare shows each column's review status and sign-offs, on the page and on the PDF cover", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  const ids: string[] = [];
  for (const title of TITLES) {
    await page.goto("/o/northwind/assessments");
    const href = await page.locator("table").getByRole("link", { name: title }).first().getAttribute("href");
    ids.push((href ?? "").split("/").pop() as string);
  }
  await page.goto(`/o/northwind/compare?ids=${ids.join(",")}`);
  const compared = page.getByRole("list", { name: "Assessments compared" }).getByRole("listitem");
  await expect(compared.nth(0)).toContainText("Draft");
  await expect(compared.nth(0)).toContainText("Sign-offs: none recorded");
  // The seeded demo: the code assistant was submitted by the analyst and approved by the manager.
  await expect(compared.nth(1)).toContainText("Approved");
  await expect(compared.nth(1)).toContainText(/Sign-offs: .*Approved: submission 1 \(version \d+\), Marek Manager/);
  const headers = page.locator("thead th[scope=col]");
  await expect(headers.nth(2).locator("[data-review-status]")).toHaveText(/Approved\s*2 sign-offs$/);
  await expect(headers.nth(1).locator("[data-review-status]")).toHaveText(/Draft\s*no sign-offs$/);

  // Two different "Pass" results are not one best: the capability row marks nothing.
  await expect(page.locator('tr[data-row="stage.capability"] td[data-best]')).toHaveCount(0);
  await expect(page.locator('tr[data-row="stage.economics"] td[data-best]')).toHaveCount(1);
  await expectAccessible(page);

  const res = await page.request.get(`/o/northwind/compare/pdf?ids=${ids.join(",")}`);
  expect(res.status()).toBe(200);
  const pdf = await readPdf(Buffer.from(await res.body()));
  const plain = pdf.text.replace(/\s+/g, " ");
  expect(plain).toMatch(/B\. Internal code assistant.*?\(version \d+, Approved\)/);
  // The approval and the licence stage sign-off, each with who and when.
  expect(plain).toMatch(/Sign-offs: .*Approved: submission 1 \(version \d+\): Marek Manager/);
  expect(plain).toMatch(/Stage signed off: Licence diligence \(version \d+\): Marek Manager/);
  expect(plain).toMatch(/A\. Support summarisation.*?\(version \d+, Draft\)/);
  expect(plain).not.toContain("Sign-offs: none recorded. ");
});
