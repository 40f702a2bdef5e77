import "server-only";
import type { TAssessmentInputs } from "@/lib/domain/assessment";
import { LICENCES } from "@/lib/domain/catalog";
import { modelSummaryRows } from "@/lib/domain/catalog";
import type { TReport, TReportSource } from "@/lib/domain/report";
import type { TStageKey } from "@/lib/domain/shared";
import { assumedTeamText, resolveCandidate } from "@/lib/domain/report";
import { catalogPriceOptions, STAGE_FIELD_GROUPS, type TAssumedList, type TCandidatePanelData, type TFieldGroup, type TFieldSpec } from "./stage-fields";

/** The lists the report ran on assumed rows (the lifecycle team while none is entered), for the form to show. */
export function stageAssumedLists(report: TReport, stage: TStageKey, inputs: TAssessmentInputs): Record<string, TAssumedList> {
  if (stage !== "lifecycle" || inputs.lifecycle?.staffing !== undefined) return {};
  const detail = report.stages.lifecycle.detail;
  const note = report.stages.lifecycle.assumptions.find((a) => a.path === "lifecycle.staffing");
  if (!detail || !note) return {};
  const url = note.provenance?.sourceUrls[0];
  return {
    staffing: {
      rows: detail.inputs.staffing.map((r) => ({ ...r })),
      source: `${note.basis}${url ? ` (${url})` : ""}`,
      chargedText: assumedTeamText(detail.inputs.staffing, detail.result.cost.peopleUsdPerMonth),
    },
  };
}

/** "Default: 1,500 tokens (Freehold default)" per field path, from the report's assumptions for the stage. */
export function stageDefaults(report: TReport, stage: TStageKey): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of report.stages[stage].assumptions) {
    const path = a.path.startsWith(`${stage}.`) ? a.path.slice(stage.length + 1) : a.path;
    out[path] = `${a.display} (${a.basis})`;
  }
  return out;
}

const SOURCE_WORDS: Record<TStageKey, RegExp> = {
  licence: /licen/i,
  capability: /capab|eval|benchmark/i,
  infrastructure: /gpu|model architecture|sizing|hardware/i,
  adaptation: /fine-tun|adapt|quantiz|train/i,
  safety: /safety|guard|red.team|control/i,
  lifecycle: /lifecycle|staff|refresh|patch/i,
  economics: /price|cost/i,
};

export function stageSources(report: TReport, stage: TStageKey): TReportSource[] {
  return report.sources.filter((s) => s.backs.some((b) => SOURCE_WORDS[stage].test(b)));
}

/** The stage's field groups with what only the report knows: the model's own licence, the incumbent's dated price, catalog ages. */
export function stageGroups(report: TReport, stage: TStageKey): TFieldGroup[] {
  // Catalog price pickers dated and stale-flagged as of the day the report counts ages to.
  const priced = catalogPriceOptions(report.meta.catalog.agesCountedOn);
  const groups = STAGE_FIELD_GROUPS[stage].map((g) => ({
    ...g,
    fields: g.fields.map((f) => (Object.hasOwn(priced, f.path) && (f.kind === "select" || f.kind === "multi") ? { ...f, options: priced[f.path] } : f)),
  }));
  const patch = (path: string, change: (f: TFieldSpec) => TFieldSpec) =>
    groups.map((g) => ({ ...g, fields: g.fields.map((f) => (f.path === path ? change(f) : f)) }));
  if (stage === "licence") {
    const licenceId = report.meta.candidate.licenceId;
    const name = LICENCES.find((l) => l.id === licenceId)?.name ?? "none in the catalog";
    return patch("licenceIdOverride", (f) => (f.kind === "select" ? { ...f, emptyLabel: `Follow the model's licence (${name})` } : f));
  }
  if (stage === "economics") {
    const inc = report.meta.incumbent;
    if (inc.inputUsdPerMTok === null || inc.outputUsdPerMTok === null) return groups;
    const dated = `Price used for ${inc.name}: $${Number(inc.inputUsdPerMTok.toPrecision(6))} input and $${Number(inc.outputUsdPerMTok.toPrecision(6))} output per million tokens (${inc.priceSource}).`;
    return patch("apiPriceOverride.inputUsdPerMTok", (f) => ({ ...f, hint: `${f.hint ?? ""} ${dated}`.trim() }));
  }
  return groups;
}

/** The infrastructure stage's candidate panel: the model it sizes, and the saved custom model to edit from. */
export function candidatePanel(a: { candidateModelId: string; inputs: TAssessmentInputs }, report: TReport): TCandidatePanelData {
  const { model, isCustom } = resolveCandidate(a.candidateModelId, a.inputs, []);
  const saved = a.inputs.customModel;
  return {
    current: { name: report.meta.candidate.name, isCustom, rows: model ? modelSummaryRows(model) : null },
    ...(saved ? { saved: { name: saved.name, licenceId: saved.licenceId } } : {}),
    licences: LICENCES.map((l) => ({ value: l.id, label: l.name })),
  };
}
