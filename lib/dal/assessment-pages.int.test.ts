import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { createAssessment, getAssessment } from "@/lib/dal/assessments";
import { listSignOffLines, listStageSignOffs, signOffStage } from "@/lib/dal/reviews";
import { addAttachment, deleteAttachment, listAttachments } from "@/lib/dal/attachments";
import { getAssessmentForMemo, getAssessmentsWithSignOffLines, getAssessmentWithReviewData } from "@/lib/dal/assessment-pages";
import { NotFoundError } from "@/lib/dal/errors";
import { ASSESSMENT_TEMPLATES, getTemplate } from "@/lib/domain/assessment";
import type { TActor } from "@/lib/domain/shared";

// The stage pages read the assessment, its sign-offs and its files in one query: it must answer
// exactly what the three separate reads answer, and refuse the same callers.

let t: TTestDb;
let globexSlug: string;
let acme: { id: string; slug: string };
let analyst: TActor, owner: TActor, outsider: TActor;
const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  const globex = await makeOrg(t.prisma, "Globex");
  globexSlug = globex.slug;
  [analyst, owner, outsider] = await Promise.all([makeUser(t.prisma, acme.id, "analyst", "Ana"), makeUser(t.prisma, acme.id, "owner", "Oscar"), makeUser(t.prisma, globex.id, "owner", "Olga")]);
});

afterAll(async () => {
  await t?.close();
});

describe("getAssessmentWithReviewData", () => {
  it("answers what getAssessment, listStageSignOffs and listAttachments answer, in their order", async () => {
    const { id } = await createAssessment(analyst, acme.slug, { title: "One query", candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs });
    for (const [stage, name] of [["safety", "b.pdf"], ["licence", "c.pdf"], ["licence", "a.pdf"]] as const) {
      await addAttachment(analyst, acme.slug, id, { stage, kind: "licence-review", fileName: name, bytes: PDF });
    }
    await signOffStage(owner, acme.slug, id, "licence", "first");
    await signOffStage(owner, acme.slug, id, "safety", "second");
    const together = await getAssessmentWithReviewData(analyst.userId, acme.slug, id);
    expect(together.assessment).toEqual(await getAssessment(analyst.userId, acme.slug, id));
    expect(together.signOffs).toEqual(await listStageSignOffs(analyst.userId, acme.slug, id));
    expect(together.signOffs.map((s) => s.note)).toEqual(["second", "first"]);
    expect(together.attachments).toEqual(await listAttachments(analyst.userId, acme.slug, id));
    expect(together.attachments.map((a) => `${a.stage}/${a.fileName}`)).toEqual(["licence/c.pdf", "licence/a.pdf", "safety/b.pdf"]);
  });

  it("is a NotFoundError for another organisation's member and for an id that does not exist", async () => {
    const { id } = await createAssessment(analyst, acme.slug, { title: "Private", candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs });
    await expect(getAssessmentWithReviewData(outsider.userId, acme.slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentWithReviewData(analyst.userId, acme.slug, "no-such-id")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getAssessmentsWithSignOffLines", () => {
  const create = async (title: string, actor = analyst, slug = acme.slug) =>
    (await createAssessment(actor, slug, { title, candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs })).id;

  it("answers, in the order asked, what getAssessment and listSignOffLines answer for each id", async () => {
    const [first, second, third] = [await create("First"), await create("Second"), await create("Third")];
    await signOffStage(owner, acme.slug, second, "licence", "looked at it");
    const ids = [third, first, second];
    const columns = await getAssessmentsWithSignOffLines(analyst.userId, acme.slug, ids);
    expect(columns.map((c) => c.assessment.id)).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      const a = await getAssessment(analyst.userId, acme.slug, id);
      expect(columns[i]!.assessment).toEqual(a);
      expect(columns[i]!.signOffLines).toEqual(await listSignOffLines(analyst.userId, acme.slug, id, a.inputs));
    }
    expect(columns[2]!.signOffLines).toHaveLength(1);
  });

  it("is a NotFoundError when any id is another organisation's or does not exist", async () => {
    const mine = await create("Mine");
    const theirs = await create("Theirs", outsider, globexSlug);
    await expect(getAssessmentsWithSignOffLines(analyst.userId, acme.slug, [mine, theirs])).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentsWithSignOffLines(analyst.userId, acme.slug, [mine, "no-such-id"])).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentsWithSignOffLines(outsider.userId, acme.slug, [mine])).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getAssessmentForMemo", () => {
  it("answers what getAssessment, listSignOffLines and listAttachments answer; a deleted file is not listed", async () => {
    const { id } = await createAssessment(analyst, acme.slug, { title: "Memo in one query", candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs });
    for (const [stage, name] of [["safety", "b.pdf"], ["licence", "a.pdf"]] as const) {
      await addAttachment(analyst, acme.slug, id, { stage, kind: "licence-review", fileName: name, bytes: PDF });
    }
    const gone = await addAttachment(analyst, acme.slug, id, { stage: "licence", kind: "licence-review", fileName: "gone.pdf", bytes: PDF });
    await deleteAttachment(analyst, acme.slug, id, gone.id);
    await signOffStage(owner, acme.slug, id, "licence", "read the licence");
    const memo = await getAssessmentForMemo(analyst.userId, acme.slug, id);
    const a = await getAssessment(analyst.userId, acme.slug, id);
    expect(memo.assessment).toEqual(a);
    expect(memo.signOffLines).toEqual(await listSignOffLines(analyst.userId, acme.slug, id, a.inputs));
    expect(memo.signOffLines).toHaveLength(1);
    expect(memo.attachments).toEqual(await listAttachments(analyst.userId, acme.slug, id));
    expect(memo.attachments.map((f) => f.fileName)).toEqual(["a.pdf", "b.pdf"]);
  });

  it("is a NotFoundError for another organisation's member and for an id that does not exist", async () => {
    const { id } = await createAssessment(analyst, acme.slug, { title: "Private memo", candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs });
    await expect(getAssessmentForMemo(outsider.userId, acme.slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentForMemo(outsider.userId, globexSlug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentForMemo(analyst.userId, acme.slug, "no-such-id")).rejects.toBeInstanceOf(NotFoundError);
  });
});
