// Words for review states, shared by the overview, the history and the snapshot pages.
import type { TSnapshotSummary } from "@/lib/domain/report";
import { DB_VERDICT_LABELS, type TDbVerdict, type TInputChange } from "@/lib/domain/report";
import { SELF_APPROVAL_NOTE, STAGE_KEYS, STAGE_TITLES } from "@/lib/domain/shared";
import { formatDateTime } from "@/lib/domain/report";

/** Why a stage form is read-only while the assessment is in review (the DAL refuses the save anyway). */
export const IN_REVIEW_STAGE_NOTE = "In review: this stage is read-only until an owner or manager approves or rejects it, or the submission is withdrawn.";

export function verdictLabel(v: TDbVerdict | null): string {
  return v ? DB_VERDICT_LABELS[v] : "—";
}

const OUTCOME_WORDS = { approved: "Approved", rejected: "Rejected", withdrawn: "Withdrawn" } as const;

/** "Approved by Marek Manager on 3 Mar 2026, 10:00 UTC", or "Waiting for review". */
export function decisionText(s: Pick<TSnapshotSummary, "decision">): string {
  const d = s.decision;
  if (!d) return "Waiting for review";
  return `${OUTCOME_WORDS[d.outcome]} by ${d.actorName} on ${formatDateTime(d.createdAt)}${d.selfApproved ? ` (${SELF_APPROVAL_NOTE})` : ""}`;
}

export function snapshotName(s: Pick<TSnapshotSummary, "number" | "assessmentVersion">): string {
  return `snapshot ${s.number} (version ${s.assessmentVersion})`;
}

/** Items by a key, in first-seen order (stages and figure groups keep the report's order). */
export function groupBy<T>(items: T[], key: (t: T) => string): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return [...out];
}

const STAGE_ORDER = ["Assessment", "Custom model", ...STAGE_KEYS.map((k) => STAGE_TITLES[k])];

/** Input rows by stage, in the wizard's stage order (the diff itself is in path order). */
export function groupByStage<T extends Pick<TInputChange, "stage">>(rows: T[]): [string, T[]][] {
  const rank = (stage: string) => (STAGE_ORDER.includes(stage) ? STAGE_ORDER.indexOf(stage) : STAGE_ORDER.length);
  return groupBy(rows, (r) => r.stage).sort(([a], [b]) => rank(a) - rank(b));
}
