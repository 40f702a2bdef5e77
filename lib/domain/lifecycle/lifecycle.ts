// Lifecycle operations: the recurring cost of keeping a self-hosted model current and patched, and
// the people it takes. With a closed API most of this is inside the per-token price.
import { z } from "zod";
import type { TFigure } from "../shared";
import type { TProvenance } from "../shared";
import { parseOrThrow, zText } from "../shared";
import { makeFigure } from "../shared";

/** Working days and hours in a year, to express part-time work as FTE (an assumption). */
export const WORKING_DAYS_PER_YEAR = 220;
export const WORKING_HOURS_PER_YEAR = 1760;

const usd = (field: string, max: number) => z.number().min(0, `${field} must be ≥ 0`).max(max, `${field} looks too large (> ${max})`);

export const ZStaffRole = z.object({
  role: zText({ min: 1, max: 100, tooShort: "role is required" }),
  fte: z.number().min(0, "fte must be ≥ 0").max(100, "fte must be ≤ 100"),
  /** Salary plus benefits, payroll tax and overhead. */
  loadedUsdPerYear: usd("loadedUsdPerYear", 5_000_000),
});
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const ZRefreshProgramme = z.object({
  /** How often a new base model or version is adopted (each needs re-evaluation). */
  refreshesPerYear: z.number().min(0, "refreshesPerYear must be ≥ 0").max(52, "refreshesPerYear must be ≤ 52"),
  evalGpuHoursPerRefresh: z.number().min(0, "evalGpuHoursPerRefresh must be ≥ 0").max(1_000_000),
  usdPerGpuHour: usd("usdPerGpuHour", 1000),
  evalPersonDaysPerRefresh: z.number().min(0, "evalPersonDaysPerRefresh must be ≥ 0").max(10_000),
  usdPerPersonDay: usd("usdPerPersonDay", 100_000),
  /** Re-running fine-tuning on the new base, if the deployment is adapted. */
  retuneUsdPerRefresh: usd("retuneUsdPerRefresh", 100_000_000).default(0),
  /** Regression eval suite per refresh: judge-model calls, licences, external review. */
  regressionSuiteUsdPerRefresh: usd("regressionSuiteUsdPerRefresh", 10_000_000).default(0),
});
export type TRefreshProgramme = z.infer<typeof ZRefreshProgramme>;

export const ZPatching = z.object({
  hoursPerMonth: z.number().min(0, "hoursPerMonth must be ≥ 0").max(744, "hoursPerMonth cannot exceed 744"),
  usdPerHour: usd("usdPerHour", 10_000),
});
export type TPatching = z.infer<typeof ZPatching>;

export const ZLifecycleInputs = z.object({
  staffing: z.array(ZStaffRole).max(50).default([]),
  refresh: ZRefreshProgramme.optional(),
  patching: ZPatching.optional(),
  monitoringToolingUsdPerMonth: usd("monitoringToolingUsdPerMonth", 10_000_000).default(0),
});
export type TLifecycleInputs = z.infer<typeof ZLifecycleInputs>;
export type TLifecycleInputsInput = z.input<typeof ZLifecycleInputs>;

// Defaults: a small platform team. Salary basis is secondary; loading factor, cadence and effort are
// assumptions. They are a starting point for the form, to be overridden.
const DEFAULT_LOADED_USD_PER_YEAR = 200_000;

export const DEFAULT_LIFECYCLE_PROVENANCE: TProvenance = {
  sourceUrls: ["https://ler.me/occupations/software-developers"],
  asOf: "2024-05",
  verification: "unverified",
  note:
    "Assumptions to override. Loaded cost 200,000 USD/year ≈ 1.4 × the 144,570 USD mean wage of US software developers " +
    "(BLS OEWS May 2024, via a secondary page); the 1.4 loading, ML-specialist premiums, refresh cadence, effort and rates are not sourced.",
};

