import { test, expect, expectAccessible, signIn, uniqueEmail, DEMO, newAccountPage, createOrg } from "./fixtures";
import type { Browser, Page } from "@playwright/test";

// Member management on a fresh organisation per test (the demo members stay as other specs need
// them): change a role, remove a member, revoke an invitation, transfer ownership, leave.

async function invite(page: Page, slug: string, email: string, role: string): Promise<string> {
  await page.goto(`/o/${slug}/members`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  return page.getByLabel("Invitation link").inputValue();
}

async function join(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await page.waitForURL(/\/assessments$/);
}

/** Answers the next confirmation dialog. */
function confirmNext(page: Page, accept: boolean): Promise<string> {
  return new Promise((resolve) => page.once("dialog", async (d) => {
    resolve(d.message());
    await (accept ? d.accept() : d.dismiss());
  }));
}

test("an owner changes a role, revokes an invitation and removes a member, each destructive step confirmed", async ({ browser }) => {
  const owner = await newAccountPage(browser, "Olive Owner");
  const slug = await createOrg(owner.page, `Members ${Date.now()}`);
  const member = await newAccountPage(browser, "Mark Member");
  await join(member.page, await invite(owner.page, slug, member.email, "analyst"));

  await owner.page.goto(`/o/${slug}/members`);
  await expectAccessible(owner.page);
  await owner.page.getByLabel("Role of Mark Member").selectOption("viewer");
  await owner.page.getByRole("button", { name: "Change role" }).click();
  await expect(owner.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // A pending invitation is revoked: its link stops working.
  const link = await invite(owner.page, slug, uniqueEmail("never-joins"), "viewer");
  await owner.page.reload();
  const asked = confirmNext(owner.page, true);
  await owner.page.getByRole("button", { name: /^Revoke invitation for never-joins/ }).click();
  expect(await asked).toMatch(/The link stops working/);
  await expect(owner.page.getByRole("button", { name: /^Revoke invitation for never-joins/ })).toHaveCount(0);
  await member.page.goto(link);
  await expect(member.page.getByText("This invitation has expired or has already been used.")).toBeVisible();

  // Dismissing the confirmation removes nobody; accepting it removes the member.
  const dismissed = confirmNext(owner.page, false);
  await owner.page.getByRole("button", { name: "Remove Mark Member" }).click();
  expect(await dismissed).toContain("Remove Mark Member");
  await owner.page.reload();
  await expect(owner.page.getByRole("cell", { name: "Mark Member", exact: true })).toBeVisible();
  const accepted = confirmNext(owner.page, true);
  await owner.page.getByRole("button", { name: "Remove Mark Member" }).click();
  await accepted;
  await expect(owner.page.getByRole("cell", { name: "Mark Member", exact: true })).toHaveCount(0);
  await expectAccessible(owner.page);

  const res = await member.page.goto(`/o/${slug}/assessments`);
  expect(res?.status()).toBe(404);
  await owner.page.context().close();
  await member.page.context().close();
});

test("the only owner cannot leave; after transferring ownership they are a manager and can leave", async ({ browser }) => {
  const owner = await newAccountPage(browser, "Tess Transfer");
  const slug = await createOrg(owner.page, `Hand-over ${Date.now()}`);
  const heir = await newAccountPage(browser, "Hugo Heir");
  await join(heir.page, await invite(owner.page, slug, heir.email, "analyst"));

  await owner.page.goto(`/o/${slug}/members`);
  await expect(owner.page.getByText("You are the only owner, so you cannot leave")).toBeVisible();
  await expect(owner.page.getByRole("button", { name: "Leave organisation" })).toHaveCount(0);

  await owner.page.getByLabel("New owner").selectOption({ label: "Hugo Heir (Analyst)" });
  const asked = confirmNext(owner.page, true);
  await owner.page.getByRole("button", { name: "Transfer ownership" }).click();
  expect(await asked).toContain("Make Hugo Heir (Analyst) an owner");
  await expect(owner.page.getByText("You are manager of")).toBeVisible();
  await expectAccessible(owner.page);

  // The new owner sees the former owner as a manager they can manage.
  await heir.page.goto(`/o/${slug}/members`);
  await expect(heir.page.getByLabel("Role of Tess Transfer")).toHaveValue("manager");

  const leaving = confirmNext(owner.page, true);
  await owner.page.getByRole("button", { name: "Leave organisation" }).click();
  await leaving;
  await owner.page.waitForURL("**/orgs");
  await expect(owner.page.getByRole("link", { name: /Hand-over/ })).toHaveCount(0);
  await owner.page.context().close();
  await heir.page.context().close();
});

test("a manager cannot touch the owner role; a viewer manages nobody", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/o/northwind/members");
  const ownerRow = page.getByRole("row").filter({ hasText: DEMO.owner });
  await expect(ownerRow.getByRole("combobox")).toHaveCount(0);
  await expect(ownerRow.getByRole("button")).toHaveCount(0);
  const viewerRow = page.getByRole("row").filter({ hasText: DEMO.viewer });
  await expect(viewerRow.getByRole("combobox").locator("option", { hasText: "Owner" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Transfer ownership" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in");
  await signIn(page, DEMO.viewer);
  await page.goto("/o/northwind/members");
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByRole("table").getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave organisation" })).toBeVisible();
});
