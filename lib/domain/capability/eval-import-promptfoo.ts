// Parser for `promptfoo eval -o out.json`: { evalId, results: { version, timestamp, results[], stats,
// prompts[] (v3) | table (v2) }, config, shareableUrl, metadata? }. One result per test × prompt × provider.
import { z } from "zod";
import { fieldErrorsFromZod, type TParseResult } from "../shared";
import { describeType, detectEvalFormat, fail, isRecord, readJson } from "./eval-import-json";

/** promptfoo's ResultFailureReason: 0 none, 1 assertion failed, 2 provider/runtime error. */
const FAILURE_REASON_ERROR = 2;

const ZProviderRef = z.union([
  z.string(),
  z.looseObject({ id: z.string().min(1), label: z.string().nullish() }),
]);

const ZPromptfooResult = z.looseObject({
  provider: ZProviderRef,
  success: z.boolean(),
  score: z.number().nullish(),
  failureReason: z.number().nullish(),
  gradingResult: z
    .looseObject({
      pass: z.boolean().nullish(),
      score: z.number().nullish(),
      componentResults: z.array(z.looseObject({ pass: z.boolean().nullish(), assertion: z.looseObject({ type: z.string().nullish() }).nullish() }).nullable()).nullish(),
    })
    .nullish(),
  response: z.looseObject({ error: z.unknown().optional() }).nullish(),
  vars: z.record(z.string(), z.unknown()).nullish(),
  description: z.string().nullish(),
  testCase: z.looseObject({ description: z.string().nullish(), vars: z.record(z.string(), z.unknown()).nullish() }).nullish(),
  promptIdx: z.number().nullish(),
  testIdx: z.number().nullish(),
});

/** Assertions on how fast or how cheap an answer was, not on what it says. */
export const NON_CAPABILITY_ASSERTIONS = ["latency", "cost"] as const;

const ZTableOutput = z.looseObject({
  pass: z.boolean(),
  score: z.number().nullish(),
  failureReason: z.number().nullish(),
  error: z.string().nullish(),
});

const ZTable = z.looseObject({
  head: z.looseObject({
    prompts: z.array(z.looseObject({ provider: z.string().nullish(), label: z.string().nullish() })),
    vars: z.array(z.string()).default([]),
  }),
  body: z.array(
    z.looseObject({
      outputs: z.array(ZTableOutput.nullable()),
      vars: z.array(z.unknown()).default([]),
      description: z.string().nullish(),
      test: z.looseObject({ description: z.string().nullish() }).nullish(),
    }),
  ),
});

const ZStats = z.looseObject({ successes: z.number(), failures: z.number(), errors: z.number().default(0) });

export type TPromptfooGroupBy = "description" | { var: string };

export type TPromptfooTally = {
  passCount: number;
  failCount: number;
  /** Tests that failed only latency or cost assertions: counted as capability passes, reported apart. */
  latencyOrCostOnlyFailures: number;
  /** Provider or runtime errors: not graded, so left out of sampleCount. */
  errorCount: number;
  /** Graded tests: passCount + failCount. */
  sampleCount: number;
  meanScore: number | null;
};

export type TPromptfooProvider = TPromptfooTally & {
  /** label when the config gave one, else the provider id. */
  key: string;
  id: string;
  label: string | null;
  groups: (TPromptfooTally & { key: string })[];
};

/** Two providers graded on the same tests: per-test agreement, for a paired comparison. */
export type TPromptfooPair = { a: string; b: string; items: number; bothPass: number; aOnly: number; bOnly: number; bothFail: number };

export type TPromptfooImport = {
  evalId: string | null;
  version: number | null;
  timestamp: string | null;
  providers: TPromptfooProvider[];
  pairs: TPromptfooPair[];
  stats: { successes: number; failures: number; errors: number } | null;
  warnings: string[];
};

type TRow = {
  providerId: string;
  providerLabel: string | null;
  /** Capability pass: a test that failed only on latency or cost passes here. */
  pass: boolean;
  failedOnlyLatencyOrCost: boolean;
  isError: boolean;
  score: number | null;
  groupKey: string | null;
  /** The test (and prompt) it answers, to pair providers; null when unknown. */
  testKey: string | null;
};

