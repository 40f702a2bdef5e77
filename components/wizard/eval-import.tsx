"use client";
import { useId, useState } from "react";
import { importEvalFileAction, type TImportedItem, type TImportedPair } from "@/lib/actions/wizard";
import { doubleCountedGroups, guessEvalSide } from "@/lib/domain/capability";
import limits from "@/lib/limits.json";

// JSON text is sent escaped inside the request: leave room for that under the server's limit.
const MAX_UPLOAD_BYTES = Math.floor(limits.maxRequestBodyBytes * 0.8);

type TWorkloadRow = { id?: string; name?: string } & Record<string, unknown>;
type TMapping = { side: "" | "candidate" | "incumbent"; target: string };
type TResultLike = { score?: unknown; sampleCount?: unknown };
/** A typed (or earlier imported) result the import would replace, shown before anything changes. */
type TReplacement = { workload: string; side: "candidate" | "incumbent"; before: TResultLike; after: TResultLike };

const resultText = (r: TResultLike) => `${typeof r.score === "number" ? r.score.toFixed(3) : "no score"}${typeof r.sampleCount === "number" ? ` over ${r.sampleCount} samples` : ""}`;

/** Upload an lm-evaluation-harness or promptfoo file and map its results onto the team's workloads. */
export function EvalImport({
  workloads,
  onApply,
  disabled,
  modelNames = {},
}: {
  workloads: TWorkloadRow[];
  onApply: (next: TWorkloadRow[]) => void;
  disabled: boolean;
  /** The assessment's candidate and incumbent names: a file for either model defaults to its side. */
  modelNames?: { candidate?: string; incumbent?: string };
}) {
  const inputId = useId();
  const [side, setSide] = useState<"candidate" | "incumbent">("candidate");
  const [errors, setErrors] = useState<string[]>([]);
  // A file that cannot be read and a mapping that cannot be applied are different problems.
  const [errorTitle, setErrorTitle] = useState("The file could not be imported:");
  const [items, setItems] = useState<TImportedItem[]>([]);
  const [pairs, setPairs] = useState<TImportedPair[]>([]);
  const [info, setInfo] = useState("");
  const [mapping, setMapping] = useState<TMapping[]>([]);
  const [isBusy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ next: TWorkloadRow[]; replacements: TReplacement[] } | null>(null);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setErrors([]);
    setErrorTitle("The file could not be imported:");
    setItems([]);
    setPending(null);
    // The upload travels as a server-action body, which the server caps (413 beyond it).
    if (file.size > MAX_UPLOAD_BYTES) {
      setErrors([`The file is too large (${(file.size / 1024 / 1024).toFixed(1)} MB); the limit is ${Math.floor(MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`]);
      return;
    }
    setBusy(true);
    let result: Awaited<ReturnType<typeof importEvalFileAction>>;
    try {
      result = await importEvalFileAction(await file.text(), file.name);
    } catch {
      result = { kind: "unreadable", errors: ["The file could not be sent to the server (it may be too large, or the connection dropped). Try again, or a smaller file."] };
    }
    setBusy(false);
    if (result.kind !== "ok") {
      setErrors(result.kind === "unreadable" ? result.errors : [result.message]);
      return;
    }
    setInfo(`${file.name}: ${result.format} file, ${result.items.length} result(s).${result.warnings.length ? ` ${result.warnings.join(" ")}` : ""}`);
    setItems(result.items);
    setPairs(result.pairs ?? []);
    const other = (s: "candidate" | "incumbent") => (s === "candidate" ? "incumbent" : "candidate");
    const guesses = result.items.map((it) => guessEvalSide(it.model, modelNames));
    // Two providers of one run, one recognised: the other is the other side.
    const pairGuess = result.format === "promptfoo" && result.items.length === 2 && guesses.filter(Boolean).length === 1 ? (guesses[0] ?? other(guesses[1]!)) : null;
    setMapping(
      result.items.map((it, i) => {
        // Always a new workload by default: typed results are only replaced when someone picks their workload.
        const guessed = guesses[i];
        if (result.format === "promptfoo") {
          const first = pairGuess ?? side;
          return { side: guessed ?? (i === 0 ? first : i === 1 ? other(first) : ""), target: "new" };
        }
        // A group's score aggregates its subtasks: it is skipped unless chosen, so nothing counts twice.
        return { side: it.subtasks?.length ? "" : (guessed ?? side), target: "new" };
      }),
    );
  }

  function apply() {
    const chosen = new Set(items.filter((_, i) => mapping[i]?.side).map((it) => it.key));
    const doubled = doubleCountedGroups(items, chosen);
    if (doubled.length) {
      setErrorTitle("Not applied: choose the group or its subtasks.");
      setErrors(doubled);
      return;
    }
    setErrors([]);
    const next = workloads.map((w) => ({ ...w }));
    const replacements: TReplacement[] = [];
    const landedIn = new Map<number, unknown>();
    items.forEach((it, i) => {
      const m = mapping[i];
      if (!m?.side) return;
      let row = m.target === "new" ? undefined : next.find((w) => w.id === m.target);
      if (!row) {
        let id = it.newWorkload.id;
        // A new workload never lands on an existing one of the same id: that would replace its results.
        for (let n = 2; workloads.some((w) => w.id === id); n += 1) id = `${it.newWorkload.id}-${n}`;
        row = next.find((w) => w.id === id);
        if (!row) {
          row = { id, name: it.newWorkload.name, weight: 1, metric: it.result.passCount !== undefined ? "pass-rate" : "accuracy" };
          next.push(row);
        }
      }
      row[m.side] = it.result;
      landedIn.set(i, row.id);
    });
    // Both sides from one promptfoo run on the same tests: the comparison becomes paired.
    for (const row of next) {
      const cand = items.find((_, i) => mapping[i]?.side === "candidate" && landedIn.get(i) === row.id);
      const inc = items.find((_, i) => mapping[i]?.side === "incumbent" && landedIn.get(i) === row.id);
      if (!cand || !inc) continue;
      const pair = pairs.find((p) => (p.a === cand.key && p.b === inc.key) || (p.a === inc.key && p.b === cand.key));
      if (!pair) continue;
      const candOnly = pair.a === cand.key ? pair.aOnly : pair.bOnly;
      const incOnly = pair.a === cand.key ? pair.bOnly : pair.aOnly;
      row.candidate = { score: (pair.bothPass + candOnly) / pair.items, passCount: pair.bothPass + candOnly, sampleCount: pair.items, source: "promptfoo", limited: false };
      row.incumbent = { score: (pair.bothPass + incOnly) / pair.items, passCount: pair.bothPass + incOnly, sampleCount: pair.items, source: "promptfoo", limited: false };
      row.paired = { bothPass: pair.bothPass, candidateOnly: candOnly, incumbentOnly: incOnly, bothFail: pair.bothFail };
    }
    for (const [i, rowId] of landedIn) {
      const s = mapping[i]?.side;
      const before = s ? workloads.find((w) => w.id === rowId)?.[s] : undefined;
      const row = next.find((w) => w.id === rowId);
      if (!s || !row || !before || typeof before !== "object" || replacements.some((r) => r.workload === String(row.name ?? row.id) && r.side === s)) continue;
      replacements.push({ workload: String(row.name ?? row.id), side: s, before: before as TResultLike, after: row[s] as TResultLike });
    }
    if (replacements.length) {
      setPending({ next, replacements });
      return;
    }
    commit(next);
  }

  function commit(next: TWorkloadRow[]) {
    onApply(next);
    setPending(null);
    setItems([]);
    setInfo("Imported results applied to the workloads above; they save like typed values. When both models come from one promptfoo run, the workload is compared item by item (paired).");
  }

  return (
    <section aria-labelledby={`${inputId}-h`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${inputId}-h`} className="text-base font-semibold">
        Import evaluation results
      </h2>
      <p className="text-sm text-slate-700">An lm-evaluation-harness results_*.json or a promptfoo output file (promptfoo eval -o out.json). The file is read in your browser and parsed on the server; nothing is stored until you apply it.</p>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${inputId}-side`} className="text-sm font-medium">
            Results are for
          </label>
          <select id={`${inputId}-side`} value={side} onChange={(e) => setSide(e.target.value as "candidate" | "incumbent")} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" disabled={disabled}>
            <option value="candidate">the candidate model</option>
            <option value="incumbent">the incumbent API</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${inputId}-file`} className="text-sm font-medium">
            Evaluation file
          </label>
          <input id={`${inputId}-file`} type="file" accept=".json,application/json" disabled={disabled || isBusy} onChange={(e) => {
              void onFile(e.target.files?.[0]);
              // Cleared so choosing the same file again (after a correction) reads it again.
              e.target.value = "";
            }} className="text-sm" />
        </div>
      </div>
      {isBusy ? <p role="status">Reading the file…</p> : null}
      {errors.length ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          <p className="font-semibold">{errorTitle}</p>
          <ul className="list-disc pl-5">
            {errors.slice(0, 8).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {info ? <p className="text-sm text-slate-800">{info}</p> : null}
      {items.length ? (
        <>
          <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Imported results and where they go</caption>
            <thead>
              <tr>
                <th scope="col">Result</th>
                <th scope="col">Model in file</th>
                <th scope="col">Score</th>
                <th scope="col">Use as</th>
                <th scope="col">Workload</th>
              </tr>
            </thead>
            <tbody>
              {items.map((it, i) => (
                <tr key={it.key} className="border-t border-slate-100">
                  <th scope="row" className="py-1 font-normal">
                    {it.label} <span className="text-slate-600">({it.detail})</span>
                  </th>
                  <td className="break-all">{it.model ?? "not stated"}</td>
                  <td className="tabular-nums">{it.result.score?.toFixed(3)}</td>
                  <td>
                    <select
                      aria-label={`Use ${it.label} as`}
                      value={mapping[i]?.side ?? ""}
                      onChange={(e) => setMapping((m) => m.map((x, j) => (j === i ? { ...x, side: e.target.value as TMapping["side"] } : x)))}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1"
                    >
                      <option value="">skip</option>
                      <option value="candidate">candidate</option>
                      <option value="incumbent">incumbent</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Workload for ${it.label}`}
                      value={mapping[i]?.target ?? "new"}
                      onChange={(e) => setMapping((m) => m.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1"
                    >
                      <option value="new">new workload</option>
                      {workloads
                        .filter((w) => w.id)
                        .map((w) => (
                          <option key={w.id} value={w.id}>
                            {w.name ?? w.id}
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {pending ? (
            <div role="alertdialog" aria-labelledby={`${inputId}-confirm`} className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
              <p id={`${inputId}-confirm`} className="font-semibold">
                This replaces results already entered:
              </p>
              <ul className="list-disc pl-5">
                {pending.replacements.map((r) => (
                  <li key={`${r.workload}-${r.side}`}>
                    {r.workload}, {r.side}: {resultText(r.before)} becomes {resultText(r.after)}
                  </li>
                ))}
              </ul>
              <div className="flex gap-2">
                <button type="button" onClick={() => commit(pending.next)} className="rounded-md bg-amber-700 px-3 py-2 font-medium text-white hover:bg-amber-800">
                  Replace these results
                </button>
                <button type="button" onClick={() => setPending(null)} className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium">
                  Keep what was entered
                </button>
              </div>
            </div>
          ) : null}
          <div>
            <button type="button" onClick={apply} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">
              Apply imported results
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
