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
    test.setTimeout(300_000);
    await signIn(page, DEMO[who]);
    await expectAccessible(page);
    await page.goto("/o/northwind/assessments");
    await expectAccessible(page);
    const hrefs = await page.locator("table tbody a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const overview = hrefs.find((h) => /\/assessments\/[^/?]+$/.test(h))!;
    const ids = hrefs.filter((h) => /\/assessments\/[^/?]+$/.test(h)).map((h) => h.split("/").pop()!);
    // The overview, a stage, economics, the recommendation, history (with the seeded approved
    // assessment's snapshot) and a comparison of all seeded assessments.
    for (const path of [overview, `${overview}/stages/licence`, `${overview}/economics`, `${overview}/recommendation`, `${overview}/leverage`, `${overview}/history`, `/o/northwind/compare?ids=${ids.slice(0, 3).join(",")}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await page.goto("/o/northwind/assessments?q=Internal+code");
    await page.locator("table tbody a").first().click();
    await page.getByRole("link", { name: /history/i }).first().click();
    await page.getByRole("link", { name: /snapshot 1/i }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/o/northwind/members");
    await expectAccessible(page);
    await page.goto("/o/fabrikam/assessments");
    await expectAccessible(page);
  });
}
