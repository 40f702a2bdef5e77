// Fuzz: every server action and the JSON import, driven with generated arguments, form fields,
// drafts and files, by every kind of caller (each role, another organisation's owner, signed out),
// in-process through the action wrapper against the test database. Each call must come back as a
// result (never an exception, never the wrapper's "something went wrong" for an unexpected error),
// and afterwards every stored value must still be valid.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { actAs, nextSignal } from "@/lib/testing/fake-request";
import { createAssessment, getAssessment } from "@/lib/dal/assessments";
import { submitForReview } from "@/lib/dal/reviews";
import { createInvitation } from "@/lib/dal/members";
import * as apiTokenDal from "@/lib/dal/api-tokens";
import { ASSESSMENT_TEMPLATES, getTemplate, toExport, ZAssessmentInputs, ZPriceBookValues, upgradeInputs } from "@/lib/domain/assessment";
import { isRole, ROLES, STAGE_KEYS, type TActor, type TRole } from "@/lib/domain/shared";
import { LLAMA_3_1_8B } from "@/lib/domain/catalog/hf-config.fixtures";
import * as assessmentActions from "@/lib/actions/assessments";
import * as reviewActions from "@/lib/actions/review";
import * as wizardActions from "@/lib/actions/wizard";
import * as memberActions from "@/lib/actions/members";
import * as organisationActions from "@/lib/actions/organisations";
import * as priceBookActions from "@/lib/actions/price-book";
import * as attachmentActions from "@/lib/actions/attachments";
import { addAttachment } from "@/lib/dal/attachments";
import { ATTACHMENT_KINDS, ATTACHMENT_STAGES, sniffAttachment } from "@/lib/domain/assessment";
import * as apiTokenActions from "@/lib/actions/api-tokens";
import * as ssoActions from "@/lib/actions/sso";
import { API_TOKEN_NAME_MAX, API_TOKEN_SCOPES } from "@/lib/auth/api-token-scopes";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fake-request")).sessionModule);
vi.mock("next/headers", async () => (await import("@/lib/testing/fake-request")).headersModule);
vi.mock("next/cache", async () => (await import("@/lib/testing/fake-request")).cacheModule);
// The wrapper logs an unexpected failure through lib/log (pino); here each one is collected instead.
const logged = vi.hoisted(() => ({ errors: [] as string[] }));
vi.mock("@/lib/log", () => ({ logServerError: async (e: unknown, where: string) => void logged.errors.push(`${where}: ${String(e)}`) }));

type TUser = TActor & { email: string };
let t: TTestDb;
let org: { id: string; slug: string };
let foreign: { id: string; slug: string };
let users: Record<TRole, TUser> & { intruder: TUser };
let assessmentIds: string[] = [];
let invitationIds: string[] = [];
let attachmentIds: string[] = [];
let memberIds: string[] = [];
let tokenIds: string[] = [];
let validExport = "";
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
let payloads = 0;
const unexpected = logged.errors;
const tally: Record<string, Record<string, number>> = {};
const count = (name: string, outcome: string) => ((tally[name] ??= {})[outcome] = (tally[name]![outcome] ?? 0) + 1);

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  org = await makeOrg(t.prisma, "Fuzzed");
  foreign = await makeOrg(t.prisma, "Foreign");
  const [owner, manager, analyst, viewer] = await Promise.all(ROLES.map((r) => makeUser(t.prisma, org.id, r, `Fuzz ${r}`)));
  users = { owner: owner!, manager: manager!, analyst: analyst!, viewer: viewer!, intruder: await makeUser(t.prisma, foreign.id, "owner", "Intruder") };
  for (let i = 0; i < 3; i++) assessmentIds.push((await createAssessment(users.analyst, org.slug, { ...base, title: `Fuzz target ${i}` })).id);
  await submitForReview(users.analyst, org.slug, assessmentIds[2]!, 1, "");
  assessmentIds.push((await createAssessment(users.intruder, foreign.slug, { ...base, title: "Foreign" })).id);
  for (const id of assessmentIds.slice(0, 2)) attachmentIds.push((await addAttachment(users.analyst, org.slug, id, { stage: "licence", kind: "licence-review", fileName: "review.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%fuzz\n") })).id);
  invitationIds = [(await createInvitation(users.owner, org.slug, { email: "fuzz.invitee@test.example", role: "viewer" })).id];
  memberIds = (await t.prisma.member.findMany({ select: { id: true } })).map((m) => m.id);
  tokenIds = [(await apiTokenDal.createApiToken(users.owner, org.slug, { name: "Fuzz seed token", scopes: ["read"], expiresAt: new Date(Date.now() + 86_400_000) })).id];
  const detail = await getAssessment(users.analyst.userId, org.slug, assessmentIds[0]!);
  validExport = JSON.stringify(toExport({ organizationName: "Fuzzed", exportedAt: new Date(), assessment: detail }));
});

afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------------------------------------
// Generators

const callerArb = fc.constantFrom("owner", "manager", "analyst", "viewer", "intruder", null).map((k): TUser | null => (k === null ? null : users[k]));
const junk = fc.oneof(fc.anything(), fc.string({ maxLength: 300 }), fc.integer(), fc.constant(undefined), fc.constant(null));
const slugArb = fc.oneof({ weight: 6, arbitrary: fc.constant(0).map(() => org.slug) }, { weight: 1, arbitrary: fc.constant(0).map(() => foreign.slug) }, { weight: 2, arbitrary: junk });
const pick = (list: () => string[]) => fc.nat().map((i) => list()[i % list().length]!);
const idArb = (list: () => string[]) => fc.oneof({ weight: 6, arbitrary: pick(list) }, { weight: 2, arbitrary: junk });
const versionArb = fc.oneof({ weight: 3, arbitrary: fc.constant("current") }, { weight: 1, arbitrary: fc.integer({ min: -2, max: 6 }) }, { weight: 1, arbitrary: junk });

async function currentVersion(id: unknown): Promise<number> {
  const row = typeof id === "string" ? await t.prisma.assessment.findUnique({ where: { id }, select: { version: true } }) : null;
  return row?.version ?? 1;
}

/** Swaps the "current" version token (in an argument or a form field) for the stored version. */
async function withVersion<T>(value: T, id: unknown): Promise<T> {
  if (value === "current") return (await currentVersion(id)) as T;
  if (value instanceof FormData && value.get("version") === "current") value.set("version", String(await currentVersion(id)));
  return value;
}
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "grapheme", maxLength: 50 }), fc.string({ minLength: 2000, maxLength: 2200 }), fc.constantFrom("", " ", "  ab  ", "\u0000", "Ł".repeat(130)));

/** A FormData with the action's field names (and strangers), or sometimes not a FormData at all. */
const formArb = (fields: Record<string, fc.Arbitrary<string | File>>) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.record(Object.fromEntries(Object.entries(fields).map(([k, a]) => [k, fc.option(a, { nil: undefined, freq: 8 })]))).chain((r) => fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 2 }).map((extra) => ({ ...extra, ...r }))).map(toFormData) },
    { weight: 1, arbitrary: junk },
  );

function toFormData(entries: Record<string, string | File | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined) f.append(k, v);
  return f;
}

// "current" is replaced by the target's stored version just before the call, so saves get through.
const version = fc.oneof({ weight: 3, arbitrary: fc.constant("current") }, { weight: 1, arbitrary: fc.constantFrom("1", "2", "0", "-1") }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
const role = fc.oneof(fc.constantFrom(...ROLES), fc.string({ maxLength: 10 }));
const modelId = fc.oneof(fc.constantFrom(template.candidateModelId, template.incumbentApiId, "custom:x"), fc.string({ maxLength: 40 }));
const email = fc.oneof(fc.emailAddress(), fc.string({ maxLength: 60 }), fc.constant("fuzz.invitee@test.example"));

/** A valid export with random values put into random places, or raw text. */
const importText = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.array(fc.constantFrom("format", "formatVersion", "assessment", "title", "inputs", "licence", "capability", "infrastructure", "economics", "sizing", "candidateModelId", "description", "workloads", "0"), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })).map(([keys, value]) => mutate(JSON.parse(validExport), keys, value)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 500 }) },
  { weight: 1, arbitrary: fc.constant(0).map(() => validExport) },
);

function mutate(doc: unknown, keys: string[], value: unknown): string {
  // Walks into the document along the keys that exist, then replaces the last one reached.
  let node = doc as Record<string, unknown>;
  for (const [i, key] of keys.entries()) {
    const last = i === keys.length - 1 || typeof node[key] !== "object" || node[key] === null;
    if (last) {
      node[key] = value;
      break;
    }
    node = node[key] as Record<string, unknown>;
  }
  return JSON.stringify(doc);
}

