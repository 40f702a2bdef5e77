"use client";
// Infrastructure stage: the layout search's table (chosen layout, next alternatives, why each lost),
// the constraint that binds, imported benchmark runs next to the estimate, and the import itself.
// The benchmark file is parsed in the browser (pure domain parser): detailed vLLM results run to
// megabytes, more than a server action should carry.
import { useId, useState } from "react";
import type { TInfrastructureDetail, TLayoutRow } from "@/lib/domain/report";
import { fmt, usdText } from "@/lib/domain/shared";
import {
  MAX_MEASUREMENT_CHARS,
  MEASUREMENT_FORMAT_LABELS,
  parseServingBenchmark,
  ZKvCachePrecision,
  ZWeightPrecision,
  type TImportedMeasurement,
  type TKvCachePrecision,
  type TMeasuredLayout,
  type TServingMeasurement,
  type TWeightPrecision,
} from "@/lib/domain/sizing";

const cell = "px-2 py-1 text-left align-top";
const money = (x: number | null, digits = 4) => (x === null ? "—" : x < 100 ? `$${fmt(x, digits)}` : usdText(x));

function rowLayout(r: TLayoutRow): string {
  return `${r.gpuName}, TP${r.tensorParallel}${r.pipelineStages > 1 ? ` × ${r.pipelineStages} stages` : ""}, ${r.weightPrecisionLabel} weights, ${r.kvCachePrecision} KV`;
}

