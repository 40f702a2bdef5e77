// The REST API end to end in-process: the real route handlers (app/api/v1), token verification,
// DAL and test database. Every response is validated against the generated OpenAPI document (its
// status, media type and, for JSON, its schema, with Ajv's JSON Schema 2020-12 validator), so the
// document and the code cannot disagree unnoticed.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { cycloneDxErrors } from "@/lib/testing/cyclonedx";
import { createAssessment } from "@/lib/dal/assessments";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/dal/api-tokens";
import { ASSESSMENT_TEMPLATES, getTemplate } from "@/lib/domain/assessment";
import type { TActor, TRole } from "@/lib/domain/shared";
import limits from "@/lib/limits.json";
import { buildOpenApiDocument } from "./openapi";
import { OPERATIONS, type TOperationId } from "./contract";

vi.mock("next/headers", async () => (await import("@/lib/testing/fake-request")).headersModule);
vi.mock("next/cache", async () => (await import("@/lib/testing/fake-request")).cacheModule);

type TUser = TActor & { email: string };
type TDoc = { components: unknown; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>> };

const appDir = path.resolve(__dirname, "../../app/api/v1");
const doc = buildOpenApiDocument() as unknown as TDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "https://freehold.test/openapi.json", components: doc.components });

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };
const DAY = 86_400_000;

let t: TTestDb;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let ownerA: TUser;
let managerA: TUser;
let ownerB: TUser;
let idsA: string[] = [];
let idB: string;
let fullToken: string;
let readToken: string;

