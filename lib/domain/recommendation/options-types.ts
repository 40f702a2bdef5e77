// The options a verdict chooses between: every real way to serve the workload, each with its cost,
// the hard constraints it meets or breaks, and whether its capability is known. The report builds
// them (lib/domain/report/options.ts); the recommendation only reads them.
import type { TStageKey } from "../shared";
import type { TCatalogAge } from "../catalog";

export type TOptionFamily = "api" | "hosted-open" | "self-hosted" | "hybrid";

export type TOptionKind =
  | "incumbent"
  | "api-regional"
  | "api-batch"
  | "api-cached"
  | "api-tier"
  | "hosted-serverless"
  | "hosted-dedicated"
  | "self-cloud-on-demand"
  | "self-cloud-1y"
  | "self-cloud-3y"
  | "self-owned"
  | "hybrid";

export const OPTION_FAMILY_LABELS: Record<TOptionFamily, string> = {
  api: "Closed API",
  "hosted-open": "Open weights, hosted by a provider",
  "self-hosted": "Open weights, self-hosted",
  hybrid: "Hybrid",
};

/** residency: where data is processed; processing: who may process it; price: the option has a cost at all. */
export type TConstraintKey = "residency" | "processing" | "latency" | "licence" | "fit" | "cost";
export type TCheckStatus = "met" | "broken" | "unknown";
export type TConstraintCheck = { key: TConstraintKey; status: TCheckStatus; text: string };

/**
 * baseline: the incumbent itself (or the same model on other terms). meets: validated at or above the
 * bar. partial: a hybrid that routes only the workloads where the open model passes. not-settled:
 * results exist but the interval straddles the tolerance. not-validated: no results. fails: below the bar.
 */
export type TCapabilityStatus = "baseline" | "meets" | "partial" | "not-settled" | "not-validated" | "fails";
export const DECIDABLE_CAPABILITY: readonly TCapabilityStatus[] = ["baseline", "meets", "partial"];

export type TDecisionOption = {
  id: string;
  kind: TOptionKind;
  family: TOptionFamily;
  label: string;
  /** Who runs it: a vendor, a provider, or "you". */
  provider: string;
  /** Vendor billing per token, for price-rise stress; null when nothing is billed per token. */
  vendor: string | null;
  isIncumbent: boolean;
  /** The self-hosting mode the infrastructure stage chose (its cost equals the economics stage's). */
  isConfiguredSelfHost: boolean;
  /** Open-weights options run the candidate model; API options run a closed model. */
  isOpenModel: boolean;
  /** At the planned volume, month 1, amortised (owned hardware through its capital recovery). */
  monthlyUsd: number | null;
  usdPerMillionTokens: number | null;
  oneTimeUsd: number | null;
  /** Present value of the cash over the horizon at the discount rate: the verdict's ranking number. */
  npvUsd: number | null;
  /** Of which billed per token by `vendor`. */
  npvVendorUsd: number | null;
  /** Undiscounted cash over the horizon, residual value counted back. */
  horizonUsd: number | null;
  tco36Usd: number | null;
  upfrontUsd: number | null;
  residualUsd: number | null;
  committedUsd: number | null;
  /** Hybrid: share of tokens on the open model. */
  openShare: number | null;
  checks: TConstraintCheck[];
  capability: { status: TCapabilityStatus; text: string };
  /** No broken check and a known cost. */
  isFeasible: boolean;
  /** The broken checks' texts: why the option is excluded. */
  exclusions: string[];
  /** How the monthly cost is computed, with the numbers. */
  formula: string;
  notes: string[];
  /** Source URLs of the prices and terms it uses, with the date they were read. */
  /** `age` is set by the report, which knows the day ages are counted to. */
  sources: { url: string; asOf: string; age?: TCatalogAge }[];
};

/** What the verdict needs to know about the stages beyond the options. */
export type TOptionsContext = {
  horizonMonths: number | null;
  discountRatePercent: number;
  /** Stages the verdict rests on that have no inputs at all. */
  missingStages: TStageKey[];
  /** Why no option could be costed (no volume, no price); null when they were. */
  notCostedReason: string | null;
};
