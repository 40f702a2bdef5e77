// The tenancy matrix: every page, route handler and server action of the app, called as another
// organisation's owner and as each role that may not do it, must refuse (a 404, or a refused
// result) and change nothing; the role that may do it must succeed with the same call, so no
// entry passes because its call was broken. The lists below are compared with the files and
// exports that exist: a new page, route or action without an entry fails this test.
// In-process against the test database (pglite:memory, or PostgreSQL via TEST_DATABASE_URL), with
// the real DAL and action wrapper; only the session, headers and cache are stand-ins.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { actAs, nextSignal } from "@/lib/testing/fake-request";
import { createAssessment, getAssessment } from "@/lib/dal/assessments";
import { submitForReview } from "@/lib/dal/reviews";
import { createInvitation } from "@/lib/dal/members";
import { ASSESSMENT_TEMPLATES, getTemplate, toExport } from "@/lib/domain/assessment";
import type { TActor, TRole } from "@/lib/domain/shared";
import { LLAMA_3_1_8B } from "@/lib/domain/catalog/hf-config.fixtures";
import * as assessmentActions from "@/lib/actions/assessments";
import * as reviewActions from "@/lib/actions/review";
import * as wizardActions from "@/lib/actions/wizard";
import * as memberActions from "@/lib/actions/members";
import * as organisationActions from "@/lib/actions/organisations";
import * as priceBookActions from "@/lib/actions/price-book";
import * as attachmentActions from "@/lib/actions/attachments";
import { addAttachment } from "@/lib/dal/attachments";
import * as apiTokenActions from "@/lib/actions/api-tokens";
import { createApiToken } from "@/lib/dal/api-tokens";
import * as ssoActions from "@/lib/actions/sso";
import { saveSsoConnection } from "@/lib/dal/sso";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fake-request")).sessionModule);
vi.mock("next/headers", async () => (await import("@/lib/testing/fake-request")).headersModule);
vi.mock("next/cache", async () => (await import("@/lib/testing/fake-request")).cacheModule);
// Saving single sign-on settings reads the issuer's discovery document; this matrix is about who may
// save, so the document is answered here instead of over the network.
const SSO_ENDPOINTS = { authorizationEndpoint: "https://idp.tenancy.example/auth", tokenEndpoint: "https://idp.tenancy.example/token", jwksUri: "https://idp.tenancy.example/jwks", userinfoEndpoint: null };
vi.mock("@/lib/auth/oidc", async (original) => ({ ...(await original<typeof import("@/lib/auth/oidc")>()), discover: async () => SSO_ENDPOINTS }));
// The client secret is encrypted with the auth secret; without one the embedded default would
// write .data/auth-secret into the checkout.
process.env.BETTER_AUTH_SECRET ??= "tenancy-test-secret-0123456789abcdef0123456789";

type TUser = TActor & { email: string };
type TVictim = { id: string; slug: string; name: string } & Record<TRole, TUser>;

let t: TTestDb;
let intruder: TUser; // owner of another organisation
let intruderOrg: { id: string; slug: string };
let intruderAssessmentId: string;

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };

/** A fresh organisation with one member of each role, so one entry's changes never reach another. */
async function victim(): Promise<TVictim> {
  const org = await makeOrg(t.prisma, "Victim");
  const [owner, manager, analyst, viewer] = await Promise.all((["owner", "manager", "analyst", "viewer"] as const).map((r) => makeUser(t.prisma, org.id, r, `Victim ${r}`)));
  return { ...org, name: "Victim", owner: owner!, manager: manager!, analyst: analyst!, viewer: viewer! };
}

