import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, installTestPrisma, type TTestDb } from "@/lib/testing/test-db";
import { makeOrg, makeUser } from "@/lib/testing/fixtures";
import { createAssessment, deleteAssessment, updateAssessment, getAssessment } from "@/lib/dal/assessments";
import { decideReview, getSnapshot, listSnapshots, submitForReview, withdrawSubmission } from "@/lib/dal/reviews";
import { addAttachment, APPROVED_ATTACHMENT_MESSAGE, deleteAttachment, listAttachments, readAttachment } from "@/lib/dal/attachments";
import { listAssessmentAudit } from "@/lib/dal/audit";
import { ForbiddenError, InputError, InReviewError, NotFoundError, StateError } from "@/lib/dal/errors";
import { ASSESSMENT_TEMPLATES, getTemplate, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_ASSESSMENT } from "@/lib/domain/assessment";
import type { TActor } from "@/lib/domain/shared";
import { renderAssessmentMemo } from "@/lib/pdf/render-assessment-memo";
import { readPdf } from "@/lib/pdf/pdf-reader";
import { reportFor } from "@/lib/wizard/report-for";

let t: TTestDb;
let acme: { id: string; slug: string };
let globex: { id: string; slug: string };
let analyst: TActor, viewer: TActor, manager: TActor, outsider: TActor;

const template = getTemplate(ASSESSMENT_TEMPLATES[0]!.id)!;
const base = { candidateModelId: template.candidateModelId, incumbentApiId: template.incumbentApiId, inputs: template.inputs };
const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% signed by counsel\n"));
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdfFile = (name = "licence-review.pdf") => ({ stage: "licence" as const, kind: "licence-review" as const, fileName: name, bytes: PDF });

beforeAll(async () => {
  t = await createTestDatabase();
  installTestPrisma(t.prisma);
  acme = await makeOrg(t.prisma, "Acme");
  globex = await makeOrg(t.prisma, "Globex");
  [analyst, viewer, manager, outsider] = await Promise.all([
    makeUser(t.prisma, acme.id, "analyst", "Ana"),
    makeUser(t.prisma, acme.id, "viewer", "Vic"),
    makeUser(t.prisma, acme.id, "manager", "Mo"),
    makeUser(t.prisma, globex.id, "owner", "Olga"),
  ]);
});

afterAll(async () => {
  await t?.close();
});

const newAssessment = async (title = "Evidence") => (await createAssessment(analyst, acme.slug, { ...base, title })).id;

