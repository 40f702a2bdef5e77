import { buildReport } from "../lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "../lib/domain/templates";
import { stageStatuses } from "../lib/domain/assessment-inputs";
for (const t of ASSESSMENT_TEMPLATES) {
  const r = buildReport({ assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-01-01T00:00:00Z" }, inputs: t.inputs });
  console.log("=====", t.id, JSON.stringify(stageStatuses(t.inputs)));
  console.log(r.recommendation.verdict, "|", r.recommendation.headline);
  for (const x of r.recommendation.reasons) console.log("  R", x.severity, x.kind, x.text);
  for (const x of r.recommendation.whatWouldChange) console.log("  W", x.text);
  for (const x of r.recommendation.conditions) console.log("  C", x);
  const k = r.keyFigures; console.log("  K", JSON.stringify({ api: k.monthlyApiCostUsd, owned: k.monthlyOwnedCostUsd, sav: k.monthlySavingUsd, x: k.crossover, be: k.breakEvenMonth, p: k.probabilityOwnedCheaper, cap: k.capability, bl: k.licenceBlockers, saf: k.safetyReadinessPct, fte: k.lifecycleFteEquivalent }));
  for (const s of Object.values(r.stages)) console.log("  S", s.key, s.status, s.outcome.label, "|", s.summary, s.warnings.length ? JSON.stringify(s.warnings) : "");
  console.log("  B", JSON.stringify(r.stages.economics.detail?.result.owned.breakdown), r.assumptions.length, "assumptions");
}
