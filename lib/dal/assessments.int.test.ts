import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { CURRENT_INPUTS_SCHEMA_VERSION } from "@/lib/domain/assessment";
import { createAssessment, deleteAssessment, getAssessment, listAssessments, updateAssessment } from "@/lib/dal/assessments";
import { listAssessmentAudit } from "@/lib/dal/audit";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import type { TActor } from "@/lib/dal/audit";

let t: TTestDb;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };
let analyst: TActor, viewer: TActor, manager: TActor, outsider: TActor;

const base = { candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o" };

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  globex = await makeOrg(t.prisma, "Globex");
  analyst = await makeUser(t.prisma, acme.id, "analyst");
  viewer = await makeUser(t.prisma, acme.id, "viewer");
  manager = await makeUser(t.prisma, acme.id, "manager");
  outsider = await makeUser(t.prisma, globex.id, "owner");
});

afterAll(async () => {
  await t?.close();
});

describe("assessments DAL", () => {
  it("an analyst creates an assessment with an audit event; the list shows it", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Support summaries" });
    expect(a.version).toBe(1);
    const list = await listAssessments(analyst.userId, acme.slug);
    expect(list.map((x) => x.id)).toContain(a.id);
    const audit = await listAssessmentAudit(analyst.userId, acme.slug, a.id);
    expect(audit.map((e) => e.action)).toEqual(["assessment.created"]);
  });

  it("a viewer cannot create, update or delete", async () => {
    await expect(createAssessment(viewer, acme.slug, { ...base, title: "Nope" })).rejects.toBeInstanceOf(ForbiddenError);
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Read only for viewers" });
    await expect(updateAssessment(viewer, acme.slug, a.id, { expectedVersion: 1, title: "Hacked" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteAssessment(viewer, acme.slug, a.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getAssessment(viewer.userId, acme.slug, a.id)).title).toBe("Read only for viewers");
  });

  it("another organisation's member gets NotFound for every read and write, and the row is untouched", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Secret" });
    await expect(getAssessment(outsider.userId, acme.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
    // Using their own organisation's slug with the foreign id must not work either.
    await expect(getAssessment(outsider.userId, globex.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAssessment(outsider, globex.slug, a.id, { expectedVersion: 1, title: "Stolen" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAssessment(outsider, acme.slug, a.id, { expectedVersion: 1, title: "Stolen" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteAssessment(outsider, globex.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAssessment(outsider, acme.slug, { ...base, title: "Planted" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listAssessments(outsider.userId, acme.slug)).toEqual([]);
    expect(await listAssessmentAudit(outsider.userId, acme.slug, a.id)).toEqual([]);
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).title).toBe("Secret");
  });

  it("a stale version is refused with a conflict and does not overwrite the newer save", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Original" });
    const first = await updateAssessment(manager, acme.slug, a.id, { expectedVersion: 1, title: "Manager's title" });
    expect(first.version).toBe(2);
    const stale = updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 1, title: "Analyst's title" });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    const now = await getAssessment(analyst.userId, acme.slug, a.id);
    expect(now.title).toBe("Manager's title");
    expect(now.version).toBe(2);
    const audit = await listAssessmentAudit(analyst.userId, acme.slug, a.id);
    expect(audit.map((e) => e.action)).toEqual(["assessment.updated", "assessment.created"]);
    expect(audit[0]!.detail).toMatchObject({ fromVersion: 1, toVersion: 2, changed: { title: { from: "Original", to: "Manager's title" } } });
  });

  it("stage inputs are validated and stored; invalid inputs are refused and the saved ones stay", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Inputs" });
    await updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 1, inputs: { schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION, licence: { orgFacts: { monthlyActiveUsers: 1000 } } } });
    await expect(
      updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 2, inputs: { schemaVersion: 99 } as never }),
    ).rejects.toThrow();
    const now = await getAssessment(analyst.userId, acme.slug, a.id);
    expect(now.version).toBe(2);
    expect(now.inputs.licence?.orgFacts?.monthlyActiveUsers).toBe(1000);
  });

  it("delete removes the assessment but keeps its audit trail", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Short-lived" });
    await deleteAssessment(analyst, acme.slug, a.id);
    await expect(getAssessment(analyst.userId, acme.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
    const audit = await listAssessmentAudit(analyst.userId, acme.slug, a.id);
    expect(audit.map((e) => e.action)).toEqual(["assessment.deleted", "assessment.created"]);
  });
});
