import { test, expect, expectAccessible, signIn, signOut, uniqueEmail, DEMO, DEMO_PASSWORD } from "./fixtures";

test("a demo account signs in and sees the demo organisation's assessments", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Northwind Support/ }).click();
  await expect(page.getByRole("heading", { name: "Northwind Support: assessments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Support summarisation: Llama 3.3 70B vs GPT-4o" })).toBeVisible();
  await expectAccessible(page);
});

test("sign up, create an organisation, sign out and sign back in", async ({ page }) => {
  const email = uniqueEmail("founder");
  await page.goto("/sign-up");
  await expectAccessible(page);
  // Field-level errors first.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name (at least 2 characters).")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters (a few unrelated words work well).")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Frida Founder");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your organisations" })).toBeVisible();
  await expect(page.getByText("You are not a member of any organisation yet.")).toBeVisible();

  await page.getByLabel("Organisation name").fill("Łódź Analytics ≥ 2");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { name: "Łódź Analytics ≥ 2: assessments" })).toBeVisible();
  expect(page.url()).toMatch(/\/o\/lodz-analytics-2\/assessments$/);
  await expectAccessible(page);

  await signOut(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password!!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  // A member of exactly one organisation lands in it, not on the list of organisations (issue 14).
  await signIn(page, email, "correct horse battery");
  await expect(page.getByRole("heading", { name: "Łódź Analytics ≥ 2: assessments" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/o/lodz-analytics-2/assessments");
  // The list of organisations stays one click away, to create another.
  await page.goto("/orgs");
  await expect(page.getByRole("link", { name: /Łódź Analytics ≥ 2/ })).toBeVisible();
});

test("session cookie is HttpOnly and SameSite", async ({ page, context }) => {
  await signIn(page, DEMO.viewer);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.includes("session_token"));
  expect(session, "a session cookie").toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(["Lax", "Strict"]).toContain(session!.sameSite);
});

test("sign-in attempts are rate-limited with a clear 429", async ({ page, request, baseURL }) => {
  const ip = "10.250.250.250";
  // A made-up email: ten failures on a real account would also trip its per-account limit.
  const target = uniqueEmail("nobody");
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await request.post("/api/auth/sign-in/email", {
      headers: { "x-forwarded-for": ip, origin: new URL(baseURL!).origin },
      data: { email: target, password: "not-the-password" },
    });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 10), "the first ten attempts are plain failures").toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  // The browser form explains it in words.
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": ip });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many sign-in attempts from here. Wait a minute, then try again.")).toBeVisible();
});

test("a user in two organisations switches between them", async ({ page }) => {
  await signIn(page, DEMO.owner);
  await page.goto("/o/northwind/assessments");
  await page.getByLabel("Organisation", { exact: true }).selectOption("fabrikam");
  await expect(page.getByRole("heading", { name: "Fabrikam Legal: assessments" })).toBeVisible();
  await expect(page.getByText("analyst", { exact: true })).toBeVisible();
  await expectAccessible(page);
});
