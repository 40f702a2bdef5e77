// Issue 17: an owner could approve their own submission. Now the approval query only matches a
// snapshot someone else submitted, unless an owner set the organisation to allow it, and such an
// approval is recorded as self-approved (the memo prints it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { createAssessment } from "@/lib/dal/assessments";
import { decideReview, listSignOffLines, listSnapshots, submitForReview } from "@/lib/dal/reviews";
import { SELF_APPROVAL_NOTE } from "@/lib/domain/shared";
import { getReviewPolicy, setSelfApproval } from "@/lib/dal/org-policy";
import { ForbiddenError, NotFoundError } from "@/lib/dal/errors";
import type { TActor } from "@/lib/domain/shared";
import { ASSESSMENT_TEMPLATES, getTemplate } from "@/lib/domain/assessment";

let t: TTestDb;
let org: { id: string; slug: string };
let other: { id: string; slug: string };
let owner: TActor, manager: TActor, analyst: TActor, outsider: TActor;
const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  org = await makeOrg(t.prisma, "Sod");
  other = await makeOrg(t.prisma, "Other");
  owner = await makeUser(t.prisma, org.id, "owner", "Olive Owner");
  manager = await makeUser(t.prisma, org.id, "manager", "Max Manager");
  analyst = await makeUser(t.prisma, org.id, "analyst", "Ann Analyst");
  outsider = await makeUser(t.prisma, other.id, "owner", "Oscar Outsider");
});

afterAll(async () => {
  await t?.close();
});

describe("separation of duties", () => {
  it("a submitter cannot approve their own submission by default; someone else can", async () => {
    const a = await createAssessment(owner, org.slug, { ...base, title: "Own work" });
    await submitForReview(owner, org.slug, a.id, 1, "");
    await expect(decideReview(owner, org.slug, a.id, "approved", "")).rejects.toBeInstanceOf(ForbiddenError);
    // Rejecting (or withdrawing) one's own submission is not an approval and stays possible.
    await decideReview(manager, org.slug, a.id, "approved", "Checked.");
    const [snap] = await listSnapshots(owner.userId, org.slug, a.id);
    expect(snap?.decision).toMatchObject({ outcome: "approved", actorName: "Max Manager", selfApproved: false });
  });

  it("only an owner changes the policy; outsiders get not-found", async () => {
    expect(await getReviewPolicy(analyst.userId, org.slug)).toEqual({ allowSelfApproval: false });
    await expect(setSelfApproval(manager, org.slug, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setSelfApproval(outsider, org.slug, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewPolicy(outsider.userId, org.slug)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getReviewPolicy(analyst.userId, org.slug)).toEqual({ allowSelfApproval: false });
  });

  it("when the organisation allows it, the self-approval is recorded and printed as such", async () => {
    await setSelfApproval(owner, org.slug, true);
    const a = await createAssessment(owner, org.slug, { ...base, title: "Small team" });
    await submitForReview(owner, org.slug, a.id, 1, "");
    await decideReview(owner, org.slug, a.id, "approved", "");
    const [snap] = await listSnapshots(owner.userId, org.slug, a.id);
    expect(snap?.decision).toMatchObject({ outcome: "approved", selfApproved: true });
    const lines = await listSignOffLines(owner.userId, org.slug, a.id, template.inputs);
    expect(lines.map((l) => l.label)).toContain(`Approved: submission 1 (version 1, ${SELF_APPROVAL_NOTE})`);
    // Turning the policy off again applies to the next submission.
    await setSelfApproval(owner, org.slug, false);
    const b = await createAssessment(owner, org.slug, { ...base, title: "After policy change" });
    await submitForReview(owner, org.slug, b.id, 1, "");
    await expect(decideReview(owner, org.slug, b.id, "approved", "")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
