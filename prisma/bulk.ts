// Load data for the portfolio: N assessments in one organisation, varied over the templates,
// candidate models, incumbents, traffic, status, authors and dates, so filters, sorts and facets
// have something to chew on. Used by `npm run seed:bulk` and the portfolio benchmark.
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";
import { CURRENT_INPUTS_SCHEMA_VERSION, type TAssessmentInputs } from "@/lib/domain/assessment";
import type { AssessmentStatus, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { memoisedSummary } from "./summaries";

const CANDIDATES = ["llama-3.3-70b-instruct", "qwen2.5-72b-instruct", "llama-3.1-8b", "mistral-small-24b-instruct-2501"];
const INCUMBENTS = ["openai-gpt-4o", "openai-gpt-4o-mini", "anthropic-claude-sonnet-4.5"];
/** A handful of traffic levels (not a continuum) keeps the number of distinct reports to compute small. */
const TRAFFIC_SCALES = [0.1, 0.3, 1, 3, 10];
const STATUSES: AssessmentStatus[] = ["draft", "draft", "draft", "draft", "draft", "draft", "in_review", "approved", "approved", "rejected"];
const TEAMS = ["Support", "Legal", "Finance", "Engineering", "Sales", "HR", "Marketing", "Operations", "Research", "Security"];

const DAY_MS = 86_400_000;
const BATCH = 500;

function scaled(inputs: TAssessmentInputs, scale: number): TAssessmentInputs {
  const e = inputs.economics;
  if (!e || e.inputTokensPerMonth === undefined || e.outputTokensPerMonth === undefined) return inputs;
  return { ...inputs, economics: { ...e, inputTokensPerMonth: Math.round(e.inputTokensPerMonth * scale), outputTokensPerMonth: Math.round(e.outputTokensPerMonth * scale) } };
}

/** Deterministic: row i is always the same assessment, so runs are comparable. */
export function bulkAssessment(i: number, authorIds: readonly string[], now: Date) {
  const template = ASSESSMENT_TEMPLATES[i % ASSESSMENT_TEMPLATES.length]!;
  const candidateModelId = CANDIDATES[Math.floor(i / 4) % CANDIDATES.length]!;
  const incumbentApiId = INCUMBENTS[Math.floor(i / 16) % INCUMBENTS.length]!;
  const scale = TRAFFIC_SCALES[Math.floor(i / 48) % TRAFFIC_SCALES.length]!;
  const team = TEAMS[i % TEAMS.length]!;
  const authorId = authorIds[i % authorIds.length]!;
  const updatedAt = new Date(now.getTime() - ((i * 7919) % 730) * DAY_MS - (i % 1440) * 60_000);
  return {
    title: `${team} #${i + 1}: ${template.name}`,
    description: `Load-test assessment ${i + 1} (${scale}× the template's traffic).`,
    candidateModelId,
    incumbentApiId,
    status: STATUSES[i % STATUSES.length]!,
    inputs: scaled(template.inputs, scale),
    createdById: authorId,
    updatedById: authorId,
    createdAt: new Date(updatedAt.getTime() - 30 * DAY_MS),
    updatedAt,
  };
}

/** Adds assessments until the organisation has `target` of them; returns how many were added. */
export async function fillOrganisation(db: PrismaClient, organizationId: string, authorIds: readonly string[], target: number): Promise<number> {
  const existing = await db.assessment.count({ where: { organizationId } });
  const summarise = memoisedSummary();
  const now = new Date();
  let added = 0;
  for (let start = existing; start < target; start += BATCH) {
    const data: Prisma.AssessmentCreateManyInput[] = [];
    for (let i = start; i < Math.min(target, start + BATCH); i++) {
      const a = bulkAssessment(i, authorIds, now);
      data.push({ ...a, ...summarise(a, a.inputs), organizationId, inputs: a.inputs as Prisma.InputJsonValue, inputsSchemaVersion: CURRENT_INPUTS_SCHEMA_VERSION });
    }
    await db.assessment.createMany({ data });
    added += data.length;
  }
  // After a bulk load the planner needs fresh statistics, and the trigram indexes' pending lists
  // (GIN buffers new entries until a vacuum) need merging, or the portfolio search plans as if the
  // organisation were small and reads every row. PostgreSQL's autovacuum would get there within a
  // minute or so; PGlite has no autovacuum at all.
  if (added > 0) await db.$executeRawUnsafe(`VACUUM ANALYZE "Assessment"`);
  return added;
}
