// A stage's field paths in the form's own words: the audit log names the fields a save changed, and
// the conflict dialog names the fields two people changed, with both values. Read from the stage's
// field specs (lib/wizard/stage-fields.ts), so a field added there is named without touching this
// file. Pure; the editor imports it (types only from stage-fields).
import { getIn } from "./draft";
import type { TFieldGroup, TFieldSpec } from "./stage-fields";

export type TFieldName = {
  label: string;
  /** The spec that edits exactly this path (a row cell's column), for showing its value; null for a row or a whole group. */
  spec: TFieldSpec | null;
  /** Where the field sits in the form: names sort in form order. */
  rank: number;
};

const startsPath = (path: string, prefix: string) => path.startsWith(`${prefix}.`);

function nameInList(list: Extract<TFieldSpec, { kind: "list" }>, rest: string, rank: number): TFieldName {
  const [row, ...cell] = rest.split(".");
  const item = `${list.itemLabel} ${Number(row) + 1}`;
  const cellPath = cell.join(".");
  const at = list.columns.findIndex((c) => cellPath === c.path || startsPath(cellPath, c.path));
  if (!/^\d+$/.test(row) || at < 0) return { label: /^\d+$/.test(row) ? item : list.label, spec: null, rank };
  const column = list.columns[at];
  return { label: `${item}: ${column.label}`, spec: column.path === cellPath ? column : null, rank: rank + (Number(row) + 1) * 1_000 + at };
}

/**
 * The form's name for a path of a stage's inputs: the field's label; "Workload 2: Candidate score"
 * inside a list; a group's title for a path that holds several fields (a list of Monte Carlo rows
 * created whole). Null for what no field edits (ids, provenance: the server's to set).
 */
export function nameField(groups: readonly TFieldGroup[], path: string): TFieldName | null {
  const fields = groups.flatMap((g) => g.fields.map((f) => ({ f, group: g.title })));
  for (const [i, { f }] of fields.entries()) {
    const rank = i * 1_000_000;
    if (path === f.path) return { label: f.label, spec: f, rank };
    if (startsPath(path, f.path)) return f.kind === "list" ? nameInList(f, path.slice(f.path.length + 1), rank) : { label: f.label, spec: null, rank };
  }
  const holder = fields.findIndex(({ f }) => startsPath(f.path, path));
  return holder < 0 ? null : { label: fields[holder].group, spec: null, rank: holder * 1_000_000 };
}

/** The labels of the fields behind some paths, once each, in form order; paths no field edits are left out. */
export function fieldLabels(groups: readonly TFieldGroup[], paths: readonly string[]): string[] {
  const names = paths.map((p) => nameField(groups, p)).filter((n): n is TFieldName => n !== null);
  return [...new Set(names.sort((a, b) => a.rank - b.rank).map((n) => n.label))];
}

/** A list row as its filled-in cells: "Id summaries, Candidate score 0.81". */
function describeRow(list: Extract<TFieldSpec, { kind: "list" }>, row: unknown): string {
  const cells = list.columns.map((c) => [c.label, getIn(row, c.path)] as const).filter(([, v]) => v !== undefined && v !== "");
  return cells.map(([label, v]) => `${label} ${formatFieldValue(list.columns.find((c) => c.label === label) ?? null, v)}`).join(", ") || "empty";
}

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });

/** A stored value as the form would show it: an option's label, Yes/No, a number with separators; "(empty)" when unset. */
export function formatFieldValue(spec: TFieldSpec | null, value: unknown): string {
  if (value === undefined || value === null || value === "") return "(empty)";
  if (spec?.kind === "bool" && typeof value === "boolean") return value ? "Yes" : "No";
  if ((spec?.kind === "select" || spec?.kind === "multi") && (typeof value === "string" || Array.isArray(value))) {
    const chosen = (Array.isArray(value) ? value : [value]).map((v) => spec.options.find((o) => o.value === v)?.label ?? String(v));
    return chosen.length ? chosen.join(", ") : "(none)";
  }
  if (spec?.kind === "list" && Array.isArray(value)) return value.length ? value.map((row, i) => `${spec.itemLabel} ${i + 1} (${describeRow(spec, row)})`).join("; ") : "(none)";
  if (typeof value === "number") return NUMBER.format(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "item" : "items"}: ${JSON.stringify(value).slice(0, 200)}`;
  return JSON.stringify(value).slice(0, 200);
}
