// Side-by-side comparison of several reports: one row per key figure and per stage outcome, the best
// value marked, and the licence findings that differ. Reads only the reports; computes nothing new.
import { STAGE_KEYS, STAGE_TITLES } from "../shared";
import type { TFindingSeverity } from "../licence";
import { fmt } from "../shared";
import { VERDICT_LABELS, type TVerdict } from "../recommendation";
import { shareText, tokensText, usdText } from "../shared";
import { chosenLayoutText } from "./layout-table";
import type { TReport, TStageOutcome } from "./types";

export type TComparisonCell = {
  reportId: string;
  /** Number, or a word for verdicts and stage outcomes; null when the report has no value. */
  value: number | string | null;
  display: string;
  isBest: boolean;
};

export type TComparisonRow = {
  key: string;
  label: string;
  unit: string;
  group: "verdict" | "key-figure" | "stage";
  /** Which direction is better; null when neither is (e.g. planned volume). */
  better: "lower" | "higher" | null;
  cells: TComparisonCell[];
  /** The reports do not all show the same value. */
  differs: boolean;
};

export type TLicenceFindingDiff = {
  /** The finding's key within its licence (the part of the id after "licenceId:"), so the same clause topic lines up across licences. */
  key: string;
  topic: string;
  cells: { reportId: string; licenceName: string | null; severity: TFindingSeverity | null; title: string | null }[];
};

export type TComparison = {
  reports: { id: string; title: string; candidateName: string; incumbentName: string; verdict: TVerdict }[];
  rows: TComparisonRow[];
  /** Only the licence findings whose severity (or presence) differs between reports. */
  licenceFindingDiffs: TLicenceFindingDiff[];
};

export const VERDICT_LABEL: Record<TVerdict, string> = VERDICT_LABELS;

function recommendedOf(r: TReport) {
  return r.options.options.find((o) => o.id === r.recommendation.recommendedOptionId) ?? null;
}
const TONE_RANK: Record<TStageOutcome["tone"], number | null> = { good: 2, caution: 1, bad: 0, unknown: null };

type TNumericRow = {
  key: string;
  label: string;
  unit: string;
  better: "lower" | "higher" | null;
  read: (r: TReport) => number | null;
  format: (x: number) => string;
  /** Display (and rank as worst) for null, e.g. "never". */
  nullText?: (r: TReport) => string;
};

