// What a stage save writes, decided before anything is written: the draft as it is when nobody
// saved since the page's version; the draft's changes merged onto the stored inputs when someone
// did and the fields do not overlap; a conflict naming the fields when they do. Pure (the action
// reads and writes; this decides), server-side: it validates with the stage schema.
import { STAGE_SCHEMAS } from "@/lib/domain/assessment";
import type { TStageKey } from "@/lib/domain/shared";
import { getIn, setIn } from "./draft";
import { fieldLabels } from "./field-labels";
import { changedPaths, mergeFields, type TConflictField } from "./merge-fields";

export type { TConflictField };
import { STAGE_FIELD_GROUPS } from "./stage-fields";


/** What the audit log records of a stage save. */
export type TStageChange = { stage: TStageKey; fields: string[]; mergedFromVersion?: number };

export type TStageSavePlan =
  | { kind: "write"; stageInputs: unknown; expectedVersion: number; change: TStageChange; isMerged: boolean }
  /** `merged`: theirs with my changes on top, my value at every field listed (what the editor resolves from). */
  | { kind: "conflict"; fields: TConflictField[]; merged: unknown; message: string };

export type TPlanStageSave = {
  stage: TStageKey;
  /** The version the editor started from (sent as the expected version). */
  baseVersion: number;
  /** The stage inputs the editor started from, validated; undefined when the client sent none (then every differing field counts as changed by both). */
  base: unknown;
  /** The submitted draft, validated. */
  mine: unknown;
  current: { version: number; stageInputs: unknown };
};

const related = (a: string, b: string) => a === "" || b === "" || a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
const fieldAt = (theirs: unknown, mine: unknown) => (path: string): TConflictField => ({ path, mine: getIn(mine, path), theirs: getIn(theirs, path) });
const stale = (p: TPlanStageSave) => `Someone else saved this assessment (now version ${p.current.version}) after you opened version ${p.baseVersion}`;

export function planStageSave(p: TPlanStageSave): TStageSavePlan {
  const theirs = p.current.stageInputs ?? {};
  const labels = (after: unknown) => fieldLabels(STAGE_FIELD_GROUPS[p.stage], changedPaths(theirs, after));
  if (p.current.version === p.baseVersion) {
    return { kind: "write", stageInputs: p.mine, expectedVersion: p.baseVersion, change: { stage: p.stage, fields: labels(p.mine) }, isMerged: false };
  }
  if (p.base === undefined) {
    const fields = changedPaths(theirs, p.mine).map(fieldAt(theirs, p.mine));
    return { kind: "conflict", fields, merged: p.mine, message: `${stale(p)}. Keep their value or yours for each field that differs.` };
  }
  const { merged, conflicts } = mergeFields(p.base, p.mine, theirs);
  if (conflicts.length > 0) {
    const what = conflicts.length === 1 ? "a field you changed too" : `${conflicts.length} fields you changed too`;
    return { kind: "conflict", fields: conflicts.map((c) => fieldAt(theirs, p.mine)(c.path)), merged, message: `${stale(p)}, and changed ${what}. Keep their value or yours.` };
  }
  const checked = STAGE_SCHEMAS[p.stage].safeParse(merged);
  if (!checked.success) {
    // Each side valid, the two together not (a range's low above the other side's high, a choice
    // whose branch the other side filled): the fields either side changed near the problem.
    const issues = checked.error.issues.map((i) => i.path.join("."));
    const touched = [...new Set([...changedPaths(p.base, p.mine), ...changedPaths(p.base, theirs)])];
    const near = touched.filter((t) => issues.some((i) => related(t, i)));
    const fields = (near.length ? near : touched).map(fieldAt(theirs, p.mine));
    // `merged` holds my value at every field listed, as it does for a plain conflict.
    const mineThere = fields.reduce((acc, f) => setIn(acc, f.path, f.mine), merged);
    return { kind: "conflict", fields, merged: mineThere, message: `${stale(p)}. Your changes and theirs are each valid but not together: keep their value or yours.` };
  }
  return {
    kind: "write",
    stageInputs: checked.data,
    expectedVersion: p.current.version,
    change: { stage: p.stage, fields: labels(checked.data), mergedFromVersion: p.baseVersion },
    isMerged: true,
  };
}
