// Safety hardening: how much of the safety stack a closed API gave you is in place for a self-hosted
// model, which OWASP / NIST risks remain open, and what the stack costs per month and year.
import { z } from "zod";
import type { TFigure } from "../shared";
import type { TProvenance } from "../shared";
import { finiteOrNull, parseOrThrow } from "../shared";
import { makeFigure } from "../shared";
import { HOURS_PER_MONTH } from "../shared";
import { SAFETY_CONTROLS, SAFETY_CONTROL_IDS, type TSafetyControl, type TVendorProvided } from "../catalog";
import {
  NIST_AI_600_1_RISKS,
  OWASP_LLM_TOP10_2025,
  type TNistGaiRiskId,
  type TOwaspLlmId,
} from "../catalog";

export * from "../catalog";
export * from "../catalog";

export const ZControlStatus = z.enum(["in-place", "planned", "missing", "not-applicable"]);
export type TControlStatus = z.infer<typeof ZControlStatus>;

const usdPerMonth = (field: string) => z.number().min(0, `${field} must be ≥ 0`).max(100_000_000, `${field} looks too large`);

export const ZGuardServing = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("gpu"),
    gpuCount: z.number().min(0, "gpuCount must be ≥ 0").max(1000),
    usdPerGpuHour: z.number().min(0, "usdPerGpuHour must be ≥ 0").max(1000, "usdPerGpuHour looks too large (> 1000)"),
    hoursPerMonth: z.number().min(0).max(744, "hoursPerMonth cannot exceed 744 (31 days)").default(HOURS_PER_MONTH),
  }),
  z.object({ mode: z.literal("usd-per-month"), usdPerMonth: usdPerMonth("usdPerMonth") }),
]);
export type TGuardServing = z.infer<typeof ZGuardServing>;

export const ZSafetyCosts = z.object({
  guardServing: ZGuardServing.prefault({ mode: "usd-per-month", usdPerMonth: 0 }),
  redTeamExercisesPerYear: z.number().min(0, "redTeamExercisesPerYear must be ≥ 0").max(52).default(0),
  usdPerRedTeamExercise: z.number().min(0, "usdPerRedTeamExercise must be ≥ 0").max(100_000_000).default(0),
  monitoringToolingUsdPerMonth: usdPerMonth("monitoringToolingUsdPerMonth").default(0),
  safetyStaffFte: z.number().min(0, "safetyStaffFte must be ≥ 0").max(1000).default(0),
  safetyStaffLoadedUsdPerYear: z.number().min(0, "safetyStaffLoadedUsdPerYear must be ≥ 0").max(5_000_000).default(0),
  /** Benchmark licences, PII service, external audits: anything else recurring. */
  otherUsdPerMonth: usdPerMonth("otherUsdPerMonth").default(0),
});
export type TSafetyCosts = z.infer<typeof ZSafetyCosts>;

export const ZSafetyInputs = z.object({
  /** Control id → status; controls left out count as "missing". */
  controls: z
    .record(z.string(), ZControlStatus)
    .prefault({})
    .superRefine((map, ctx) => {
      for (const id of Object.keys(map)) {
        if (!SAFETY_CONTROL_IDS.includes(id)) {
          ctx.addIssue({ code: "custom", path: [id], message: `unknown safety control "${id}"` });
        }
      }
    }),
  costs: ZSafetyCosts.prefault({}),
});
export type TSafetyInputs = z.infer<typeof ZSafetyInputs>;
export type TSafetyInputsInput = z.input<typeof ZSafetyInputs>;

/** Starting points for the cost form. Every number is an assumption to replace with your own quotes. */
export const DEFAULT_SAFETY_COSTS: { costs: TSafetyCosts; provenance: TProvenance } = {
  costs: {
    // Llama Guard 3 8B in bf16 (~16 GB) fits one 24 GB L4; GCP g2-standard-4 ~0.70-0.80 USD/h.
    guardServing: { mode: "gpu", gpuCount: 1, usdPerGpuHour: 0.75, hoursPerMonth: HOURS_PER_MONTH },
    redTeamExercisesPerYear: 2,
    usdPerRedTeamExercise: 25_000,
    monitoringToolingUsdPerMonth: 500,
    safetyStaffFte: 0.5,
    safetyStaffLoadedUsdPerYear: 200_000,
    otherUsdPerMonth: 0,
  },
  provenance: {
    sourceUrls: ["https://costnimbus.com/article/gpu-cost-management-ml-teams"],
    asOf: "2026-03",
    verification: "unverified",
    note: "L4 hourly price is secondary (one source, 2026-03); red-team, tooling and staffing figures are placeholders, not market data.",
  },
};

export type TCoverageStatus = "covered" | "partial" | "uncovered" | "not-applicable";