export const DEFAULT_STAFFING_TEMPLATE: readonly TStaffRole[] = [
  { role: "ML engineer", fte: 1, loadedUsdPerYear: DEFAULT_LOADED_USD_PER_YEAR },
  { role: "MLOps / SRE", fte: 1, loadedUsdPerYear: DEFAULT_LOADED_USD_PER_YEAR },
  { role: "Safety and evaluations", fte: 0.5, loadedUsdPerYear: DEFAULT_LOADED_USD_PER_YEAR },
];

export const DEFAULT_LIFECYCLE_INPUTS: TLifecycleInputs = {
  staffing: [...DEFAULT_STAFFING_TEMPLATE],
  refresh: {
    refreshesPerYear: 2,
    evalGpuHoursPerRefresh: 40,
    usdPerGpuHour: 2.5,
    evalPersonDaysPerRefresh: 10,
    usdPerPersonDay: Math.round(DEFAULT_LOADED_USD_PER_YEAR / WORKING_DAYS_PER_YEAR),
    retuneUsdPerRefresh: 0,
    regressionSuiteUsdPerRefresh: 500,
  },
  patching: { hoursPerMonth: 8, usdPerHour: Math.round(DEFAULT_LOADED_USD_PER_YEAR / WORKING_HOURS_PER_YEAR) },
  monitoringToolingUsdPerMonth: 500,
};

export type TLifecycleBreakdown = {
  peopleUsdPerMonth: number;
  /** Per refresh: eval compute + eval people + re-tuning + regression suite. */
  refreshUsdEach: number;
  refreshUsdPerYear: number;
  refreshUsdPerMonth: number;
  patchingUsdPerMonth: number;
  monitoringUsdPerMonth: number;
  totalUsdPerMonth: number;
  totalUsdPerYear: number;
};

export type TLifecycleBurden = {
  totalFte: number;
  refreshesPerYear: number;
  refreshPersonDaysPerYear: number;
  patchingHoursPerYear: number;
  /** Staffed FTE plus refresh and patching work expressed as FTE. */
  fteEquivalent: number;
  /** Rough: light < 1 FTE-equivalent ≤ moderate < 3 ≤ heavy. */
  level: "light" | "moderate" | "heavy";
};

export type TLifecycleResult = {
  cost: TLifecycleBreakdown;
  burden: TLifecycleBurden;
  roles: (TStaffRole & { usdPerMonth: number })[];
  figures: TFigure[];
  notes: string[];
};

export function lifecycleBreakdown(inputs: TLifecycleInputs): TLifecycleBreakdown {
  const peopleUsdPerMonth = inputs.staffing.reduce((s, r) => s + (r.fte * r.loadedUsdPerYear) / 12, 0);
  const f = inputs.refresh;
  const refreshUsdEach = f
    ? f.evalGpuHoursPerRefresh * f.usdPerGpuHour + f.evalPersonDaysPerRefresh * f.usdPerPersonDay + f.retuneUsdPerRefresh + f.regressionSuiteUsdPerRefresh
    : 0;
  const refreshUsdPerYear = refreshUsdEach * (f?.refreshesPerYear ?? 0);
  const patchingUsdPerMonth = inputs.patching ? inputs.patching.hoursPerMonth * inputs.patching.usdPerHour : 0;
  const totalUsdPerMonth = peopleUsdPerMonth + refreshUsdPerYear / 12 + patchingUsdPerMonth + inputs.monitoringToolingUsdPerMonth;
  return {
    peopleUsdPerMonth,
    refreshUsdEach,
    refreshUsdPerYear,
    refreshUsdPerMonth: refreshUsdPerYear / 12,
    patchingUsdPerMonth,
    monitoringUsdPerMonth: inputs.monitoringToolingUsdPerMonth,
    totalUsdPerMonth,
    totalUsdPerYear: totalUsdPerMonth * 12,
  };
}

