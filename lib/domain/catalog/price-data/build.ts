// Row builders for price data: `asOf` is stated once and copied into the provenance, so the two
// can never disagree.
import type { TVerification } from "../../shared";
import type { TApiPrice, TGpuCloudPrice, TGpuPurchasePrice, THostedOpenWeightPrice } from "../price-schema";

type TSourced = { asOf: string; sourceUrls: string[]; verification: TVerification; note?: string };

function provenance({ asOf, sourceUrls, verification, note }: TSourced) {
  return { sourceUrls, asOf, verification, ...(note ? { note } : {}) };
}

export function apiPrice(row: Omit<TApiPrice, "provenance"> & TSourced): TApiPrice {
  const { sourceUrls, verification, note, ...fields } = row;
  return { ...fields, provenance: provenance(row) };
}

export function cloudPrice(row: Omit<TGpuCloudPrice, "provenance"> & TSourced): TGpuCloudPrice {
  const { sourceUrls, verification, note, ...fields } = row;
  return { ...fields, provenance: provenance(row) };
}

export function purchasePrice(row: Omit<TGpuPurchasePrice, "provenance"> & TSourced): TGpuPurchasePrice {
  const { sourceUrls, verification, note, ...fields } = row;
  return { ...fields, provenance: provenance(row) };
}

export function hostedPrice(row: Omit<THostedOpenWeightPrice, "provenance"> & TSourced): THostedOpenWeightPrice {
  const { sourceUrls, verification, note, ...fields } = row;
  return { ...fields, provenance: provenance(row) };
}

export const midpoint = (low: number, high: number) => Math.round(((low + high) / 2) * 1000) / 1000;