const draft = async (v: TVictim) => (await createAssessment(v.analyst, v.slug, { ...base, title: "Victim's plan" })).id;
const inReview = async (v: TVictim) => {
  const id = await draft(v);
  await submitForReview(v.analyst, v.slug, id, 1, "");
  return id;
};
const EVIDENCE = "%PDF-1.4\n% counsel's signed licence review\n";
const evidenceFile = () => new File([EVIDENCE], "licence-review.pdf", { type: "application/pdf" });
const withFile = async (v: TVictim) => {
  const id = await draft(v);
  const file = await addAttachment(v.analyst, v.slug, id, { stage: "licence", kind: "licence-review", fileName: "licence-review.pdf", bytes: new TextEncoder().encode(EVIDENCE) });
  return { id, fileId: file.id };
};
const memberId = async (v: TVictim, u: TUser) => (await t.prisma.member.findFirstOrThrow({ where: { organizationId: v.id, userId: u.userId } })).id;
const form = (entries: Record<string, string | File> = {}) => {
  const f = new FormData();
  for (const [k, value] of Object.entries(entries)) f.append(k, value);
  return f;
};

/** Everything tenant data consists of; a refused call must leave it byte for byte as it was. */
async function fingerprint(): Promise<string> {
  const db = t.prisma;
  const byId = { orderBy: { id: "asc" as const } };
  return JSON.stringify(
    await Promise.all([
      db.organization.findMany(byId),
      db.member.findMany(byId),
      db.invitation.findMany(byId),
      db.assessment.findMany(byId),
      db.assessmentSnapshot.findMany(byId),
      db.reviewDecision.findMany(byId),
      db.stageSignOff.findMany(byId),
      db.auditEvent.findMany(byId),
      db.priceBook.findMany({ orderBy: { organizationId: "asc" } }),
      db.attachment.findMany(byId),
      db.attachmentBlob.findMany({ orderBy: { key: "asc" } }),
      db.apiToken.findMany(byId),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Server actions

type TCall = (slug: string, target: any) => Promise<unknown>;
type TActionEntry = {
  /** Roles of the organisation that must be refused; the intruder always is. */
  deny: TRole[];
  /** Who succeeds with the same call. */
  allow: (v: TVictim) => TUser;
  setup?: (v: TVictim) => Promise<unknown>;
  call: TCall;
  /** More refusals: [label, who, call]. */
  also?: (v: TVictim, target: any) => Promise<[string, TUser, () => Promise<unknown>][]>;
  /** The target is data the caller brings (a file), not an id of the organisation's. */
  bringsOwnData?: boolean;
  /** User-level actions (no organisation in the URL): how tenancy is kept, in words. */
  userLevel?: string;
};

const EDITORS_ONLY: TRole[] = ["viewer"];
const ADMINS_ONLY: TRole[] = ["viewer", "analyst"];

const ACTIONS: Record<string, TActionEntry> = {
  "assessments.createAssessmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    call: (slug) => assessmentActions.createAssessmentAction(slug, null, form({ title: "Planted", templateId: template.id })),
  },
  "assessments.renameAssessmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => assessmentActions.renameAssessmentAction(slug, id, null, form({ title: "Renamed by an intruder", version: "1" })),
  },
  "assessments.deleteAssessmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => assessmentActions.deleteAssessmentAction(slug, id, null, form()),
  },
  "assessments.changeModelsAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => assessmentActions.changeModelsAction(slug, id, null, form({ candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, version: "1" })),
  },
  "assessments.duplicateAssessmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => assessmentActions.duplicateAssessmentAction(slug, id, null, form()),
  },
  "assessments.importAssessmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    bringsOwnData: true,
    setup: async (v) => {
      const a = await getAssessment(v.analyst.userId, v.slug, await draft(v));
      return JSON.stringify(toExport({ organizationName: v.name, exportedAt: new Date(), assessment: a }));
    },
    call: (slug, json) => assessmentActions.importAssessmentAction(slug, null, form({ file: new File([json], "plan.freehold.json", { type: "application/json" }) })),
  },
  "review.submitForReviewAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => reviewActions.submitForReviewAction(slug, id, null, form({ text: "", version: "1" })),
  },
  "review.withdrawSubmissionAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: inReview,
    call: (slug, id) => reviewActions.withdrawSubmissionAction(slug, id, null, form()),
  },
  "review.decideReviewAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: inReview,
    call: (slug, id) => reviewActions.decideReviewAction(slug, id, null, form({ outcome: "approved", text: "" })),
  },
  "review.signOffStageAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: draft,
    call: (slug, id) => reviewActions.signOffStageAction(slug, id, "licence", null, form({ text: "Counsel read it." })),
  },
  "attachments.uploadAttachmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => attachmentActions.uploadAttachmentAction(slug, id, "licence", null, form({ kind: "licence-review", file: evidenceFile() })),
    also: async (v, id) => {
      const submitted = await inReview(v);
      return [
        ["an analyst adding to an assessment in review", v.analyst, () => attachmentActions.uploadAttachmentAction(v.slug, submitted, "licence", null, form({ kind: "licence-review", file: evidenceFile() }))],
        ["an HTML page named .pdf", v.analyst, () => attachmentActions.uploadAttachmentAction(v.slug, id, "licence", null, form({ kind: "licence-review", file: new File(["<!doctype html><script>alert(1)</script>"], "review.pdf", { type: "application/pdf" }) }))],
      ];
    },
  },
  "attachments.deleteAttachmentAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: withFile,
    call: (slug, x) => attachmentActions.deleteAttachmentAction(slug, x.id, x.fileId, null, form()),
    also: async (v, x) => {
      const other = await draft(v);
      return [["the file's id through another assessment of the organisation", v.analyst, () => attachmentActions.deleteAttachmentAction(v.slug, other, x.fileId, null, form())]];
    },
  },
  "wizard.saveStageAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => wizardActions.saveStageAction(slug, id, "lifecycle", 1, {}),
  },
  "wizard.saveCustomModelAction": {
    deny: EDITORS_ONLY,
    allow: (v) => v.analyst,
    setup: draft,
    call: (slug, id) => wizardActions.saveCustomModelAction(slug, id, 1, { name: "Our Llama", licenceId: "llama-3.1", configText: JSON.stringify(LLAMA_3_1_8B) }),
  },
  "wizard.importEvalFileAction": {
    deny: [],
    allow: (v) => v.viewer,
    userLevel: "parses an uploaded file and returns it; reads and writes no stored data",
    call: () => wizardActions.importEvalFileAction(fs.readFileSync(path.resolve(__dirname, "domain/__fixtures__/lm-eval-results_2026-03-01T12-00-00.json"), "utf8"), "results.json"),
  },
  "members.inviteMemberAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    call: (slug) => memberActions.inviteMemberAction(slug, null, form({ email: "new.hire@test.example", role: "analyst" })),
    also: async (v) => [["a manager inviting an owner", v.manager, () => memberActions.inviteMemberAction(v.slug, null, form({ email: "boss@test.example", role: "owner" }))]],
  },
  "members.revokeInvitationAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: async (v) => (await createInvitation(v.owner, v.slug, { email: "pending@test.example", role: "viewer" })).id,
    call: (slug, id) => memberActions.revokeInvitationAction(slug, id, null, form()),
    also: async (v) => {
      const ownerInvite = (await createInvitation(v.owner, v.slug, { email: "future.owner@test.example", role: "owner" })).id;
      return [["a manager revoking an owner's invitation", v.manager, () => memberActions.revokeInvitationAction(v.slug, ownerInvite, null, form())]];
    },
  },
  "members.changeRoleAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: (v) => memberId(v, v.viewer),
    call: (slug, id) => memberActions.changeRoleAction(slug, id, null, form({ role: "analyst" })),
    also: async (v, id) => [
      ["a manager demoting the owner", v.manager, async () => memberActions.changeRoleAction(v.slug, await memberId(v, v.owner), null, form({ role: "viewer" }))],
      ["a manager making someone owner", v.manager, () => memberActions.changeRoleAction(v.slug, id, null, form({ role: "owner" }))],
      ["the last owner demoting themself", v.owner, async () => memberActions.changeRoleAction(v.slug, await memberId(v, v.owner), null, form({ role: "manager" }))],
    ],
  },
  "members.removeMemberAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: (v) => memberId(v, v.viewer),
    call: (slug, id) => memberActions.removeMemberAction(slug, id, null, form()),
    also: async (v) => [
      ["a manager removing the owner", v.manager, async () => memberActions.removeMemberAction(v.slug, await memberId(v, v.owner), null, form())],
      ["the last owner removing themself", v.owner, async () => memberActions.removeMemberAction(v.slug, await memberId(v, v.owner), null, form())],
    ],
  },
  "members.transferOwnershipAction": {
    deny: ["viewer", "analyst", "manager"],
    allow: (v) => v.owner,
    setup: (v) => memberId(v, v.analyst),
    call: (slug, id) => memberActions.transferOwnershipAction(slug, null, form({ memberId: id })),
  },
  "members.leaveOrganizationAction": {
    deny: [],
    allow: (v) => v.viewer,
    call: (slug) => memberActions.leaveOrganizationAction(slug, null, form()),
    also: async (v) => [["the last owner leaving", v.owner, () => memberActions.leaveOrganizationAction(v.slug, null, form())]],
  },
  "members.acceptInvitationAction": {
    // Only the invited address may accept: every member of the organisation and the intruder are refused.
    deny: ["owner", "manager", "analyst", "viewer"],
    allow: () => invitee,
    userLevel: "the invitation id is the credential, and only the invited address may accept it",
    setup: async (v) => (await createInvitation(v.owner, v.slug, { email: invitee.email, role: "viewer" })).id,
    call: (_slug, id) => memberActions.acceptInvitationAction(id, null, form()),
  },
  "organisations.setReviewPolicyAction": {
    deny: ["viewer", "analyst", "manager"],
    allow: (v) => v.owner,
    call: (slug) => organisationActions.setReviewPolicyAction(slug, null, form({ policy: "self-allowed" })),
  },
  "price-book.savePriceBookAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    call: (slug) => priceBookActions.savePriceBookAction(slug, 0, null, form({ "vendor:OpenAI": "25", "gpuHour:h100-sxm-80gb": "1.9" })),
  },
  "api-tokens.createApiTokenAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    call: (slug) => apiTokenActions.createApiTokenAction(slug, null, form({ name: "Planted pipeline", scope_read: "on", scope_write: "on", expiresInDays: "30" })),
  },
  "api-tokens.revokeApiTokenAction": {
    deny: ADMINS_ONLY,
    allow: (v) => v.manager,
    setup: async (v) => (await createApiToken(v.owner, v.slug, { name: "Victim's pipeline", scopes: ["read"], expiresAt: new Date(Date.now() + 86_400_000) })).id,
    call: (slug, id) => apiTokenActions.revokeApiTokenAction(slug, id, null, form()),
  },
  "sso.saveSsoAction": {
    deny: ["viewer", "analyst", "manager"],
    allow: (v) => v.owner,
    call: (slug) => ssoActions.saveSsoAction(slug, null, form({ issuer: "https://idp.tenancy.example", clientId: "freehold", clientSecret: "s3cret", domains: `${slug}.example`, defaultRole: "viewer" })),
  },
  "sso.deleteSsoAction": {
    deny: ["viewer", "analyst", "manager"],
    allow: (v) => v.owner,
    setup: async (v) => {
      await saveSsoConnection(v.owner, v.slug, { issuer: "https://idp.tenancy.example", clientId: "freehold", clientSecretSealed: "sealed", domains: [`${v.slug}.example`], defaultRole: "viewer", passwordSignInDisabled: true, endpoints: SSO_ENDPOINTS });
      return undefined;
    },
    call: (slug) => ssoActions.deleteSsoAction(slug, null, form()),
  },
  "organisations.createOrganizationAction": {
    deny: [],
    allow: (v) => v.viewer,
    userLevel: "creates a new organisation owned by the caller; reads no other organisation",
    call: () => organisationActions.createOrganizationAction(null, form({ name: "Planted Org" })),
  },
};
let invitee: TUser;

