// Issue 10: an analyst finds the cheapest serving layout for a 70B model, pins the tensor-parallel
// degree, imports a vLLM benchmark run for that layout, and sees the measured figure replace the
// estimate in economics and in the PDF memo.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { readPdf } from "../lib/pdf/pdf-reader";
import { test, expect, signIn, DEMO } from "./fixtures";

const VLLM_FILE = path.join(__dirname, "..", "lib", "domain", "__fixtures__", "serving", "vllm-bench-serve-llama-3.1-70b-h100-tp8-c100-detailed.json");
const VLLM_NAME = path.basename(VLLM_FILE);

const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ });
const expectSaved = (page: Page) => expect(saveStatus(page)).toHaveText(/^Saved • version \d+$/, { timeout: 30_000 });
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function goToStep(page: Page, name: RegExp): Promise<void> {
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("find the cheapest layout for a 70B model, pin TP, import a vLLM run, see it replace the estimate", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.analyst);
  const title = `Serving layout ${Date.now()}`;
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Start from").selectOption("support-summarisation");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  await goToStep(page, /Infrastructure/);
  const layouts = page.getByRole("table", { name: "Serving layouts" });
  await expect(layouts.locator("tr[data-chosen]")).toHaveCount(1);

  // Find the cheapest: every priced GPU, nothing pinned.
  await page.getByRole("button", { name: "Find the cheapest layout" }).click();
  await expectSaved(page);
  await expect(field(page, "Search")).toHaveValue("all-gpus");
  await expect(page.getByText(/Every GPU with a price; \d+ layouts enumerated/)).toBeVisible();
  await expect(layouts.locator("tr[data-chosen]")).toContainText("Chosen:");
  await expect(page.getByTestId("binding-constraint")).toContainText("Replicas are set by");
  // The alternatives say why they lost.
  await expect(layouts.locator("tbody tr").nth(1)).toContainText(/costs|Cannot serve it/);

  // Pin the layout the benchmark ran on: H100, tensor-parallel 8, BF16 weights.
  await field(page, "Search").selectOption("this-gpu");
  await field(page, "GPU").selectOption("h100-sxm-80gb");
  await field(page, "Tensor-parallel degree").selectOption("8");
  await field(page, "Weight precision").selectOption("bf16");
  await expectSaved(page);
  const chosen = layouts.locator("tr[data-chosen]");
  await expect(chosen).toContainText("TP8");
  await expect(chosen).toContainText("BF16 weights");
  await expect(chosen).not.toContainText("(measured)");

  // Import the vLLM result: the layout defaults to the chosen one.
  await field(page, "Benchmark result file").setInputFiles(VLLM_FILE);
  await expect(page.getByText(/vLLM bench serve \/ benchmark_serving\.py: .*1,215 output tokens\/s/)).toBeVisible();
  await page.getByRole("button", { name: "Add this measurement" }).click();
  await expectSaved(page);
  await expect(page.locator(`[data-measurement="${VLLM_NAME}"]`)).toContainText("replaces the estimate for the chosen layout");
  await expect(page.getByTestId("measured-vs-estimate")).toContainText(/Measured 1,215 output tokens\/s; estimated [\d,]+; measured ÷ estimated \d\.\d+/);
  await expect(chosen).toContainText("(measured)");
  const measuredFigure = page.locator('[data-figure="measured.outputTokensPerSecond"]');
  await expect(measuredFigure).toContainText("Measured output tokens/s (replaces the estimate)");
  await expect(measuredFigure.locator("[data-value]")).toContainText("1,215");

  // Economics builds the owned cost on the measured throughput.
  await goToStep(page, /Economics/);
  const basis = page.locator('[data-figure="owned.replicaOutputTokensPerSecond"]');
  await expect(basis).toContainText("Output tokens/s per replica (measured)");
  await expect(page.getByText(new RegExp(`Owned capacity from a measured run \\(measured, .*${VLLM_NAME.replace(/\./g, "\\.")}`))).toBeVisible();

  // And the memo says so.
  await page.getByRole("link", { name: title }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export PDF" }).click();
  const file = await download;
  const pdfPath = testInfo.outputPath("serving-memo.pdf");
  await file.saveAs(pdfPath);
  // Read in-process with pdf.js: a fresh machine has no poppler (pdftotext).
  const text = (await readPdf(readFileSync(pdfPath))).flat;
  expect(text).toContain("Serving layout");
  expect(text).toMatch(/TP8, weights BF16/);
  expect(text).toContain("Measured (replaces the estimate)");
  expect(text).toContain("Output tokens/s per replica (measured)");
});
