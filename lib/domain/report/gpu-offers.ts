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
import { defaultCloudPrice, defaultPurchasePrice, isPrimarySourceRow, type TResolvedPricingFull } from "./context";
import { priceBookGpu, priceBookOrigin, type TPriceBook } from "../assessment";

/** A GPU the search may use, its sizing cost block, and the pricing the report shows if it wins. */
export type TPricedOffer = TGpuOffer & { cost: NonNullable<TSizingInputsRaw["cost"]>; pricing: TResolvedPricingFull };

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
  selected: { gpu: TGpu; cost: NonNullable<TSizingInputsRaw["cost"]>; pricing: TResolvedPricingFull };
  reservedDiscountPercent: number | null;
  /** The organisation's internal GPU prices, which win over the catalog's for the other GPUs. */
  priceBook?: TPriceBook | null;
}): { offers: TPricedOffer[]; unpriced: string[] } {
  const { mode, selected } = args;
  const offers: TPricedOffer[] = [];
  const unpriced: string[] = [];
  const selectedUsd = usdPerGpuMonthFor(mode, selected.cost, selected.gpu);
  if (selectedUsd !== null) offers.push({ gpu: selected.gpu, usdPerGpuMonth: selectedUsd, priceLabel: selected.pricing.pricing.label, cost: selected.cost, pricing: selected.pricing });
  else unpriced.push(selected.gpu.name);
  if (!args.isAllGpus) return { offers, unpriced };
  const ownedTerms = selected.cost.owned;
  for (const gpu of GPUS) {
    if (gpu.id === selected.gpu.id) continue;
    let cost: NonNullable<TSizingInputsRaw["cost"]> | null = null;
    let pricing: TResolvedPricingFull | null = null;
    const booked = priceBookGpu(args.priceBook, gpu.id);
    const bookText = args.priceBook ? priceBookOrigin(args.priceBook) : "";
    if (mode === "owned" && booked?.purchaseUsdPerGpu !== undefined && ownedTerms) {
      const { powerWattsPerGpu: _ownPower, ...terms } = ownedTerms;
      void _ownPower;
      cost = { owned: { ...terms, purchaseUsdPerGpu: booked.purchaseUsdPerGpu } };
      pricing = {
        pricing: { mode, usdPerGpuHour: null, reservedDiscountPercent: null, purchaseUsdPerGpu: booked.purchaseUsdPerGpu, priceId: null, label: `Owned hardware: $${fmt(booked.purchaseUsdPerGpu)} per GPU (${bookText})` },
        cloudRow: null,
        purchaseRow: null,
        onDemandUsdPerGpuHour: booked.usdPerGpuHour ?? defaultCloudPrice(gpu.id)?.usdPerGpuHour ?? null,
      };
    } else if (mode !== "owned" && booked?.usdPerGpuHour !== undefined) {
      const hour = booked.usdPerGpuHour;
      const discount = mode === "cloudReserved" ? (args.reservedDiscountPercent ?? 0) : null;
      cost = mode === "cloudOnDemand" ? { cloudOnDemand: { usdPerGpuHour: hour } } : { cloudReserved: { usdPerGpuHour: hour, discountPercent: discount ?? 0 } };
      const source = `${bookText}, $${fmt(hour)}/GPU-hour`;
      pricing = {
        pricing: { mode, usdPerGpuHour: hour, reservedDiscountPercent: discount, purchaseUsdPerGpu: null, priceId: null, label: mode === "cloudReserved" ? `Cloud reserved (${fmt(discount ?? 0)}% off): ${source}` : `Cloud on demand: ${source}` },
        cloudRow: null,
        purchaseRow: null,
        onDemandUsdPerGpuHour: hour,
      };
    } else if (mode === "owned") {
      const row = defaultPurchasePrice(gpu.id);
      if (row && ownedTerms) {
        // The team's ownership terms (interest, PUE, tariff), this GPU's price and power.
        const { powerWattsPerGpu: _ownPower, ...terms } = ownedTerms;
        void _ownPower;
        cost = { owned: { ...terms, purchaseUsdPerGpu: row.usdPerGpu } };
        pricing = {
          pricing: { mode, usdPerGpuHour: null, reservedDiscountPercent: null, purchaseUsdPerGpu: row.usdPerGpu, priceId: row.id, label: `Owned hardware: $${fmt(row.usdPerGpu)} per GPU (${row.item}, ${row.asOf})` },
          cloudRow: null,
          purchaseRow: row,
          onDemandUsdPerGpuHour: defaultCloudPrice(gpu.id)?.usdPerGpuHour ?? null,
        };
      }
    } else {
      const row = defaultCloudPrice(gpu.id);
      if (row) {
        const discount = mode === "cloudReserved" ? (row.pricingModel === "on-demand" ? (args.reservedDiscountPercent ?? 0) : 0) : null;
        cost = mode === "cloudOnDemand" ? { cloudOnDemand: { usdPerGpuHour: row.usdPerGpuHour } } : { cloudReserved: { usdPerGpuHour: row.usdPerGpuHour, discountPercent: discount ?? 0 } };
        const source = `${row.provider} ${row.sku}, $${fmt(row.usdPerGpuHour)}/GPU-hour (${row.asOf}, ${isPrimarySourceRow(row) ? "median of primary-source catalog prices" : "catalog median, secondary sources"})`;
        pricing = {
          pricing: { mode, usdPerGpuHour: row.usdPerGpuHour, reservedDiscountPercent: discount, purchaseUsdPerGpu: null, priceId: row.id, label: mode === "cloudReserved" ? `Cloud reserved (${fmt(discount ?? 0)}% off): ${source}` : `Cloud on demand: ${source}` },
          cloudRow: row,
          purchaseRow: null,
          onDemandUsdPerGpuHour: row.usdPerGpuHour,
        };
      }
    }
    const usd = cost ? usdPerGpuMonthFor(mode, cost, gpu) : null;
    if (cost && pricing && usd !== null) offers.push({ gpu, usdPerGpuMonth: usd, priceLabel: pricing.pricing.label, cost, pricing });
    else unpriced.push(gpu.name);
  }
  return { offers, unpriced };
}