const fileArb = fc.oneof({ weight: 5, arbitrary: importText.map((s) => new File([s], "fuzz.freehold.json", { type: "application/json" })) }, { weight: 1, arbitrary: fc.string({ maxLength: 50 }) });
/** Evidence files: real signatures under matching or wrong names, disguised pages, junk bytes. */
const evidenceBytes = fc.oneof(
  fc.constantFrom("%PDF-1.7\n%x\n", "\u0089PNG\r\n\u001a\n", "<!doctype html><script>1</script>", "<svg onload=alert(1)>", "MZ\u0090", "task,score\nmmlu,0.7\n", '{"results":{}}', "{broken", ""),
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ maxLength: 300 }),
);
const evidenceName = fc.oneof(fc.constantFrom("review.pdf", "scan.png", "quote.csv", "results.json", "notes.md", "page.html", "README", "x.docx", "../../etc/passwd.pdf", "a\u0000b.pdf"), fc.string({ maxLength: 60 }));
const evidenceFileArb = fc.oneof({ weight: 6, arbitrary: fc.tuple(evidenceBytes, evidenceName).map(([b, n]) => new File([b], n)) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const evidenceStage = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ATTACHMENT_STAGES) }, { weight: 1, arbitrary: junk });

/** A stage's inputs from a template, sometimes with one value replaced; or anything at all. */
const stageDraftArb = fc.constantFrom(...STAGE_KEYS).chain((stage) =>
  fc.tuple(
    fc.constant(stage),
    fc.oneof(
      { weight: 2, arbitrary: fc.constant((template.inputs as Record<string, unknown>)[stage] ?? {}) },
      { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([i, value]) => {
        const draft = structuredClone(((template.inputs as Record<string, unknown>)[stage] ?? {}) as Record<string, unknown>);
        const keys = Object.keys(draft);
        if (keys.length) draft[keys[i % keys.length]!] = value;
        return draft;
      }) },
    ),
  ),
);
const draftArb = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom("licenceIdOverride", "useCase", "workloads", "gpuId", "quantization", "staff", "horizonMonths", "tokensPerMonth", "x"), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 20 }))));

// ---------------------------------------------------------------------------------------------
// One call: who, which action, what arguments. The call must resolve to a result.

type TScenario = { runs: number; args: fc.Arbitrary<unknown[]>; call: (...args: any[]) => Promise<unknown> };

