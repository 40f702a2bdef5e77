// The GPUs the layout search may use and what each costs per month under the chosen way of paying.
// The stage's own GPU carries the team's price (or the catalog default it resolved to); when the
// team asks for the cheapest layout over every GPU, the others are priced from the catalog: the
// median on-demand cloud price, or the catalog purchase price with the same ownership terms. A GPU
// without a usable price is left out and listed.
import type { TPricingMode } from "../assessment";
import { GPUS } from "../catalog";
import type { TGpu } from "../shared";
import { fmt } from "../shared";
import { cloudOnDemandPerGpuMonth, cloudReservedPerGpuMonth, ownedPerGpuMonth, type TGpuOffer, type TOwnedHardwareCost, type TSizingInputsRaw } from "../sizing";
import { ZOwnedHardwareCost } from "../sizing";
import { defaultCloudPrice, defaultPurchasePrice } from "./context";

export type TPricedOffer = TGpuOffer & { cost: NonNullable<TSizingInputsRaw["cost"]> };

/** One GPU's monthly price under a pricing mode, from the sizing cost block; null when it has none. */
export function usdPerGpuMonthFor(mode: TPricingMode, cost: NonNullable<TSizingInputsRaw["cost"]>, gpu: TGpu): number | null {
  if (mode === "cloudOnDemand") return cost.cloudOnDemand ? cloudOnDemandPerGpuMonth(cost.cloudOnDemand.usdPerGpuHour).usdPerGpuMonth : null;
  if (mode === "cloudReserved") return cost.cloudReserved ? cloudReservedPerGpuMonth(cost.cloudReserved.usdPerGpuHour, cost.cloudReserved.discountPercent).usdPerGpuMonth : null;
  return cost.owned ? ownedPerGpuMonth(ZOwnedHardwareCost.parse(cost.owned) as TOwnedHardwareCost, gpu).usdPerGpuMonth : null;
}

export function gpuOffers(args: {
  mode: TPricingMode;
  /** Every catalog GPU with a price, or just the stage's GPU. */
  isAllGpus: boolean;
  selected: { gpu: TGpu; cost: NonNullable<TSizingInputsRaw["cost"]>; label: string };
  reservedDiscountPercent: number | null;
}): { offers: TPricedOffer[]; unpriced: string[] } {
  const { mode, selected } = args;
  const offers: TPricedOffer[] = [];
  const unpriced: string[] = [];
  const selectedUsd = usdPerGpuMonthFor(mode, selected.cost, selected.gpu);
  if (selectedUsd !== null) offers.push({ gpu: selected.gpu, usdPerGpuMonth: selectedUsd, priceLabel: selected.label, cost: selected.cost });
  else unpriced.push(selected.gpu.name);
  if (!args.isAllGpus) return { offers, unpriced };
  const ownedTerms = selected.cost.owned;
  for (const gpu of GPUS) {
    if (gpu.id === selected.gpu.id) continue;
    let cost: NonNullable<TSizingInputsRaw["cost"]> | null = null;
    let label = "";
    if (mode === "owned") {
      const row = defaultPurchasePrice(gpu.id);
      if (row && ownedTerms) {
        // The team's ownership terms (interest, PUE, tariff), this GPU's price and power.
        const { powerWattsPerGpu: _ownPower, ...terms } = ownedTerms;
        cost = { owned: { ...terms, purchaseUsdPerGpu: row.usdPerGpu } };
        label = `${row.item}: $${fmt(row.usdPerGpu)} per GPU (${row.asOf}, catalog)`;
      }
    } else {
      const row = defaultCloudPrice(gpu.id);
      if (row) {
        cost = mode === "cloudOnDemand" ? { cloudOnDemand: { usdPerGpuHour: row.usdPerGpuHour } } : { cloudReserved: { usdPerGpuHour: row.usdPerGpuHour, discountPercent: row.pricingModel === "on-demand" ? (args.reservedDiscountPercent ?? 0) : 0 } };
        label = `${row.provider} ${row.sku}, $${fmt(row.usdPerGpuHour)}/GPU-hour (${row.asOf}, catalog median)`;
      }
    }
    const usd = cost ? usdPerGpuMonthFor(mode, cost, gpu) : null;
    if (cost && usd !== null) offers.push({ gpu, usdPerGpuMonth: usd, priceLabel: label, cost });
    else unpriced.push(gpu.name);
  }
  return { offers, unpriced };
}