export type TRiskCoverage = {
  id: string;
  name: string;
  status: TCoverageStatus;
  /** Weighted share of the applicable mapped controls that are in place, 0..1; null if none apply. */
  inPlaceShare: number | null;
  controlIds: string[];
  inPlaceCount: number;
  plannedCount: number;
  missingCount: number;
};

export type TSafetyGap = {
  controlId: string;
  name: string;
  status: "planned" | "missing";
  weight: number;
  vendorProvided: TVendorProvided;
  /** The closed-API vendor did this (fully or in part): it is new work when self-hosting. */
  wasVendorHandled: boolean;
  vendorNote: string;
  owasp: TOwaspLlmId[];
  nist: TNistGaiRiskId[];
  costDrivers: string[];
};

export type TSafetyCostBreakdown = {
  guardUsdPerMonth: number;
  redTeamUsdPerMonth: number;
  monitoringUsdPerMonth: number;
  peopleUsdPerMonth: number;
  otherUsdPerMonth: number;
  totalUsdPerMonth: number;
  totalUsdPerYear: number;
};

export type TSafetyResult = {
  readinessPct: number | null;
  /** Readiness once every planned control is in place. */
  readinessIfPlannedPct: number | null;
  statuses: Record<string, TControlStatus>;
  owaspCoverage: TRiskCoverage[];
  nistCoverage: TRiskCoverage[];
  gaps: TSafetyGap[];
  /** Gaps in what the API vendor used to handle, full before partial, then by weight. */
  vendorHandledGaps: TSafetyGap[];
  cost: TSafetyCostBreakdown;
  figures: TFigure[];
  notes: string[];
};

const STATUS_VALUE: Record<TControlStatus, number> = { "in-place": 1, planned: 0, missing: 0, "not-applicable": 0 };
const VENDOR_RANK: Record<TVendorProvided, number> = { full: 2, partial: 1, none: 0 };

function weightedShare(controls: readonly TSafetyControl[], credit: (c: TSafetyControl) => number): number | null {
  const total = controls.reduce((s, c) => s + c.weight, 0);
  if (total === 0) return null;
  return controls.reduce((s, c) => s + c.weight * credit(c), 0) / total;
}

function coverageOf(
  item: { id: string; name: string },
  mapped: readonly TSafetyControl[],
  statuses: Record<string, TControlStatus>,
): TRiskCoverage {
  const applicable = mapped.filter((c) => statuses[c.id] !== "not-applicable");
  const count = (s: TControlStatus) => applicable.filter((c) => statuses[c.id] === s).length;
  const share = weightedShare(applicable, (c) => STATUS_VALUE[statuses[c.id]]);
  const status: TCoverageStatus =
    share === null ? "not-applicable" : share >= 1 ? "covered" : share > 0 ? "partial" : "uncovered";
  return {
    id: item.id,
    name: item.name,
    status,
    inPlaceShare: share,
    controlIds: mapped.map((c) => c.id),
    inPlaceCount: count("in-place"),
    plannedCount: count("planned"),
    missingCount: count("missing"),
  };
}

export function safetyCostBreakdown(costs: TSafetyCosts): TSafetyCostBreakdown {
  const g = costs.guardServing;
  const guardUsdPerMonth = g.mode === "gpu" ? g.gpuCount * g.usdPerGpuHour * g.hoursPerMonth : g.usdPerMonth;
  const redTeamUsdPerMonth = (costs.redTeamExercisesPerYear * costs.usdPerRedTeamExercise) / 12;
  const peopleUsdPerMonth = (costs.safetyStaffFte * costs.safetyStaffLoadedUsdPerYear) / 12;
  const totalUsdPerMonth =
    guardUsdPerMonth + redTeamUsdPerMonth + costs.monitoringToolingUsdPerMonth + peopleUsdPerMonth + costs.otherUsdPerMonth;
  return {
    guardUsdPerMonth,
    redTeamUsdPerMonth,
    monitoringUsdPerMonth: costs.monitoringToolingUsdPerMonth,
    peopleUsdPerMonth,
    otherUsdPerMonth: costs.otherUsdPerMonth,
    totalUsdPerMonth,
    totalUsdPerYear: totalUsdPerMonth * 12,
  };
}