const A = () => assessmentIds;
const SCENARIOS: Record<string, TScenario> = {
  createAssessment: { runs: 500, args: fc.tuple(slugArb, formArb({ title: text, description: text, candidateModelId: modelId, incumbentApiId: modelId, templateId: fc.oneof(fc.constantFrom(...ASSESSMENT_TEMPLATES.map((x) => x.id)), fc.string({ maxLength: 20 })) })), call: (s, f) => assessmentActions.createAssessmentAction(s, null, f) },
  renameAssessment: { runs: 500, args: fc.tuple(slugArb, idArb(A), formArb({ title: text, version })), call: async (s, id, f) => assessmentActions.renameAssessmentAction(s, id, null, await withVersion(f, id)) },
  deleteAssessment: { runs: 300, args: fc.tuple(slugArb, idArb(A), formArb({})), call: (s, id, f) => assessmentActions.deleteAssessmentAction(s, id, null, f) },
  changeModels: { runs: 500, args: fc.tuple(slugArb, idArb(A), formArb({ candidateModelId: modelId, incumbentApiId: modelId, version })), call: async (s, id, f) => assessmentActions.changeModelsAction(s, id, null, await withVersion(f, id)) },
  duplicateAssessment: { runs: 300, args: fc.tuple(slugArb, idArb(A), formArb({})), call: (s, id, f) => assessmentActions.duplicateAssessmentAction(s, id, null, f) },
  importAssessment: { runs: 1600, args: fc.tuple(slugArb, formArb({ file: fileArb })), call: (s, f) => assessmentActions.importAssessmentAction(s, null, f) },
  submitForReview: { runs: 400, args: fc.tuple(slugArb, idArb(A), formArb({ text, version })), call: async (s, id, f) => reviewActions.submitForReviewAction(s, id, null, await withVersion(f, id)) },
  withdrawSubmission: { runs: 300, args: fc.tuple(slugArb, idArb(A), formArb({})), call: (s, id, f) => reviewActions.withdrawSubmissionAction(s, id, null, f) },
  decideReview: { runs: 400, args: fc.tuple(slugArb, idArb(A), formArb({ outcome: fc.oneof(fc.constantFrom("approved", "rejected"), fc.string({ maxLength: 10 })), text })), call: (s, id, f) => reviewActions.decideReviewAction(s, id, null, f) },
  signOffStage: { runs: 400, args: fc.tuple(slugArb, idArb(A), fc.oneof(fc.constantFrom(...STAGE_KEYS), junk), formArb({ text })), call: (s, id, st, f) => reviewActions.signOffStageAction(s, id, st, null, f) },
  saveStage: {
    runs: 1500,
    args: fc.tuple(slugArb, idArb(A), fc.oneof({ weight: 4, arbitrary: stageDraftArb }, { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...STAGE_KEYS), junk), draftArb) }), versionArb),
    call: async (s, id, [st, d], v) => wizardActions.saveStageAction(s, id, st, await withVersion(v, id), d),
  },
  saveCustomModel: { runs: 400, args: fc.tuple(slugArb, idArb(A), versionArb, fc.oneof(fc.record({ name: fc.string({ maxLength: 40 }), licenceId: fc.constantFrom("llama-3.1", "apache-2.0", "x"), configText: fc.oneof(fc.string({ maxLength: 100 }), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)), fc.tuple(fc.constantFrom("num_hidden_layers", "hidden_size", "vocab_size", "torch_dtype", "max_position_embeddings"), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => JSON.stringify({ ...LLAMA_3_1_8B, [k]: v })), fc.constant(JSON.stringify(LLAMA_3_1_8B))) }), junk)), call: async (s, id, v, f) => wizardActions.saveCustomModelAction(s, id, await withVersion(v, id), f) },
  importEvalFile: { runs: 500, args: fc.tuple(fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), junk), junk), call: (x, n) => wizardActions.importEvalFileAction(x, n) },
  uploadAttachment: {
    runs: 800,
    args: fc.tuple(slugArb, idArb(A), evidenceStage, formArb({ kind: fc.oneof(fc.constantFrom(...ATTACHMENT_KINDS), fc.string({ maxLength: 12 })), file: evidenceFileArb })),
    call: (s, id, st, f) => attachmentActions.uploadAttachmentAction(s, id, st, null, f),
  },
  deleteAttachment: { runs: 300, args: fc.tuple(slugArb, idArb(A), idArb(() => attachmentIds), formArb({})), call: (s, id, fileId, f) => attachmentActions.deleteAttachmentAction(s, id, fileId, null, f) },
  inviteMember: { runs: 400, args: fc.tuple(slugArb, formArb({ email, role })), call: (s, f) => memberActions.inviteMemberAction(s, null, f) },
  revokeInvitation: { runs: 300, args: fc.tuple(slugArb, idArb(() => invitationIds), formArb({})), call: (s, id, f) => memberActions.revokeInvitationAction(s, id, null, f) },
  changeRole: { runs: 400, args: fc.tuple(slugArb, idArb(() => memberIds), formArb({ role })), call: (s, id, f) => memberActions.changeRoleAction(s, id, null, f) },
  removeMember: { runs: 300, args: fc.tuple(slugArb, idArb(() => memberIds), formArb({})), call: (s, id, f) => memberActions.removeMemberAction(s, id, null, f) },
  transferOwnership: { runs: 300, args: fc.tuple(slugArb, formArb({ memberId: idArb(() => memberIds).map(String) })), call: (s, f) => memberActions.transferOwnershipAction(s, null, f) },
  leaveOrganization: { runs: 200, args: fc.tuple(slugArb, formArb({})), call: (s, f) => memberActions.leaveOrganizationAction(s, null, f) },
  acceptInvitation: { runs: 300, args: fc.tuple(idArb(() => invitationIds), formArb({})), call: (id, f) => memberActions.acceptInvitationAction(id, null, f) },
  setReviewPolicy: { runs: 200, args: fc.tuple(slugArb, formArb({ policy: fc.oneof(fc.constantFrom("separate", "self-allowed"), text) })), call: (s, f) => organisationActions.setReviewPolicyAction(s, null, f) },
  savePriceBook: {
    runs: 300,
    args: fc.tuple(
      slugArb,
      fc.oneof({ weight: 3, arbitrary: fc.constant("current") }, { weight: 1, arbitrary: junk }),
      formArb({ "vendor:OpenAI": fc.oneof(fc.constantFrom("25", "0", "100", "101", "-1", "1e400", "abc", ""), text), "gpuHour:h100-sxm-80gb": fc.oneof(fc.double().map(String), text), "gpuPurchase:h100-sxm-80gb": fc.oneof(fc.nat().map(String), text), horizonMonths: fc.oneof(fc.integer({ min: -5, max: 100 }).map(String), text), "region:EU": fc.constantFrom("on", ""), "role:ML engineer": fc.oneof(fc.nat().map(String), text), [`api:${template.incumbentApiId}`]: fc.oneof(fc.double().map(String), text) }),
    ),
    call: async (s, v, f) => priceBookActions.savePriceBookAction(s, v === "current" ? ((await t.prisma.priceBook.findUnique({ where: { organizationId: org.id }, select: { version: true } }))?.version ?? 0) : v, null, f),
  },
  createOrganization: { runs: 300, args: fc.tuple(formArb({ name: text })), call: (f) => organisationActions.createOrganizationAction(null, f) },
  createApiToken: {
    runs: 300,
    args: fc.tuple(slugArb, formArb({ name: text, expiresInDays: fc.oneof(fc.integer({ min: -5, max: 400 }).map(String), fc.string({ maxLength: 6 })), ...Object.fromEntries(API_TOKEN_SCOPES.map((sc) => [`scope_${sc}`, fc.constantFrom("on", "off", "")])) })),
    call: async (s, f) => {
      const r = await apiTokenActions.createApiTokenAction(s, null, f);
      if (r.kind === "ok") tokenIds.push(r.id);
      return r;
    },
  },
  revokeApiToken: { runs: 200, args: fc.tuple(slugArb, idArb(() => tokenIds), formArb({})), call: (s, id, f) => apiTokenActions.revokeApiTokenAction(s, id, null, f) },
  // Issuers that fail fast (a refused loopback port, malformed URLs): no fuzzed call waits on a network.
  saveSso: {
    runs: 200,
    args: fc.tuple(
      slugArb,
      formArb({
        issuer: fc.oneof(fc.constantFrom("https://127.0.0.1:1", "http://127.0.0.1:1", "login.example.com", "https://x.example/?q=1", "https://u:p@x.example", ""), fc.string({ maxLength: 20 }).map((x) => `not a url ${x}`)),
        clientId: text,
        clientSecret: text,
        domains: fc.oneof(fc.constantFrom("example.com", "a.example, b.example", "https://bad/", "", "localhost"), text),
        defaultRole: fc.oneof(fc.constantFrom("manager", "analyst", "viewer", "owner"), text),
        passwordSignInDisabled: fc.constantFrom("on", "", "off"),
      }),
    ),
    call: (s, f) => ssoActions.saveSsoAction(s, null, f),
  },
  deleteSso: { runs: 100, args: fc.tuple(slugArb, formArb({})), call: (s, f) => ssoActions.deleteSsoAction(s, null, f) },
};

