// Issue 14, item 8: every page asked for /favicon.ico and got a 404. The app now has an icon (the
// browser-tab mark, app/icon.svg) and a favicon.ico for clients that ask for it by that name.
import { test, expect } from "./fixtures";

test("the favicon and the page icon are served, and every page links its icon", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  await page.goto("/sign-in");
  const href = await page.locator('head link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  const svg = await request.get(href!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/image\/svg\+xml/);
  expect(await svg.text()).toContain('aria-label="Freehold"');
});
