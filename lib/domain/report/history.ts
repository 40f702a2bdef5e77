// What the portfolio, the review snapshots and the version diff keep of a report: a few summary
// columns (so the database can filter and sort 10,000 assessments), a frozen list of figures per
// snapshot, and the differences between two versions (inputs and figures). Pure: no I/O.
import { STAGE_KEYS, STAGE_TITLES, type TStageKey } from "../shared";
import { changedPriceBookFields, EMPTY_PRICE_BOOK_VALUES, type TAssessmentInputs, type TPriceBook, type TStoredVerdict } from "../assessment";
import type { TVerdict } from "../recommendation";
import { buildReport } from "./report";
import type { TReport } from "./types";

/**
 * Bump when the summary columns change meaning; rows with a lower value are recomputed.
 * 2: the verdict states of issue 11 (options-based verdict; "Not enough information", Blocked).
 */
export const SUMMARY_VERSION = 2;

/** The database's verdict values (lib/domain/assessment/records.ts lists them). */
export type TDbVerdict = TStoredVerdict;

const TO_DB: Record<TVerdict, TDbVerdict> = {
  insufficient: "insufficient",
  "go-self-host": "go_self_host",
  "go-hosted": "go_hosted",
  hybrid: "hybrid",
  stay: "stay_api",
  blocked: "blocked",
};
export const toDbVerdict = (v: TVerdict): TDbVerdict => TO_DB[v];
/** The verdict of a stored value; null for the two values older versions wrote (see DB_VERDICT_LABELS). */
export function fromDbVerdict(v: TDbVerdict): TVerdict | null {
  const found = (Object.keys(TO_DB) as TVerdict[]).find((k) => TO_DB[k] === v);
  return found ?? null;
}

/** How every stored verdict reads, older ones included (snapshots are immutable). */
export const DB_VERDICT_LABELS: Record<TDbVerdict, string> = {
  insufficient: "Not enough information",
  go_self_host: "Go: self-host",
  go_hosted: "Go: hosted open weights",
  hybrid: "Hybrid",
  stay_api: "Stay on the API",
  blocked: "Blocked",
  go: "Go (earlier verdict scheme)",
  no_go: "No-go (earlier verdict scheme)",
};

export type TSummaryColumns = {
  verdict: TDbVerdict;
  monthlyOwnedUsd: number | null;
  monthlyApiUsd: number | null;
  crossoverTokensPerMonth: number | null;
  capabilityGapPp: number | null;
  licenceBlockers: number | null;
  summaryVersion: number;
};

export function summaryColumns(report: TReport): TSummaryColumns {
  const k = report.keyFigures;
  return {
    verdict: toDbVerdict(report.recommendation.verdict),
    monthlyOwnedUsd: k.monthlyOwnedCostUsd,
    monthlyApiUsd: k.monthlyApiCostUsd,
    crossoverTokensPerMonth: k.crossover.kind === "volume" ? k.crossover.tokensPerMonth : null,
    capabilityGapPp: k.capability.weightedGapPp,
    licenceBlockers: k.licenceBlockers,
    summaryVersion: SUMMARY_VERSION,
  };
}

/** The summary columns of an assessment's current content (status and version do not matter to them). */
export function summaryForAssessment(
  a: { id: string; title: string; description: string; candidateModelId: string; incumbentApiId: string },
  inputs: TAssessmentInputs,
  priceBook: TPriceBook | null = null,
): TSummaryColumns {
  const report = buildReport({ assessment: { ...a, status: "draft", version: 1, updatedAt: new Date(0).toISOString() }, inputs, priceBook });
  return summaryColumns(report);
}

/** One figure as a snapshot keeps it: enough to show and compare it without the engine. */
export type TFrozenFigure = { key: string; group: string; label: string; unit: string; value: number | null; valueText?: string };

/** The verdict plus every key figure and stage figure of a report, keyed "group.key". */
export function frozenFigures(report: TReport): TFrozenFigure[] {
  const out: TFrozenFigure[] = [];
  const push = (group: string, f: { key: string; label: string; unit: string; value: number | null; valueText?: string }) =>
    out.push({ key: `${group}.${f.key}`, group, label: f.label, unit: f.unit, value: f.value, ...(f.valueText ? { valueText: f.valueText } : {}) });
  for (const f of report.keyFigures.figures) push("Key figures", f);
  for (const key of STAGE_KEYS) for (const f of report.stages[key].figures) push(STAGE_TITLES[key], f);
  out.push(...priceBookFigures(report.meta.priceBook));
  return out;
}

