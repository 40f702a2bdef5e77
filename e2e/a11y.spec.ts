import { test, expect, expectAccessible, signIn, DEMO } from "./fixtures";

// Every page a person can reach, as each kind of visitor, with zero axe violations. The journey
// specs also check the pages they pass through; this one makes sure none is missed.
test("public pages", async ({ page }) => {
  for (const path of ["/", "/sign-in", "/sign-up", "/o/northwind/assessments/not-a-real-id"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

for (const who of ["owner", "viewer"] as const) {
  test(`signed-in pages as ${who}`, async ({ page }) => {
    await signIn(page, DEMO[who]);
    await expectAccessible(page);
    await page.goto("/o/northwind/assessments");
    await expectAccessible(page);
    await page.locator("table a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/o/northwind/members");
    await expectAccessible(page);
    await page.goto("/o/fabrikam/assessments");
    await expectAccessible(page);
  });
}
