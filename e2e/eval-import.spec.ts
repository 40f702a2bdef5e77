import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";

// Issue 14 item 1: an import never silently replaces typed scores, says which model each file is
// for, and counts an lm-eval group once with its own sample count.
const FIXTURES = path.join(__dirname, "..", "lib", "domain", "__fixtures__");

async function newCapabilityStage(page: Page, title: string): Promise<void> {
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Candidate open-weights model").selectOption("llama-3.3-70b-instruct");
  await page.getByLabel("Incumbent closed API").selectOption("openai-gpt-4o");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Capability validation/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Capability validation/ })).toBeVisible();
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ })).toHaveText(/^Saved • version \d+$/, { timeout: 20_000 });

test("a promptfoo import goes to a new workload and asks before replacing typed scores", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await newCapabilityStage(page, `Import keeps typed ${Date.now()}`);
  await page.getByRole("button", { name: "Add workload" }).click();
  const first = page.getByRole("group", { name: "Workload 1" });
  await first.getByLabel("Id", { exact: true }).fill("claims");
  await first.getByLabel("Name", { exact: true }).fill("Claims triage");
  await first.getByLabel("Incumbent score", { exact: true }).fill("0.55");
  await first.getByLabel("Incumbent samples", { exact: true }).fill("20");
  await saved(page);

  await page.getByLabel("Results are for").selectOption("incumbent");
  await page.getByLabel("Evaluation file").setInputFiles(path.join(FIXTURES, "promptfoo-output.json"));
  await expect(page.getByText(/promptfoo file, 2 result/)).toBeVisible();
  // Which model each row is for; the closed API is recognised as the incumbent whatever the picker says.
  const preview = page.getByRole("table", { name: "Imported results and where they go" });
  await expect(preview.getByRole("columnheader", { name: "Model in file" })).toBeVisible();
  await expect(page.getByLabel("Use openai:chat:gpt-4.1-mini as")).toHaveValue("incumbent");
  await expect(page.getByLabel("Use qwen3-32b (self-hosted vLLM) as")).toHaveValue("candidate");
  await expect(page.getByLabel("Workload for openai:chat:gpt-4.1-mini")).toHaveValue("new");
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await saved(page);
  await expect(first.getByLabel("Incumbent score", { exact: true })).toHaveValue("0.55");
  await expect(first.getByLabel("Incumbent samples", { exact: true })).toHaveValue("20");
  await expect(page.getByRole("group", { name: "Workload 2" }).getByLabel("Name", { exact: true })).toHaveValue("promptfoo-output");

  // Pointing the import at the typed workload asks first, and "keep" changes nothing.
  await page.getByLabel("Evaluation file").setInputFiles(path.join(FIXTURES, "promptfoo-output.json"));
  await page.getByLabel("Workload for openai:chat:gpt-4.1-mini").selectOption("claims");
  await page.getByLabel("Use qwen3-32b (self-hosted vLLM) as").selectOption("");
  await page.getByRole("button", { name: "Apply imported results" }).click();
  const confirm = page.getByRole("alertdialog", { name: "This replaces results already entered:" });
  await expect(confirm).toContainText("Claims triage, incumbent: 0.550 over 20 samples becomes");
  await expectAccessible(page);
  await confirm.getByRole("button", { name: "Keep what was entered" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(first.getByLabel("Incumbent score", { exact: true })).toHaveValue("0.55");
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await confirm.getByRole("button", { name: "Replace these results" }).click();
  await saved(page);
  await expect(first.getByLabel("Incumbent score", { exact: true })).not.toHaveValue("0.55");
});

test("an lm-eval group is an aggregate with its own sample count, shows its model, and is not counted twice", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await newCapabilityStage(page, `Import groups ${Date.now()}`);
  await page.getByLabel("Evaluation file").setInputFiles(path.join(FIXTURES, "lm-eval-results-group-counts_2026-03-05T08-00-00.json"));
  const preview = page.getByRole("table", { name: "Imported results and where they go" });
  const groupRow = preview.getByRole("row", { name: /^negotiationtom \(/ });
  await expect(groupRow).toContainText("40 samples, aggregate of 2 subtasks");
  await expect(groupRow).toContainText("Qwen/Qwen3-8B");
  await expect(groupRow).not.toContainText("sample_len");
  // The group is skipped by default; its subtasks are imported.
  await expect(page.getByLabel("Use negotiationtom as", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Use negotiationtom_belief as")).toHaveValue("candidate");
  await page.getByLabel("Use negotiationtom as", { exact: true }).selectOption("candidate");
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not applied: choose the group or its subtasks." })).toContainText("negotiationtom is an aggregate of its subtasks; import either the group or negotiationtom_belief, negotiationtom_intent, not both");
  await page.getByLabel("Use negotiationtom as", { exact: true }).selectOption("");
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await saved(page);
  await expect(page.getByRole("group", { name: "Workload 2" }).getByLabel("Candidate samples", { exact: true })).toHaveValue("30");
  await expect(page.getByRole("group", { name: "Workload 3" })).toHaveCount(0);
});
