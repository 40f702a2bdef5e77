import type { Browser, Page } from "@playwright/test";
import { test, expect, expectAccessible, newAccountPage, createOrg } from "./fixtures";

// The organisation price book (issue 12 item 4) and the assumed lifecycle team (item 5). Each test
// makes its own organisation, so the seeded demo organisations keep catalog prices for other specs.

type TPerson = { page: Page; email: string };

async function addMember(owner: Page, slug: string, member: TPerson, role: string): Promise<void> {
  await owner.goto(`/o/${slug}/members`);
  await owner.getByLabel("Email").fill(member.email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const link = await owner.getByLabel("Invitation link").inputValue();
  await member.page.goto(link);
  await member.page.getByRole("button", { name: "Accept invitation" }).click();
  await member.page.waitForURL(/\/assessments$/);
}

/** A blank assessment: catalog candidate and incumbent, every stage on its defaults. */
async function createBlank(page: Page, slug: string, title: string): Promise<string> {
  await page.goto(`/o/${slug}/assessments`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Candidate open-weights model").selectOption("llama-3.3-70b-instruct");
  await page.getByLabel("Incumbent closed API").selectOption("openai-gpt-4o");
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return page.url();
}

async function createFromTemplate(page: Page, slug: string, title: string, templateId: string): Promise<string> {
  await page.goto(`/o/${slug}/assessments`);
  await page.getByLabel("Start from").selectOption(templateId);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create assessment" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  return page.url();
}

const apiHint = (page: Page) => page.locator("#f-apiPriceOverride-inputUsdPerMTok-hint");
const gpuHint = (page: Page) => page.locator("#f-pricing-usdPerGpuHour-hint");
/** The input and output prices a "Price used for …: $a input and $b output" hint states. */
function pricesIn(text: string): [number, number] {
  const m = /Price used for [^:]+: \$([\d,.]+) input and \$([\d,.]+) output/.exec(text);
  expect(m, text).not.toBeNull();
  return [Number(m![1]!.replace(/,/g, "")), Number(m![2]!.replace(/,/g, ""))];
}
const apiCost = (page: Page) => page.locator('[data-figure="Key figures.economics.apiUsdPerMonth"] dd');

test("a manager's negotiated API discount and internal H100 price reach a new assessment and an existing draft; an approved snapshot keeps its figures; the change is audited", async ({ browser }) => {
  test.setTimeout(360_000);
  const owner = await newAccountPage(browser, "Pia Owner");
  const slug = await createOrg(owner.page, `Price book ${Date.now()}`);
  const manager = await newAccountPage(browser, "Max Manager");
  await addMember(owner.page, slug, manager, "manager");

  // Before the book: an existing draft on catalog prices, and an approved assessment.
  const draftUrl = await createBlank(owner.page, slug, "Existing draft");
  await owner.page.goto(`${draftUrl}/economics`);
  await expect(apiHint(owner.page)).toContainText("catalog list price");
  const [listIn, listOut] = pricesIn(await apiHint(owner.page).innerText());
  await owner.page.goto(`${draftUrl}/stages/infrastructure`);
  await expect(gpuHint(owner.page)).not.toContainText("organisation price book");

  const approvedUrl = await createFromTemplate(owner.page, slug, "Approved plan", "support-summarisation");
  await owner.page.getByLabel("Note for the reviewer (optional)").fill("On list prices");
  await owner.page.getByRole("button", { name: "Submit for review" }).click();
  await expect(owner.page.getByRole("region", { name: "Review" })).toContainText("In review since");
  await manager.page.goto(approvedUrl);
  await manager.page.getByLabel("Comment", { exact: true }).fill("Fine on list prices.");
  await manager.page.getByRole("button", { name: "Approve" }).click();
  await expect(manager.page.getByRole("region", { name: "Review" })).toContainText(/Approved by Max Manager/);
  await manager.page.getByRole("region", { name: "Review" }).getByRole("link", { name: "View the approved snapshot" }).click();
  await expect(manager.page.getByText("This is the approved version.")).toBeVisible();
  const snapshotUrl = manager.page.url();
  const approvedApiCost = await apiCost(manager.page).innerText();

  // The manager reaches the price book from the organisation's navigation; a typo is refused at its field and nothing is saved.
  await manager.page.goto(`/o/${slug}/assessments`);
  await manager.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Price book" }).click();
  await expect(manager.page.getByRole("heading", { level: 1, name: /price book$/ })).toBeVisible();
  await expect(manager.page.getByText("Nothing set yet")).toBeVisible();
  await manager.page.getByLabel("OpenAI: discount", { exact: true }).fill("125");
  await manager.page.getByLabel("NVIDIA H100 SXM5 80GB: per hour", { exact: true }).fill("abc");
  await manager.page.getByRole("button", { name: "Save price book" }).click();
  await expect(manager.page.getByText("A discount cannot exceed 100%.")).toBeVisible();
  await expect(manager.page.getByText('"abc" is not a number.')).toBeVisible();
  await expect(manager.page.getByLabel("OpenAI: discount", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(manager.page.getByLabel("OpenAI: discount", { exact: true })).toHaveValue("125");
  await expectAccessible(manager.page);
  await manager.page.getByLabel("OpenAI: discount", { exact: true }).fill("25");
  await manager.page.getByLabel("NVIDIA H100 SXM5 80GB: per hour", { exact: true }).fill("1.5");
  await manager.page.getByRole("button", { name: "Save price book" }).click();
  await expect(manager.page.getByRole("status").filter({ hasText: "Saved as version 1" })).toBeVisible();
  await manager.page.reload();
  await expect(manager.page.getByText(/^Version 1, set by Max Manager on \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();
  // The audit log names the fields that changed.
  const changes = manager.page.getByRole("region", { name: "Changes" });
  await expect(changes).toContainText("Max Manager");
  await expect(changes).toContainText("API discount: OpenAI (%) not set → 25");
  await expect(changes).toContainText("GPU h100-sxm-80gb: USD per GPU-hour not set → 1.5");

  // The existing draft and a new assessment both use the book, and say so.
  const newUrl = await createBlank(owner.page, slug, "New after the book");
  for (const url of [draftUrl, newUrl]) {
    await owner.page.goto(`${url}/economics`);
    await expect(apiHint(owner.page)).toContainText("(organisation price book, set by Max Manager on");
    await expect(apiHint(owner.page)).toContainText("25% off the list price");
    const [inUsd, outUsd] = pricesIn(await apiHint(owner.page).innerText());
    expect(inUsd).toBeCloseTo(listIn * 0.75, 6);
    expect(outUsd).toBeCloseTo(listOut * 0.75, 6);
    await owner.page.goto(`${url}/stages/infrastructure`);
    await expect(gpuHint(owner.page)).toContainText(/Default: 1\.5 USD\/GPU-hour \(organisation price book, set by Max Manager on \d{4}-\d{2}-\d{2} \(version 1\)\)/);
  }

  // The approved snapshot keeps the figures it was approved with; the working copy's moved, and the diff shows why.
  await owner.page.goto(snapshotUrl);
  await expect(apiCost(owner.page)).toHaveText(approvedApiCost);
  await expect(owner.page.getByText("Organisation price book")).toHaveCount(0);
  await owner.page.goto(`${approvedUrl}/history`);
  await expect(owner.page.locator('tr[data-figure="priceBook.API discount: OpenAI (%)"]')).toContainText("Organisation price book · API discount: OpenAI (%)—25");
  const movedApiCost = owner.page.locator('tr[data-figure="Key figures.economics.apiUsdPerMonth"]');
  await expect(movedApiCost).toContainText(approvedApiCost);
  const [before, after] = [...(await movedApiCost.innerText()).matchAll(/\$([\d,]+) \/month/g)].map((m) => Number(m[1]!.replace(/,/g, "")));
  expect(after).toBeCloseTo(before! * 0.75, 0);
  await expectAccessible(owner.page);

  // Everyone reads the book; only owners and managers change it.
  const viewer = await newAccountPage(browser, "Vic Viewer");
  await addMember(owner.page, slug, viewer, "viewer");
  await viewer.page.goto(`/o/${slug}/price-book`);
  await expect(viewer.page.getByLabel("OpenAI: discount", { exact: true })).toHaveValue("25");
  await expect(viewer.page.getByLabel("OpenAI: discount", { exact: true })).toBeDisabled();
  await expect(viewer.page.getByRole("button", { name: "Save price book" })).toHaveCount(0);
  for (const p of [owner, manager, viewer]) await p.page.context().close();
});

test("the lifecycle form shows the assumed team before any entry, and the results charge exactly that team", async ({ browser }) => {
  test.setTimeout(180_000);
  const owner = await newAccountPage(browser, "Lee Owner");
  const slug = await createOrg(owner.page, `Lifecycle ${Date.now()}`);
  const url = await createBlank(owner.page, slug, "No staffing entered");
  const page = owner.page;
  await page.goto(`${url}/stages/lifecycle`);
  const assumed = page.getByRole("region", { name: "Assumed staffing" });
  await expect(assumed).toContainText("assumed");
  await expect(assumed).toContainText("the results charge these rows, 2.5 FTE at $41,667 /month.");
  await expect(assumed).toContainText("Source: Freehold default team template");
  for (const role of ["ML engineer", "MLOps / SRE", "Safety and evaluations"]) await expect(assumed.getByRole("cell", { name: role, exact: true })).toBeVisible();
  await expect(page.getByText(/No staffing yet/)).toHaveCount(0);
  // The results charge the same team, in the same words.
  const results = page.getByRole("region", { name: "Results" });
  await expect(results).toContainText("the owned cost includes the assumed team (2.5 FTE at $41,667 /month)");
  await expectAccessible(page);

  // One click makes the assumed rows the team's own, editable; the charge does not move.
  await page.getByRole("button", { name: "Edit the assumed staffing" }).click();
  await expect(page.getByRole("group", { name: "Role 1" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Saved • version|Saving…|Unsaved changes|Not saved/ })).toHaveText(/^Saved • version 2$/, { timeout: 20_000 });
  await expect(results.locator('[data-figure="lifecycle.peopleUsdPerMonth"] [data-value]')).toHaveText("$41,667 /month");
  await expect(assumed).toHaveCount(0);

  // Safety staff is not offered as a safety cost: people are charged once, in this team.
  await page.goto(`${url}/stages/safety`);
  await expect(page.getByText("Safety staff (shown only)")).toHaveCount(0);
  await expect(page.locator('[data-figure="safety.peopleUsdPerMonth"]')).toHaveCount(0);
  await page.context().close();
});