const RESULT_KINDS = new Set(["ok", "saved", "invalid", "conflict", "error", "unreadable"]);

/** Puts the fuzzed organisation's four members back (a fuzzed leave or remove may have run). */
async function restoreMembers(): Promise<void> {
  for (const r of ROLES) {
    const u = users[r];
    await t.prisma.member.upsert({ where: { organizationId_userId: { organizationId: org.id, userId: u.userId } }, create: { id: crypto.randomUUID(), organizationId: org.id, userId: u.userId, role: r }, update: { role: r } });
  }
  memberIds = (await t.prisma.member.findMany({ select: { id: true } })).map((m) => m.id);
}

describe(`fuzz: server actions and the JSON import (seed ${FUZZ_SEED})`, () => {
  it.each(Object.entries(SCENARIOS))("%s: every payload comes back as a result", async (name, scenario) => {
    await restoreMembers();
    unexpected.length = 0;
    const log = vi.spyOn(console, "error").mockImplementation((...args) => void unexpected.push(`${name}: ${String(args[1] ?? args[0])}`)); // anything else that complains
    try {
      await fc.assert(
        fc.asyncProperty(callerArb, scenario.args, async (caller, args) => {
          payloads += 1;
          if (payloads % 50 === 0 && name.match(/Member|Role|Ownership|leave/i)) await restoreMembers();
          actAs(caller);
          let result: unknown;
          try {
            result = await scenario.call(...args);
          } catch (e) {
            if (!nextSignal(e)) throw e;
            count(name, "redirect");
            return; // a redirect after success
          }
          const r = result as { kind?: string; message?: unknown; code?: string };
          count(name, r?.code ? `${r.kind}:${r.code}` : String(r?.kind));
          expect(RESULT_KINDS.has(r?.kind ?? ""), JSON.stringify(result)?.slice(0, 300)).toBe(true);
          if (r.kind === "invalid") expect(typeof (r as { errors?: unknown }).errors).toBe("object");
          if (r.kind === "conflict" || r.kind === "error") expect(typeof r.message).toBe("string");
          expect(r.code, `an unexpected error: ${unexpected.at(-1)}`).not.toBe("failed");
        }),
        { numRuns: scenario.runs, seed: FUZZ_SEED, endOnFailure: true },
      );
    } finally {
      log.mockRestore();
    }
    expect(unexpected).toEqual([]);
  });

  it("ran at least 10,000 payloads, and every stored value is still valid", async () => {
    expect(payloads).toBeGreaterThanOrEqual(10_000);
    const assessments = await t.prisma.assessment.findMany({ select: { id: true, title: true, description: true, inputs: true, status: true, candidateModelId: true } });
    for (const a of assessments) {
      expect(a.title.length, a.id).toBeGreaterThanOrEqual(3);
      expect(a.title.length, a.id).toBeLessThanOrEqual(120);
      expect(a.title, a.id).toBe(a.title.trim());
      expect(a.description.length).toBeLessThanOrEqual(2000);
      expect(ZAssessmentInputs.safeParse(upgradeInputs(a.inputs)).success, a.id).toBe(true);
    }
    // Every stored file is one the sniffer accepts, its hash is of its bytes, and it is in a draft's organisation.
    const files = await t.prisma.attachment.findMany({ select: { fileName: true, sha256: true, storageKey: true, sizeBytes: true, organizationId: true, assessment: { select: { organizationId: true } } } });
    for (const f of files) {
      const blob = await t.prisma.attachmentBlob.findUniqueOrThrow({ where: { key: f.storageKey } });
      const bytes = new Uint8Array(blob.bytes);
      expect(sniffAttachment(bytes, f.fileName).ok, f.fileName).toBe(true);
      expect(bytes.byteLength).toBe(f.sizeBytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(f.sha256);
      expect(f.organizationId).toBe(f.assessment.organizationId);
    }
    expect(await t.prisma.attachmentBlob.count(), "bytes left behind by a refused or deleted file").toBe(files.length);
    const members = await t.prisma.member.findMany({ select: { role: true, organizationId: true } });
    expect(members.every((m) => isRole(m.role))).toBe(true);
    const orgs = await t.prisma.organization.findMany({ select: { id: true, name: true, slug: true } });
    for (const o of orgs) {
      expect(o.name.length).toBeGreaterThanOrEqual(2);
      expect(o.name.length).toBeLessThanOrEqual(80);
      expect(o.slug).toMatch(/^[a-z0-9-]+$/);
      expect(members.filter((m) => m.organizationId === o.id && m.role === "owner").length, `owners of ${o.slug}`).toBeGreaterThanOrEqual(1);
    }
    for (const b of await t.prisma.priceBook.findMany({ select: { values: true, version: true } })) {
      expect(ZPriceBookValues.safeParse(b.values).success).toBe(true);
      expect(b.version).toBeGreaterThanOrEqual(1);
    }
    const invitations = await t.prisma.invitation.findMany({ select: { email: true, role: true, status: true } });
    for (const i of invitations) {
      expect(isRole(i.role), i.email).toBe(true);
      expect(i.email).toBe(i.email.toLowerCase());
      expect(i.email).toMatch(/^[^\s@]+@[^\s@]+$/);
      expect(["pending", "accepted", "canceled"]).toContain(i.status);
    }
    const tokens = await t.prisma.apiToken.findMany({ select: { name: true, scopes: true, secretHash: true, expiresAt: true, createdAt: true } });
    for (const tk of tokens) {
      expect(tk.name.length, tk.name).toBeGreaterThanOrEqual(1);
      expect(tk.name.length, tk.name).toBeLessThanOrEqual(API_TOKEN_NAME_MAX);
      expect(tk.scopes.length).toBeGreaterThanOrEqual(1);
      expect(tk.scopes.every((sc) => (API_TOKEN_SCOPES as readonly string[]).includes(sc))).toBe(true);
      expect(tk.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(tk.expiresAt.getTime()).toBeGreaterThan(tk.createdAt.getTime());
    }
    console.log(Object.entries(tally).map(([n, c]) => `${n}: ${JSON.stringify(c)}`).join("\n"));
    console.log(`fuzz: ${payloads} payloads, seed ${FUZZ_SEED}; ${assessments.length} assessments, ${orgs.length} organisations, ${invitations.length} invitations stored`);
  });
});
