// Report stages 1 and 2: licence diligence and capability validation.
import type { TAssessmentInputs } from "../assessment";
import type { TStageStatus } from "../shared";
import { assessCapability, type TCapabilityResult } from "../capability";
import { getModelOpenness, MOF_CLASS_LABELS, OPENNESS_COMPONENT_LABELS, type TLicence, type TModelOpenness, type TOpennessComponent } from "../catalog";
import type { TOpennessNeed } from "../assessment";
import { assessLicence, summariseFindings, ZOrgFacts, type TFindingSeverity, type TLicenceFinding, type TOrgFacts, type TOrgFactsInput } from "../licence";
import { INTENDED_USE_LABELS } from "../licence";
import { makeFigure } from "../shared";
import type { TAssumptionLog } from "./context";
import { REPORT_DEFAULTS } from "./defaults";
import { ppText } from "../shared";
import { attempt, makeStage, NOT_STARTED, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TCapabilityDetail, TLicenceDetail, TReportFinding, TReportFindingSeverity, TReportStage } from "./types";
import type { TModelArchitecture } from "../shared";

const FINDING_SEVERITY: Record<TFindingSeverity, TReportFindingSeverity> = {
  blocker: "blocker",
  "needs-counsel": "needs-attention",
  obligation: "obligation",
  clear: "info",
};

const BOOLEAN_PLANS = [
  ["willFineTune", "fine-tune"],
  ["willDistil", "distil"],
  ["willRedistributeWeights", "redistribute the weights"],
  ["willShipInProduct", "ship it in a product"],
  ["willHostForThirdParties", "host it for third parties"],
  ["willUseOutputsToTrainOtherModels", "train other models on its outputs"],
] as const;

function resolveFacts(inputs: TAssessmentInputs, log: TAssumptionLog): TOrgFactsInput {
  const d = inputs.licence?.orgFacts ?? {};
  const stage = "licence" as const;
  const p = "licence.orgFacts";
  const basis = "Not entered: the licence rules ran with this value";
  const monthlyActiveUsers = log.take(stage, `${p}.monthlyActiveUsers`, "Monthly active users", d.monthlyActiveUsers, REPORT_DEFAULTS.orgFacts.monthlyActiveUsers, {
    basis: `${basis}; user thresholds (e.g. Llama's 700 million) are not tested`,
  });
  const annualRevenueUsd = log.take(stage, `${p}.annualRevenueUsd`, "Annual revenue", d.annualRevenueUsd, REPORT_DEFAULTS.orgFacts.annualRevenueUsd, {
    basis: `${basis}; revenue thresholds are not tested`,
    unit: "USD",
  });
  const sector = log.take(stage, `${p}.sector`, "Sector", d.sector, REPORT_DEFAULTS.orgFacts.sector, { basis });
  if (!d.intendedUses || d.intendedUses.length === 0) log.note(stage, `${p}.intendedUses`, "Intended uses", "none listed", { basis: `${basis}; use restrictions are not matched to your uses` });
  if (!d.regions || d.regions.length === 0) log.note(stage, `${p}.regions`, "Regions", REPORT_DEFAULTS.orgFacts.regions.join(", "), { basis: `${basis}; geographic clauses are checked for this region only` });
  const isCommercialUse = log.take(stage, `${p}.isCommercialUse`, "Commercial use", d.isCommercialUse, true, { basis: "Freehold default: an enterprise deployment is commercial use", display: "yes" });
  const fineTunes = inputs.adaptation?.method !== undefined && inputs.adaptation.method !== "none";
  const flags: Partial<Record<(typeof BOOLEAN_PLANS)[number][0], boolean>> = {};
  const assumedNo: string[] = [];
  for (const [key, label] of BOOLEAN_PLANS) {
    const entered = d[key];
    if (entered !== undefined) flags[key] = entered;
    else if (key === "willFineTune") {
      flags[key] = fineTunes;
      if (!fineTunes) assumedNo.push(label);
      else log.note(stage, `${p}.willFineTune`, "Will fine-tune", "yes", { basis: "Taken from the adaptation stage's fine-tuning method" });
    } else {
      flags[key] = false;
      assumedNo.push(label);
    }
  }
  if (assumedNo.length > 0) log.note(stage, `${p}.plans`, "Plans not entered", `assumed you will not ${assumedNo.join(", ")}`, { basis });
  return {
    monthlyActiveUsers,
    annualRevenueUsd,
    sector,
    intendedUses: d.intendedUses ?? [],
    regions: d.regions && d.regions.length > 0 ? d.regions : [...REPORT_DEFAULTS.orgFacts.regions],
    ...(d.principalPlaceOfBusiness ? { principalPlaceOfBusiness: d.principalPlaceOfBusiness } : {}),
    ...(d.isMultimodal !== undefined ? { isMultimodal: d.isMultimodal } : {}),
    isCommercialUse,
    ...flags,
  };
}

