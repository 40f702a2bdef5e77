// Benchmark of the assessment memo on a full template report (npm run bench:pdf): warm-up renders
// first (fonts read, JIT warm), then timed renders; prints median, p90 and min. Target: < 300 ms warm.
// Every timed render is a whole, honest one: document model, layout, drawing and the PDF bytes;
// nothing about the report is cached between renders (only the font files, read once per process
// as in the server).
import os from "node:os";
import { stats, templateReportArgs } from "./kit";

const WARM_UP_RUNS = 3;
const TIMED_RUNS = 20;

async function main() {
  const { buildReport } = await import("../domain/report/report");
  const { renderMemoDocument } = await import("../pdf/engine/render");
  const { assessmentMemoDocument } = await import("../pdf/memo/assessment");
  const { template, args } = templateReportArgs(0);
  const report = buildReport(args);
  const options = { organisationName: "Northwind Traders", generatedAt: new Date() };

  const render = () => renderMemoDocument(assessmentMemoDocument(report, options));
  const coldStart = performance.now();
  const first = await render();
  const cold = performance.now() - coldStart;
  for (let i = 1; i < WARM_UP_RUNS; i += 1) await render();
  const time = async (runs: number, fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(cpu);
      samples.push(performance.now() - start);
      cpuSamples.push((used.user + used.system) / 1000);
    }
    return { wall: stats(samples), cpu: stats(cpuSamples) };
  };
  const memo = await time(TIMED_RUNS, render);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (label: string, r: { wall: ReturnType<typeof stats>; cpu: ReturnType<typeof stats> }) => {
    console.log(`${label} wall   median ${ms(r.wall.median)}   p90 ${ms(r.wall.p90)}   min ${ms(r.wall.min)}`);
    // CPU time too: on a shared machine wall time mostly measures the neighbours (see the load).
    console.log(`${" ".repeat(label.length)} CPU    median ${ms(r.cpu.median)}   p90 ${ms(r.cpu.p90)}   min ${ms(r.cpu.min)}`);
  };
  console.log(`Node ${process.version}, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? "unknown"}), load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`Assessment memo "${template.name}": ${first.pages.length} pages, ${(first.bytes.length / 1024).toFixed(0)} kB, tagged`);
  console.log(`first render (cold)          ${ms(cold)}`);
  line(`warm, ${TIMED_RUNS} runs (target < 300 ms)`, memo);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