describe("evidence attachments", () => {
  it("stores a file with its sniffed type and SHA-256, lists it, reads it back byte for byte, and audits both changes", async () => {
    const id = await newAssessment();
    const saved = await addAttachment(analyst, acme.slug, id, pdfFile());
    expect(saved).toMatchObject({ stage: "licence", kind: "licence-review", fileName: "licence-review.pdf", contentType: "application/pdf", sizeBytes: PDF.byteLength, sha256: sha(PDF), uploadedByName: "Ana" });
    expect((await listAttachments(viewer.userId, acme.slug, id)).map((a) => a.id)).toEqual([saved.id]);
    const read = await readAttachment(viewer.userId, acme.slug, id, saved.id);
    expect(Buffer.from(read.bytes).equals(Buffer.from(PDF))).toBe(true);
    await deleteAttachment(analyst, acme.slug, id, saved.id);
    expect(await listAttachments(analyst.userId, acme.slug, id)).toEqual([]);
    const actions = (await listAssessmentAudit(analyst.userId, acme.slug, id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["attachment.added", "attachment.deleted"]));
  });

  it("deleting the file, or its whole assessment, deletes its stored bytes too", async () => {
    const id = await newAssessment();
    const a = await addAttachment(analyst, acme.slug, id, pdfFile("one.pdf"));
    const b = await addAttachment(analyst, acme.slug, id, pdfFile("two.pdf"));
    const keys = (await t.prisma.attachment.findMany({ where: { id: { in: [a.id, b.id] } }, select: { storageKey: true } })).map((r) => r.storageKey);
    expect(await t.prisma.attachmentBlob.count({ where: { key: { in: keys } } })).toBe(2);
    await deleteAttachment(analyst, acme.slug, id, a.id);
    expect(await t.prisma.attachmentBlob.count({ where: { key: { in: keys } } })).toBe(1);
    await deleteAssessment(analyst, acme.slug, id);
    expect(await t.prisma.attachmentBlob.count({ where: { key: { in: keys } } })).toBe(0);
  });

  it("refuses content that is not what its name says, and stores nothing", async () => {
    const id = await newAssessment();
    const blobsBefore = await t.prisma.attachmentBlob.count();
    const html = new Uint8Array(Buffer.from("<!DOCTYPE html><script>fetch('/steal')</script>"));
    await expect(addAttachment(analyst, acme.slug, id, { ...pdfFile("licence.pdf"), bytes: html })).rejects.toThrow(InputError);
    await expect(addAttachment(analyst, acme.slug, id, { ...pdfFile("licence.pdf"), bytes: html })).rejects.toThrow(/web page or SVG/);
    await expect(addAttachment(analyst, acme.slug, id, { ...pdfFile("big.pdf"), bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) })).rejects.toThrow(/too large/);
    expect(await listAttachments(analyst.userId, acme.slug, id)).toEqual([]);
    expect(await t.prisma.attachmentBlob.count()).toBe(blobsBefore);
  });

  it("keeps to the tenant: another organisation's owner gets not-found for the assessment and the file, a viewer cannot change anything", async () => {
    const id = await newAssessment();
    const f = await addAttachment(analyst, acme.slug, id, pdfFile());
    await expect(listAttachments(outsider.userId, acme.slug, id)).rejects.toThrow(NotFoundError);
    await expect(listAttachments(outsider.userId, globex.slug, id)).rejects.toThrow(NotFoundError);
    await expect(readAttachment(outsider.userId, acme.slug, id, f.id)).rejects.toThrow(NotFoundError);
    await expect(readAttachment(outsider.userId, globex.slug, id, f.id)).rejects.toThrow(NotFoundError);
    await expect(deleteAttachment(outsider, globex.slug, id, f.id)).rejects.toThrow(NotFoundError);
    await expect(addAttachment(outsider, acme.slug, id, pdfFile())).rejects.toThrow(NotFoundError);
    await expect(addAttachment(viewer, acme.slug, id, pdfFile())).rejects.toThrow(ForbiddenError);
    await expect(deleteAttachment(viewer, acme.slug, id, f.id)).rejects.toThrow(ForbiddenError);
    // A file id of one assessment does not reach through another assessment's URL.
    const other = await newAssessment("Other");
    await expect(readAttachment(analyst.userId, acme.slug, other, f.id)).rejects.toThrow(NotFoundError);
    expect((await listAttachments(analyst.userId, acme.slug, id)).length).toBe(1);
  });

  it("a submission records the files with their hashes; while in review and once approved nothing can be added or removed", async () => {
    const id = await newAssessment();
    const f = await addAttachment(analyst, acme.slug, id, pdfFile());
    await submitForReview(analyst, acme.slug, id, 1, "");
    await expect(addAttachment(analyst, acme.slug, id, pdfFile("late.pdf"))).rejects.toThrow(InReviewError);
    await expect(deleteAttachment(analyst, acme.slug, id, f.id)).rejects.toThrow(InReviewError);
    const [snap] = await listSnapshots(analyst.userId, acme.slug, id);
    const full = await getSnapshot(analyst.userId, acme.slug, id, snap!.id);
    expect(full.attachments).toEqual([expect.objectContaining({ id: f.id, fileName: "licence-review.pdf", sha256: sha(PDF), stage: "licence", sizeBytes: PDF.byteLength })]);
    await decideReview(manager, acme.slug, id, "approved", "");
    await expect(addAttachment(analyst, acme.slug, id, pdfFile("late.pdf"))).rejects.toThrow(APPROVED_ATTACHMENT_MESSAGE);
    await expect(deleteAttachment(manager, acme.slug, id, f.id)).rejects.toThrow(StateError);
    // An edit starts a new draft: files can change again, and the approved snapshot keeps its record.
    const a = await getAssessment(analyst.userId, acme.slug, id);
    await updateAssessment(analyst, acme.slug, id, { expectedVersion: a.version, title: "Evidence, second round" });
    await deleteAttachment(analyst, acme.slug, id, f.id);
    expect((await getSnapshot(analyst.userId, acme.slug, id, snap!.id)).attachments.map((x) => x.sha256)).toEqual([sha(PDF)]);
    // Gone from the current evidence, but the approved snapshot's file is still there, byte for byte.
    expect(await listAttachments(analyst.userId, acme.slug, id)).toEqual([]);
    const kept = await readAttachment(viewer.userId, acme.slug, id, f.id);
    expect(sha(kept.bytes)).toBe(sha(PDF));
    await expect(deleteAttachment(analyst, acme.slug, id, f.id)).rejects.toThrow(NotFoundError);
    await expect(readAttachment(outsider.userId, acme.slug, id, f.id)).rejects.toThrow(NotFoundError);
    // The next submission records only the current evidence.
    const g = await addAttachment(analyst, acme.slug, id, pdfFile("second-round.pdf"));
    const current = await getAssessment(analyst.userId, acme.slug, id);
    await submitForReview(analyst, acme.slug, id, current.version, "");
    const second = (await listSnapshots(analyst.userId, acme.slug, id)).find((x) => x.id !== snap!.id)!;
    expect((await getSnapshot(analyst.userId, acme.slug, id, second.id)).attachments.map((x) => x.id)).toEqual([g.id]);
  });

  it("a file no submission recorded is erased when deleted", async () => {
    const id = await newAssessment();
    const f = await addAttachment(analyst, acme.slug, id, pdfFile());
    const { storageKey } = await t.prisma.attachment.findUniqueOrThrow({ where: { id: f.id }, select: { storageKey: true } });
    await deleteAttachment(analyst, acme.slug, id, f.id);
    expect(await t.prisma.attachment.count({ where: { id: f.id } })).toBe(0);
    expect(await t.prisma.attachmentBlob.count({ where: { key: storageKey } })).toBe(0);
  });

  it("a withdrawn submission is a draft again, so its files can change", async () => {
    const id = await newAssessment();
    await submitForReview(analyst, acme.slug, id, 1, "");
    await withdrawSubmission(analyst, acme.slug, id);
    await expect(addAttachment(analyst, acme.slug, id, pdfFile())).resolves.toMatchObject({ sha256: sha(PDF) });
  });

  it(`holds at most ${MAX_ATTACHMENTS_PER_ASSESSMENT} files per assessment`, async () => {
    const id = await newAssessment();
    const org = await t.prisma.assessment.findUniqueOrThrow({ where: { id }, select: { organizationId: true } });
    await t.prisma.attachment.createMany({
      data: Array.from({ length: MAX_ATTACHMENTS_PER_ASSESSMENT }, (_, i) => ({ organizationId: org.organizationId, assessmentId: id, stage: "licence", kind: "other", fileName: `f${i}.txt`, contentType: "text/plain", sizeBytes: 1, sha256: "0".repeat(64), storageKey: `k-${id}-${i}`, uploadedById: analyst.userId, uploadedByName: "Ana" })),
    });
    await expect(addAttachment(analyst, acme.slug, id, pdfFile())).rejects.toThrow(/the most it can hold/);
  });

  it("the memo's appendix lists every file with its full SHA-256", async () => {
    const id = await newAssessment("Memo with evidence");
    const quote = new Uint8Array(Buffer.from("vendor,usdPerMonth\nAcme GPU Cloud,12000\n"));
    await addAttachment(analyst, acme.slug, id, pdfFile("Signed licence review — Łódź.pdf"));
    await addAttachment(analyst, acme.slug, id, { stage: "infrastructure", kind: "vendor-quote", fileName: "quote.csv", bytes: quote });
    const a = await getAssessment(analyst.userId, acme.slug, id);
    const bytes = await renderAssessmentMemo(reportFor(a, a.inputs), { organisationName: "Acme", generatedAt: new Date(), attachments: await listAttachments(analyst.userId, acme.slug, id) });
    const text = (await readPdf(bytes)).text.replace(/\s+/g, " ");
    expect(text).toContain("Evidence files");
    expect(text).toContain(`SHA-256 ${sha(PDF)}`);
    expect(text).toContain(`SHA-256 ${sha(quote)}`);
    expect(text).toContain("Signed licence review — Łódź.pdf");
    expect(text).toContain("Vendor quote");
  });
});