function toReportFinding(f: TLicenceFinding): TReportFinding {
  return { id: f.id, severity: FINDING_SEVERITY[f.severity], title: f.title, detail: f.detail, sourceUrl: f.clause.sourceUrl, quote: f.clause.quote };
}

/** What each openness need requires of the release. */
const NEED_REQUIRES: Record<TOpennessNeed, { label: string; components: TOpennessComponent[] }> = {
  reproducibility: { label: "reproduce the model", components: ["trainingCode", "trainingData", "technicalReport"] },
  "audit-training-data": { label: "audit the training data", components: ["trainingData"] },
  "retrain-from-scratch": { label: "retrain it from scratch", components: ["trainingCode", "trainingData", "intermediateCheckpoints"] },
  "modify-and-redistribute": { label: "modify and redistribute it freely", components: ["weights"] },
};

/** Open weights is not open source: one finding on what the release opens, and one per unmet need. */
export function opennessFindings(openness: TModelOpenness | null, needs: readonly TOpennessNeed[], modelName: string): TReportFinding[] {
  if (!openness) return [];
  const lacking = (Object.keys(openness.components) as TOpennessComponent[]).filter((k) => openness.components[k] !== "open");
  const url = openness.provenance.sourceUrls[0];
  const out: TReportFinding[] = [
    {
      id: `openness:${openness.modelId}`,
      severity: "info",
      title: `Open weights, not open source: ${MOF_CLASS_LABELS[openness.mofClass]}`,
      detail: `${modelName} releases ${(Object.keys(openness.components) as TOpennessComponent[]).filter((k) => openness.components[k] !== "not-released").map((k) => `${OPENNESS_COMPONENT_LABELS[k].toLowerCase()}${openness.components[k] === "restricted" ? " (restricted licence)" : ""}`).join(", ")}; not open: ${lacking.map((k) => OPENNESS_COMPONENT_LABELS[k].toLowerCase()).join(", ") || "nothing"}. ${openness.provenance.note ?? ""}`,
      ...(url ? { sourceUrl: url } : {}),
    },
  ];
  for (const need of needs) {
    const missing = NEED_REQUIRES[need].components.filter((k) => openness.components[k] !== "open");
    if (missing.length === 0) continue;
    out.push({
      id: `openness:${openness.modelId}:${need}`,
      severity: "needs-attention",
      title: `You need to ${NEED_REQUIRES[need].label}; the release does not allow it`,
      detail: `Missing or restricted: ${missing.map((k) => OPENNESS_COMPONENT_LABELS[k].toLowerCase()).join(", ")}. A model with a fuller release (e.g. MOF Class I, such as OLMo 2) would meet this need.`,
      ...(url ? { sourceUrl: url } : {}),
    });
  }
  return out;
}

export function buildLicenceStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  licence: TLicence | null;
  isOverride: boolean;
  model: TModelArchitecture | null;
}): TReportStage<"licence", TLicenceDetail> {
  const { inputs, status, log, licence, model } = args;
  const warnings: string[] = [];
  const facts = resolveFacts(inputs, log);
  const assumptions = () => log.forStage("licence");
  if (!licence) {
    return makeStage({
      key: "licence",
      status,
      summary: "No licence terms are on file for this model: diligence with counsel is needed before any use.",
      outcome: { tone: "unknown", label: "No licence on file" },
      warnings,
      assumptions: assumptions(),
      detail: null,
    });
  }
  const findings = attempt(() => assessLicence({ licence, facts, model: model ?? undefined }), warnings) ?? [];
  const openness = model ? (getModelOpenness(model.id) ?? null) : null;
  const parsedFacts: TOrgFacts = ZOrgFacts.parse(facts);
  const summary = summariseFindings(findings);
  const blockers = summary.counts.blocker;
  const counsel = summary.counts["needs-counsel"];
  const uses = parsedFacts.intendedUses.map((u) => INTENDED_USE_LABELS[u]).join(", ") || "no uses listed";
  // With default facts only the blockers mean anything (e.g. a research-only licence); "clear"
  // findings would rest on users and uses nobody entered.
  const shown = status === "not-started" ? findings.filter((f) => f.severity === "blocker") : findings;
  const text =
    blockers > 0
      ? `${licence.name}: ${blockers} blocker(s) for what you plan (${uses}).`
      : status === "not-started"
        ? `${licence.name}: no blocker found with default facts. ${NOT_STARTED_SUFFIX}`
        : `${licence.name}: no blockers; ${counsel} clause(s) for counsel and ${summary.counts.obligation} obligation(s) (${uses}).`;
  const figures = [
    makeFigure("licence.blockers", "Licence blockers", blockers, "findings", "count of findings whose severity is blocker"),
    makeFigure("licence.needsCounsel", "Clauses for counsel", counsel, "findings", "count of findings whose severity is needs-counsel"),
    makeFigure("licence.obligations", "Obligations", summary.counts.obligation, "findings", "count of findings whose severity is obligation"),
  ];
  return makeStage({
    key: "licence",
    status,
    summary: text,
    outcome:
      blockers > 0
        ? { tone: "bad", label: `${blockers} blocker${blockers === 1 ? "" : "s"}` }
        : status === "not-started"
          ? NOT_STARTED
          : counsel > 0
            ? { tone: "caution", label: `${counsel} clause${counsel === 1 ? "" : "s"} for counsel` }
            : { tone: "good", label: "No blockers" },
    figures,
    findings: [...shown.map(toReportFinding), ...opennessFindings(openness, inputs.licence?.opennessNeeds ?? [], model?.name ?? licence.name)],
    warnings,
    assumptions: assumptions(),
    detail: {
      licence: { id: licence.id, name: licence.name, family: licence.family, spdx: licence.spdx, versionDate: licence.versionDate, isOverride: args.isOverride },
      facts: parsedFacts,
      summary,
      findings: shown,
      openness,
    },
  });
}

