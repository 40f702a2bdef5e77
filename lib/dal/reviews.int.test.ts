import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_INPUTS_SCHEMA_VERSION } from "@/lib/domain/assessment";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { createAssessment, getAssessment, updateAssessment } from "@/lib/dal/assessments";
import { decideReview, getSnapshot, listSnapshots, listStageSignOffs, signOffStage, stageFingerprint, submitForReview, withdrawSubmission } from "@/lib/dal/reviews";
import { listAssessmentAudit } from "@/lib/dal/audit";
import { ConflictError, ForbiddenError, InReviewError, NotFoundError, StateError } from "@/lib/dal/errors";
import type { TActor } from "@/lib/domain/shared";
import { getTemplate } from "@/lib/domain/assessment";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";

let t: TTestDb;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };
let analyst: TActor, viewer: TActor, manager: TActor, outsider: TActor;

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  globex = await makeOrg(t.prisma, "Globex");
  analyst = await makeUser(t.prisma, acme.id, "analyst", "Ana");
  viewer = await makeUser(t.prisma, acme.id, "viewer", "Vic");
  manager = await makeUser(t.prisma, acme.id, "manager", "Mo");
  outsider = await makeUser(t.prisma, globex.id, "owner", "Olga");
});

afterAll(async () => {
  await t?.close();
});

