// Report stages 5 and 6: safety hardening and lifecycle operations.
//
// Counting rule (safety and lifecycle both ask for staff and monitoring tooling, and the default
// lifecycle roster already has a "Safety and evaluations" role): PEOPLE AND MONITORING TOOLING ARE
// COUNTED ONCE, IN LIFECYCLE. The safety stage contributes guard-model serving, red-team exercises
// and its "other" costs to the owned cost; safety staff and tooling entered there are shown in the
// safety stage but not added, with a warning saying so. One roster, no fuzzy matching of role names.
// Issue 12 decided the display: safety staff and tooling are NOT shown as safety cost lines (no
// form field, no figure, no assumed default), because a cost line that is not counted reads as
// charged; the default lifecycle roster's "Safety and evaluations" role is where they are charged.
import { priceBookOrigin, type TAssessmentInputs, type TPriceBook } from "../assessment";
import type { TStageStatus } from "../shared";
import { fmt, formatFigureValue } from "../shared";
import {
  assessLifecycle,
  DEFAULT_LIFECYCLE_INPUTS,
  DEFAULT_LIFECYCLE_PROVENANCE,
  DEFAULT_STAFFING_TEMPLATE,
  type TLifecycleInputs,
  type TStaffRole,
  type TLifecycleResult,
} from "../lifecycle";
import type { TAssumptionLog } from "./context";
import { usdPerMonthText } from "../shared";
import { attempt, makeStage, NOT_STARTED, NOT_STARTED_SUFFIX } from "./stage-kit";
import type { TLifecycleDetail, TReportFinding, TReportStage, TSafetyDetail } from "./types";
import { assessSafety, DEFAULT_SAFETY_COSTS, type TSafetyCosts, type TSafetyInputs, type TSafetyResult } from "../safety";

const SAFETY_COST_FIELDS = [
  ["redTeamExercisesPerYear", "Red-team exercises", "per year"],
  ["usdPerRedTeamExercise", "Cost per red-team exercise", "USD"],
  ["otherUsdPerMonth", "Other safety costs", "USD/month"],
] as const;

const NOT_COUNTED_FIGURES = new Set(["safety.peopleUsdPerMonth", "safety.monitoringUsdPerMonth"]);

