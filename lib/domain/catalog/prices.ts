// Seed prices: closed APIs, cloud GPU-hours, GPU purchases and hosted open-weights APIs.
// Dated and sourced; an organisation's own quotes override them (see custom.ts).
import { indexById } from "./lookup";
import { API_PRICE_ROWS } from "./price-data/api";
import { GPU_CLOUD_PRICE_ROWS } from "./price-data/gpu-cloud";
import { GPU_PURCHASE_PRICE_ROWS, HOSTED_OPEN_WEIGHT_PRICE_ROWS } from "./price-data/gpu-purchase-hosted";
import type { TApiPrice, TGpuCloudPrice, TGpuPurchasePrice, THostedOpenWeightPrice } from "./price-schema";

export * from "./price-schema";

export const API_PRICES: readonly TApiPrice[] = API_PRICE_ROWS;
export const GPU_CLOUD_PRICES: readonly TGpuCloudPrice[] = GPU_CLOUD_PRICE_ROWS;
export const GPU_PURCHASE_PRICES: readonly TGpuPurchasePrice[] = GPU_PURCHASE_PRICE_ROWS;
export const HOSTED_OPEN_WEIGHT_PRICES: readonly THostedOpenWeightPrice[] = HOSTED_OPEN_WEIGHT_PRICE_ROWS;

export const getApiPrice = indexById(API_PRICES, "API price");
export const getGpuCloudPrice = indexById(GPU_CLOUD_PRICES, "GPU cloud price");
export const getGpuPurchasePrice = indexById(GPU_PURCHASE_PRICES, "GPU purchase price");
export const getHostedOpenWeightPrice = indexById(HOSTED_OPEN_WEIGHT_PRICES, "hosted open-weights price");

export function getGpuCloudPricesForGpu(gpuId: string): TGpuCloudPrice[] {
  return GPU_CLOUD_PRICES.filter((p) => p.gpuId === gpuId);
}

export function getHostedPricesForModel(modelId: string): THostedOpenWeightPrice[] {
  return HOSTED_OPEN_WEIGHT_PRICES.filter((p) => p.modelId === modelId);
}
