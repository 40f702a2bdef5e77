import { test, expect, expectAccessible, signIn, signOut, uniqueEmail, DEMO } from "./fixtures";

test("an owner invites a new user by link; they sign up and join with the invited role", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await page.goto("/o/northwind/members");
  await expectAccessible(page);
  const email = uniqueEmail("newhire");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expectAccessible(page);
  await signOut(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Northwind Support" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Name").fill("Nina Newhire");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/invite\//);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Support: assessments" })).toBeVisible();
  await expect(page.getByText("Your role is viewer")).toBeVisible();
  // The link is spent.
  await page.goto(link);
  await expect(page.getByText("This invitation has expired or has already been used.")).toBeVisible();
});

test("an existing user accepts an invitation into a second organisation", async ({ page }) => {
  // Fabrikam's owner invites Northwind's manager as an analyst.
  await signIn(page, DEMO.fabrikamOwner);
  await page.goto("/o/fabrikam/members");
  await page.getByLabel("Email").fill(DEMO.manager);
  await page.getByLabel("Role", { exact: true }).selectOption("analyst");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  await signOut(page);

  await signIn(page, DEMO.manager);
  await page.goto(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page.getByRole("heading", { name: "Fabrikam Legal: assessments" })).toBeVisible();
  await page.goto("/orgs");
  await expect(page.getByRole("link", { name: /Northwind Support/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Fabrikam Legal/ })).toBeVisible();
});

test("analysts and viewers cannot invite", async ({ page }) => {
  await signIn(page, DEMO.analyst);
  await page.goto("/o/northwind/members");
  await expect(page.getByRole("heading", { name: "Invite a member" })).toHaveCount(0);
  await expectAccessible(page);
});
