"use client";
import { useId, useState } from "react";
import { importEvalFileAction, type TImportedItem, type TImportedPair } from "@/lib/actions/wizard";
import limits from "@/lib/limits.json";

// JSON text is sent escaped inside the request: leave room for that under the server's limit.
const MAX_UPLOAD_BYTES = Math.floor(limits.maxRequestBodyBytes * 0.8);

type TWorkloadRow = { id?: string; name?: string } & Record<string, unknown>;
type TMapping = { side: "" | "candidate" | "incumbent"; target: string };

/** Upload an lm-evaluation-harness or promptfoo file and map its results onto the team's workloads. */
export function EvalImport({ workloads, onApply, disabled }: { workloads: TWorkloadRow[]; onApply: (next: TWorkloadRow[]) => void; disabled: boolean }) {
  const inputId = useId();
  const [side, setSide] = useState<"candidate" | "incumbent">("candidate");
  const [errors, setErrors] = useState<string[]>([]);
  const [items, setItems] = useState<TImportedItem[]>([]);
  const [pairs, setPairs] = useState<TImportedPair[]>([]);
  const [info, setInfo] = useState("");
  const [mapping, setMapping] = useState<TMapping[]>([]);
  const [isBusy, setBusy] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setErrors([]);
    setItems([]);
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
    setMapping(
      result.items.map((it, i) => {
        const match = workloads.find((w) => w.id === it.key);
        if (result.format === "promptfoo") return { side: i === 0 ? side : i === 1 ? (side === "candidate" ? "incumbent" : "candidate") : "", target: workloads[0]?.id ?? "new" };
        return { side, target: match?.id ?? "new" };
      }),
    );
  }

  function apply() {
    const next = workloads.map((w) => ({ ...w }));
    items.forEach((it, i) => {
      const m = mapping[i];
      if (!m?.side) return;
      let row = m.target === "new" ? undefined : next.find((w) => w.id === m.target);
      if (!row) {
        const id = it.key.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").slice(0, 100) || `workload-${next.length + 1}`;
        row = next.find((w) => w.id === id);
        if (!row) {
          row = { id, name: it.label, weight: 1, metric: it.result.passCount !== undefined ? "pass-rate" : "accuracy" };
          next.push(row);
        }
      }
      row[m.side] = it.result;
    });
    // Both sides from one promptfoo run on the same tests: the comparison becomes paired.
    for (const row of next) {
      const cand = items.find((it, i) => mapping[i]?.side === "candidate" && (mapping[i]?.target === row.id || (mapping[i]?.target === "new" && row.name === it.label)));
      const inc = items.find((it, i) => mapping[i]?.side === "incumbent" && (mapping[i]?.target === row.id || (mapping[i]?.target === "new" && row.name === it.label)));
      if (!cand || !inc) continue;
      const pair = pairs.find((p) => (p.a === cand.key && p.b === inc.key) || (p.a === inc.key && p.b === cand.key));
      if (!pair) continue;
      const candOnly = pair.a === cand.key ? pair.aOnly : pair.bOnly;
      const incOnly = pair.a === cand.key ? pair.bOnly : pair.aOnly;
      row.candidate = { score: (pair.bothPass + candOnly) / pair.items, passCount: pair.bothPass + candOnly, sampleCount: pair.items, source: "promptfoo", limited: false };
      row.incumbent = { score: (pair.bothPass + incOnly) / pair.items, passCount: pair.bothPass + incOnly, sampleCount: pair.items, source: "promptfoo", limited: false };
      row.paired = { bothPass: pair.bothPass, candidateOnly: candOnly, incumbentOnly: incOnly, bothFail: pair.bothFail };
    }
    onApply(next);
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
          <input id={`${inputId}-file`} type="file" accept=".json,application/json" disabled={disabled || isBusy} onChange={(e) => void onFile(e.target.files?.[0])} className="text-sm" />
        </div>
      </div>
      {isBusy ? <p role="status">Reading the file…</p> : null}
      {errors.length ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          <p className="font-semibold">The file could not be imported:</p>
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
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Imported results and where they go</caption>
            <thead>
              <tr>
                <th scope="col">Result</th>
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
