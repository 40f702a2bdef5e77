// Seeds the demo organisations on a database that has none. Safe to re-run: it keys everything on
// emails and slugs and never creates a second copy.
import { hashPassword } from "better-auth/crypto";
import { closePrismaClient, createPrismaClient } from "@/lib/db";
import { DEMO_ORG, DEMO_PASSWORD, DEMO_USERS, SECOND_ORG, SECOND_ORG_USERS } from "./demo-data";
import { demoAssessments } from "./demo-assessments";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { backfillSummaries } from "./summaries";
import { snapshotRecord, stageFingerprint } from "@/lib/dal/review-records";
import { upgradeInputs } from "@/lib/domain/assessment";

/** The demo shows a finished review: this assessment submitted by the analyst and approved by the manager. */
const DEMO_APPROVED_TITLE = "Internal code assistant: Qwen2.5 72B vs Claude Sonnet 4.5";

async function seedDemoReview(db: PrismaClient, organizationId: string, userIds: Map<string, string>): Promise<void> {
  const a = await db.assessment.findFirst({ where: { organizationId, title: DEMO_APPROVED_TITLE } });
  if (!a) return;
  const analyst = DEMO_USERS.find((u) => u.role === "analyst")!;
  const manager = DEMO_USERS.find((u) => u.role === "manager")!;
  const analystId = userIds.get(analyst.email)!;
  const managerId = userIds.get(manager.email)!;
  const inputs = upgradeInputs(a.inputs);
  const note = "Ready for review: capability measured on 400 tickets per workload.";
  const comment = "Approved for a pilot on the internal cluster; revisit at the next model refresh.";
  const snapshot = await db.assessmentSnapshot.create({ data: snapshotRecord(a, inputs, { number: 1, note, submittedById: analystId, submittedByName: analyst.name }) });
  await db.reviewDecision.create({ data: { snapshotId: snapshot.id, assessmentId: a.id, organizationId, outcome: "approved", comment, actorId: managerId, actorName: manager.name } });
  const signOffNote = "Apache-2.0: no user threshold; attribution notice added to the product's third-party list.";
  await db.stageSignOff.create({
    data: { assessmentId: a.id, organizationId, stage: "licence", note: signOffNote, inputsFingerprint: stageFingerprint(inputs, "licence"), assessmentVersion: a.version, actorId: managerId, actorName: manager.name },
  });
  await db.assessment.update({ where: { id: a.id }, data: { status: "approved", approvedSnapshotId: snapshot.id } });
  // One at a time: each gets its own timestamp, so the history reads in order.
  for (const data of [
      { organizationId, assessmentId: a.id, actorId: analystId, actorName: analyst.name, action: "assessment.submitted", detail: { snapshot: 1, version: a.version, note, seeded: true } },
      { organizationId, assessmentId: a.id, actorId: managerId, actorName: manager.name, action: "stage.signed_off", detail: { stage: "licence", version: a.version, note: signOffNote, seeded: true } },
      { organizationId, assessmentId: a.id, actorId: managerId, actorName: manager.name, action: "assessment.approved", detail: { snapshot: 1, comment, seeded: true } },
  ]) await db.auditEvent.create({ data });
}

async function ensureUser(db: PrismaClient, u: { email: string; name: string }, passwordHash: string): Promise<string> {
  const existing = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
  if (existing) return existing.id;
  const id = crypto.randomUUID();
  await db.user.create({
    data: {
      id,
      email: u.email,
      name: u.name,
      emailVerified: true,
      accounts: { create: { id: crypto.randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
    },
  });
  return id;
}

async function ensureOrg(db: PrismaClient, org: { name: string; slug: string }): Promise<{ id: string; isNew: boolean }> {
  const existing = await db.organization.findUnique({ where: { slug: org.slug }, select: { id: true } });
  if (existing) return { id: existing.id, isNew: false };
  const created = await db.organization.create({ data: { id: crypto.randomUUID(), name: org.name, slug: org.slug } });
  return { id: created.id, isNew: true };
}

export async function seedDemo(db: PrismaClient): Promise<{ created: boolean; summarised: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const u of [...DEMO_USERS, ...SECOND_ORG_USERS]) userIds.set(u.email, await ensureUser(db, u, passwordHash));

  let created = false;
  for (const [org, members] of [
    [DEMO_ORG, DEMO_USERS],
    [SECOND_ORG, SECOND_ORG_USERS],
  ] as const) {
    const { id: organizationId, isNew } = await ensureOrg(db, org);
    for (const m of members) {
      const userId = userIds.get(m.email)!;
      await db.member.upsert({
        where: { organizationId_userId: { organizationId, userId } },
        create: { id: crypto.randomUUID(), organizationId, userId, role: m.role },
        update: {},
      });
    }
    if (!isNew) continue;
    created = true;
    const authorId = userIds.get(members[0]!.email)!;
    const author = members[0]!;
    for (const a of demoAssessments(org.slug)) {
      const row = await db.assessment.create({
        data: { ...a, organizationId, createdById: authorId, updatedById: authorId },
      });
      await db.auditEvent.create({
        data: {
          organizationId,
          assessmentId: row.id,
          actorId: authorId,
          actorName: author.name,
          action: "assessment.created",
          detail: { title: row.title, seeded: true },
        },
      });
    }
  }
  const demoOrg = await db.organization.findUnique({ where: { slug: DEMO_ORG.slug }, select: { id: true } });
  if (created && demoOrg && !(await db.assessmentSnapshot.count({ where: { organizationId: demoOrg.id } }))) await seedDemoReview(db, demoOrg.id, userIds);
  // Also brings rows from before the portfolio columns existed up to date (any organisation).
  const summarised = await backfillSummaries(db);
  return { created, summarised };
}

async function main() {
  const url = process.env.DATABASE_URL ?? "pglite:.data/pglite";
  const db = createPrismaClient(url);
  try {
    const { created, summarised } = await seedDemo(db);
    console.log(created ? "Seeded the demo organisations." : "Demo data already present; nothing to do.");
    if (summarised > 0) console.log(`Computed the portfolio figures of ${summarised} assessment(s).`);
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`);
  } finally {
    await closePrismaClient(db);
  }
}

if (process.argv[1] && /seed\.(ts|js|mjs)$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