export function buildSafetyStage(args: { inputs: TAssessmentInputs; status: TStageStatus; log: TAssumptionLog }): {
  stage: TReportStage<"safety", TSafetyDetail>;
  result: TSafetyResult | null;
  countedUsdPerMonth: number;
} {
  const { inputs, status, log } = args;
  const d = inputs.safety ?? {};
  const stage = "safety" as const;
  const provenance = DEFAULT_SAFETY_COSTS.provenance;
  const defaults = DEFAULT_SAFETY_COSTS.costs;
  const dc = d.costs ?? {};
  const warnings: string[] = [];
  if (!d.controls || Object.keys(d.controls).length === 0) {
    log.note(stage, "safety.controls", "Control statuses", "none entered: every control counts as missing", { basis: "Not entered" });
  }
  const basis = "Freehold starting point for the cost form; replace with your quotes";
  if (!dc.guardServing) {
    const g = defaults.guardServing;
    log.note(stage, "safety.costs.guardServing", "Guard model serving", g.mode === "gpu" ? `${g.gpuCount} GPU at $${fmt(g.usdPerGpuHour)}/hour, ${fmt(g.hoursPerMonth)} h/month` : `${fmt(g.usdPerMonth)} USD/month`, { basis, provenance });
  }
  const costs: Record<string, unknown> = { guardServing: dc.guardServing ?? defaults.guardServing };
  for (const [key, label, unit] of SAFETY_COST_FIELDS) {
    costs[key] = log.take(stage, `safety.costs.${key}`, label, dc[key], defaults[key], { basis, unit, provenance });
  }
  // People and tooling are charged in lifecycle: zero here, so no safety figure or total holds them.
  Object.assign(costs, { safetyStaffFte: 0, safetyStaffLoadedUsdPerYear: 0, monitoringToolingUsdPerMonth: 0 });
  const enteredNotCountedUsdPerMonth = ((dc.safetyStaffFte ?? 0) * (dc.safetyStaffLoadedUsdPerYear ?? defaults.safetyStaffLoadedUsdPerYear)) / 12 + (dc.monitoringToolingUsdPerMonth ?? 0);
  const safetyInputs: TSafetyInputs = { controls: d.controls ?? {}, costs: costs as TSafetyCosts };
  const result = attempt(() => assessSafety(safetyInputs), warnings);
  const assumptions = log.forStage(stage);
  if (!result) {
    return { stage: makeStage({ key: stage, status, summary: "Safety could not be assessed; see the warnings.", outcome: { tone: "unknown", label: "Not assessed" }, warnings, assumptions, detail: null }), result: null, countedUsdPerMonth: 0 };
  }
  const c = result.cost;
  const countedUsdPerMonth = c.guardUsdPerMonth + c.redTeamUsdPerMonth + c.otherUsdPerMonth;
  const notCountedUsdPerMonth = enteredNotCountedUsdPerMonth;
  if (notCountedUsdPerMonth > 0 && status !== "not-started") {
    warnings.push(
      `Safety staff and monitoring tooling entered here (${usdPerMonthText(notCountedUsdPerMonth)}) are not added to the owned cost: people and tooling are counted once, in lifecycle operations. Add a safety role to the lifecycle roster if it is not already there.`,
    );
  }
  // The engine's own "count it in one place" note is settled by the rule above.
  warnings.push(...result.notes.filter((n) => !n.startsWith("Count safety staff")));
  const findings: TReportFinding[] = result.gaps.map((g) => ({
    id: `safety:${g.controlId}`,
    severity: g.status === "missing" && (g.weight >= 4 || g.wasVendorHandled) ? "needs-attention" : "info",
    title: `${g.name}: ${g.status}`,
    detail: g.wasVendorHandled ? `${g.vendorNote} Cost drivers: ${g.costDrivers.join(", ")}.` : `Cost drivers: ${g.costDrivers.join(", ")}.`,
  }));
  const readiness = result.readinessPct;
  const tone = readiness === null ? "unknown" : readiness >= 80 ? "good" : readiness >= 50 ? "caution" : "bad";
  const summary =
    status === "not-started"
      ? `Not assessed; the owned cost includes ${usdPerMonthText(countedUsdPerMonth)} of default safety costs. ${NOT_STARTED_SUFFIX}`
      : `Readiness ${readiness === null ? "n/a" : `${fmt(readiness, 3)}%`} (${fmt(result.readinessIfPlannedPct ?? 0, 3)}% once planned controls land); ${result.vendorHandledGaps.length} gap(s) in what the API vendor used to handle; ${usdPerMonthText(countedUsdPerMonth)} counted in the owned cost.`;
  return {
    stage: makeStage({
      key: stage,
      status,
      summary,
      outcome: status === "not-started" ? NOT_STARTED : { tone, label: readiness === null ? "n/a" : `${Math.round(readiness)}% ready` },
      figures: result.figures.filter((f) => !NOT_COUNTED_FIGURES.has(f.key)),
      findings: status === "not-started" ? [] : findings,
      warnings,
      assumptions,
      detail: { inputs: safetyInputs, result, countedUsdPerMonth, notCountedUsdPerMonth },
    }),
    result,
    countedUsdPerMonth,
  };
}

// ---------------------------------------------------------------------------------------------

const REFRESH_FIELDS = [
  ["refreshesPerYear", "Model refreshes", "per year"],
  ["evalGpuHoursPerRefresh", "Evaluation GPU-hours per refresh", "GPU-hours"],
  ["usdPerGpuHour", "Evaluation GPU-hour price", "USD/GPU-hour"],
  ["evalPersonDaysPerRefresh", "Evaluation effort per refresh", "person-days"],
  ["usdPerPersonDay", "Day rate", "USD/day"],
  ["regressionSuiteUsdPerRefresh", "Regression suite per refresh", "USD"],
] as const;

/**
 * The team charged while the assessment lists none: Freehold's template, at the loaded cost per
 * role the organisation's price book sets where it sets one. The lifecycle form shows these rows.
 */
export function assumedLifecycleTeam(book: TPriceBook | null): { rows: TStaffRole[]; basis: string } {
  const costs = book?.values.roleLoadedUsdPerYear ?? {};
  const rows = DEFAULT_STAFFING_TEMPLATE.map((r) => ({ ...r, loadedUsdPerYear: costs[r.role] ?? r.loadedUsdPerYear }));
  const isBooked = book !== null && DEFAULT_STAFFING_TEMPLATE.some((r) => costs[r.role] !== undefined);
  return { rows, basis: isBooked && book ? `Freehold default team template, loaded costs from the ${priceBookOrigin(book)}` : "Freehold default team template" };
}

/** "2.5 FTE at $41,667 /month": how the assumed team reads in the results and in the form, in the same words. */
export function assumedTeamText(staffing: readonly TStaffRole[], peopleUsdPerMonth: number): string {
  return `${fmt(staffing.reduce((sum, r) => sum + r.fte, 0))} FTE at ${formatFigureValue(peopleUsdPerMonth, "USD/month")}`;
}

