import type { Page, TestInfo } from "@playwright/test";
import { test, expect, signIn, DEMO } from "./fixtures";

// Issue 14 item 6: every page fits 390, 768 and 1280 px wide (wide tables scroll inside their own
// container, never the page), and a control reached with Tab or Shift+Tab is never hidden under the
// sticky save bar or anything else. Screenshots of the main screens at each width are kept as test
// artifacts (CI uploads the output directory).

const WIDTHS = [390, 768, 1280] as const;
const SCREENSHOTS = new Set(["overview", "stage", "economics", "recommendation", "portfolio", "compare"]);

test.describe.configure({ timeout: 900_000 });

async function idsOf(page: Page): Promise<{ assessment: string; all: string[]; snapshot: string }> {
  await page.goto("/o/northwind/assessments");
  const hrefs = await page.locator("table a[href*='/assessments/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const all = [...new Set(hrefs.map((h) => h.split("/").pop() as string))];
  const approved = await page.locator("table").getByRole("link", { name: /Internal code assistant/ }).first().getAttribute("href");
  const assessment = (approved ?? "").split("/").pop() as string;
  await page.goto(`/o/northwind/assessments/${assessment}/history`);
  const snap = await page.getByRole("link", { name: /^Snapshot \d+$/ }).first().getAttribute("href");
  return { assessment, all, snapshot: (snap ?? "").split("/").pop() as string };
}

/** Page name → path; the names in SCREENSHOTS are photographed. */
function pages(ids: { assessment: string; all: string[]; snapshot: string }): [string, string][] {
  const a = `/o/northwind/assessments/${ids.assessment}`;
  return [
    ["portfolio", "/o/northwind/assessments"],
    ["orgs", "/orgs"],
    ["members", "/o/northwind/members"],
    ["settings", "/o/northwind/settings"],
    ["compare-picker", "/o/northwind/compare"],
    ["compare", `/o/northwind/compare?ids=${ids.all.slice(0, 3).join(",")}`],
    ["overview", a],
    ["licence", `${a}/stages/licence`],
    ["stage", `${a}/stages/capability`],
    ["infrastructure", `${a}/stages/infrastructure`],
    ["adaptation", `${a}/stages/adaptation`],
    ["safety", `${a}/stages/safety`],
    ["lifecycle", `${a}/stages/lifecycle`],
    ["economics", `${a}/economics`],
    ["recommendation", `${a}/recommendation`],
    ["leverage", `${a}/leverage`],
    ["history", `${a}/history`],
    ["snapshot", `${a}/history/${ids.snapshot}`],
  ];
}

/** How much wider than the viewport the document is (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Focused elements whose centre is painted by something that is not them (covered), while tabbing. */
async function coveredWhileTabbing(page: Page, key: "Tab" | "Shift+Tab", steps: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press(key);
    const problem = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return null;
      // Off-screen focus (e.g. the skip link before it is shown) is not "covered".
      if (r.bottom <= 0 || r.top >= window.innerHeight) return null;
      const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 8), 0), window.innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (!top || el.contains(top) || top.contains(el)) return null;
      // A label painted over its own control is the control, not a cover.
      if (top instanceof HTMLLabelElement && top.control === el) return null;
      return `${el.tagName.toLowerCase()}[${el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 30)}] under ${top.tagName.toLowerCase()}.${String(top.className).slice(0, 40)}`;
    });
    if (problem) covered.push(problem);
  }
  return covered;
}

async function shoot(page: Page, testInfo: TestInfo, name: string, width: number) {
  const file = testInfo.outputPath(`${name}-${width}px.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name}-${width}px`, { path: file, contentType: "image/png" });
}

test("every page fits 390, 768 and 1280 px without a page-wide horizontal scroll, and focus is never covered", async ({ page }, testInfo) => {
  await signIn(page, DEMO.owner);
  const ids = await idsOf(page);
  const failures: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    for (const [name, path] of pages(ids)) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      // Streamed sections (reports, charts) settle before measuring.
      await expect(page.getByRole("status").filter({ hasText: /^(Computing|Weighing)/ })).toHaveCount(0, { timeout: 60_000 });
      const extra = await overflow(page);
      if (extra > 0) failures.push(`${name} at ${width}px: the page is ${extra}px wider than the viewport`);
      if (SCREENSHOTS.has(name)) await shoot(page, testInfo, name, width);
      const forward = await coveredWhileTabbing(page, "Tab", 25);
      const backward = await coveredWhileTabbing(page, "Shift+Tab", 25);
      for (const c of [...forward, ...backward]) failures.push(`${name} at ${width}px: focused ${c}`);
    }
  }
  expect(failures).toEqual([]);
});

test("the landing page fits every width too", async ({ page }) => {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ["/", "/sign-in", "/sign-up"]) {
      await page.goto(path);
      expect(await overflow(page), `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
});
