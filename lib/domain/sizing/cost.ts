// Monthly infrastructure cost per GPU under the three ways of getting GPUs. Every option is linear
// in GPU count, so a deployment's cost is a whole number of replica costs (the staircase economics
// relies on). Sources: formulas.md "Money" (CRF, power = watts × PUE × hours × tariff).
import type { TFigure } from "../shared";
import { makeFigure } from "../shared";
import { capitalRecoveryFactor, fmt, HOURS_PER_MONTH } from "../shared";
import type { TOwnedHardwareCost } from "./inputs";
import type { TGpu } from "../shared";

export type TInfraCostKind = "cloudOnDemand" | "cloudReserved" | "owned";

export type TGpuMonthCost = { kind: TInfraCostKind; usdPerGpuMonth: number; figures: TFigure[] };

export function cloudOnDemandPerGpuMonth(usdPerGpuHour: number): TGpuMonthCost {
  const value = usdPerGpuHour * HOURS_PER_MONTH;
  return {
    kind: "cloudOnDemand",
    usdPerGpuMonth: value,
    figures: [makeFigure("cloudOnDemand.usdPerGpuMonth", "Cloud on-demand, per GPU-month", value, "USD/GPU-month", `usd/GPU-hour × 730 h = ${fmt(usdPerGpuHour)} × 730`)],
  };
}

export function cloudReservedPerGpuMonth(usdPerGpuHour: number, discountPercent: number): TGpuMonthCost {
  const value = usdPerGpuHour * (1 - discountPercent / 100) * HOURS_PER_MONTH;
  return {
    kind: "cloudReserved",
    usdPerGpuMonth: value,
    figures: [
      makeFigure(
        "cloudReserved.usdPerGpuMonth",
        "Cloud reserved, per GPU-month",
        value,
        "USD/GPU-month",
        `usd/GPU-hour × (1 − discount) × 730 h = ${fmt(usdPerGpuHour)} × (1 − ${fmt(discountPercent)}%) × 730`,
      ),
    ],
  };
}

export function ownedPerGpuMonth(owned: TOwnedHardwareCost, gpu: TGpu): TGpuMonthCost {
  const rate = owned.annualInterestRatePercent / 100;
  const crf = capitalRecoveryFactor(rate, owned.amortisationYears);
  const capexPerGpu = owned.purchaseUsdPerGpu * (1 + owned.serverOverheadPercent / 100);
  const capexMonthly = (capexPerGpu * crf) / 12;
  const watts = owned.powerWattsPerGpu ?? gpu.tdpWatts;
  const powerMonthly = ((watts * owned.powerUsageEffectiveness * HOURS_PER_MONTH) / 1000) * owned.usdPerKwh;
  const value = capexMonthly + powerMonthly + owned.hostingUsdPerGpuMonth;
  return {
    kind: "owned",
    usdPerGpuMonth: value,
    figures: [
      makeFigure(
        "owned.crf",
        "Capital recovery factor",
        crf,
        "per year",
        rate === 0
          ? `1 / n = 1 / ${fmt(owned.amortisationYears)} (straight-line, r = 0)`
          : `r(1+r)^n / ((1+r)^n − 1), r = ${fmt(rate)}, n = ${fmt(owned.amortisationYears)}`,
      ),
      makeFigure(
        "owned.capexUsdPerGpuMonth",
        "Hardware, annualised, per GPU-month",
        capexMonthly,
        "USD/GPU-month",
        `price × (1 + server overhead) × CRF / 12 = ${fmt(owned.purchaseUsdPerGpu)} × (1 + ${fmt(owned.serverOverheadPercent)}%) × ${fmt(crf)} / 12`,
      ),
      makeFigure(
        "owned.powerUsdPerGpuMonth",
        "Power, per GPU-month",
        powerMonthly,
        "USD/GPU-month",
        `watts × PUE × 730 h / 1000 × usd/kWh = ${fmt(watts)} × ${fmt(owned.powerUsageEffectiveness)} × 730 / 1000 × ${fmt(owned.usdPerKwh)}`,
        owned.powerWattsPerGpu === undefined ? "Uses the GPU's TDP, a ceiling: average draw is lower, the rest of the server adds to it." : undefined,
      ),
      makeFigure("owned.hostingUsdPerGpuMonth", "Hosting, per GPU-month", owned.hostingUsdPerGpuMonth, "USD/GPU-month", "as entered"),
      makeFigure("owned.usdPerGpuMonth", "Owned hardware, per GPU-month", value, "USD/GPU-month", "hardware + power + hosting"),
    ],
  };
}