const NUMERIC_ROWS: TNumericRow[] = [
  { key: "recommendedNpvUsd", label: "Present cost of the recommended option", unit: "USD", better: "lower", read: (r) => recommendedOf(r)?.npvUsd ?? null, format: usdText },
  { key: "recommendedMonthlyUsd", label: "Recommended option per month", unit: "USD/month", better: "lower", read: (r) => recommendedOf(r)?.monthlyUsd ?? null, format: usdText },
  { key: "optionsExcluded", label: "Options excluded by a constraint", unit: "options", better: null, read: (r) => (r.options.isCosted ? r.options.options.filter((o) => !o.isFeasible).length : null), format: (x) => fmt(x) },
  {
    key: "walkAwayUsdPerMillionTokens",
    label: "Walk-away API price",
    unit: "USD/M tokens",
    better: null,
    read: (r) => r.leverage.walkAway.find((w) => w.volumeMultiple === 1)?.walkAwayUsdPerMillionTokens ?? null,
    format: (x) => `$${fmt(x, 3)}`,
  },
  { key: "plannedTokensPerMonth", label: "Planned volume", unit: "tokens/month", better: null, read: (r) => r.keyFigures.plannedTokensPerMonth, format: tokensText },
  { key: "monthlyApiCostUsd", label: "API cost per month", unit: "USD/month", better: "lower", read: (r) => r.keyFigures.monthlyApiCostUsd, format: usdText },
  { key: "monthlyOwnedCostUsd", label: "Owned cost per month", unit: "USD/month", better: "lower", read: (r) => r.keyFigures.monthlyOwnedCostUsd, format: usdText },
  { key: "monthlySavingUsd", label: "Monthly saving from owning", unit: "USD/month", better: "higher", read: (r) => r.keyFigures.monthlySavingUsd, format: usdText },
  { key: "apiUsdPerMillionTokens", label: "API cost per million tokens", unit: "USD/M tokens", better: "lower", read: (r) => r.keyFigures.apiUsdPerMillionTokens, format: usdText },
  { key: "ownedUsdPerMillionTokens", label: "Owned cost per million tokens", unit: "USD/M tokens", better: "lower", read: (r) => r.keyFigures.ownedUsdPerMillionTokens, format: usdText },
  {
    key: "crossoverTokensPerMonth",
    label: "Crossover volume",
    unit: "tokens/month",
    better: "lower",
    read: (r) => (r.keyFigures.crossover.kind === "volume" ? r.keyFigures.crossover.tokensPerMonth : null),
    format: tokensText,
    nullText: (r) => (r.keyFigures.crossover.kind === "never" ? "never" : "—"),
  },
  {
    key: "breakEvenMonth",
    label: "Break-even month",
    unit: "month",
    better: "lower",
    read: (r) => r.keyFigures.breakEvenMonth,
    format: (x) => `month ${x}`,
    nullText: (r) => (r.keyFigures.horizonMonths !== null ? `not within ${r.keyFigures.horizonMonths} months` : "—"),
  },
  { key: "probabilityOwnedCheaper", label: "Chance owning is cheaper", unit: "probability", better: "higher", read: (r) => r.keyFigures.probabilityOwnedCheaper, format: shareText },
  { key: "capabilityWeightedGapPp", label: "Capability gap (candidate − incumbent)", unit: "pp", better: "higher", read: (r) => r.keyFigures.capability.weightedGapPp, format: (x) => `${x >= 0 ? "+" : ""}${fmt(x, 2)} pp` },
  { key: "licenceBlockers", label: "Licence blockers", unit: "findings", better: "lower", read: (r) => r.keyFigures.licenceBlockers, format: (x) => fmt(x) },
  { key: "safetyReadinessPct", label: "Safety readiness", unit: "%", better: "higher", read: (r) => r.keyFigures.safetyReadinessPct, format: (x) => `${fmt(x, 3)}%` },
  { key: "lifecycleFteEquivalent", label: "Lifecycle burden", unit: "FTE-equivalent", better: "lower", read: (r) => r.keyFigures.lifecycleFteEquivalent, format: (x) => `${fmt(x, 3)} FTE` },
];

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Marks the best among comparable scores (higher is better); nothing when fewer than two compare or
 * every known value ties (an unknown value is not beaten by a tie). With `sameWordsOnly`, a tie at the
 * top between different words ("No fine-tuning" and "LoRA: $34,400", both good) marks nothing either:
 * the words are different answers, not one best.
 */
function markBest(cells: TComparisonCell[], scores: (number | null)[], sameWordsOnly = false): void {
  const known = scores.filter((s): s is number => s !== null);
  if (known.length < 2) return;
  const best = Math.max(...known);
  if (known.every((s) => sameNumber(s, best))) return;
  const top = scores.flatMap((s, i) => (s !== null && sameNumber(s, best) ? [i] : []));
  if (sameWordsOnly && top.some((i) => cells[i].display !== cells[top[0]].display)) return;
  for (const i of top) cells[i].isBest = true;
}

function numericRow(reports: readonly TReport[], row: TNumericRow): TComparisonRow {
  const values = reports.map(row.read);
  const cells: TComparisonCell[] = reports.map((r, i) => {
    const v = values[i];
    return { reportId: r.meta.assessmentId, value: v, display: v === null ? (row.nullText?.(r) ?? "—") : row.format(v), isBest: false };
  });
  if (row.better !== null) {
    // "never" and "not within the horizon" rank below every number; unknown values do not rank.
    const scores = values.map((v, i) => {
      if (v === null) return cells[i].display === "—" ? null : -Number.MAX_VALUE;
      return row.better === "higher" ? v : -v;
    });
    markBest(cells, scores);
  }
  const differs = cells.some((c) => (typeof c.value === "number" && typeof cells[0].value === "number" ? !sameNumber(c.value, cells[0].value) : c.display !== cells[0].display));
  return { key: row.key, label: row.label, unit: row.unit, group: "key-figure", better: row.better, cells, differs };
}