const ACTION_MODULES = { "api-tokens": apiTokenActions, attachments: attachmentActions, assessments: assessmentActions, review: reviewActions, wizard: wizardActions, members: memberActions, organisations: organisationActions, "price-book": priceBookActions, sso: ssoActions };

function isRefused(result: unknown): boolean {
  const r = result as { kind?: string; code?: string };
  return r?.kind === "invalid" || (r?.kind === "error" && (r.code === "forbidden" || r.code === "not-found"));
}

async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (e) {
    const signal = nextSignal(e);
    if (signal) return { signal };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Pages and route handlers: every one under /o/[slug] is a 404 for the intruder, readable by every
// role of the organisation. The rest are public or per-user by design, said in words.

type TTargets = { v: TVictim; assessmentId: string; otherId: string; snapshotId: string; fileId: string };
type TPageEntry = { params: (x: TTargets) => Record<string, string>; searchParams?: (x: TTargets) => Record<string, string> } | { public: string };

const PAGES: Record<string, TPageEntry> = {
  "/": { public: "the landing page; it shows no organisation data" },
  "/(auth)/sign-in": { public: "the sign-in form" },
  "/(auth)/sign-up": { public: "the sign-up form" },
  "/bench-floor": { public: "a benchmark's floor page (one heading, no data): a 404 unless FREEHOLD_BENCH_FLOOR=on, which only npm run bench:http sets" },
  "/bench-floor/signed-in": { public: "a benchmark's signed-in floor page (session check and one heading, no organisation data): a 404 unless FREEHOLD_BENCH_FLOOR=on" },
  "/invite/[id]": { public: "the invitation id in the link is the credential (a random UUID); an unknown id is a 404" },
  "/orgs": { public: "lists only the caller's own memberships (listMyOrganizations filters by the caller)" },
  "/o/[slug]": { params: ({ v }) => ({ slug: v.slug }) },
  "/o/[slug]/assessments": { params: ({ v }) => ({ slug: v.slug }), searchParams: () => ({}) },
  "/o/[slug]/assessments/[id]": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/economics": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/recommendation": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/stages/[stage]": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId, stage: "licence" }) },
  "/o/[slug]/assessments/[id]/history": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }), searchParams: () => ({}) },
  "/o/[slug]/assessments/[id]/history/[snapshotId]": { params: ({ v, otherId, snapshotId }) => ({ slug: v.slug, id: otherId, snapshotId }) },
  "/o/[slug]/compare": { params: ({ v }) => ({ slug: v.slug }), searchParams: ({ assessmentId, otherId }) => ({ ids: `${assessmentId},${otherId}` }) },
  "/o/[slug]/members": { params: ({ v }) => ({ slug: v.slug }) },
  "/o/[slug]/settings": { params: ({ v }) => ({ slug: v.slug }) },
  "/o/[slug]/price-book": { params: ({ v }) => ({ slug: v.slug }) },
  "/o/[slug]/assessments/[id]/leverage": { params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/api-docs": { params: ({ v }) => ({ slug: v.slug }) },
};

