import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, signOut, DEMO, openByTitle, SEEDED_SUPPORT } from "./fixtures";
import { ZAssessmentInputs } from "../lib/domain/assessment";
import { STAGE_KEYS, type TStageKey } from "@/lib/domain/shared";
import { SAFETY_CONTROL_IDS } from "../lib/domain/catalog";
import { buildCustomCandidate } from "../lib/domain/catalog";
import { LLAMA_3_1_8B } from "../lib/domain/catalog/hf-config.fixtures";
import { buildReport, type TReport } from "../lib/domain/report";
import { formatFigure } from "../lib/domain/shared/format-figure";

const FIXTURES = path.join(__dirname, "..", "lib", "domain", "__fixtures__");
const STAGE_LINKS: Record<TStageKey, RegExp> = {
  licence: /Licence diligence/,
  capability: /Capability validation/,
  infrastructure: /Infrastructure/,
  adaptation: /Adaptation/,
  safety: /Safety hardening/,
  lifecycle: /Lifecycle operations/,
  economics: /Economics/,
};

const saveStatus = (page: Page) => page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ });

async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText(/^Saved • version \d+$/, { timeout: 20_000 });
}

async function goToStep(page: Page, stage: TStageKey): Promise<void> {
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: STAGE_LINKS[stage] }).click();
  await expect(page.getByRole("heading", { level: 1, name: STAGE_LINKS[stage] })).toBeVisible();
}

const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/** Every figure of the list, as the page shows it, equals the engine's figure formatted the same way. */
async function expectFigures(list: Locator, figures: TReport["stages"][TStageKey]["figures"]): Promise<void> {
  expect(figures.length).toBeGreaterThan(0);
  for (const [i, f] of figures.entries()) {
    await expect(list.locator(`[data-figure-index="${i}"] [data-value]`)).toHaveText(formatFigure(f));
  }
}

async function createAssessment(page: Page, opts: { title: string; templateId?: string; candidate?: string; incumbent?: string }): Promise<string> {
  await page.goto("/o/northwind/assessments");
  if (opts.templateId) await page.getByLabel("Start from").selectOption(opts.templateId);
  await page.getByLabel("Title", { exact: true }).fill(opts.title);
  if (opts.candidate) await page.getByLabel("Candidate open-weights model").selectOption(opts.candidate);
  if (opts.incumbent) await page.getByLabel("Incumbent closed API").selectOption(opts.incumbent);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: opts.title, level: 1 })).toBeVisible();
  return page.url();
}

// What the walk types in, stage by stage, in the stored shape: the engine computes from this.
const WALK_INPUTS = {
  licence: {
    orgFacts: { monthlyActiveUsers: 25000, annualRevenueUsd: 400000000, sector: "finance", principalPlaceOfBusiness: "EU", regions: ["EU"], intendedUses: ["summarisation"], isCommercialUse: true },
  },
  capability: {
    toleranceScore: 0.03,
    workloads: [{ id: "summaries", name: "Support summaries", weight: 1, metric: "accuracy", candidate: { score: 0.81, sampleCount: 400 }, incumbent: { score: 0.83, sampleCount: 400 } }],
  },
  infrastructure: { gpuId: "h100-sxm-80gb", sizing: { promptTokensPerRequest: 8500, outputTokensPerRequest: 350, weightPrecision: "bf16" }, pricing: { mode: "cloudOnDemand", cloudPriceId: "aws-p5-48xlarge-on-demand" } },
  adaptation: { method: "lora", datasetTokens: 20000000 },
  safety: { controls: Object.fromEntries(SAFETY_CONTROL_IDS.map((id) => [id, "in-place"])), costs: { redTeamExercisesPerYear: 2, usdPerRedTeamExercise: 40000 } },
  lifecycle: {
    staffing: [{ role: "ML platform engineer", fte: 2, loadedUsdPerYear: 210000 }],
    refresh: { refreshesPerYear: 2, evalGpuHoursPerRefresh: 200, usdPerGpuHour: 4, evalPersonDaysPerRefresh: 10, usdPerPersonDay: 950 },
    patching: { hoursPerMonth: 10, usdPerHour: 120 },
  },
  economics: { inputTokensPerMonth: 10200000000, outputTokensPerMonth: 420000000, horizonMonths: 36 },
};