export function parsePromptfooOutput(input: unknown, opts: { groupBy?: TPromptfooGroupBy } = {}): TParseResult<TPromptfooImport> {
  const read = readJson(input);
  if (!read.ok) return read;
  const json = read.data;
  if (!isRecord(json)) return fail("(root)", `expected a JSON object from promptfoo, got ${describeType(json)}`);
  const summary = json.results;
  if (!isRecord(summary)) {
    return fail("results", `${summary === undefined ? "missing" : `expected an object, got ${describeType(summary)}`}. A promptfoo output file (promptfoo eval -o out.json) has a top-level "results" object.`);
  }
  const hasResults = Array.isArray(summary.results) && summary.results.length > 0;
  if (!hasResults && !isRecord(summary.table)) {
    if (detectEvalFormat(json) === "lm-eval-harness") {
      return fail("results", "this looks like an lm-evaluation-harness results file; import it as lm-evaluation-harness instead.");
    }
    return fail("results.results", Array.isArray(summary.results) ? "no test results in this file" : 'missing: expected an array of test results (or a legacy "table")');
  }

  const rows = hasResults ? rowsFromResults(summary.results, opts.groupBy) : rowsFromTable(summary.table, opts.groupBy);
  if (!rows.ok) return rows;

  const warnings: string[] = [];
  const stats = ZStats.safeParse(summary.stats);
  const fileStats = stats.success ? { successes: stats.data.successes, failures: stats.data.failures, errors: stats.data.errors } : null;
  const errorCount = rows.data.filter((r) => r.isError).length;
  const speedOrCost = rows.data.filter((r) => r.failedOnlyLatencyOrCost).length;
  if (speedOrCost > 0) {
    warnings.push(`${speedOrCost} test(s) failed only latency or cost assertions: counted as capability passes and reported apart (they say how fast or cheap the answer was, not whether it was right).`);
  }
  if (errorCount > 0) {
    warnings.push(`${errorCount} test(s) ended in a provider or runtime error; they are not counted as graded samples.`);
  }
  if (fileStats && fileStats.successes + fileStats.failures + fileStats.errors !== rows.data.length) {
    warnings.push("stats in the file do not add up to the number of results; counts here come from the results themselves.");
  }

  return {
    ok: true,
    data: {
      evalId: typeof json.evalId === "string" ? json.evalId : null,
      version: typeof summary.version === "number" ? summary.version : null,
      timestamp: typeof summary.timestamp === "string" ? summary.timestamp : null,
      providers: summariseProviders(rows.data),
      pairs: pairProviders(rows.data),
      stats: fileStats,
      warnings,
    },
  };
}

function groupKeyOf(
  groupBy: TPromptfooGroupBy | undefined,
  vars: Record<string, unknown> | null | undefined,
  description: string | null | undefined,
): string | null {
  if (!groupBy) return null;
  if (groupBy === "description") return description ?? "(no description)";
  const v = vars?.[groupBy.var];
  if (v === undefined || v === null) return `(no ${groupBy.var})`;
  return typeof v === "string" ? v : JSON.stringify(v);
}

function rowsFromResults(raw: unknown, groupBy: TPromptfooGroupBy | undefined): TParseResult<TRow[]> {
  const parsed = z.array(ZPromptfooResult).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: prefixPaths(fieldErrorsFromZod(parsed.error), "results.results") };
  return {
    ok: true,
    data: parsed.data.map((r) => {
      const provider = typeof r.provider === "string" ? { id: r.provider, label: null } : { id: r.provider.id, label: r.provider.label || null };
      const isError = r.failureReason === FAILURE_REASON_ERROR || (r.failureReason == null && !r.success && hasText(r.response?.error));
      const score = r.score ?? r.gradingResult?.score ?? null;
      const components = (r.gradingResult?.componentResults ?? []).filter((c): c is NonNullable<typeof c> => c !== null);
      const failed = components.filter((c) => c.pass === false);
      const onlySpeedOrCost = !r.success && !isError && failed.length > 0 && failed.every((c) => (NON_CAPABILITY_ASSERTIONS as readonly string[]).includes(c.assertion?.type ?? ""));
      return {
        providerId: provider.id,
        providerLabel: provider.label,
        pass: r.success || onlySpeedOrCost,
        failedOnlyLatencyOrCost: onlySpeedOrCost,
        isError,
        score: score !== null && Number.isFinite(score) ? score : null,
        groupKey: groupKeyOf(groupBy, r.vars ?? r.testCase?.vars, r.testCase?.description ?? r.description),
        // promptfoo numbers prompts per provider, so tests pair by testIdx (repeats of one test by order).
        testKey: r.testIdx != null ? `${r.testIdx}` : null,
      };
    }),
  };
}