const API_TOKEN_ROUTE = "the REST API: no session; a bearer API token names one organisation, and its tenancy (404 for another's ids) is tested in lib/api/api.int.test.ts";

type TRouteEntry = { url: (x: TTargets) => string; params: (x: TTargets) => Record<string, string> } | { public: string };

const ROUTES: Record<string, TRouteEntry> = {
  "/api/auth/[...all]": { public: "better-auth's own endpoints (sign-in, session); they check the session themselves" },
  "/bench-floor/memo": { public: "a benchmark's floor for the PDF route: a 404 unless FREEHOLD_BENCH_FLOOR=on; with it on, the memo's data is read by assessmentMemoInputs, the PDF route's own tenant-checked read" },
  "/api/health": { public: "answers whether the database responds; reads no organisation data" },
  "/api/v1/openapi.json": { public: "the API's description, generated from its schemas; holds no data" },
  "/api/v1/assessments": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]/bom": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]/export": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]/pdf": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]/stages/[stage]": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/[id]/submit": { public: API_TOKEN_ROUTE },
  "/api/v1/assessments/import": { public: API_TOKEN_ROUTE },
  "/api/v1/compare": { public: API_TOKEN_ROUTE },
  "/api/v1/compare/pdf": { public: API_TOKEN_ROUTE },
  "/o/[slug]/assessments/export.csv": { url: ({ v }) => `/o/${v.slug}/assessments/export.csv`, params: ({ v }) => ({ slug: v.slug }) },
  "/o/[slug]/assessments/[id]/export": { url: ({ v, assessmentId }) => `/o/${v.slug}/assessments/${assessmentId}/export`, params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/bom": { url: ({ v, assessmentId }) => `/o/${v.slug}/assessments/${assessmentId}/bom`, params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/pdf": { url: ({ v, assessmentId }) => `/o/${v.slug}/assessments/${assessmentId}/pdf`, params: ({ v, assessmentId }) => ({ slug: v.slug, id: assessmentId }) },
  "/o/[slug]/assessments/[id]/attachments/[attachmentId]": {
    url: ({ v, assessmentId, fileId }) => `/o/${v.slug}/assessments/${assessmentId}/attachments/${fileId}`,
    params: ({ v, assessmentId, fileId }) => ({ slug: v.slug, id: assessmentId, attachmentId: fileId }),
  },
  "/o/[slug]/compare/pdf": { url: ({ v, assessmentId, otherId }) => `/o/${v.slug}/compare/pdf?ids=${assessmentId},${otherId}`, params: ({ v }) => ({ slug: v.slug }) },
};