/** The layout table and the binding constraint. */
export function LayoutTable({ detail }: { detail: TInfrastructureDetail }) {
  const search = detail.search;
  if (!search) return null;
  return (
    <section aria-labelledby="layout-heading" className="flex flex-col gap-2">
      <h3 id="layout-heading" className="text-sm font-semibold">
        Serving layouts considered
      </h3>
      <p className="text-xs text-slate-700">
        {search.scope === "all-gpus" ? "Every GPU with a price" : "The chosen GPU"}; {search.enumerated} layouts enumerated, {search.evaluatedExactly} costed exactly.
        {search.pins.length ? ` Pinned: ${search.pins.join("; ")}.` : " Nothing pinned."} Quality limit: {fmt(search.maxQualityLossPoints)} point(s).
      </p>
      {search.bindingText ? (
        <p data-testid="binding-constraint" className="rounded-md bg-slate-50 p-2 text-sm text-slate-800">
          <strong>Binding constraint:</strong> {search.bindingText}
        </p>
      ) : null}
      {/* Focusable so keyboard users can scroll a table wider than the panel. */}
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Serving layouts, scrollable">
        <table aria-label="Serving layouts" className="w-full text-xs">
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th className={cell}>Layout</th>
              <th className={cell}>Quality</th>
              <th className={cell}>Batch</th>
              <th className={cell}>GPUs</th>
              <th className={cell}>Per month</th>
              <th className={cell}>$/M tokens</th>
              <th className={cell}>Verdict</th>
            </tr>
          </thead>
          <tbody>
            {search.rows.map((r) => (
              <tr key={r.key} data-layout-key={r.key} data-chosen={r.isChosen ? "true" : undefined} className={`border-b border-slate-100 ${r.isChosen ? "bg-green-50 font-medium" : r.feasible ? "" : "text-slate-600"}`}>
                <td className={cell}>
                  {r.isChosen ? "Chosen: " : ""}
                  {rowLayout(r)}
                  {r.isMeasured ? " (measured)" : ""}
                </td>
                <td className={cell}>{r.qualityText}</td>
                <td className={cell}>{r.batch ?? "—"}</td>
                <td className={cell}>{r.totalGpus ?? "—"}</td>
                <td className={cell}>{r.usdPerMonth === null ? "—" : `${r.isExact ? "" : "≥ "}${usdText(r.usdPerMonth)}`}</td>
                <td className={cell}>{money(r.usdPerMillionTokens ?? r.usdPerMillionTokensAtCapacity, 3)}</td>
                <td className={cell}>{r.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Imported benchmark runs: measured against estimated output tokens/s for the same run. */
export function MeasurementTable({ detail }: { detail: TInfrastructureDetail }) {
  if (detail.measurements.length === 0) return null;
  return (
    <section aria-labelledby="measured-heading" className="flex flex-col gap-2">
      <h3 id="measured-heading" className="text-sm font-semibold">
        Measured runs against the estimate
      </h3>
      <ul className="flex flex-col gap-2">
        {detail.measurements.map((m) => (
          <li key={m.id} data-measurement={m.fileName} className="rounded-md border border-slate-200 p-2 text-xs">
            <p className="font-medium">
              {m.fileName} ({m.formatLabel}){m.appliesToChosen ? ": replaces the estimate for the chosen layout" : ": not the chosen layout, shown for comparison"}
            </p>
            <p>
              {m.layoutText}; {fmt(m.promptTokens)}/{fmt(m.outputTokens)} tokens, {m.concurrency !== null ? `concurrency ${m.concurrency}` : m.requestRatePerSecond !== null ? `${fmt(m.requestRatePerSecond)} requests/s` : "load not stated"}.
            </p>
            <p data-testid="measured-vs-estimate">
              Measured <strong>{fmt(m.measuredOutputTokensPerSecond)}</strong> output tokens/s; estimated {m.estimatedOutputTokensPerSecond === null ? "n/a" : fmt(m.estimatedOutputTokensPerSecond)}; measured ÷ estimated{" "}
              <strong>{m.ratio === null ? "n/a" : fmt(m.ratio, 3)}</strong>.
            </p>
            <p className="text-slate-700">{m.provenance}</p>
            {m.warnings.map((w) => (
              <p key={w} className="text-amber-900">
                {w}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

const TP_CHOICES = [1, 2, 4, 8, 16, 32, 64];
const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** Reads a benchmark result file and adds it, with the layout it ran on, to the stage's measurements. */
export function MeasurementImport({
  disabled,
  measurements,
  chosen,
  gpuOptions,
  onApply,
}: {
  disabled: boolean;
  measurements: TServingMeasurement[];
  chosen: TLayoutRow | null;
  /** Catalog GPUs as the stage's GPU picker lists them (value = id). */
  gpuOptions: { value: string; label: string }[];
  onApply: (next: TServingMeasurement[]) => void;
}) {
  const inputId = useId();
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState<{ measurement: TImportedMeasurement; warnings: string[] } | null>(null);
  const [layout, setLayout] = useState<TMeasuredLayout | null>(null);
  const [info, setInfo] = useState("");

  async function onFile(file: File | undefined) {
    if (!file) return;
    setErrors([]);
    setPending(null);
    setInfo("");
    if (file.size > MAX_MEASUREMENT_CHARS) {
      setErrors([`${file.name}: the file is too large (limit ${MAX_MEASUREMENT_CHARS.toLocaleString("en-US")} characters).`]);
      return;
    }
    const result = parseServingBenchmark(await file.text(), file.name);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setPending({ measurement: result.measurement, warnings: result.warnings });
    setLayout({
      gpuId: chosen?.gpuId ?? gpuOptions[0]?.value ?? "",
      tensorParallel: chosen?.tensorParallel ?? 1,
      pipelineStages: chosen?.pipelineStages ?? 1,
      weightPrecision: chosen?.weightPrecision ?? "bf16",
      kvCachePrecision: (chosen?.kvCachePrecision.toLowerCase() as TKvCachePrecision | undefined) ?? "bf16",
    });
  }

  function apply() {
    if (!pending || !layout) return;
    const today = new Date().toISOString().slice(0, 10);
    const id = `m-${Date.now().toString(36)}`;
    const added: TServingMeasurement = { ...pending.measurement, fileName: pending.measurement.fileName.slice(0, 200), id, layout, importedOn: today };
    onApply([...measurements, added].slice(-20));
    setInfo(`${added.fileName} added: it saves with the stage, and replaces the estimate when its layout is the chosen one.`);
    setPending(null);
  }

  return (
    <section aria-labelledby={`${inputId}-heading`} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3">
      <h3 id={`${inputId}-heading`} className="text-sm font-semibold">
        Import benchmark runs
      </h3>
      <p className="text-xs text-slate-700">
        A result file from vLLM (<code>vllm bench serve --save-result</code> or <code>benchmark_serving.py</code>), NVIDIA GenAI-Perf (<code>profile_export_genai_perf.json</code>) or LLMPerf (
        <code>*_summary.json</code>). Say which layout it ran on; a run on the chosen layout replaces the estimate in sizing and economics.
      </p>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        Benchmark result file
      </label>
      <input id={inputId} type="file" accept=".json,application/json" disabled={disabled} onChange={(e) => void onFile(e.target.files?.[0])} className="text-sm" />
      {errors.length ? (
        <ul role="alert" className="list-disc rounded-md border border-red-300 bg-red-50 p-2 pl-6 text-sm text-red-800">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {pending && layout ? (
        <div className="flex flex-col gap-2 text-sm">
          <p>
            {MEASUREMENT_FORMAT_LABELS[pending.measurement.format]}: {pending.measurement.modelName || "model not named"}, {fmt(pending.measurement.promptTokens)}/{fmt(pending.measurement.outputTokens)} tokens,{" "}
            {fmt(pending.measurement.outputTokensPerSecond)} output tokens/s.
          </p>
          {pending.warnings.map((w) => (
            <p key={w} className="text-amber-900">
              {w}
            </p>
          ))}
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-xs">
              GPU it ran on
              <select className={selectClass} value={layout.gpuId} onChange={(e) => setLayout({ ...layout, gpuId: e.target.value })}>
                {chosen && !gpuOptions.some((g) => g.value === chosen.gpuId) ? <option value={chosen.gpuId}>{chosen.gpuName}</option> : null}
                {gpuOptions.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-xs">
              Tensor-parallel degree
              <select className={selectClass} value={layout.tensorParallel} onChange={(e) => setLayout({ ...layout, tensorParallel: Number(e.target.value) })}>
                {TP_CHOICES.map((t) => (
                  <option key={t} value={t}>
                    TP{t}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-xs">
              Pipeline stages
              <input
                className={`${selectClass} w-20`}
                type="number"
                min={1}
                max={256}
                value={layout.pipelineStages}
                onChange={(e) => setLayout({ ...layout, pipelineStages: Math.max(1, Math.round(Number(e.target.value) || 1)) })}
              />
            </label>
            <label className="flex flex-col text-xs">
              Weights
              <select className={selectClass} value={layout.weightPrecision} onChange={(e) => setLayout({ ...layout, weightPrecision: e.target.value as TWeightPrecision })}>
                {ZWeightPrecision.options.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-xs">
              KV cache
              <select className={selectClass} value={layout.kvCachePrecision} onChange={(e) => setLayout({ ...layout, kvCachePrecision: e.target.value as TKvCachePrecision })}>
                {ZKvCachePrecision.options.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={disabled} className="rounded-md bg-brand-700 px-3 py-1.5 text-white" onClick={apply}>
              Add this measurement
            </button>
          </div>
        </div>
      ) : null}
      {info ? <p role="status" className="text-sm text-slate-800">{info}</p> : null}
      {measurements.length ? (
        <ul className="flex flex-col gap-1 text-xs">
          {measurements.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-2">
              <span>
                {m.fileName}: {fmt(m.outputTokensPerSecond)} output tokens/s on {m.layout.gpuId} TP{m.layout.tensorParallel}
                {m.layout.pipelineStages > 1 ? ` × ${m.layout.pipelineStages}` : ""}, {m.layout.weightPrecision}/{m.layout.kvCachePrecision} (imported {m.importedOn})
              </span>
              <button type="button" disabled={disabled} className="text-brand-700 underline" onClick={() => onApply(measurements.filter((x) => x.id !== m.id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "Find the cheapest layout": search every priced GPU with nothing pinned. */
export function FindCheapestButton({ disabled, onFind }: { disabled: boolean; onFind: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <button type="button" disabled={disabled} className="rounded-md bg-brand-700 px-3 py-2 font-medium text-white" onClick={onFind}>
        Find the cheapest layout
      </button>
      <span className="text-slate-700">Searches every GPU with a price, every precision within the quality limit and every tensor-parallel degree, and clears the layout pins.</span>
    </div>
  );
}