function rowsFromTable(raw: unknown, groupBy: TPromptfooGroupBy | undefined): TParseResult<TRow[]> {
  const parsed = ZTable.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: prefixPaths(fieldErrorsFromZod(parsed.error), "results.table") };
  const { head, body } = parsed.data;
  const rows: TRow[] = [];
  for (const [rowIndex, row] of body.entries()) {
    const vars = Object.fromEntries(head.vars.map((name, i) => [name, row.vars[i]]));
    row.outputs.forEach((out, i) => {
      if (!out) return;
      const prompt = head.prompts[i];
      rows.push({
        providerId: prompt?.provider || `prompt ${i + 1}`,
        providerLabel: null,
        pass: out.pass,
        failedOnlyLatencyOrCost: false,
        isError: out.failureReason === FAILURE_REASON_ERROR,
        score: out.score ?? null,
        groupKey: groupKeyOf(groupBy, vars, row.description ?? row.test?.description),
        testKey: `${rowIndex}`,
      });
    });
  }
  return { ok: true, data: rows };
}

function hasText(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "";
}

function prefixPaths(errors: { path: string; message: string }[], prefix: string) {
  return errors.map((e) => {
    const path = e.path === "(root)" ? prefix : e.path.startsWith("[") ? `${prefix}${e.path}` : `${prefix}.${e.path}`;
    return { path, message: `${path}: ${e.message.slice(e.message.indexOf(": ") + 2)}` };
  });
}

function tally(rows: readonly TRow[]): TPromptfooTally {
  const graded = rows.filter((r) => !r.isError);
  const passCount = graded.filter((r) => r.pass).length;
  const scores = graded.map((r) => r.score).filter((s): s is number => s !== null);
  return {
    passCount,
    failCount: graded.length - passCount,
    latencyOrCostOnlyFailures: graded.filter((r) => r.failedOnlyLatencyOrCost).length,
    errorCount: rows.length - graded.length,
    sampleCount: graded.length,
    meanScore: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
  };
}

function groupRows(rows: readonly TRow[], keyOf: (r: TRow) => string | null): Map<string, TRow[]> {
  const map = new Map<string, TRow[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return map;
}

function summariseProviders(rows: readonly TRow[]): TPromptfooProvider[] {
  const byProvider = groupRows(rows, (r) => r.providerLabel ?? r.providerId);
  return [...byProvider.entries()].map(([key, list]) => {
    const byGroup = groupRows(list, (r) => r.groupKey);
    return {
      key,
      id: list[0].providerId,
      label: list[0].providerLabel,
      ...tally(list),
      groups: [...byGroup.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([groupKey, g]) => ({ key: groupKey, ...tally(g) })),
    };
  });
}

/** Per-test agreement of every two providers that answered the same tests (errors left out). */
export function pairProviders(rows: readonly TRow[]): TPromptfooPair[] {
  const byProvider = groupRows(
    rows.filter((r) => !r.isError && r.testKey !== null),
    (r) => r.providerLabel ?? r.providerId,
  );
  const keys = [...byProvider.keys()];
  const maps = new Map(
    keys.map((k) => {
      const seen = new Map<string, number>();
      return [
        k,
        new Map(
          byProvider.get(k)!.map((r) => {
            const n = seen.get(r.testKey as string) ?? 0;
            seen.set(r.testKey as string, n + 1);
            return [`${r.testKey}#${n}`, r.pass] as const;
          }),
        ),
      ] as const;
    }),
  );
  const out: TPromptfooPair[] = [];
  for (let i = 0; i < keys.length; i += 1) {
    for (let j = i + 1; j < keys.length; j += 1) {
      const a = maps.get(keys[i])!;
      const b = maps.get(keys[j])!;
      const pair: TPromptfooPair = { a: keys[i], b: keys[j], items: 0, bothPass: 0, aOnly: 0, bOnly: 0, bothFail: 0 };
      for (const [test, passA] of a) {
        const passB = b.get(test);
        if (passB === undefined) continue;
        pair.items += 1;
        if (passA && passB) pair.bothPass += 1;
        else if (passA) pair.aOnly += 1;
        else if (passB) pair.bOnly += 1;
        else pair.bothFail += 1;
      }
      if (pair.items > 0) out.push(pair);
    }
  }
  return out;
}
