import Link from "next/link";
import { STAGE_KEYS, STAGE_TITLES, type TStageKey, type TStageStatus } from "@/lib/domain/shared";

export type TWizardStep = TStageKey | "overview" | "recommendation" | "leverage";

const STATUS_TEXT: Record<TStageStatus, string> = { "not-started": "Not started", "in-progress": "In progress", complete: "Complete" };
const STATUS_STYLE: Record<TStageStatus, string> = {
  "not-started": "border-slate-300 bg-white text-slate-700",
  "in-progress": "border-amber-500 bg-amber-50 text-amber-900",
  complete: "border-green-600 bg-green-50 text-green-900",
};

export function stepHref(slug: string, id: string, step: TWizardStep): string {
  const base = `/o/${slug}/assessments/${id}`;
  if (step === "overview") return base;
  if (step === "economics" || step === "recommendation" || step === "leverage") return `${base}/${step}`;
  return `${base}/stages/${step}`;
}

const STEP_ORDER: TWizardStep[] = ["overview", ...STAGE_KEYS, "recommendation", "leverage"];
const stepTitle = (step: TWizardStep) => (step === "overview" ? "Overview" : step === "recommendation" ? "Recommendation" : step === "leverage" ? "Leverage" : STAGE_TITLES[step]);

/** Previous and Next at the foot of a step, in the stepper's order, so a form is followed without scrolling back up. */
export function StepPager({ slug, id, current }: { slug: string; id: string; current: TWizardStep }) {
  const at = STEP_ORDER.indexOf(current);
  const prev = at > 0 ? STEP_ORDER[at - 1] : null;
  const next = at < STEP_ORDER.length - 1 ? STEP_ORDER[at + 1] : null;
  const link = "flex flex-col rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:border-brand-600";
  return (
    <nav aria-label="Previous and next step" className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4">
      {prev ? (
        <Link href={stepHref(slug, id, prev)} rel="prev" className={link}>
          <span className="text-xs text-slate-700">Previous</span>
          <span className="font-medium text-brand-700">← {stepTitle(prev)}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={stepHref(slug, id, next)} rel="next" className={`${link} text-right`}>
          <span className="text-xs text-slate-700">Next</span>
          <span className="font-medium text-brand-700">{stepTitle(next)} →</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** The six stages, then economics and the recommendation; any step can be visited in any order. */
export function Stepper({ slug, id, statuses, current }: { slug: string; id: string; statuses: Record<TStageKey, TStageStatus>; current: TWizardStep }) {
  const done = STAGE_KEYS.filter((k) => statuses[k] === "complete").length;
  const steps: { key: TWizardStep; title: string; status?: TStageStatus }[] = [
    { key: "overview", title: "Overview" },
    ...STAGE_KEYS.map((k) => ({ key: k as TWizardStep, title: STAGE_TITLES[k], status: statuses[k] })),
    { key: "recommendation", title: "Recommendation" },
    { key: "leverage", title: "Leverage" },
  ];
  return (
    <nav aria-label="Assessment steps" className="flex flex-col gap-2">
      <div className="flex items-center gap-3 text-sm">
        <span id="progress-label">
          Progress: {done} of {STAGE_KEYS.length} stages complete
        </span>
        <progress aria-labelledby="progress-label" value={done} max={STAGE_KEYS.length} className="h-2 w-40" />
      </div>
      <ol className="flex flex-wrap gap-2">
        {steps.map((s, i) => (
          <li key={s.key}>
            <Link
              href={stepHref(slug, id, s.key)}
              aria-current={s.key === current ? "step" : undefined}
              className={`flex flex-col rounded-md border px-3 py-1.5 text-sm ${s.status ? STATUS_STYLE[s.status] : "border-slate-300 bg-white text-slate-800"} ${s.key === current ? "ring-2 ring-brand-700" : ""}`}
            >
              <span className="font-medium">
                {i > 0 && i <= STAGE_KEYS.length ? `${i}. ` : ""}
                {s.title}
              </span>
              {s.status ? <span className="text-xs">{STATUS_TEXT[s.status]}</span> : null}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
