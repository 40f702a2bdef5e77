import Link from "next/link";
import { buildReport, VERDICT_LABEL } from "@/lib/domain/report";
import { getTemplate } from "@/lib/domain/assessment";
import { formatCompact, formatUsdAmount, STAGE_KEYS, STAGE_TITLES, type TStageKey } from "@/lib/domain/shared";
import { buttonClass } from "@/components/ui/button";

/** What each stage answers, in a line. */
const STAGE_QUESTIONS: Record<TStageKey, string> = {
  licence: "May we use these weights for this purpose, at our size, in our regions?",
  capability: "Is the open model good enough on our own evaluation set, with a confidence interval?",
  infrastructure: "Which GPUs, how many, in what layout, at what price per hour?",
  adaptation: "Do we fine-tune, and what does it cost once and per refresh?",
  safety: "Which controls are in place, which are missing, and what do they cost?",
  lifecycle: "Who runs it, and what do refreshes and patching cost each year?",
  economics: "Where does owning cross over the API, when does it break even, and how sure are we?",
};

const DEMO_TEMPLATE_ID = "support-summarisation";

/**
 * The demo figures, computed by the same engine as every assessment from the public template (not
 * typed in), once per server process: the template never changes while it runs.
 */
let demo: ReturnType<typeof computeDemo> | undefined;
function computeDemo() {
  const t = getTemplate(DEMO_TEMPLATE_ID);
  if (!t) return null;
  const r = buildReport({
    assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: new Date(0).toISOString() },
    inputs: t.inputs,
    options: { monteCarloSamples: 2000 },
  });
  const k = r.keyFigures;
  return {
    title: t.name,
    verdict: VERDICT_LABEL[r.recommendation.verdict],
    rows: [
      ["Planned volume", k.plannedTokensPerMonth === null ? "—" : `${formatCompact(k.plannedTokensPerMonth, "tokens")} tokens a month`],
      ["API cost", k.monthlyApiCostUsd === null ? "—" : `${formatUsdAmount(k.monthlyApiCostUsd)} a month`],
      ["Owned cost", k.monthlyOwnedCostUsd === null ? "—" : `${formatUsdAmount(k.monthlyOwnedCostUsd)} a month`],
      ["Owning is cheaper from", k.crossover.kind === "volume" ? `${formatCompact(k.crossover.tokensPerMonth, "tokens")} tokens a month` : "never, at these prices"],
      ["Chance owning is cheaper", k.probabilityOwnedCheaper === null ? "—" : `${Math.round(k.probabilityOwnedCheaper * 100)}%`],
    ] as const,
  };
}

/** The signed-out home page: the question Freehold answers, the six stages, and a worked example's real figures. */
export function Landing() {
  demo ??= computeDemo();
  return (
    <main id="main" className="mx-auto flex max-w-5xl flex-col gap-10 px-4 py-12 sm:px-6">
      <section aria-labelledby="landing-heading" className="flex flex-col gap-4">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Freehold</p>
        <h1 id="landing-heading" className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">
          Should we run an open-weights model ourselves, or stay on the closed API?
        </h1>
        <p className="max-w-3xl text-lg text-slate-700">
          Freehold walks your team through the six questions that decide it, computes the economics with their uncertainty, and ends in a go / hybrid / no-go recommendation with its reasons,
          reviewed and signed off, exported as a PDF memo.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className={buttonClass("primary")}>
            Create an account
          </Link>
          <Link href="/sign-in" className={buttonClass("secondary")}>
            Sign in
          </Link>
        </div>
      </section>

      <section aria-labelledby="stages-heading" className="flex flex-col gap-3">
        <h2 id="stages-heading" className="text-xl font-semibold">
          Six stages, then the economics
        </h2>
        <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {STAGE_KEYS.map((key, i) => (
            <li key={key} className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-white p-4">
              <span className="font-medium text-slate-900">
                {i + 1}. {STAGE_TITLES[key]}
              </span>
              <span className="text-sm text-slate-700">{STAGE_QUESTIONS[key]}</span>
            </li>
          ))}
        </ol>
      </section>

      {demo ? (
        <section aria-labelledby="demo-heading" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="demo-heading" className="text-xl font-semibold">
            A worked example, computed live
          </h2>
          <p className="text-sm text-slate-700">
            The &ldquo;{demo.title}&rdquo; template, run through the engine when this page was served. Every figure in an assessment shows its source and can be overridden.
          </p>
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {demo.rows.map(([label, value]) => (
              <div key={label} className="flex flex-col">
                <dt className="text-sm text-slate-700">{label}</dt>
                <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
              </div>
            ))}
            <div className="flex flex-col">
              <dt className="text-sm text-slate-700">Recommendation</dt>
              <dd className="text-lg font-semibold text-slate-900">{demo.verdict}</dd>
            </div>
          </dl>
        </section>
      ) : null}
    </main>
  );
}
