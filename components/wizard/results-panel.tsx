import type { TReportSource, TReportStages } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import type { TFigure } from "@/lib/domain/shared";
import { formatFigure } from "@/lib/domain/shared";
import { CATALOG_STALE_AFTER_DAYS } from "@/lib/domain/catalog";
import { ExternalLink } from "@/components/ui/external-link";
import { StaleFlag } from "@/components/ui/stale-flag";
import { LayoutTable, MeasurementTable } from "./serving-layout";

const TONE: Record<string, string> = {
  good: "bg-green-100 text-green-900",
  caution: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-900",
  unknown: "bg-slate-100 text-slate-800",
};
const SEVERITY: Record<string, string> = { blocker: "Blocker", "needs-attention": "Needs attention", obligation: "Obligation", info: "Note" };

export function FigureList({ figures, label }: { figures: TFigure[]; label: string }) {
  return (
    <dl aria-label={label} className="flex flex-col divide-y divide-slate-100">
      {figures.map((f, i) => (
        <div key={`${f.key}-${i}`} data-figure={f.key} data-figure-index={i} className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 py-2">
          <dt className="text-sm text-slate-700">{f.label}</dt>
          <dd className="text-right font-semibold tabular-nums">
            <span data-value>{formatFigure(f)}</span>
          </dd>
          <dd className="col-span-2 text-xs text-slate-700">
            <details>
              <summary className="cursor-pointer text-brand-700">Formula</summary>
              <p className="mt-1 font-mono break-words">{f.formula}</p>
              {f.note ? <p className="mt-1">{f.note}</p> : null}
            </details>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ResultsPanel({ stage, sources }: { stage: TReportStages[TStageKey]; sources: TReportSource[] }) {
  const staleCount = sources.filter((s) => s.age?.isStale).length;
  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="results-heading" className="text-base font-semibold">
          Results
        </h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[stage.outcome.tone]}`}>{stage.outcome.label}</span>
      </div>
      <p className="text-sm text-slate-800">{stage.summary}</p>
      {stage.key === "infrastructure" && stage.detail ? (
        <>
          <LayoutTable detail={stage.detail} />
          <MeasurementTable detail={stage.detail} />
        </>
      ) : null}
      {stage.figures.length ? <FigureList figures={stage.figures} label={`${stage.title} figures`} /> : <p className="text-sm text-slate-700">Enter the stage&apos;s inputs to see its figures.</p>}
      {stage.findings.length ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">Findings</h3>
          <ul className="flex flex-col gap-2">
            {stage.findings.map((f) => (
              <li key={f.id} className="rounded-md border border-slate-200 p-2 text-sm [overflow-wrap:anywhere]">
                <p>
                  <strong>{SEVERITY[f.severity] ?? f.severity}:</strong> {f.title}
                </p>
                <p className="text-slate-700">{f.detail}</p>
                {f.quote ? (
                  <blockquote className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-800 italic">
                    “{f.quote}”
                    {f.sourceUrl ? (
                      <>
                        {" "}
                        <ExternalLink href={f.sourceUrl} className="text-brand-700 not-italic underline">
                          source
                        </ExternalLink>
                      </>
                    ) : null}
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {stage.warnings.length ? (
        <ul className="list-disc pl-5 text-sm text-amber-900">
          {stage.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {stage.assumptions.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">Assumed values ({stage.assumptions.length})</summary>
          <ul className="mt-1 list-disc pl-5">
            {stage.assumptions.map((a) => (
              <li key={a.path}>
                {a.label}: {a.display} ({a.basis})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {sources.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">
            Sources ({sources.length}
            {staleCount > 0 ? `; ${staleCount} older than ${CATALOG_STALE_AFTER_DAYS} days` : ""})
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {sources.map((s, i) => (
              <li key={`${s.url}-${i}`} data-source-stale={s.age?.isStale ? "true" : undefined}>
                {s.backs.join("; ")} ({s.verification}, {s.age ? s.age.label : `as of ${s.asOf}`}){s.age?.isStale ? <StaleFlag /> : null}
                {s.url ? (
                  <>
                    {" "}
                    <ExternalLink href={s.url} className="break-all text-brand-700 underline">
                      {s.url}
                    </ExternalLink>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
