// Benchmark of buildReport on a full template with 10,000 Monte Carlo samples (npm run bench).
// Warm-up first so the JIT has compiled the hot paths, then timed runs; prints median, p90 and min
// of the whole report and of the Monte Carlo alone.
import os from "node:os";
import { stats, templateReportArgs } from "./kit";
import { parseEconomicsInputs, toEconomicsScalars } from "../domain/economics/economics";
import { buildReport, DEFAULT_MONTE_CARLO_SAMPLES, type TBuildReportArgs } from "../domain/report/report";
import { runEconomicsMonteCarlo, type TUncertainEconomicsInput } from "../domain/economics/uncertainty";

const WARM_UP_RUNS = 10;
const TIMED_RUNS = 30;

function time(run: () => unknown): number[] {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) run();
  const out: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i += 1) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
  }
  return out;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const line = (label: string, s: { median: number; p90: number; min: number }) =>
  console.log(`${label.padEnd(34)} median ${ms(s.median).padStart(10)}   p90 ${ms(s.p90).padStart(10)}   min ${ms(s.min).padStart(10)}`);

const { template, args: templateArgs } = templateReportArgs(0);
const args: TBuildReportArgs = {
  ...templateArgs,
  // Issue 10: the full report now searches layouts over every catalog GPU with a price.
  inputs: { ...template.inputs, infrastructure: { ...template.inputs.infrastructure, sizing: { ...template.inputs.infrastructure?.sizing, layoutSearch: "all-gpus" } } },
  options: { monteCarloSamples: DEFAULT_MONTE_CARLO_SAMPLES, seed: 1 },
};
const searchTimes: number[] = [];
const timedArgs: TBuildReportArgs = { ...args, options: { ...args.options, timing: { now: () => performance.now(), onLayoutSearch: (x) => searchTimes.push(x) } } };

const coldStart = performance.now();
const report = buildReport(args);
const coldMs = performance.now() - coldStart;

// The Monte Carlo alone, on the same base record and ranges the report used.
const detail = report.stages.economics.detail;
if (!detail || !report.charts.monteCarlo) throw new Error(`Template ${template.id} has no economics to benchmark`);
const scalars = toEconomicsScalars(parseEconomicsInputs(detail.inputs));
const uncertain: TUncertainEconomicsInput[] = report.charts.monteCarlo.inputs.map((r) => ({
  key: r.key as TUncertainEconomicsInput["key"],
  distribution:
    r.shape === "uniform"
      ? { kind: "uniform", low: r.low, high: r.high }
      : r.shape === "lognormal"
        ? { kind: "lognormal", p10: r.low, p90: r.high }
        : { kind: "triangular", low: r.low, mode: r.base, high: r.high },
}));

const reportTimes = time(() => buildReport(timedArgs));
const monteCarloTimes = time(() => runEconomicsMonteCarlo(scalars, { uncertain, samples: DEFAULT_MONTE_CARLO_SAMPLES, seed: 1 }));

console.log(`Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), ${os.platform()} ${os.arch()}`);
console.log(`Template "${template.id}", ${DEFAULT_MONTE_CARLO_SAMPLES.toLocaleString("en-US")} Monte Carlo samples, ${WARM_UP_RUNS} warm-up + ${TIMED_RUNS} timed runs`);
console.log(`First (cold) buildReport: ${ms(coldMs)}; report JSON ${(JSON.stringify(report).length / 1024).toFixed(0)} KiB; verdict ${report.recommendation.verdict}`);
line("buildReport", stats(reportTimes));
line("Monte Carlo alone", stats(monteCarloTimes));
// Every buildReport call above reported its search time; the timed runs are the last TIMED_RUNS.
line("Layout search (inside buildReport)", stats(searchTimes.slice(-TIMED_RUNS)));
const infra = report.stages.infrastructure.detail;
console.log(`Layout search: ${infra?.search?.enumerated ?? 0} layouts enumerated, ${infra?.search?.evaluatedExactly ?? 0} costed exactly; chosen ${infra?.search?.rows.find((r) => r.isChosen)?.key ?? "none"}`);