const appDir = path.resolve(__dirname, "../app");
function appFiles(name: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) out.push(`/${path.relative(appDir, dir).split(path.sep).join("/")}`.replace(/\/$/, "") || "/");
    }
  };
  walk(appDir);
  return out.sort();
}
const importApp = (route: string, file: string) => import(/* @vite-ignore */ path.join(appDir, route, file));

// The intruder tries the victim's URL, then their own organisation's URL with the victim's ids.
const asIntruder = (params: Record<string, string>) => [params, { ...params, slug: intruderOrg.slug }].filter((p, i) => i === 0 || Object.keys(p).length > 1);

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  intruderOrg = await makeOrg(t.prisma, "Intruder");
  intruder = await makeUser(t.prisma, intruderOrg.id, "owner", "Ivan Intruder");
  intruderAssessmentId = (await createAssessment(intruder, intruderOrg.slug, { ...base, title: "Intruder's own" })).id;
  invitee = await makeUser(t.prisma, null, "viewer", "Ines Invitee");
});

afterAll(async () => {
  await t?.close();
});

describe("tenancy matrix", () => {
  it("covers every page, route handler and server action that exists", async () => {
    expect(Object.keys(PAGES).sort()).toEqual(appFiles("page.tsx"));
    expect(Object.keys(ROUTES).sort()).toEqual(appFiles("route.ts"));
    const actionsDir = path.resolve(__dirname, "actions");
    const serverModules = fs.readdirSync(actionsDir).filter((f) => /\.ts$/.test(f) && !f.includes(".test.") && fs.readFileSync(path.join(actionsDir, f), "utf8").startsWith('"use server"'));
    expect(serverModules.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(Object.keys(ACTION_MODULES).sort());
    const exported = Object.entries(ACTION_MODULES).flatMap(([m, mod]) => Object.entries(mod).filter(([, v]) => typeof v === "function").map(([name]) => `${m}.${name}`));
    expect(Object.keys(ACTIONS).sort()).toEqual(exported.sort());
  });

  describe.each(Object.entries(ACTIONS))("action %s", (_key, entry) => {
    it("refuses the intruder, the signed-out and the roles that may not, changing nothing; the allowed role succeeds", async () => {
      const v = await victim();
      const target = await entry.setup?.(v);
      const refusals: [string, TUser | null, () => Promise<unknown>][] = [
        ["signed out", null, () => entry.call(v.slug, target)],
        ...entry.deny.map((role): [string, TUser, () => Promise<unknown>] => [role, v[role], () => entry.call(v.slug, target)]),
        ...(await entry.also?.(v, target) ?? []),
      ];
      if (!entry.userLevel || entry.deny.length) {
        refusals.push(["another organisation's owner", intruder, () => entry.call(v.slug, target)]);
        if (target !== undefined && !entry.bringsOwnData) refusals.push(["another organisation's owner, with their own slug", intruder, () => entry.call(intruderOrg.slug, target)]);
      }
      const afterSetup = await fingerprint();
      for (const [label, who, call] of refusals) {
        actAs(who);
        const result = await outcome(call);
        if (who === null) expect(result, label).toMatchObject({ kind: "error", code: "signed-out" });
        else expect(isRefused(result), `${label}: ${JSON.stringify(result)}`).toBe(true);
      }
      expect(await fingerprint(), "a refused call changed stored data").toBe(afterSetup);
      actAs(entry.allow(v));
      const allowed = (await outcome(() => entry.call(v.slug, target))) as { kind?: string; signal?: string };
      expect(allowed.signal ?? allowed.kind, JSON.stringify(allowed)).toMatch(/^(ok|saved|redirect:)/);
    });
  });

  describe("pages and route handlers", () => {
    let x: TTargets;
    beforeAll(async () => {
      const v = await victim();
      const assessmentId = await draft(v);
      const otherId = await draft(v);
      await submitForReview(v.analyst, v.slug, otherId, 1, "");
      const snapshotId = (await t.prisma.assessmentSnapshot.findFirstOrThrow({ where: { assessmentId: otherId } })).id;
      const fileId = (await addAttachment(v.analyst, v.slug, assessmentId, { stage: "licence", kind: "licence-review", fileName: "licence-review.pdf", bytes: new TextEncoder().encode(EVIDENCE) })).id;
      x = { v, assessmentId, otherId, snapshotId, fileId };
    });

    const orgPages = Object.entries(PAGES).filter(([, e]) => !("public" in e)) as [string, Extract<TPageEntry, { params: unknown }>][];
    it.each(orgPages)("page %s: a 404 for another organisation's owner, readable by every role", async (route, entry) => {
      const { default: Page } = await importApp(route, "page.tsx");
      const render = (params: Record<string, string>) => outcome(() => Page({ params: Promise.resolve(params), searchParams: Promise.resolve(entry.searchParams?.(x) ?? {}) }));
      const params = entry.params(x);
      actAs(intruder);
      for (const p of asIntruder(params)) expect(await render(p), JSON.stringify(p)).toEqual({ signal: "404" });
      // The intruder's own slug and own assessment work, so the 404 above is about tenancy.
      if (params.id && !params.snapshotId) expect(await render({ ...params, slug: intruderOrg.slug, id: intruderAssessmentId })).not.toEqual({ signal: "404" });
      for (const role of ["viewer", "analyst", "manager", "owner"] as const) {
        actAs(x.v[role]);
        const result = (await render(params)) as { signal?: string };
        expect(result?.signal === "404" ? `404 for ${role}` : "ok").toBe("ok");
      }
      actAs(null);
      expect(await render(params)).toMatchObject({ signal: expect.stringMatching(/^redirect:\/sign-in/) });
    });

    it("page /invite/[id]: an unknown invitation id is a 404", async () => {
      const { default: Page } = await importApp("/invite/[id]", "page.tsx");
      actAs(intruder);
      expect(await outcome(() => Page({ params: Promise.resolve({ id: crypto.randomUUID() }) }))).toEqual({ signal: "404" });
    });

    it("page /orgs: lists only the caller's organisations", async () => {
      const { default: Page } = await importApp("/orgs", "page.tsx");
      actAs(intruder);
      const seen = new WeakSet();
      const tree = JSON.stringify(await Page(), (_k, value) => {
        if (typeof value !== "object" || value === null) return value;
        if (seen.has(value)) return undefined;
        seen.add(value);
        return value;
      });
      expect(tree).toContain(intruderOrg.slug);
      expect(tree).not.toContain(x.v.slug);
    });

    const orgRoutes = Object.entries(ROUTES).filter(([, e]) => !("public" in e)) as [string, Extract<TRouteEntry, { url: unknown }>][];
    it.each(orgRoutes)("route %s: a 404 for another organisation's owner, 401 signed out, 200 for a viewer", async (route, entry) => {
      const { GET } = await importApp(route, "route.ts");
      const get = (params: Record<string, string>) => GET(new NextRequest(`https://freehold.test${entry.url(x)}`), { params: Promise.resolve(params) }) as Promise<Response>;
      actAs(intruder);
      for (const p of asIntruder(entry.params(x))) expect((await get(p)).status, JSON.stringify(p)).toBe(404);
      actAs(null);
      expect((await get(entry.params(x))).status).toBe(401);
      actAs(x.v.viewer);
      expect((await get(entry.params(x))).status).toBe(200);
    });
  });
});