test("an analyst walks a new assessment through every stage and sees the engine's own figures", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.analyst);
  const title = `Wizard walk ${Date.now()}`;
  const overviewUrl = await createAssessment(page, { title, candidate: "llama-3.3-70b-instruct", incumbent: "openai-gpt-4o" });
  await expect(page.getByText("Progress: 0 of 7 stages complete")).toBeVisible();

  // 1. Licence
  await goToStep(page, "licence");
  await expectAccessible(page);
  await field(page, "Monthly active users").fill("25000");
  await field(page, "Annual revenue").fill("400000000");
  await field(page, "Sector").selectOption("finance");
  await field(page, "Principal place of business").selectOption("EU");
  await page.getByRole("group", { name: "Regions where the model is used" }).getByLabel("EU", { exact: true }).check();
  await page.getByRole("group", { name: "Intended uses" }).getByLabel("summarisation", { exact: true }).check();
  await field(page, "Commercial use").selectOption("yes");
  await expectSaved(page);
  await expect(page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Licence diligence/ })).toContainText("Complete");

  // Reload mid-way: the inputs come back from the database.
  await page.reload();
  // Stored numbers come back with their digits grouped (issue 14 item 4).
  await expect(field(page, "Monthly active users")).toHaveValue("25,000");
  await expect(field(page, "Sector")).toHaveValue("finance");

  // 2. Capability (typed scores)
  await goToStep(page, "capability");
  await field(page, "Tolerated shortfall").fill("0.03");
  await page.getByRole("button", { name: "Add workload" }).click();
  const row = page.getByRole("group", { name: "Workload 1" });
  await field(row, "Id").fill("summaries");
  await field(row, "Name").fill("Support summaries");
  await field(row, "Weight").fill("1");
  await field(row, "Candidate score").fill("0.81");
  await field(row, "Candidate samples").fill("400");
  await field(row, "Incumbent score").fill("0.83");
  await field(row, "Incumbent samples").fill("400");
  await expectSaved(page);

  // 3. Infrastructure
  await goToStep(page, "infrastructure");
  await field(page, "GPU").selectOption("h100-sxm-80gb");
  await field(page, "Prompt length").fill("8500");
  await field(page, "Answer length").fill("350");
  // Inputs v2: the served weight precision is pinned on this stage, not in adaptation.
  await field(page, "Weight precision").selectOption("bf16");
  await field(page, "Pricing").selectOption("cloudOnDemand");
  await field(page, "Cloud price").selectOption("aws-p5-48xlarge-on-demand");
  await expectSaved(page);

  // 4. Adaptation
  await goToStep(page, "adaptation");
  await field(page, "Method").selectOption("lora");
  await field(page, "Training data").fill("20000000");
  await expectSaved(page);

  // 5. Safety
  await goToStep(page, "safety");
  const controls = page.getByRole("region", { name: "Controls" }).getByRole("combobox");
  await expect(controls.first()).toBeVisible();
  const count = await controls.count();
  expect(count).toBe(SAFETY_CONTROL_IDS.length);
  for (let i = 0; i < count; i += 1) await controls.nth(i).selectOption("in-place");
  await field(page, "Red-team exercises").fill("2");
  await field(page, "Cost per exercise").fill("40000");
  await expectSaved(page);

  // 6. Lifecycle
  await goToStep(page, "lifecycle");
  await page.getByRole("button", { name: "Add role" }).click();
  const role = page.getByRole("group", { name: "Role 1" });
  await field(role, "Role").fill("ML platform engineer");
  await field(role, "FTE").fill("2");
  await field(role, "Loaded cost").fill("210000");
  await field(page, "Refreshes").fill("2");
  await field(page, "Evaluation compute").fill("200");
  await field(page, "Evaluation GPU price").fill("4");
  await field(page, "Evaluation effort").fill("10");
  await field(page, "Day rate").fill("950");
  await field(page, "Patching effort").fill("10");
  await field(page, "Hourly rate").fill("120");
  await expectSaved(page);
  await expectAccessible(page);

  // 7. Economics
  await goToStep(page, "economics");
  await field(page, "Input tokens").fill("10200000000");
  await field(page, "Output tokens").fill("420000000");
  await field(page, "Horizon").fill("36");
  await expectSaved(page);
  await expect(page.getByText("Progress: 7 of 7 stages complete")).toBeVisible();

  // The engine, run on exactly what was typed, agrees with every figure on screen.
  const url = new URL(page.url());
  const id = url.pathname.split("/")[4];
  const report = buildReport({
    assessment: { id, title, description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: new Date().toISOString() },
    inputs: ZAssessmentInputs.parse(WALK_INPUTS),
  });
  await page.reload();
  await expectFigures(page.locator('dl[aria-label="Key figures"]'), report.keyFigures.figures);
  await expectFigures(page.locator('dl[aria-label="Economics figures"]'), report.stages.economics.figures);
  await expect(page.locator(".recharts-wrapper > svg.recharts-surface")).toHaveCount(6);
  for (const name of ["Monthly cost against monthly token volume", /Cumulative cost over 36 months/, "Owned cost by month, broken down", "Sensitivity: what moves the net saving most", "Monte Carlo: monthly saving from owning", "Cumulative cash"]) {
    await expect(page.getByRole("figure", { name })).toBeVisible();
  }
  const pOwned = report.charts.monteCarlo?.probabilityOwnedCheaper;
  expect(pOwned).not.toBeUndefined();
  await expect(page.getByRole("figure", { name: "Monte Carlo: monthly saving from owning" })).toContainText(`P(owned cheaper) = ${((pOwned ?? 0) * 100).toFixed(1)}%`);
  await page.getByRole("figure", { name: "Monthly cost against monthly token volume" }).getByText("Show the numbers as a table").click();
  await expectAccessible(page);
  for (const [name, width] of [["economics-page", 1280], ["economics-page-768px", 768]] as const) {
    await page.setViewportSize({ width, height: 1000 });
    if (width === 768) {
      // The owned-cost breakdown's legend wraps onto several lines here; it must stay above the plot.
      const figure = page.getByRole("figure", { name: "Owned cost by month, broken down" });
      const legend = await figure.getByRole("list", { name: /legend/ }).boundingBox();
      const plot = await figure.locator(".recharts-wrapper").boundingBox();
      expect(legend && plot && legend.y + legend.height <= plot.y).toBe(true);
    }
    const shot = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(name, { path: shot, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  for (const stage of STAGE_KEYS.filter((k) => k !== "economics")) {
    await goToStep(page, stage);
    await expectFigures(page.locator(`dl[aria-label="${report.stages[stage].title} figures"]`), report.stages[stage].figures);
    if (stage === "licence") {
      const quote = report.stages.licence.findings.find((f) => f.quote)?.quote;
      expect(quote).toBeTruthy();
      await expect(page.locator("blockquote", { hasText: quote ?? "" }).first()).toBeVisible();
    }
  }

  // Recommendation: the engine's verdict, reasons ranked.
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: "Recommendation" }).click();
  await expect(page.locator(`[data-verdict="${report.recommendation.verdict}"]`)).toBeVisible();
  await expect(page.getByText(report.recommendation.headline)).toBeVisible();
  await expect(page.getByRole("heading", { name: "What would change the answer" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(overviewUrl);
  await expect(page.getByText("Progress: 7 of 7 stages complete")).toBeVisible();
  await expectAccessible(page);
});

test("from a template: an invalid value is refused at its field and the saved value stays", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  const title = `Template start ${Date.now()}`;
  await createAssessment(page, { title, templateId: "ticket-triage" });
  await expect(page.getByText("Progress: 7 of 7 stages complete")).toBeVisible();
  await goToStep(page, "infrastructure");
  const prompt = field(page, "Prompt length");
  const saved = await prompt.inputValue();
  expect(saved).not.toBe("");
  await prompt.fill("12abc");
  await expect(saveStatus(page)).toHaveText("Not saved: fix the highlighted field", { timeout: 15_000 });
  await expect(page.getByText("Enter a number (digits only, e.g. 1500).")).toBeVisible();
  await expect(prompt).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.reload();
  await expect(field(page, "Prompt length")).toHaveValue(saved);

  // Keyboard only: edit a field, press Enter to save, follow the stepper with Enter.
  await field(page, "Answer length").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("300");
  await page.keyboard.press("Enter");
  await expectSaved(page);
  await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("link", { name: /Adaptation/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Adaptation" })).toBeVisible();
  await goToStep(page, "infrastructure");
  await expect(field(page, "Answer length")).toHaveValue("300");

  // A share typed as a percentage is read as the share; the hint says so; large numbers show grouped.
  await goToStep(page, "economics");
  const cacheable = field(page, "Cacheable share of input tokens");
  await expect(cacheable).toHaveAccessibleDescription(/In fraction 0\.\.1 \(90% is read as 0\.9\)\./);
  await cacheable.fill("90%");
  await expectSaved(page);
  await page.reload();
  await expect(field(page, "Cacheable share of input tokens")).toHaveValue("0.9");
  await expect(field(page, "Input tokens")).toHaveValue(/^\d{1,3}(,\d{3})+$/);

  // Duplicating copies every stage.
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Duplicate assessment" }).click();
  await expect(page.getByRole("heading", { name: `Copy of ${title}`, level: 1 })).toBeVisible();
  await expect(page.getByText("Progress: 7 of 7 stages complete")).toBeVisible();
});

test("a conflicting save from a second browser is detected and can be overwritten knowingly", async ({ page, browser }) => {
  await signIn(page, DEMO.analyst);
  await createAssessment(page, { title: `Conflict ${Date.now()}`, templateId: "contract-extraction-eu" });
  await goToStep(page, "lifecycle");
  const stageUrl = page.url();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.250.1.77" } });
  const page2 = await other.newPage();
  await signIn(page2, DEMO.manager);
  await page2.goto(stageUrl);
  await expect(field(page2, "Patching effort")).toBeVisible();

  await field(page, "Patching effort").fill("11");
  await expectSaved(page);

  await field(page2, "Patching effort").fill("22");
  await expect(page2.getByText(/Someone else saved this assessment/)).toBeVisible({ timeout: 15_000 });
  await expect(saveStatus(page2)).toHaveText("Not saved: someone else changed this assessment");
  await page2.getByRole("button", { name: "Overwrite with my changes" }).click();
  await expectSaved(page2);

  await page.reload();
  await expect(field(page, "Patching effort")).toHaveValue("22");
  await other.close();
});

test("a viewer sees every stage read-only", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await openByTitle(page, "northwind", SEEDED_SUPPORT);
  await goToStep(page, "infrastructure");
  await expect(page.getByText("Your role is viewer: this stage is read-only for you.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(field(page, "Prompt length")).toBeDisabled();
  await expectAccessible(page);
  await goToStep(page, "economics");
  await expect(field(page, "Input tokens")).toBeDisabled();
  await expect(page.locator(".recharts-wrapper > svg.recharts-surface").first()).toBeVisible();
  await goToStep(page, "capability");
  await expect(page.getByLabel("Evaluation file")).toBeDisabled();
});

test("capability imports an lm-evaluation-harness file and a promptfoo file, and explains a malformed one", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await createAssessment(page, { title: `Imports ${Date.now()}`, candidate: "llama-3.3-70b-instruct", incumbent: "openai-gpt-4o" });
  await goToStep(page, "capability");
  const file = page.getByLabel("Evaluation file");

  await file.setInputFiles(path.join(FIXTURES, "lm-eval-results_2026-03-01T12-00-00.json"));
  await expect(page.getByText(/lm-eval-harness file, \d+ result/)).toBeVisible();
  await expect(page.getByRole("cell", { name: /0\.77/ }).first()).toBeVisible();
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await expectSaved(page);
  await expect(field(page.getByRole("group", { name: "Workload 1" }), "Candidate score")).not.toHaveValue("");

  await page.getByLabel("Results are for").selectOption("incumbent");
  await file.setInputFiles(path.join(FIXTURES, "promptfoo-output.json"));
  await expect(page.getByText(/promptfoo file, 2 result/)).toBeVisible();
  await page.getByRole("button", { name: "Apply imported results" }).click();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole("group", { name: /Workload \d+/ }).first()).toBeVisible();
  const candidateScore = await field(page.getByRole("group", { name: "Workload 1" }), "Candidate score").inputValue();
  expect(Number(candidateScore)).toBeGreaterThan(0);

  await page.getByLabel("Evaluation file").setInputFiles(path.join(FIXTURES, "malformed.json"));
  await expect(page.getByText("The file could not be imported:")).toBeVisible();
  await expectAccessible(page);
});

test("every wizard URL of another organisation's assessment is a 404", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await openByTitle(page, "northwind", SEEDED_SUPPORT);
  const base = new URL(page.url()).pathname;
  await signOut(page);
  await signIn(page, DEMO.fabrikamOwner);
  for (const suffix of ["/stages/licence", "/stages/capability", "/economics", "/recommendation", "/stages/not-a-stage"]) {
    const response = await page.goto(`${base}${suffix}`);
    expect(response?.status(), suffix).toBe(404);
  }
});

const openGroup = (page: Page, title: string | RegExp) => page.locator("summary", { hasText: title }).click();

// The tests below each visit several pages that compute a full report: give them room on a slow machine.
test("a custom model from a pasted config.json becomes the candidate; a malformed one says what is wrong", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const title = `Custom model ${Date.now()}`;
  const overviewUrl = await createAssessment(page, { title, candidate: "llama-3.3-70b-instruct", incumbent: "openai-gpt-4o" });
  await goToStep(page, "infrastructure");
  await openGroup(page, "Use a custom model from its config.json");
  const config = field(page, "config.json");

  // Malformed: the preview says why as it is pasted, and the server refuses it at the field.
  await config.fill('{"model_type": "llama", "hidden_size": 4096,');
  await expect(page.getByText("This config.json cannot be used:")).toBeVisible();
  await expect(page.getByText(/^not JSON: /)).toBeVisible();
  await field(page, "Model name").fill("Our Llama 8B");
  await field(page, "Licence of the weights").selectOption("llama-3.1");
  await page.getByRole("button", { name: "Save and use this model" }).click();
  await expect(config).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/^config\.json: not JSON/)).toBeVisible();
  const { num_hidden_layers: _layers, ...incomplete } = LLAMA_3_1_8B;
  await config.fill(JSON.stringify(incomplete));
  await expect(page.getByText("num_hidden_layers is missing", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A real Llama-style config: parsed on paste, saved, and sized.
  await config.fill(JSON.stringify(LLAMA_3_1_8B, null, 2));
  const parsed = page.locator('dl[aria-label="Parsed config.json"]');
  await expect(parsed).toContainText("8.03 billion parameters (8,030,261,248)");
  await expect(parsed).toContainText("32 query heads, 8 key/value heads (GQA)");
  await expect(parsed).toContainText("131,072 tokens");
  await page.getByRole("button", { name: "Save and use this model" }).click();
  await expect(page.getByText(/Our Llama 8B is now the candidate/)).toBeVisible({ timeout: 20_000 });
  // A stage with inputs shows its figures (a not-started one only its defaults).
  await field(page, "Prompt length").fill("2000");
  await field(page, "Answer length").fill("300");
  await expectSaved(page);

  const built = buildCustomCandidate({ name: "Our Llama 8B", licenceId: "llama-3.1", configText: JSON.stringify(LLAMA_3_1_8B) }, "2026-01-01");
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const id = new URL(page.url()).pathname.split("/")[4];
  const report = buildReport({
    assessment: { id, title, description: "", candidateModelId: built.model.id, incumbentApiId: "openai-gpt-4o", status: "draft", version: 2, updatedAt: new Date().toISOString() },
    inputs: ZAssessmentInputs.parse({ customModel: built.model, infrastructure: { sizing: { promptTokensPerRequest: 2000, outputTokensPerRequest: 300 } } }),
  });
  await page.reload();
  await expect(page.getByText("Sized here: Our Llama 8B (your custom model, from its config.json).")).toBeVisible();
  await expectFigures(page.locator(`dl[aria-label="${report.stages.infrastructure.title} figures"]`), report.stages.infrastructure.figures);
  await expect(page.getByRole("region", { name: "Results" })).toContainText(report.stages.infrastructure.summary);
  // The summary states the layout the model is sized on (serving model v2).
  expect(report.stages.infrastructure.summary).toMatch(/^Our Llama 8B: .+, TP\d+, weights /);
  await expectAccessible(page);

  // The overview names it and offers it as a candidate of this assessment.
  await page.goto(overviewUrl);
  await expect(page.getByText("Our Llama 8B (8.03B, Llama 3.1 licence)", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Candidate model", { exact: true })).toHaveValue(built.model.id);
});

test("a custom GPU refuses an invalid value at its field, then saves and is sized", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  const title = `Custom GPU ${Date.now()}`;
  await createAssessment(page, { title, candidate: "llama-3.3-70b-instruct", incumbent: "openai-gpt-4o" });
  await goToStep(page, "infrastructure");
  await openGroup(page, /^Custom GPU$/);
  await field(page, "Custom GPU name").fill("MI325X 256GB");
  await field(page, "Custom GPU memory").fill("256");
  await field(page, "Custom GPU memory bandwidth").fill("-6");
  await field(page, "Custom GPU BF16 compute").fill("1307");
  await field(page, "Custom GPU power").fill("1000");
  await expect(saveStatus(page)).toHaveText("Not saved: fix the highlighted field", { timeout: 15_000 });
  await expect(field(page, "Custom GPU memory bandwidth")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter more than 0.")).toBeVisible();
  await expectAccessible(page);

  await field(page, "Custom GPU memory bandwidth").fill("6");
  await field(page, "Your quoted price").fill("4.5");
  await expectSaved(page);
  await expect(page.getByRole("region", { name: "Results" })).toContainText("MI325X 256GB");

  const customGpu = { id: "custom-gpu", name: "MI325X 256GB", vendor: "not stated", memoryGb: 256, memoryBandwidthTbps: 6, bf16DenseTflops: 1307, tdpWatts: 1000, provenance: { sourceUrls: [], asOf: "2026-01-01", verification: "user" } };
  const report = buildReport({
    assessment: { id: "x", title, description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 2, updatedAt: new Date().toISOString() },
    inputs: ZAssessmentInputs.parse({ infrastructure: { customGpu, pricing: { usdPerGpuHour: 4.5 } } }),
  });
  await page.reload();
  await expect(field(page, "Custom GPU memory bandwidth")).toHaveValue("6");
  await expect(field(page, "Custom GPU vendor")).toHaveValue("not stated");
  await expectFigures(page.locator(`dl[aria-label="${report.stages.infrastructure.title} figures"]`), report.stages.infrastructure.figures);
});

test("an advanced Monte Carlo range is checked at its field and kept across a reload", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  await createAssessment(page, { title: `Ranges ${Date.now()}`, templateId: "ticket-triage" });
  await goToStep(page, "economics");
  await openGroup(page, "Advanced: Monte Carlo ranges");
  await expect(page.getByText("In × the base value, 0 to 1. Default: ×0.8 (Freehold default).").first()).toBeVisible();
  await field(page, "API input price: low").fill("1.5");
  await expect(saveStatus(page)).toHaveText("Not saved: fix the highlighted field", { timeout: 15_000 });
  await expect(page.getByText("Enter at most 1.")).toBeVisible();
  await field(page, "API input price: low").fill("0.4");
  await expectSaved(page);
  await expectAccessible(page);
  await page.reload();
  await expect(field(page, "API input price: low")).toHaveValue("0.4");
  // The rows not edited were saved with the defaults the form showed.
  await expect(field(page, "API input price: high")).toHaveValue("1.2");
  await expect(field(page, "Input tokens per month: shape")).toHaveValue("lognormal");
});

test("a change left mid-save that conflicts is shown on the next page and can be restored", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.analyst);
  await createAssessment(page, { title: `Left unsaved ${Date.now()}`, templateId: "contract-extraction-eu" });
  await goToStep(page, "lifecycle");
  const stageUrl = page.url();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.250.1.78" } });
  const page2 = await other.newPage();
  await signIn(page2, DEMO.manager);
  await page2.goto(stageUrl);
  await field(page2, "Patching effort").fill("22");
  await expectSaved(page2);

  // Type, then leave inside the 800 ms debounce: the save goes out after the page is gone.
  await field(page, "Patching effort").fill("11");
  await goToStep(page, "economics");
  const notice = page.getByRole("alert").filter({ hasText: "Some of your changes were not saved" });
  await expect(notice).toContainText(/Lifecycle operations: Someone else saved this assessment/, { timeout: 15_000 });
  await notice.getByRole("link", { name: "Open Lifecycle operations to restore them" }).click();
  await page.getByRole("button", { name: "Restore my unsaved changes" }).click();
  await expect(field(page, "Patching effort")).toHaveValue("11");
  await expect(saveStatus(page)).toHaveText("Not saved: someone else changed this assessment", { timeout: 15_000 });
  await page.getByRole("button", { name: "Overwrite with my changes" }).click();
  await expectSaved(page);
  await page.reload();
  await expect(field(page, "Patching effort")).toHaveValue("11");
  await expect(page.getByRole("button", { name: "Restore my unsaved changes" })).toHaveCount(0);
  await other.close();
});