export function buildLifecycleStage(args: {
  inputs: TAssessmentInputs;
  status: TStageStatus;
  log: TAssumptionLog;
  /** Fine-tuning compute cost: each refresh re-tunes the new base model by default. */
  retuneUsdDefault: number;
}): { stage: TReportStage<"lifecycle", TLifecycleDetail>; result: TLifecycleResult | null } {
  const { inputs, status, log } = args;
  const d = inputs.lifecycle ?? {};
  const stage = "lifecycle" as const;
  const provenance = DEFAULT_LIFECYCLE_PROVENANCE;
  const basis = "Freehold default lifecycle programme";
  const D = DEFAULT_LIFECYCLE_INPUTS;
  const defaultRefresh = D.refresh as NonNullable<TLifecycleInputs["refresh"]>;
  const defaultPatching = D.patching as NonNullable<TLifecycleInputs["patching"]>;
  const warnings: string[] = [];
  const assumedTeam = assumedLifecycleTeam(log.priceBook);
  if (!d.staffing) {
    log.note(stage, "lifecycle.staffing", "Team", assumedTeam.rows.map((r) => `${r.role} ${fmt(r.fte)} FTE at ${fmt(r.loadedUsdPerYear)} USD/year loaded`).join(", "), {
      basis: assumedTeam.basis,
      provenance,
    });
  }
  const refreshDraft = d.refresh ?? {};
  const refresh: Record<string, number> = {};
  for (const [key, label, unit] of REFRESH_FIELDS) {
    refresh[key] = log.take(stage, `lifecycle.refresh.${key}`, label, refreshDraft[key], defaultRefresh[key], { basis, unit, provenance });
  }
  refresh.retuneUsdPerRefresh = log.take(stage, "lifecycle.refresh.retuneUsdPerRefresh", "Re-tuning per refresh", refreshDraft.retuneUsdPerRefresh, args.retuneUsdDefault, {
    basis: args.retuneUsdDefault > 0 ? "The adaptation stage's fine-tuning compute, repeated on each new base model" : "No fine-tuning planned",
    unit: "USD",
  });
  const patchingDraft = d.patching ?? {};
  const lifecycleInputs: TLifecycleInputs = {
    staffing: d.staffing ?? assumedTeam.rows,
    refresh: refresh as NonNullable<TLifecycleInputs["refresh"]>,
    patching: {
      hoursPerMonth: log.take(stage, "lifecycle.patching.hoursPerMonth", "Patching effort", patchingDraft.hoursPerMonth, defaultPatching.hoursPerMonth, { basis, unit: "hours/month", provenance }),
      usdPerHour: log.take(stage, "lifecycle.patching.usdPerHour", "Patching hourly rate", patchingDraft.usdPerHour, defaultPatching.usdPerHour, { basis, unit: "USD/hour", provenance }),
    },
    monitoringToolingUsdPerMonth: log.take(stage, "lifecycle.monitoringToolingUsdPerMonth", "Monitoring tooling", d.monitoringToolingUsdPerMonth, D.monitoringToolingUsdPerMonth, { basis, unit: "USD/month", provenance }),
  };
  const result = attempt(() => assessLifecycle(lifecycleInputs), warnings);
  const assumptions = log.forStage(stage);
  if (!result) {
    return { stage: makeStage({ key: stage, status, summary: "Lifecycle could not be assessed; see the warnings.", outcome: { tone: "unknown", label: "Not assessed" }, warnings, assumptions, detail: null }), result: null };
  }
  warnings.push(...result.notes.filter((n) => !n.startsWith("Count safety staff")));
  const b = result.burden;
  const summary =
    status === "not-started"
      ? `Not entered; the owned cost includes ${d.staffing ? "the entered team" : `the assumed team (${assumedTeamText(lifecycleInputs.staffing, result.cost.peopleUsdPerMonth)})`} and the default programme, ${usdPerMonthText(result.cost.totalUsdPerMonth)} in all. ${NOT_STARTED_SUFFIX}`
      : `${fmt(b.totalFte, 3)} FTE staffed, ${fmt(b.fteEquivalent, 3)} FTE-equivalent with refreshes and patching (${b.level}); ${usdPerMonthText(result.cost.totalUsdPerMonth)}.`;
  return {
    stage: makeStage({
      key: stage,
      status,
      summary,
      outcome: status === "not-started" ? NOT_STARTED : { tone: b.level === "light" ? "good" : b.level === "moderate" ? "caution" : "bad", label: `${fmt(b.fteEquivalent, 2)} FTE-eq. (${b.level})` },
      figures: result.figures,
      warnings,
      assumptions,
      detail: { inputs: lifecycleInputs, result },
    }),
    result,
  };
}