describe("review workflow", () => {
  it("submit, reject with comment, resubmit, approve; an edit after approval starts a new draft and the approved snapshot stays", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Review me" });
    expect(a.status).toBe("draft");
    expect((await submitForReview(analyst, acme.slug, a.id, 1, "First look")).number).toBe(1);
    // In review: nobody can change it.
    await expect(updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 1, title: "Sneaky" })).rejects.toBeInstanceOf(InReviewError);
    await expect(decideReview(manager, acme.slug, a.id, "rejected", "  ")).rejects.toBeInstanceOf(StateError);
    await decideReview(manager, acme.slug, a.id, "rejected", "Capability numbers are from a 20-sample run; use the full set.");
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).status).toBe("rejected");
    const edited = await updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 1, title: "Review me again" });
    expect(edited.status).toBe("draft");
    await submitForReview(analyst, acme.slug, a.id, edited.version, "");
    await decideReview(manager, acme.slug, a.id, "approved", "Good.");
    const approved = await getAssessment(analyst.userId, acme.slug, a.id);
    expect(approved.status).toBe("approved");
    const snaps = await listSnapshots(analyst.userId, acme.slug, a.id);
    expect(snaps.map((s) => [s.number, s.decision?.outcome])).toEqual([
      [2, "approved"],
      [1, "rejected"],
    ]);
    expect(approved.approvedSnapshotId).toBe(snaps[0]!.id);
    await expect(submitForReview(analyst, acme.slug, a.id, approved.version, "")).rejects.toBeInstanceOf(StateError);

    const draft = await updateAssessment(analyst, acme.slug, a.id, { expectedVersion: approved.version, title: "After approval" });
    expect(draft.status).toBe("draft");
    expect(draft.approvedSnapshotId).toBe(snaps[0]!.id);
    const frozen = await getSnapshot(analyst.userId, acme.slug, a.id, snaps[0]!.id);
    expect(frozen.title).toBe("Review me again");
    expect(frozen.figures.length).toBeGreaterThan(10);
    const actions = (await listAssessmentAudit(viewer.userId, acme.slug, a.id)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      "assessment.created",
      "assessment.submitted",
      "assessment.rejected",
      "assessment.updated",
      "assessment.submitted",
      "assessment.approved",
      "assessment.updated",
    ]);
  });

  it("an analyst or viewer cannot approve, reject or sign off; an outsider gets NotFound; nothing changes", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Roles" });
    await submitForReview(analyst, acme.slug, a.id, 1, "");
    await expect(decideReview(analyst, acme.slug, a.id, "approved", "")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideReview(viewer, acme.slug, a.id, "approved", "")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideReview(outsider, acme.slug, a.id, "approved", "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideReview(outsider, globex.slug, a.id, "approved", "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(signOffStage(analyst, acme.slug, a.id, "licence", "ok")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitForReview(viewer, acme.slug, a.id, 1, "")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listSnapshots(outsider.userId, globex.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
    const snaps = await listSnapshots(manager.userId, acme.slug, a.id);
    await expect(getSnapshot(outsider.userId, globex.slug, a.id, snaps[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).status).toBe("in_review");
    expect(snaps[0]!.decision).toBeNull();
    // Only the submitter can withdraw (issue 14): another editor is refused and nothing changes.
    await expect(withdrawSubmission(manager, acme.slug, a.id)).rejects.toThrow(/who submitted it, can withdraw/);
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).status).toBe("in_review");
    // The submitter can withdraw; the snapshot stays, marked withdrawn.
    await withdrawSubmission(analyst, acme.slug, a.id);
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).status).toBe("draft");
    expect((await listSnapshots(analyst.userId, acme.slug, a.id))[0]!.decision?.outcome).toBe("withdrawn");
  });

  it("a stale submit is a conflict; two decisions on one submission: the second is refused", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Races" });
    await updateAssessment(analyst, acme.slug, a.id, { expectedVersion: 1, title: "Races 2" });
    await expect(submitForReview(analyst, acme.slug, a.id, 1, "")).rejects.toBeInstanceOf(ConflictError);
    await submitForReview(analyst, acme.slug, a.id, 2, "");
    const results = await Promise.allSettled([decideReview(manager, acme.slug, a.id, "approved", ""), decideReview(manager, acme.slug, a.id, "rejected", "no")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("stage sign-off records a fingerprint that changes when the stage's inputs change", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Sign-offs" });
    const empty = await createAssessment(analyst, acme.slug, { ...base, inputs: { schemaVersion: CURRENT_INPUTS_SCHEMA_VERSION }, title: "Empty" });
    await expect(signOffStage(manager, acme.slug, empty.id, "licence", "")).rejects.toBeInstanceOf(StateError);
    await signOffStage(manager, acme.slug, a.id, "licence", "Counsel read clause 2.");
    const [s] = await listStageSignOffs(viewer.userId, acme.slug, a.id);
    const before = await getAssessment(analyst.userId, acme.slug, a.id);
    expect(s!.inputsFingerprint).toBe(stageFingerprint(before.inputs, "licence"));
    const facts = before.inputs.licence!.orgFacts!;
    const changed = { ...before.inputs, licence: { ...before.inputs.licence, orgFacts: { ...facts, monthlyActiveUsers: (facts.monthlyActiveUsers ?? 0) + 1 } } };
    await updateAssessment(analyst, acme.slug, a.id, { expectedVersion: before.version, inputs: changed });
    const after = await getAssessment(analyst.userId, acme.slug, a.id);
    expect(stageFingerprint(after.inputs, "licence")).not.toBe(s!.inputsFingerprint);
    expect(stageFingerprint(after.inputs, "capability")).toBe(stageFingerprint(before.inputs, "capability"));
    expect(await listStageSignOffs(outsider.userId, globex.slug, a.id)).toEqual([]);
  });

  it("the database refuses to rewrite history: audit events, snapshots, decisions and sign-offs", async () => {
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Append only" });
    await submitForReview(analyst, acme.slug, a.id, 1, "");
    await decideReview(manager, acme.slug, a.id, "approved", "");
    await signOffStage(manager, acme.slug, a.id, "licence", "");
    await expect(t.prisma.auditEvent.updateMany({ where: { assessmentId: a.id }, data: { actorName: "Someone else" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.auditEvent.deleteMany({ where: { assessmentId: a.id } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.assessmentSnapshot.updateMany({ where: { assessmentId: a.id }, data: { title: "Rewritten" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.reviewDecision.updateMany({ where: { assessmentId: a.id }, data: { comment: "Rewritten" } })).rejects.toThrow(/append-only/);
    await expect(t.prisma.stageSignOff.updateMany({ where: { assessmentId: a.id }, data: { note: "Rewritten" } })).rejects.toThrow(/append-only/);
    expect((await listSnapshots(analyst.userId, acme.slug, a.id))[0]!.title).toBe("Append only");
  });
});

describe("deleting an assessment with review history", () => {
  it("is refused while in review, and to an analyst once snapshots exist; a manager may", async () => {
    const { deleteAssessment } = await import("@/lib/dal/assessments");
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Delete rules" });
    await submitForReview(analyst, acme.slug, a.id, 1, "");
    await expect(deleteAssessment(manager, acme.slug, a.id)).rejects.toBeInstanceOf(InReviewError);
    await decideReview(manager, acme.slug, a.id, "rejected", "Needs work");
    await expect(deleteAssessment(analyst, acme.slug, a.id)).rejects.toThrow(/review history/);
    expect((await getAssessment(analyst.userId, acme.slug, a.id)).title).toBe("Delete rules");
    await deleteAssessment(manager, acme.slug, a.id);
    await expect(getAssessment(analyst.userId, acme.slug, a.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("sign-off lines for the memo", () => {
  it("lists decisions and the latest sign-off per stage, oldest first, marking a changed stage", async () => {
    const { listSignOffLines } = await import("@/lib/dal/reviews");
    const a = await createAssessment(analyst, acme.slug, { ...base, title: "Memo lines" });
    await signOffStage(manager, acme.slug, a.id, "licence", "first");
    await signOffStage(manager, acme.slug, a.id, "licence", "second");
    await signOffStage(manager, acme.slug, a.id, "economics", "");
    await submitForReview(analyst, acme.slug, a.id, 1, "");
    await decideReview(manager, acme.slug, a.id, "approved", "Go ahead");
    const current = await getAssessment(analyst.userId, acme.slug, a.id);
    const lines = await listSignOffLines(viewer.userId, acme.slug, a.id, current.inputs);
    expect(lines.map((l) => [l.label, l.note])).toEqual([
      ["Stage signed off: Licence diligence (version 1)", "second"],
      ["Stage signed off: Economics (version 1)", null],
      ["Approved: submission 1 (version 1)", "Go ahead"],
    ]);
    const changed = { ...current.inputs, economics: { ...current.inputs.economics, inputTokensPerMonth: 123_456_789 } };
    const stale = await listSignOffLines(viewer.userId, acme.slug, a.id, changed);
    expect(stale[1]!.label).toBe("Stage signed off: Economics (version 1, stage changed since)");
    expect(await listSignOffLines(outsider.userId, globex.slug, a.id, current.inputs).catch((e) => e)).toBeInstanceOf(NotFoundError);
  });
});
