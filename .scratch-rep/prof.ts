import { buildReport } from "../lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "../lib/domain/templates";
const t = ASSESSMENT_TEMPLATES[0];
const args = { assessment: { id: "b", title: "", description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "x" }, inputs: t.inputs, options: { monteCarloSamples: 1 } };
for (let i = 0; i < 20; i++) buildReport(args);
const ts: number[] = [];
for (let i = 0; i < 50; i++) { const s = performance.now(); buildReport(args); ts.push(performance.now() - s); }
ts.sort((a, b) => a - b); console.log("report with 1 MC sample: median", ts[25].toFixed(2), "ms");
for (const t2 of ASSESSMENT_TEMPLATES) {
  const a2 = { ...args, assessment: { ...args.assessment, candidateModelId: t2.candidateModelId, incumbentApiId: t2.incumbentApiId }, inputs: t2.inputs, options: {} };
  for (let i = 0; i < 10; i++) buildReport(a2);
  const x: number[] = []; for (let i = 0; i < 30; i++) { const s = performance.now(); buildReport(a2); x.push(performance.now() - s); }
  x.sort((a, b) => a - b); console.log(t2.id, "10k: median", x[15].toFixed(2));
}