function burdenOf(inputs: TLifecycleInputs): TLifecycleBurden {
  const totalFte = inputs.staffing.reduce((s, r) => s + r.fte, 0);
  const refreshesPerYear = inputs.refresh?.refreshesPerYear ?? 0;
  const refreshPersonDaysPerYear = refreshesPerYear * (inputs.refresh?.evalPersonDaysPerRefresh ?? 0);
  const patchingHoursPerYear = (inputs.patching?.hoursPerMonth ?? 0) * 12;
  const fteEquivalent = totalFte + refreshPersonDaysPerYear / WORKING_DAYS_PER_YEAR + patchingHoursPerYear / WORKING_HOURS_PER_YEAR;
  const level = fteEquivalent < 1 ? "light" : fteEquivalent < 3 ? "moderate" : "heavy";
  return { totalFte, refreshesPerYear, refreshPersonDaysPerYear, patchingHoursPerYear, fteEquivalent, level };
}

export function assessLifecycle(raw: TLifecycleInputsInput): TLifecycleResult {
  const inputs = parseOrThrow(ZLifecycleInputs, raw, "lifecycle inputs");
  const cost = lifecycleBreakdown(inputs);
  const burden = burdenOf(inputs);
  return {
    cost,
    burden,
    roles: inputs.staffing.map((r) => ({ ...r, usdPerMonth: (r.fte * r.loadedUsdPerYear) / 12 })),
    figures: lifecycleFigures(inputs, cost, burden),
    notes: [
      "If the staff listed already do the refresh evaluations and patching, those hours are counted twice: lower the person-days and patching hours, or the FTE.",
      "Count safety staff and monitoring tooling here or in safety hardening, not in both.",
    ],
  };
}

function lifecycleFigures(inputs: TLifecycleInputs, cost: TLifecycleBreakdown, burden: TLifecycleBurden): TFigure[] {
  const f = inputs.refresh;
  const p = inputs.patching;
  const fig = (key: string, label: string, value: number, unit: string, formula: string): TFigure =>
    makeFigure(`lifecycle.${key}`, label, value, unit, formula);
  return [
    fig("peopleUsdPerMonth", "Lifecycle staff", cost.peopleUsdPerMonth, "USD/month", "Σ FTE × loaded USD per year / 12"),
    fig(
      "refreshUsdEach",
      "Cost of one model refresh",
      cost.refreshUsdEach,
      "USD",
      f
        ? `eval GPU-hours × USD/GPU-hour + person-days × USD/day + re-tuning + regression suite = ${f.evalGpuHoursPerRefresh} × ${f.usdPerGpuHour} + ${f.evalPersonDaysPerRefresh} × ${f.usdPerPersonDay} + ${f.retuneUsdPerRefresh} + ${f.regressionSuiteUsdPerRefresh}`
        : "no refresh programme entered",
    ),
    fig("refreshUsdPerMonth", "Model refreshes", cost.refreshUsdPerMonth, "USD/month", `cost per refresh × refreshes per year / 12 (${burden.refreshesPerYear} per year)`),
    fig(
      "patchingUsdPerMonth",
      "Patching and security updates",
      cost.patchingUsdPerMonth,
      "USD/month",
      p ? `hours per month × USD per hour = ${p.hoursPerMonth} × ${p.usdPerHour}` : "no patching effort entered",
    ),
    fig("monitoringUsdPerMonth", "Monitoring tooling", cost.monitoringUsdPerMonth, "USD/month", "USD per month as entered"),
    fig("totalUsdPerMonth", "Lifecycle operations, total per month", cost.totalUsdPerMonth, "USD/month", "staff + refreshes + patching + monitoring"),
    fig("totalUsdPerYear", "Lifecycle operations, total per year", cost.totalUsdPerYear, "USD/year", "total per month × 12"),
    fig("totalFte", "Staffed FTE", burden.totalFte, "FTE", "Σ FTE over roles"),
    fig(
      "fteEquivalent",
      "Operational burden (FTE-equivalent)",
      burden.fteEquivalent,
      "FTE",
      `FTE + refresh person-days per year / ${WORKING_DAYS_PER_YEAR} + patching hours per year / ${WORKING_HOURS_PER_YEAR}`,
    ),
    fig("refreshesPerYear", "Model refreshes per year", burden.refreshesPerYear, "per year", "as entered"),
  ];
}
