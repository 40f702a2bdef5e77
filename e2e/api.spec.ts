import { readFileSync } from "node:fs";
import { cycloneDxErrors } from "../lib/testing/cyclonedx";
import { test, expect, signIn, expectAccessible, DEMO } from "./fixtures";

// The REST API as a pipeline uses it: an owner creates a token in Settings, a script (Node's fetch,
// outside the browser) creates an assessment, updates one stage against its version and downloads
// the PDF memo and the BOM; the assessment's history shows the change under the token's name; the
// BOM downloaded from the recommendation page validates against CycloneDX 1.6; a revoked token is refused.

test("an owner creates an API token; a script updates a stage and downloads the PDF; the audit log names the token; the BOM validates", async ({ page }, testInfo) => {
  const origin = String(testInfo.project.use.baseURL);
  const tokenName = `E2E pipeline ${Date.now().toString(36)}`;
  await signIn(page, DEMO.owner);

  await page.goto("/o/northwind/settings");
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByLabel("Valid for (days)").fill("7");
  await page.getByLabel(/^write:/).check();
  await page.getByRole("button", { name: "Create API token" }).click();
  const secretBox = page.getByLabel("New API token");
  await expect(secretBox).toHaveValue(/^fh_/);
  const secret = await secretBox.inputValue();
  await expect(page.getByRole("row", { name: new RegExp(tokenName) })).toContainText("never");
  await expectAccessible(page);

  // The script: plain fetch with the bearer token, no cookies.
  const api = (path: string, init: RequestInit = {}) => fetch(`${origin}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers } });
  const created = await api("/assessments", { method: "POST", body: JSON.stringify({ title: "Pipeline-fed support bot", templateId: "support-summarisation" }) });
  expect(created.status).toBe(201);
  const { id, version } = (await created.json()) as { id: string; version: number };
  const read = (await (await api(`/assessments/${id}`)).json()) as { inputs: { lifecycle?: Record<string, unknown> } };
  const saved = await api(`/assessments/${id}/stages/lifecycle`, { method: "PUT", body: JSON.stringify({ expectedVersion: version, inputs: { ...read.inputs.lifecycle, patching: { hoursPerMonth: 14, usdPerHour: 110 } } }) });
  expect(saved.status).toBe(200);
  expect(((await saved.json()) as { version: number }).version).toBe(version + 1);
  const stale = await api(`/assessments/${id}/stages/lifecycle`, { method: "PUT", body: JSON.stringify({ expectedVersion: version, inputs: {} }) });
  expect(stale.status).toBe(409);
  expect(stale.headers.get("content-type")).toContain("application/problem+json");
  expect(((await stale.json()) as { currentVersion: number }).currentVersion).toBe(version + 1);
  const pdf = await api(`/assessments/${id}/pdf`);
  expect(pdf.status).toBe(200);
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const apiBom = await api(`/assessments/${id}/bom`);
  expect(await cycloneDxErrors(await apiBom.text())).toBeNull();

  // The assessment's history shows the change under the token's name.
  await page.goto(`/o/northwind/assessments/${id}/history`);
  await expect(page.getByText(`(API token “${tokenName}”)`).first()).toBeVisible();

  // The token list shows its last use.
  await page.goto("/o/northwind/settings");
  await expect(page.getByRole("row", { name: new RegExp(tokenName) })).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);

  // The BOM from the recommendation page validates against the CycloneDX 1.6 schema.
  await page.goto(`/o/northwind/assessments/${id}/recommendation`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download AI bill of materials (CycloneDX 1.6 JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.cdx\.json$/);
  const bom = JSON.parse(readFileSync((await download.path())!, "utf8")) as { specVersion: string; components: { type: string }[] };
  expect(bom.specVersion).toBe("1.6");
  expect(bom.components[0]!.type).toBe("machine-learning-model");
  expect(await cycloneDxErrors(bom)).toBeNull();

  // The API reference renders from the generated document.
  await page.goto("/o/northwind/api-docs");
  await expect(page.getByRole("heading", { level: 2, name: /PUT \/api\/v1\/assessments\/\{id\}\/stages\/\{stage\}/ })).toBeVisible();
  await expectAccessible(page);

  // Revoked: the script is refused.
  await page.goto("/o/northwind/settings");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(tokenName) })).toContainText("revoked");
  const refused = await api(`/assessments/${id}`);
  expect(refused.status).toBe(401);
});
