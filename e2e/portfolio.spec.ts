import fs from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn, DEMO, DEMO_PASSWORD } from "./fixtures";

const SUPPORT = "Support summarisation: Llama 3.3 70B vs GPT-4o";
const CODE = "Internal code assistant: Qwen2.5 72B vs Claude Sonnet 4.5";
const TRIAGE = "Ticket triage: Llama 3.1 8B vs GPT-4o mini";

/** The list's columns as the header reads them; cells are looked up by header, not position. */
async function columnIndex(page: Page, header: string): Promise<number> {
  const headers = await page.locator("table thead th").allInnerTexts();
  const i = headers.findIndex((h) => h.replace(/[▲▼↕]/g, "").trim() === header);
  expect(i, `column "${header}" in ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return i;
}

function rowOf(page: Page, title: string): Locator {
  return page.locator("table tbody tr").filter({ has: page.getByRole("link", { name: title, exact: true }) });
}

/** The figures of one row, keyed by column header. */
async function figuresOf(page: Page, title: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const h of ["Recommendation", "Owned (USD/month)", "API (USD/month)", "Crossover (tokens/month)", "Capability gap (pp)", "Licence blockers", "Candidate vs incumbent"]) {
    out[h] = (await rowOf(page, title).locator("td").nth(await columnIndex(page, h)).innerText()).trim();
  }
  return out;
}

/** "$34,148" → 34148; a dash (not known) → null. */
const money = (text: string) => (/\d/.test(text) ? Number(text.replace(/[^\d.-]/g, "")) : null);

async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByText(/^Showing [\d,]+–[\d,]+ of [\d,]+$/).innerText();
  return Number(text.split(" of ")[1]!.replace(/,/g, ""));
}

/** RFC 4180 parser, enough for the export (quoted fields with commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

/** The parts of a captured multipart body; Chromium leaves an uploaded file's bytes out of it. */
function multipartFields(body: Buffer, contentType: string): { name: string; filename?: string; value: string }[] {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  return body
    .toString("utf8")
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head, ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
      return { name: /name="([^"]*)"/.exec(head!)![1]!, filename: /filename="([^"]*)"/.exec(head!)?.[1], value: rest.join("\r\n\r\n").replace(/\r\n$/, "") };
    });
}

async function signedInPage(browser: Browser, email: string, ip: string): Promise<Page> {
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await ctx.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

async function assessmentId(page: Page, slug: string, title: string): Promise<string> {
  await page.goto(`/o/${slug}/assessments?q=${encodeURIComponent(title)}`);
  const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

// Journeys of a dozen page loads each: on a busy machine one page can take seconds.
test.describe.configure({ timeout: 180_000 });

test("search, filters and sortable columns narrow and order the portfolio, without losing each other", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/o/northwind/assessments");
  await expect(page.getByRole("link", { name: SUPPORT })).toBeVisible();
  await expect(page.getByRole("link", { name: "Clear filters" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Search", { exact: true }).fill("TRIAGE");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=TRIAGE/);
  await expect(page.getByRole("link", { name: TRIAGE })).toBeVisible();
  await expect(page.getByRole("link", { name: SUPPORT })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();

  // Recommendation: the triage demo stays on the API, so "Go: hosted open weights" leaves nothing, with a way back.
  await page.getByLabel("Recommendation").selectOption("go_hosted");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No assessments match these filters.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("link", { name: SUPPORT })).toBeVisible();
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("");

  // Model filter from the facet: only the Qwen assessment.
  await page.getByLabel("Model", { exact: true }).selectOption("qwen2.5-72b-instruct");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/model=qwen/);
  // The cleared recommendation must not come back from the form's previous state.
  await expect(page).not.toHaveURL(/verdict=[^&]/);
  await expect(page.getByRole("link", { name: CODE })).toBeVisible();
  await expect(page.getByRole("link", { name: SUPPORT })).toHaveCount(0);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/model=/);
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("");

  // Sorting: the first click sorts by the column's natural order, the second reverses it; the
  // assessments without the figure stay last both ways.
  const owned = page.getByRole("columnheader", { name: /Owned \(USD\/month\)/ });
  await owned.getByRole("link").click();
  await expect(owned).toHaveAttribute("aria-sort", "ascending");
  const col = await columnIndex(page, "Owned (USD/month)");
  const values = async () => (await page.locator(`table tbody tr td:nth-child(${col + 1})`).allInnerTexts()).map(money);
  const isOrdered = (vs: (number | null)[], dir: 1 | -1) => {
    const known = vs.filter((v): v is number => v !== null);
    return vs.slice(0, known.length).every((v) => v !== null) && known.every((v, i) => i === 0 || dir * (v - known[i - 1]!) >= 0);
  };
  expect(isOrdered(await values(), 1)).toBe(true);
  await owned.getByRole("link").click();
  await expect(owned).toHaveAttribute("aria-sort", "descending");
  expect(isOrdered(await values(), -1)).toBe(true);
  await expect(page).toHaveURL(/sort=owned&dir=desc/);

  // A filter keeps the sort.
  await page.getByLabel("Search", { exact: true }).fill("llama");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=llama.*sort=owned.*dir=desc|sort=owned.*dir=desc.*q=llama/);
  await expect(owned).toHaveAttribute("aria-sort", "descending");
  const rows = page.locator("table tbody tr a");
  const linked = await rows.allInnerTexts();
  // Another spec may have renamed the triage demo ("… (v2)"), so it is found by its start.
  expect(linked.indexOf(SUPPORT)).toBeLessThan(linked.findIndex((t) => t.startsWith(TRIAGE))); // $34,148 before $19,827
  expect(await shownTotal(page)).toBe(linked.length);
  await expectAccessible(page);
});

test("Export CSV downloads the filtered rows with raw numbers and units in the headers", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/o/northwind/assessments?q=llama&sort=title");
  const total = await shownTotal(page);
  const ui = await figuresOf(page, SUPPORT);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Export CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^freehold-northwind-assessments-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(expect.arrayContaining(["Title", "Owned cost (USD/month)", "API cost (USD/month)", "Crossover volume (tokens/month)", "Candidate model"]));
  expect(rows).toHaveLength(total);
  const col = (name: string) => header!.indexOf(name);
  const titles = rows.map((r) => r[col("Title")]!);
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en")));
  expect(titles).toContain(SUPPORT);
  expect(titles.some((t) => t.startsWith(TRIAGE))).toBe(true);
  expect(titles).not.toContain(CODE);
  const support = rows.find((r) => r[col("Title")] === SUPPORT)!;
  expect(support[col("Candidate model")]).toMatch(/^Llama 3\.3 70B/);
  expect(support[col("Recommendation")]).toBe(ui["Recommendation"]);
  // Raw, unrounded numbers that round to what the list shows.
  const ownedRaw = Number(support[col("Owned cost (USD/month)")]);
  expect(Number.isInteger(ownedRaw)).toBe(false);
  expect(Math.round(ownedRaw)).toBe(money(ui["Owned (USD/month)"]!));
  expect(Number(support[col("Licence blockers (count)")])).toBe(Number(ui["Licence blockers"]));
});

test("an assessment exported as JSON imports into another organisation with the same figures", async ({ page }, testInfo) => {
  await signIn(page, DEMO.owner);
  const id = await assessmentId(page, "northwind", CODE);
  const source = await figuresOf(page, CODE);
  const res = await page.request.get(`/o/northwind/assessments/${id}/export`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="internal-code-assistant-qwen2-5-72b-vs-claude-sonnet-4-5-v\d+\.freehold\.json"/);
  const doc = await res.json();
  expect(doc).toMatchObject({ format: "freehold.assessment", formatVersion: 1, source: { organization: "Northwind Support", assessmentId: id } });

  // A unique title so this run's copy is the one found; the title moves no figure.
  const title = `Imported code assistant ${Date.now()}`;
  doc.assessment.title = title;
  const file = testInfo.outputPath("import.freehold.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  await page.goto("/o/fabrikam/assessments");
  // Owning never gets cheaper for Fabrikam's contract extraction: the list says "never", as the figures do.
  expect((await figuresOf(page, "Contract clause extraction: Mistral Small 24B vs GPT-4o mini"))["Crossover (tokens/month)"]).toBe("never");
  const before = await shownTotal(page);
  await page.getByLabel("Assessment file (JSON)").setInputFiles(file);
  await page.getByRole("button", { name: "Import assessment" }).click();
  // The copy says it is one, with the day it was imported (issue 14).
  const importedTitle = `${title} (imported ${new Date().toISOString().slice(0, 10)})`;
  await expect(page.getByRole("heading", { name: importedTitle, exact: true, level: 1 })).toBeVisible();
  expect(page.url()).toMatch(/\/o\/fabrikam\/assessments\/[^/?]+$/);

  await page.goto(`/o/fabrikam/assessments?q=${encodeURIComponent(title)}`);
  expect(await figuresOf(page, importedTitle)).toEqual(source);
  await page.goto("/o/fabrikam/assessments");
  expect(await shownTotal(page)).toBe(before + 1);
});

test("a malformed, a foreign and an invalid JSON file are refused with their messages and write nothing", async ({ page }, testInfo) => {
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/assessments");
  const before = await shownTotal(page);
  const upload = async (name: string, body: string) => {
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, body);
    await page.getByLabel("Assessment file (JSON)").setInputFiles(file);
    await page.getByRole("button", { name: "Import assessment" }).click();
    return page.locator("#import-file-errors");
  };

  let alert = await upload("malformed.json", '{ "format": "freehold.assessment", ');
  await expect(alert).toContainText("Nothing was imported:");
  await expect(alert).toContainText("The file is not valid JSON");
  await expect(page.getByLabel("Assessment file (JSON)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  alert = await upload("promptfoo-results.json", JSON.stringify({ evalId: "eval-1", results: { results: [] } }));
  await expect(alert).toContainText('This is not a Freehold assessment export: the file must have "format": "freehold.assessment"');

  alert = await upload(
    "invalid.freehold.json",
    JSON.stringify({ format: "freehold.assessment", formatVersion: 1, assessment: { title: "Bad inputs", candidateModelId: "llama-3.1-8b", incumbentApiId: "openai-gpt-4o", inputs: { economics: { inputTokensPerMonth: -1, outputTokensPerMonth: "lots" } } } }),
  );
  // Every problem at once, each naming where it is.
  await expect(alert.getByRole("listitem")).toHaveCount(2);
  await expect(alert).toContainText("assessment.inputs.economics.inputTokensPerMonth");
  await expect(alert).toContainText("assessment.inputs.economics.outputTokensPerMonth");

  await page.reload();
  expect(await shownTotal(page)).toBe(before);
});

test("viewers get no create or import form, and the server refuses a replayed import", async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/assessments");
  const before = await shownTotal(page);
  // Capture the import request the analyst's browser sends, without letting it through.
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/o/northwind/assessments", async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    captured = { headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  const id = await assessmentId(page, "northwind", SUPPORT);
  const doc = await (await page.request.get(`/o/northwind/assessments/${id}/export`)).json();
  doc.assessment.title = `Replayed import ${Date.now()}`;
  const file = testInfo.outputPath("replay.freehold.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Assessment file (JSON)").setInputFiles(file);
  await page.getByRole("button", { name: "Import assessment" }).click();
  await expect.poll(() => captured).toBeTruthy();

  const viewer = await signedInPage(browser, DEMO.viewer, "10.252.0.1");
  await viewer.goto("/o/northwind/assessments");
  await expect(viewer.getByText("Your role is viewer")).toBeVisible();
  await expect(viewer.getByLabel("Assessment file (JSON)")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Import assessment" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Create assessment" })).toHaveCount(0);
  const fields = multipartFields(captured!.body, captured!.headers["content-type"]!);
  expect(fields.filter((f) => f.filename !== undefined)).toHaveLength(1);
  // The file part arrives empty: its bytes go back in from the file itself. Order matters (React
  // reads the form's fields before the "0" root that refers to them), hence FormData, not an object.
  const multipart = new FormData();
  for (const f of fields) {
    if (f.filename === undefined) multipart.append(f.name, f.value);
    else multipart.append(f.name, new Blob([fs.readFileSync(file)], { type: "application/json" }), f.filename);
  }
  const res = await viewer.request.post("/o/northwind/assessments", { headers: { "next-action": captured!.headers["next-action"]!, accept: "text/x-component" }, multipart });
  expect(await res.text()).toContain("Your role in this organisation cannot create assessments.");
  await viewer.context().close();
  await page.unroute("**/o/northwind/assessments");
  await page.goto("/o/northwind/assessments");
  expect(await shownTotal(page)).toBe(before);
});

test("Compare selected needs 2 to 4 ticked assessments and sends their ids in one parameter", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/o/northwind/assessments?sort=title");
  await page.getByRole("checkbox", { name: `Compare ${SUPPORT}` }).check();
  await expect(page.getByText("(1 chosen)")).toBeVisible();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose 2 to 4 assessments to compare; 1 is chosen." })).toBeVisible();
  await expectAccessible(page);
  const [support, code] = await Promise.all([SUPPORT, CODE].map(async (t) => (await rowOf(page, t).getByRole("checkbox").getAttribute("value"))!));
  // By keyboard, as well.
  await page.getByRole("checkbox", { name: `Compare ${CODE}` }).press("Space");
  await expect(page.getByText("(2 chosen)")).toBeVisible();
  await page.getByRole("button", { name: "Compare selected" }).press("Enter");
  await page.waitForURL((url) => url.pathname === "/o/northwind/compare");
  // One parameter, ids in table order (sorted by title: "Internal code…" before "Support…").
  expect(new URL(page.url()).searchParams.getAll("ids")).toEqual([`${code},${support}`]);
});

test("another organisation's exports are 404 and a signed-out request is 401", async ({ page, browser, playwright }) => {
  const northwind = await signedInPage(browser, DEMO.viewer, "10.252.0.2");
  const id = await assessmentId(northwind, "northwind", SUPPORT);
  expect((await northwind.request.get("/o/northwind/assessments/export.csv")).status()).toBe(200);
  await northwind.context().close();

  await signIn(page, DEMO.fabrikamOwner);
  for (const url of ["/o/northwind/assessments/export.csv", "/o/northwind/assessments/export.csv?q=triage", `/o/northwind/assessments/${id}/export`, `/o/fabrikam/assessments/${id}/export`]) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text()).not.toContain("Support summarisation");
  }

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const url of ["/o/northwind/assessments/export.csv", `/o/northwind/assessments/${id}/export`]) {
    expect((await anonymous.get(url, { maxRedirects: 0 })).status(), url).toBe(401);
  }
  await anonymous.dispose();
});