// ---------------------------------------------------------------------------------------------

const CAPABILITY_OUTCOME = {
  pass: { tone: "good", label: "Pass" },
  fail: { tone: "bad", label: "Fail" },
  inconclusive: { tone: "caution", label: "Inconclusive" },
  "no-interval": { tone: "caution", label: "No interval" },
} as const;

export function buildCapabilityStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  candidateName: string;
  incumbentName: string;
}): { stage: TReportStage<"capability", TCapabilityDetail>; result: TCapabilityResult | null } {
  const { inputs, status, log } = args;
  const d = inputs.capability ?? {};
  const warnings: string[] = [];
  const toleranceScore = log.take("capability", "capability.toleranceScore", "Largest acceptable shortfall", d.toleranceScore, REPORT_DEFAULTS.toleranceScore, {
    basis: "Freehold default: 3 points on a 0-100 score, a common 'no practical difference' margin",
    display: "3 pp",
  });
  const workloads = d.workloads ?? [];
  const assumptions = () => log.forStage("capability");
  const result =
    workloads.length === 0
      ? null
      : attempt(
          () => assessCapability({ candidateName: d.candidateName ?? args.candidateName, incumbentName: d.incumbentName ?? args.incumbentName, workloads, toleranceScore }),
          warnings,
        );
  if (!result || result.overall.weightedGap === null) {
    return {
      stage: makeStage({
        key: "capability",
        status,
        summary: status === "not-started" ? `No workload results yet. ${NOT_STARTED_SUFFIX}` : "No workload has both a candidate and an incumbent result yet.",
        outcome: status === "not-started" ? NOT_STARTED : { tone: "unknown", label: "No results yet" },
        figures: result?.figures ?? [],
        warnings: [...warnings, ...(result?.overall.notes ?? [])],
        assumptions: assumptions(),
        detail: result,
      }),
      result,
    };
  }
  const o = result.overall;
  const gap = o.weightedGap as number;
  const interval = o.interval ? ` (95% interval ${ppText(o.interval.lower * 100)} to ${ppText(o.interval.upper * 100)})` : "";
  const findings: TReportFinding[] = [
    ...result.workloads
      .filter((w) => w.verdict !== "pass")
      .map((w) => ({
        id: `capability:${w.id}`,
        severity: (w.verdict === "fail" ? "blocker" : "needs-attention") as TReportFindingSeverity,
        title: `${w.name}: ${w.verdict}`,
        detail: `Gap ${ppText(w.gap * 100)}${w.gapInterval ? ` (95% interval ${ppText(w.gapInterval.lower * 100)} to ${ppText(w.gapInterval.upper * 100)})` : ""}. ${w.notes.join(" ")}`.trim(),
      })),
    ...result.skipped.map((s) => ({ id: `capability:${s.id}`, severity: "info" as const, title: `${s.name}: not assessed`, detail: s.reason })),
  ];
  return {
    stage: makeStage({
      key: "capability",
      status,
      summary: `Weighted gap ${ppText(gap * 100)}${interval} against a −${ppText(toleranceScore * 100).slice(1)} tolerance over ${result.workloads.length} workload(s): ${o.verdict}.`,
      outcome: { tone: CAPABILITY_OUTCOME[o.verdict].tone, label: `${CAPABILITY_OUTCOME[o.verdict].label} (${ppText(gap * 100)})` },
      figures: result.figures,
      findings,
      warnings: [...warnings, ...o.notes],
      assumptions: assumptions(),
      detail: result,
    }),
    result,
  };
}