export function assessSafety(raw: TSafetyInputsInput = {}): TSafetyResult {
  const inputs = parseOrThrow(ZSafetyInputs, raw, "safety inputs");
  const statuses: Record<string, TControlStatus> = Object.fromEntries(
    SAFETY_CONTROLS.map((c) => [c.id, inputs.controls[c.id] ?? "missing"]),
  );
  const applicable = SAFETY_CONTROLS.filter((c) => statuses[c.id] !== "not-applicable");
  const readiness = weightedShare(applicable, (c) => STATUS_VALUE[statuses[c.id]]);
  const readinessIfPlanned = weightedShare(applicable, (c) => (statuses[c.id] === "planned" ? 1 : STATUS_VALUE[statuses[c.id]]));

  const owaspCoverage = OWASP_LLM_TOP10_2025.map((item) =>
    coverageOf(item, SAFETY_CONTROLS.filter((c) => c.owasp.includes(item.id)), statuses),
  );
  const nistCoverage = NIST_AI_600_1_RISKS.map((item) =>
    coverageOf(item, SAFETY_CONTROLS.filter((c) => c.nist.includes(item.id)), statuses),
  );

  const gaps: TSafetyGap[] = applicable
    .filter((c) => statuses[c.id] === "missing" || statuses[c.id] === "planned")
    .map((c) => ({
      controlId: c.id,
      name: c.name,
      status: statuses[c.id] as "planned" | "missing",
      weight: c.weight,
      vendorProvided: c.vendorProvided,
      wasVendorHandled: c.vendorProvided !== "none",
      vendorNote: c.vendorNote,
      owasp: c.owasp,
      nist: c.nist,
      costDrivers: c.costDrivers,
    }))
    // Stable sort keeps catalog order among equals.
    .sort((a, b) => b.weight - a.weight || VENDOR_RANK[b.vendorProvided] - VENDOR_RANK[a.vendorProvided]);
  const vendorHandledGaps = gaps
    .filter((g) => g.wasVendorHandled)
    .sort((a, b) => VENDOR_RANK[b.vendorProvided] - VENDOR_RANK[a.vendorProvided] || b.weight - a.weight);

  const cost = safetyCostBreakdown(inputs.costs);
  const notes: string[] = [
    "Count safety staff and monitoring tooling here or in lifecycle operations, not in both.",
  ];
  if (readiness === null) notes.push("Every control is marked not applicable, so there is no readiness figure.");

  return {
    readinessPct: readiness === null ? null : finiteOrNull(readiness * 100),
    readinessIfPlannedPct: readinessIfPlanned === null ? null : finiteOrNull(readinessIfPlanned * 100),
    statuses,
    owaspCoverage,
    nistCoverage,
    gaps,
    vendorHandledGaps,
    cost,
    figures: safetyFigures(readiness, readinessIfPlanned, inputs.costs, cost),
    notes,
  };
}

function safetyFigures(
  readiness: number | null,
  readinessIfPlanned: number | null,
  costs: TSafetyCosts,
  cost: TSafetyCostBreakdown,
): TFigure[] {
  const g = costs.guardServing;
  const usd = (key: string, label: string, value: number, formula: string): TFigure =>
    makeFigure(`safety.${key}`, label, value, key.endsWith("PerYear") ? "USD/year" : "USD/month", formula);
  return [
    {
      key: "safety.readinessPct",
      label: "Safety readiness (weighted share of controls in place)",
      value: readiness === null ? null : finiteOrNull(readiness * 100),
      unit: "%",
      formula: "Σ weight of in-place controls / Σ weight of applicable controls × 100",
    },
    {
      key: "safety.readinessIfPlannedPct",
      label: "Safety readiness once planned controls land",
      value: readinessIfPlanned === null ? null : finiteOrNull(readinessIfPlanned * 100),
      unit: "%",
      formula: "Σ weight of in-place and planned controls / Σ weight of applicable controls × 100",
    },
    usd(
      "guardUsdPerMonth",
      "Guard model serving",
      cost.guardUsdPerMonth,
      g.mode === "gpu"
        ? `GPUs × USD per GPU-hour × hours per month = ${g.gpuCount} × ${g.usdPerGpuHour} × ${g.hoursPerMonth}`
        : "USD per month as entered",
    ),
    usd(
      "redTeamUsdPerMonth",
      "Red-team exercises",
      cost.redTeamUsdPerMonth,
      `exercises per year × USD per exercise / 12 = ${costs.redTeamExercisesPerYear} × ${costs.usdPerRedTeamExercise} / 12`,
    ),
    usd("monitoringUsdPerMonth", "Monitoring and logging tooling", cost.monitoringUsdPerMonth, "USD per month as entered"),
    usd(
      "peopleUsdPerMonth",
      "Safety staff",
      cost.peopleUsdPerMonth,
      `FTE × loaded USD per year / 12 = ${costs.safetyStaffFte} × ${costs.safetyStaffLoadedUsdPerYear} / 12`,
    ),
    usd("otherUsdPerMonth", "Other safety costs", cost.otherUsdPerMonth, "USD per month as entered"),
    usd("totalUsdPerMonth", "Safety stack, total per month", cost.totalUsdPerMonth, "guard + red team + monitoring + staff + other"),
    usd("totalUsdPerYear", "Safety stack, total per year", cost.totalUsdPerYear, "total per month × 12"),
  ];
}
