import { buildReport } from "../lib/domain/report";
import { ZAssessmentInputs } from "../lib/domain/assessment-inputs";
const a = { id: "a1", title: "t", description: "", candidateModelId: "llama-3.3-70b-instruct", incumbentApiId: "openai-gpt-4o", status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00.000Z" };
const t0 = performance.now();
const r = buildReport({ assessment: a, inputs: ZAssessmentInputs.parse({}) });
console.log("ms", performance.now() - t0);
console.log(JSON.stringify(r.recommendation, null, 1));
for (const k of Object.keys(r.stages)) { const s = (r.stages as any)[k]; console.log(k, s.status, s.outcome, s.summary, s.warnings, s.assumptions.length); }
console.log(r.assumptions.map(a => `${a.path}: ${a.display}`).join("\n"));
const r2 = buildReport({ assessment: a, inputs: ZAssessmentInputs.parse({ economics: { inputTokensPerMonth: 3e9, outputTokensPerMonth: 4e8 } }) });
console.log(JSON.stringify(r2.keyFigures, null, 1).slice(0, 3000));
console.log(JSON.stringify(r2.recommendation, null, 1));
console.log(r2.stages.economics.summary, r2.stages.infrastructure.summary);
console.log(r2.sources.length, JSON.stringify(r2).length);
