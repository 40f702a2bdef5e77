import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect, signIn, DEMO } from "./fixtures";

// Issue 14 item 6: every page fits a phone (390 px), a tablet (768 px) and a laptop (1280 px)
// without the page scrolling sideways: a wide table scrolls inside its own container instead. The
// main screens are photographed at each width into <outputDir>/screenshots, which Playwright
// clears only when the next run starts, so CI keeps them as artifacts. The stage page also checks
// that tabbing backwards never leaves the focused control under the sticky save bar.

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;

const SLUG = "northwind";
const BASE = `/o/${SLUG}`;

type TIds = { approved: string; snapshot: string; draft: string; compared: string[] };

/** The seeded assessments the pages are about: the approved one (with a snapshot), a draft, three to compare. */
async function seededIds(page: Page): Promise<TIds> {
  // By title: earlier specs add look-alike copies (without snapshots) and drafts of their own, and
  // one renames the ticket-triage assessment ("… (v2)").
  const idOf = async (title: string, name: string | RegExp = title) => {
    await page.goto(`${BASE}/assessments?q=${encodeURIComponent(title)}`);
    const link = page.locator("table tbody").getByRole("link", typeof name === "string" ? { name, exact: true } : { name });
    return ((await link.first().getAttribute("href")) ?? "").split("/").pop() as string;
  };
  const approved = await idOf("Internal code assistant: Qwen2.5 72B vs Claude Sonnet 4.5");
  const draft = await idOf("Support summarisation: Llama 3.3 70B vs GPT-4o");
  const compared = [approved, draft, await idOf("Ticket triage", /^Ticket triage: Llama 3\.1 8B vs GPT-4o mini/)];
  await page.goto(`${BASE}/assessments/${approved}/history`);
  const snapshot = ((await page.getByRole("link", { name: /snapshot 1/i }).first().getAttribute("href")) ?? "").split("/").pop() as string;
  return { approved, snapshot, draft, compared };
}

/** Every signed-in page, by name; the names in SCREENSHOTS are photographed. */
function signedInPages({ approved, snapshot, draft, compared }: TIds): [string, string][] {
  const a = `${BASE}/assessments/${approved}`;
  const d = `${BASE}/assessments/${draft}`;
  return [
    ["orgs", "/orgs"],
    ["portfolio", `${BASE}/assessments`],
    ["overview", a],
    ...["licence", "capability", "infrastructure", "adaptation", "safety", "lifecycle"].map((s): [string, string] => [`stage-${s}`, `${d}/stages/${s}`]),
    ["stage-approved", `${a}/stages/licence`],
    ["economics", `${a}/economics`],
    ["recommendation", `${a}/recommendation`],
    ["leverage", `${a}/leverage`],
    ["history", `${a}/history`],
    ["snapshot", `${a}/history/${snapshot}`],
    ["compare-picker", `${BASE}/compare`],
    ["compare", `${BASE}/compare?ids=${compared.join(",")}`],
    ["members", `${BASE}/members`],
    ["settings", `${BASE}/settings`],
    ["price-book", `${BASE}/price-book`],
    ["api-docs", `${BASE}/api-docs`],
  ];
}

const PUBLIC_PAGES: [string, string][] = [
  ["landing", "/"],
  ["sign-in", "/sign-in"],
  ["sign-up", "/sign-up"],
  ["invite-not-found", "/invite/not-a-real-id"],
];

const SCREENSHOTS = new Set(["overview", "stage-infrastructure", "economics", "recommendation", "portfolio", "compare"]);

/**
 * The page's width when it is wider than the viewport, with the outermost elements that stick out
 * (so a failure names what to fix), else null.
 */
const overflowWidth = (page: Page) =>
  page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= window.innerWidth) return null;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > window.innerWidth + 1;
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((el) => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class") ?? "").slice(0, 80)}"> right ${Math.round(el.getBoundingClientRect().right)}`);
    return `${scrollWidth} (${culprits.join("; ")})`;
  });

async function screenshot(page: Page, testInfo: TestInfo, name: string, width: number) {
  // The charts load after the page: photograph them drawn, not their placeholder.
  await expect(page.getByText("Loading the charts…")).toHaveCount(0);
  for (const chart of await page.locator("[data-chart]").all()) await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  const file = path.join(testInfo.project.outputDir, "screenshots", `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Shift+Tab from the last control of the stage form up to its top; returns each focused control
 * whose box overlaps the sticky save bar's box (the bar's own button excepted).
 */
async function coveredWhileTabbingBack(page: Page): Promise<string[]> {
  const form = page.locator("form").filter({ has: page.locator("[data-sticky-save-bar]") });
  await form.evaluate((f) => {
    const controls = [...f.querySelectorAll<HTMLElement>("input:not([type=hidden]), select, textarea, button, [tabindex='0']")].filter((c) => !c.matches(":disabled"));
    controls[controls.length - 1].focus();
  });
  const covered: string[] = [];
  for (let i = 0; i < 300; i += 1) {
    await page.keyboard.press("Shift+Tab");
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector("[data-sticky-save-bar]") as HTMLElement;
      if (!el || !el.closest("form")?.contains(bar)) return { done: true, problem: null };
      if (bar.contains(el)) return { done: true, problem: null };
      const r = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const overlaps = r.width > 0 && r.height > 0 && r.top < b.bottom && r.bottom > b.top && r.left < b.right && r.right > b.left;
      const name = el.getAttribute("aria-label") || el.id || el.getAttribute("name") || el.textContent?.trim().slice(0, 30);
      return { done: false, problem: overlaps ? `${el.tagName.toLowerCase()}#${name} (${Math.round(r.top)}–${Math.round(r.bottom)}) under the bar (${Math.round(b.top)}–${Math.round(b.bottom)})` : null };
    });
    if (state.problem) covered.push(state.problem);
    if (state.done) break;
  }
  return covered;
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width} px wide`, () => {
    test.use({ viewport });

    test(`every page fits ${viewport.width} px without scrolling sideways`, async ({ page }, testInfo) => {
      test.setTimeout(300_000);
      const tooWide: string[] = [];
      const visit = async (name: string, url: string) => {
        await page.goto(url);
        if (SCREENSHOTS.has(name)) await screenshot(page, testInfo, name, viewport.width);
        const width = await overflowWidth(page);
        if (width !== null) tooWide.push(`${name} (${url}) is ${width} px wide at ${viewport.width} px`);
      };
      for (const [name, url] of PUBLIC_PAGES) await visit(name, url);
      await signIn(page, DEMO.owner);
      for (const [name, url] of signedInPages(await seededIds(page))) await visit(name, url);
      expect(tooWide).toEqual([]);
    });

    test(`at ${viewport.width} px, Shift+Tab never leaves focus under the sticky save bar`, async ({ page }) => {
      await signIn(page, DEMO.owner);
      const { draft } = await seededIds(page);
      await page.goto(`${BASE}/assessments/${draft}/stages/infrastructure`);
      await expect(page.locator("[data-sticky-save-bar]").getByRole("button", { name: "Save", exact: true })).toBeEnabled();
      expect(await coveredWhileTabbingBack(page)).toEqual([]);
    });
  });
}