/** The operation's route module, called as Next calls it. */
async function call(op: TOperationId, token: string | null, opts: { params?: Record<string, string>; query?: string; body?: unknown } = {}): Promise<Response> {
  const o = OPERATIONS[op];
  const dir = o.path.replace(/\{(\w+)\}/g, "[$1]");
  const mod = await import(/* @vite-ignore */ path.join(appDir, dir, "route.ts"));
  const url = `http://freehold.test/api/v1${o.path.replace(/\{(\w+)\}/g, (_, k: string) => opts.params?.[k] ?? "")}${opts.query ? `?${opts.query}` : ""}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, { method: o.method.toUpperCase(), headers, body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body) });
  // As Next does: a route without dynamic segments gets no params at all.
  return mod[o.method.toUpperCase()](request, { params: Promise.resolve(opts.params) });
}

/** Checks a response against the document: the status is listed, the media type matches, JSON fits its schema. Returns the body. */
async function conforms(op: TOperationId, res: Response): Promise<any> {
  const o = OPERATIONS[op];
  const spec = doc.paths[o.path]![o.method]!.responses[String(res.status)];
  expect(spec, `${op}: status ${res.status} is not in the document`).toBeDefined();
  const [media, content] = Object.entries(spec!.content ?? {})[0]!;
  expect(res.headers.get("content-type") ?? "", `${op} ${res.status}`).toContain(media);
  if (media === "application/pdf") {
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    return bytes;
  }
  const body = await res.json();
  const ref = (content.schema as { $ref?: string }).$ref!;
  const validate = ajv.getSchema(`https://freehold.test/openapi.json${ref}`)!;
  expect(validate(body), `${op} ${res.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return body;
}

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  orgA = await makeOrg(t.prisma, "Alpha");
  orgB = await makeOrg(t.prisma, "Beta");
  ownerA = await makeUser(t.prisma, orgA.id, "owner", "Olga Owner");
  managerA = await makeUser(t.prisma, orgA.id, "manager", "Max Manager");
  ownerB = await makeUser(t.prisma, orgB.id, "owner", "Bea Owner");
  // Owner A is also a member of B: the token still reaches only A (it names one organisation).
  await t.prisma.member.create({ data: { id: crypto.randomUUID(), organizationId: orgB.id, userId: ownerA.userId, role: "owner" } });
  for (let i = 0; i < 27; i++) idsA.push((await createAssessment(ownerA, orgA.slug, { ...base, title: `Alpha plan ${String(i).padStart(2, "0")}` })).id);
  idB = (await createAssessment(ownerB, orgB.slug, { ...base, title: "Beta's plan" })).id;
  fullToken = (await createApiToken(ownerA, orgA.slug, { name: "CI pipeline", scopes: ["read", "write", "review"], expiresAt: new Date(Date.now() + 30 * DAY) })).secret;
  readToken = (await createApiToken(ownerA, orgA.slug, { name: "Dashboard", scopes: ["read"], expiresAt: new Date(Date.now() + 30 * DAY) })).secret;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("REST API routes", () => {
  it("every operation of the contract is routed by a file at its path, with its method", () => {
    for (const [id, o] of Object.entries(OPERATIONS)) {
      const file = path.join(appDir, o.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      expect(fs.readFileSync(file, "utf8"), id).toContain(`export const ${o.method.toUpperCase()} = apiRoute("${id}");`);
    }
  });
});

describe("REST API with a read, write and review token", () => {
  it("lists the portfolio a page at a time with a cursor, and filters", async () => {
    const first = await conforms("listAssessments", await call("listAssessments", fullToken, { query: "limit=25&sort=title&dir=asc" }));
    expect(first.total).toBe(27);
    expect(first.items).toHaveLength(25);
    expect(first.items[0].title).toBe("Alpha plan 00");
    const second = await conforms("listAssessments", await call("listAssessments", fullToken, { query: `limit=25&sort=title&dir=asc&cursor=${first.nextCursor}` }));
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(["Alpha plan 25", "Alpha plan 26"]);
    expect(second.nextCursor).toBeNull();
    const filtered = await conforms("listAssessments", await call("listAssessments", fullToken, { query: "q=plan%2007" }));
    expect(filtered.items.map((i: { title: string }) => i.title)).toEqual(["Alpha plan 07"]);
    await conforms("listAssessments", await call("listAssessments", fullToken, { query: "cursor=forged" })).then((p) => expect(p.status).toBe(400));
    const bad = await call("listAssessments", fullToken, { query: "status=finished" });
    expect(bad.status).toBe(422);
    expect((await conforms("listAssessments", bad)).errors.status).toBeTruthy();
  });

  it("creates, reads with figures and verdict, updates a stage against its version (409 when stale), exports, imports, submits", async () => {
    const created = await conforms("createAssessment", await call("createAssessment", fullToken, { body: { title: "From the pipeline", templateId: template.id } }));
    expect(created).toMatchObject({ title: "From the pipeline", version: 1, status: "draft" });
    const invalid = await call("createAssessment", fullToken, { body: { title: "x", candidateModelId: "no-such-model", incumbentApiId: template.incumbentApiId } });
    expect(invalid.status).toBe(422);
    expect(Object.keys((await conforms("createAssessment", invalid)).errors).sort()).toEqual(["candidateModelId", "title"]);

    const read = await conforms("getAssessment", await call("getAssessment", fullToken, { params: { id: created.id } }));
    expect(read.recommendation.verdict).toBeTruthy();
    expect(read.keyFigures.find((f: { key: string }) => f.key === "economics.apiUsdPerMonth").value).toBeGreaterThan(0);

    const lifecycle = { ...template.inputs.lifecycle, patching: { hoursPerMonth: 12, usdPerHour: 95 } };
    const saved = await conforms("updateStage", await call("updateStage", fullToken, { params: { id: created.id, stage: "lifecycle" }, body: { expectedVersion: 1, inputs: lifecycle } }));
    expect(saved).toMatchObject({ version: 2, stage: "lifecycle", stageStatus: "complete" });
    const stale = await call("updateStage", fullToken, { params: { id: created.id, stage: "lifecycle" }, body: { expectedVersion: 1, inputs: lifecycle } });
    expect(stale.status).toBe(409);
    expect((await conforms("updateStage", stale)).currentVersion).toBe(2);
    const wrong = await call("updateStage", fullToken, { params: { id: created.id, stage: "lifecycle" }, body: { expectedVersion: 2, inputs: { patching: { hoursPerMonth: -3 } } } });
    expect(wrong.status).toBe(422);
    expect((await conforms("updateStage", wrong)).errors).toHaveProperty(["inputs.patching.hoursPerMonth"]);
    expect((await call("updateStage", fullToken, { params: { id: created.id, stage: "nonsense" }, body: { expectedVersion: 2, inputs: {} } })).status).toBe(404);
    expect((await call("updateStage", fullToken, { params: { id: created.id, stage: "lifecycle" }, body: "{not json" })).status).toBe(400);

    const exported = await conforms("exportAssessment", await call("exportAssessment", fullToken, { params: { id: created.id } }));
    expect(exported.assessment.inputs.lifecycle.patching).toEqual({ hoursPerMonth: 12, usdPerHour: 95 });
    const imported = await conforms("importAssessment", await call("importAssessment", fullToken, { body: exported }));
    expect(imported).toMatchObject({ title: "From the pipeline", version: 1 });
    const badImport = await call("importAssessment", fullToken, { body: { ...exported, format: "something-else" } });
    expect(badImport.status).toBe(422);
    await conforms("importAssessment", badImport);

    const submitted = await conforms("submitForReview", await call("submitForReview", fullToken, { params: { id: created.id }, body: { expectedVersion: 2, note: "From CI" } }));
    expect(submitted).toEqual({ id: created.id, status: "in_review", snapshotNumber: 1 });
    const inReview = await call("updateStage", fullToken, { params: { id: created.id, stage: "lifecycle" }, body: { expectedVersion: 2, inputs: lifecycle } });
    expect(inReview.status).toBe(409);
    await conforms("updateStage", inReview);
  });

  it("downloads both PDFs, compares, and exports a BOM that validates against CycloneDX 1.6", async () => {
    await conforms("assessmentPdf", await call("assessmentPdf", fullToken, { params: { id: idsA[0]! } }));
    await conforms("comparePdf", await call("comparePdf", fullToken, { query: `ids=${idsA[0]},${idsA[1]}` }));
    const comparison = await conforms("compare", await call("compare", fullToken, { query: `ids=${idsA[0]},${idsA[1]}` }));
    expect(comparison.reports.map((r: { id: string }) => r.id)).toEqual([idsA[0], idsA[1]]);
    expect((await call("compare", fullToken, { query: `ids=${idsA[0]}` })).status).toBe(400);
    const res = await call("assessmentBom", fullToken, { params: { id: idsA[0]! } });
    expect(res.headers.get("content-disposition")).toMatch(/\.cdx\.json/);
    const bom = await conforms("assessmentBom", res);
    expect(bom.specVersion).toBe("1.6");
    expect(await cycloneDxErrors(bom)).toBeNull();
  });

  it("files every call in the audit log under the token's name, and a change under its creator with the token's name", async () => {
    const calls = await t.prisma.auditEvent.findMany({ where: { organizationId: orgA.id, action: "api.request" } });
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.every((c) => (c.detail as { token: string }).token === "CI pipeline" && c.actorName === "Olga Owner (API token “CI pipeline”)")).toBe(true);
    const change = await t.prisma.auditEvent.findFirst({ where: { organizationId: orgA.id, action: "assessment.updated" } });
    expect(change?.actorName).toBe("Olga Owner (API token “CI pipeline”)");
    const tokens = await listApiTokens(ownerA.userId, orgA.slug);
    expect(tokens.find((tk) => tk.name === "CI pipeline")?.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("REST API refusals", () => {
  it("a token of organisation A gets 404 for B's ids, even when its creator is a member of B, and B is unchanged", async () => {
    const before = await t.prisma.assessment.findUniqueOrThrow({ where: { id: idB } });
    for (const [op, opts] of [
      ["getAssessment", { params: { id: idB } }],
      ["exportAssessment", { params: { id: idB } }],
      ["assessmentPdf", { params: { id: idB } }],
      ["assessmentBom", { params: { id: idB } }],
      ["updateStage", { params: { id: idB, stage: "lifecycle" }, body: { expectedVersion: 1, inputs: {} } }],
      ["submitForReview", { params: { id: idB }, body: { expectedVersion: 1 } }],
      ["compare", { query: `ids=${idsA[0]},${idB}` }],
      ["comparePdf", { query: `ids=${idsA[0]},${idB}` }],
    ] as [TOperationId, Parameters<typeof call>[2]][]) {
      const res = await call(op, fullToken, opts);
      expect(res.status, op).toBe(404);
      await conforms(op, res);
    }
    const list = await conforms("listAssessments", await call("listAssessments", fullToken, { query: "q=Beta" }));
    expect(list.total).toBe(0);
    expect(await t.prisma.assessment.findUniqueOrThrow({ where: { id: idB } })).toEqual(before);
  });

  it("a read token cannot write, import or submit (403), and changes nothing", async () => {
    const before = await t.prisma.assessment.count();
    for (const [op, opts] of [
      ["createAssessment", { body: { title: "Sneaky", templateId: template.id } }],
      ["updateStage", { params: { id: idsA[2]!, stage: "lifecycle" }, body: { expectedVersion: 1, inputs: {} } }],
      ["submitForReview", { params: { id: idsA[2]! }, body: { expectedVersion: 1 } }],
      ["importAssessment", { body: {} }],
    ] as [TOperationId, Parameters<typeof call>[2]][]) {
      const res = await call(op, readToken, opts);
      expect(res.status, op).toBe(403);
      expect((await conforms(op, res)).detail).toMatch(/scopes \(read\) do not include/);
    }
    expect(await t.prisma.assessment.count()).toBe(before);
    expect((await call("getAssessment", readToken, { params: { id: idsA[2]! } })).status).toBe(200);
  });

  it("a write token acts with its creator's role: once the manager who made it is a viewer, writes are refused", async () => {
    const token = (await createApiToken(managerA, orgA.slug, { name: "Manager's script", scopes: ["read", "write"], expiresAt: new Date(Date.now() + DAY) })).secret;
    await t.prisma.member.updateMany({ where: { organizationId: orgA.id, userId: managerA.userId }, data: { role: "viewer" satisfies TRole } });
    const res = await call("updateStage", token, { params: { id: idsA[3]!, stage: "lifecycle" }, body: { expectedVersion: 1, inputs: {} } });
    expect(res.status).toBe(403);
    await conforms("updateStage", res);
    expect((await t.prisma.assessment.findUniqueOrThrow({ where: { id: idsA[3]! } })).version).toBe(1);
  });

  it("a missing, malformed, unknown, revoked or expired token gets 401 with WWW-Authenticate", async () => {
    const revoked = await createApiToken(ownerA, orgA.slug, { name: "Old laptop", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) });
    await revokeApiToken(ownerA, orgA.slug, revoked.id);
    const expired = await createApiToken(ownerA, orgA.slug, { name: "Short-lived", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) });
    await t.prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const cases: [string | null, RegExp][] = [
      [null, /Send an API token/],
      ["not-a-token", /not a Freehold API token/],
      [`fh_${"A".repeat(43)}`, /not known/],
      [revoked.secret, /revoked/],
      [expired.secret, /expired/],
    ];
    for (const [token, message] of cases) {
      const res = await call("listAssessments", token);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await conforms("listAssessments", res)).detail).toMatch(message);
    }
  });

  it("a token over its rate limit gets 429 with Retry-After; another token is unaffected", async () => {
    const { secret } = await createApiToken(ownerA, orgA.slug, { name: "Runaway loop", scopes: ["read"], expiresAt: new Date(Date.now() + DAY) });
    const statuses: number[] = [];
    let limited: Response | undefined;
    // The bucket refills while the loop runs (capacity per minute), so it takes a few more calls
    // than the capacity to empty; it must never refuse one of the first `capacity`.
    for (let i = 0; i < 2 * limits.apiCallsPerMinutePerToken && !limited; i++) {
      const res = await call("compare", secret, { query: "ids=" });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, limits.apiCallsPerMinutePerToken).every((s) => s === 400)).toBe(true);
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await conforms("compare", limited!);
    expect((await call("compare", readToken, { query: "ids=" })).status).toBe(400);
  }, 120_000);
});
