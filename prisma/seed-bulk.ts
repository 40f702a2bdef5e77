// npm run seed:bulk -- --assessments 10000 [--org bulk]
// Fills one organisation (created if missing, with the Northwind demo users as members in their
// demo roles, so owner@northwind.example can open it) up to N assessments for load testing.
import { closePrismaClient, createPrismaClient } from "@/lib/db";
import { DEMO_USERS } from "./demo-data";
import { seedDemo } from "./seed";
import { fillOrganisation } from "./bulk";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main() {
  const target = Number(arg("assessments", "10000"));
  const slug = arg("org", "bulk");
  if (!Number.isInteger(target) || target < 1 || target > 1_000_000) throw new Error(`--assessments must be a whole number from 1 to 1,000,000 (got ${arg("assessments", "")}).`);
  if (!/^[a-z0-9-]{2,60}$/.test(slug)) throw new Error("--org must be a slug: lowercase letters, digits and hyphens.");
  const db = createPrismaClient(process.env.DATABASE_URL ?? "pglite:.data/pglite");
  try {
    await seedDemo(db); // the demo users must exist to be members
    const org =
      (await db.organization.findUnique({ where: { slug }, select: { id: true } })) ??
      (await db.organization.create({ data: { id: crypto.randomUUID(), name: `Bulk portfolio (${slug})`, slug }, select: { id: true } }));
    const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true } });
    for (const u of users) {
      const role = DEMO_USERS.find((d) => d.email === u.email)!.role;
      await db.member.upsert({ where: { organizationId_userId: { organizationId: org.id, userId: u.id } }, create: { id: crypto.randomUUID(), organizationId: org.id, userId: u.id, role }, update: {} });
    }
    const started = performance.now();
    const added = await fillOrganisation(db, org.id, users.map((u) => u.id), target);
    const total = await db.assessment.count({ where: { organizationId: org.id } });
    console.log(`Organisation "${slug}": added ${added.toLocaleString("en-US")} assessments in ${((performance.now() - started) / 1000).toFixed(1)} s; it now has ${total.toLocaleString("en-US")}.`);
    console.log(`Sign in as ${DEMO_USERS[0]!.email} and open /o/${slug}/assessments.`);
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
