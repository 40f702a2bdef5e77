// How an audit event reads after the actor's name ("saved Lifecycle operations: Hourly rate, merged
// with what others saved since version 4"). Pure, so the pages and the tests read the same words.
import { STAGE_KEYS, STAGE_TITLES, type TStageKey } from "../shared";

type TDetail = {
  changed?: Record<string, { from: unknown; to: unknown }>;
  snapshot?: number;
  version?: number;
  stage?: string;
  /** Form labels of the stage fields a save changed (lib/wizard/plan-stage-save.ts). */
  fields?: unknown;
  /** The version the editor started from, when the save was merged with others' saves since. */
  mergedFromVersion?: number;
};

const isStage = (s: unknown): s is TStageKey => typeof s === "string" && (STAGE_KEYS as readonly string[]).includes(s);
const stageTitle = (s: string | undefined) => (isStage(s) ? STAGE_TITLES[s] : (s ?? "a stage"));
const ofSnapshot = (d: TDetail) => (d.snapshot ? ` (snapshot ${d.snapshot}${d.version ? `, version ${d.version}` : ""})` : "");

/** At most this many field names, then "and n more": a template import can touch dozens. */
const MAX_FIELDS_NAMED = 6;

function savedText(d: TDetail): string {
  if (!isStage(d.stage)) return "saved changes";
  const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === "string") : [];
  const named = fields.slice(0, MAX_FIELDS_NAMED).join(", ");
  const more = fields.length > MAX_FIELDS_NAMED ? ` and ${fields.length - MAX_FIELDS_NAMED} more` : "";
  const merged = d.mergedFromVersion ? `, merged with what others saved since version ${d.mergedFromVersion}` : "";
  return `saved ${STAGE_TITLES[d.stage]}${named ? `: ${named}${more}` : ""}${merged}`;
}

const ACTION_TEXTS: Record<string, (d: TDetail) => string> = {
  "assessment.created": () => "created the assessment",
  "assessment.imported": () => "imported the assessment",
  "assessment.updated": savedText,
  "assessment.deleted": () => "deleted the assessment",
  "assessment.submitted": (d) => `submitted it for review${ofSnapshot(d)}`,
  "assessment.approved": (d) => `approved it${ofSnapshot(d)}`,
  "assessment.rejected": (d) => `rejected it${ofSnapshot(d)}`,
  "assessment.withdrawn": (d) => `withdrew it from review${ofSnapshot(d)}`,
  "stage.signed_off": (d) => `signed off ${stageTitle(d.stage)}${d.version ? ` at version ${d.version}` : ""}`,
};

/** What the actor did; an unknown action shows its raw name. */
export function auditActionText(action: string, detail: unknown): string {
  const d = (detail ?? {}) as TDetail;
  return ACTION_TEXTS[action]?.(d) ?? action;
}

/** The title, model or status changes of a save, "" when there are none (stage inputs are named by auditActionText). */
export function auditChangeText(detail: unknown): string {
  const d = (detail ?? {}) as TDetail;
  if (!d.changed) return "";
  return Object.entries(d.changed)
    .filter(([k]) => !(k === "inputs" && isStage(d.stage)))
    .map(([k, v]) => (k === "inputs" ? "stage inputs" : `${k}: “${String(v.from)}” → “${String(v.to)}”`))
    .join("; ");
}

/** Events that change what the assessment says (a review decision or a sign-off changes nothing in it). */
const EDIT_ACTIONS = new Set(["assessment.created", "assessment.imported", "assessment.duplicated", "assessment.updated"]);

/**
 * The newest edit among audit events (any order): what "last saved" means. The assessment's own
 * updatedAt also moves on submit, approve, reject and withdraw, which are not edits. Null when the
 * log holds no edit (it is capped), so the caller can fall back to updatedAt.
 */
export function lastEditOf<T extends { action: string; actorName: string; createdAt: Date }>(events: readonly T[]): { at: Date; byName: string } | null {
  let newest: T | null = null;
  for (const e of events) if (EDIT_ACTIONS.has(e.action) && (!newest || e.createdAt > newest.createdAt)) newest = e;
  return newest ? { at: newest.createdAt, byName: newest.actorName } : null;
}