function wordRow(reports: readonly TReport[], key: string, label: string, group: TComparisonRow["group"], read: (r: TReport) => { value: string; display: string; score: number | null }): TComparisonRow {
  const read_ = reports.map(read);
  const cells = reports.map((r, i) => ({ reportId: r.meta.assessmentId, value: read_[i].value, display: read_[i].display, isBest: false }));
  markBest(cells, read_.map((x) => x.score), true);
  return { key, label, unit: "", group, better: "higher", cells, differs: cells.some((c) => c.display !== cells[0].display) };
}

function findingKey(id: string): string {
  const at = id.indexOf(":");
  return at === -1 ? id : id.slice(at + 1);
}

function licenceFindingDiffs(reports: readonly TReport[]): TLicenceFindingDiff[] {
  const keys: string[] = [];
  const topics = new Map<string, string>();
  const perReport = reports.map((r) => {
    const map = new Map<string, { severity: TFindingSeverity; title: string }>();
    for (const f of r.stages.licence.detail?.findings ?? []) {
      const key = findingKey(f.id);
      if (!topics.has(key)) {
        topics.set(key, f.topic);
        keys.push(key);
      }
      map.set(key, { severity: f.severity, title: f.title });
    }
    return map;
  });
  const out: TLicenceFindingDiff[] = [];
  for (const key of keys) {
    const cells = reports.map((r, i) => {
      const f = perReport[i].get(key);
      return { reportId: r.meta.assessmentId, licenceName: r.stages.licence.detail?.licence.name ?? null, severity: f?.severity ?? null, title: f?.title ?? null };
    });
    if (cells.some((c) => c.severity !== cells[0].severity)) out.push({ key, topic: topics.get(key) as string, cells });
  }
  return out;
}

/** Column letters A-D: titles are too long to repeat in every legend entry and marker label. */
export const columnLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * The assessment ids a comparison URL names, in order and without repeats. Accepts one comma-separated
 * value (`?ids=a,b`, what links produce) and repeated values (`?ids=a&ids=b`, what a GET form of
 * checkboxes produces), so both kinds of link open the same comparison.
 */
export function parseComparedIds(param: string | readonly string[] | undefined): string[] {
  const values = typeof param === "string" ? [param] : (param ?? []);
  const ids = values.flatMap((v) => v.split(",")).map((id) => id.trim());
  return [...new Set(ids.filter(Boolean))];
}

/** The serving layout each report chose (not ranked: cost is compared in the rows above). */
function layoutRow(reports: readonly TReport[]): TComparisonRow {
  const cells = reports.map((r) => {
    const text = chosenLayoutText(r.stages.infrastructure.detail);
    return { reportId: r.meta.assessmentId, value: text, display: text ?? "—", isBest: false };
  });
  return { key: "servingLayout", label: "Serving layout", unit: "", group: "key-figure", better: null, cells, differs: cells.some((c) => c.display !== cells[0].display) };
}

export function compareReports(reports: readonly TReport[]): TComparison {
  const rows: TComparisonRow[] = [
    // Verdicts are answers to different questions, so none is marked "best".
    wordRow(reports, "verdict", "Recommendation", "verdict", (r) => ({
      value: r.recommendation.verdict,
      display: VERDICT_LABEL[r.recommendation.verdict],
      score: null,
    })),
    wordRow(reports, "recommendedOption", "Recommended option", "verdict", (r) => {
      const o = recommendedOf(r);
      return { value: o?.id ?? "", display: o ? o.label : r.recommendation.verdict === "insufficient" ? `None yet: ${r.recommendation.missing.join(", ")}` : "None", score: null };
    }),
    ...NUMERIC_ROWS.map((row) => numericRow(reports, row)),
    layoutRow(reports),
    ...STAGE_KEYS.map((key) =>
      wordRow(reports, `stage.${key}`, STAGE_TITLES[key], "stage", (r) => {
        const s = r.stages[key];
        return { value: s.outcome.tone, display: s.status === "not-started" ? "Not started" : s.outcome.label, score: s.status === "not-started" ? null : TONE_RANK[s.outcome.tone] };
      }),
    ),
  ];
  return {
    reports: reports.map((r) => ({ id: r.meta.assessmentId, title: r.meta.title, candidateName: r.meta.candidate.name, incumbentName: r.meta.incumbent.name, verdict: r.recommendation.verdict })),
    rows,
    licenceFindingDiffs: licenceFindingDiffs(reports),
  };
}