export const PRICE_BOOK_GROUP = "Organisation price book";

/**
 * The price book a report used, as frozen figures: a snapshot keeps the values it was computed
 * with, and the version diff lists a price-book change next to the figures it moved.
 */
export function priceBookFigures(book: TPriceBook | null): TFrozenFigure[] {
  if (!book) return [];
  const out: TFrozenFigure[] = [{ key: "priceBook.version", group: PRICE_BOOK_GROUP, label: `Price book version (set by ${book.updatedByName} on ${book.updatedAt.slice(0, 10)})`, unit: "", value: book.version }];
  // Every value the book sets, read as changes from an empty book (one readable line each).
  for (const c of changedPriceBookFields(EMPTY_PRICE_BOOK_VALUES, book.values)) {
    const n = Number(c.to.replace(/,/g, ""));
    out.push({ key: `priceBook.${c.field}`, group: PRICE_BOOK_GROUP, label: c.field, unit: "", value: Number.isFinite(n) ? n : null, ...(Number.isFinite(n) ? {} : { valueText: c.to }) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Diff

export type TInputChange = { path: string; stage: string; before: string; after: string };

/** Flattens a JSON document to "a.b[2].c" → printable leaf value. Empty objects/arrays vanish. */
export function flattenJson(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flattenJson(v, `${prefix}[${i}]`, out));
  } else if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenJson(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === "string" ? value : JSON.stringify(value));
  }
  return out;
}

function stageOfPath(path: string): string {
  const head = path.split(/[.[]/)[0] as TStageKey;
  if ((STAGE_KEYS as readonly string[]).includes(head)) return STAGE_TITLES[head];
  if (head === ("customModel" as string)) return "Custom model";
  return "Assessment";
}

export type TVersionSide = {
  title: string;
  candidateModelId: string;
  incumbentApiId: string;
  inputs: TAssessmentInputs;
  figures: TFrozenFigure[];
};

const ABSENT = "—";

/** Every input that differs between two versions (title and model choices included), in path order. */
export function diffInputs(a: TVersionSide, b: TVersionSide): TInputChange[] {
  const left = flattenJson({ title: a.title, candidateModelId: a.candidateModelId, incumbentApiId: a.incumbentApiId, ...withoutSchemaVersion(a.inputs) });
  const right = flattenJson({ title: b.title, candidateModelId: b.candidateModelId, incumbentApiId: b.incumbentApiId, ...withoutSchemaVersion(b.inputs) });
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((p) => left.get(p) !== right.get(p))
    .map((p) => ({ path: p, stage: stageOfPath(p), before: left.get(p) ?? ABSENT, after: right.get(p) ?? ABSENT }));
}

function withoutSchemaVersion(inputs: TAssessmentInputs): Record<string, unknown> {
  const { schemaVersion: _ignored, ...rest } = inputs;
  return rest;
}

export type TFigureChange = {
  key: string;
  group: string;
  label: string;
  unit: string;
  before: TFrozenFigure | null;
  after: TFrozenFigure | null;
  /** after − before when both are numbers. */
  delta: number | null;
};

/** Figures whose value (or presence) differs between two versions, in the order of the newer one. */
export function diffFigures(a: readonly TFrozenFigure[], b: readonly TFrozenFigure[]): TFigureChange[] {
  const byKeyA = new Map(a.map((f) => [f.key, f]));
  const byKeyB = new Map(b.map((f) => [f.key, f]));
  const keys = [...b.map((f) => f.key), ...a.map((f) => f.key).filter((k) => !byKeyB.has(k))];
  const out: TFigureChange[] = [];
  for (const key of keys) {
    const before = byKeyA.get(key) ?? null;
    const after = byKeyB.get(key) ?? null;
    if (before && after && sameValue(before, after)) continue;
    const ref = (after ?? before)!;
    const delta = before?.value != null && after?.value != null ? after.value - before.value : null;
    out.push({ key, group: ref.group, label: ref.label, unit: ref.unit, before, after, delta });
  }
  return out;
}

function sameValue(a: TFrozenFigure, b: TFrozenFigure): boolean {
  if (a.value === null || b.value === null) return a.value === b.value && (a.valueText ?? "") === (b.valueText ?? "");
  // Floating noise from a recomputation is not a change.
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

// ---------------------------------------------------------------------------------------------
// Stage sign-off fingerprint

/** Canonical JSON (sorted keys) of one stage's inputs: equal inputs give equal text. */
export function canonicalStageInputs(inputs: TAssessmentInputs, stage: TStageKey): string {
  return canonicalJson(inputs[stage] ?? null);
}

export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
