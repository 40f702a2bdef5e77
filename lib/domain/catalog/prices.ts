// Seed prices: closed APIs, cloud GPU-hours, GPU purchases and hosted open-weights APIs.
// Dated and sourced, with the region and unit of each; an organisation's own quotes override them
// (see custom.ts). The rows live in data/*.json: adding a price is a data edit.
import { parseCatalogRows } from "./catalog-schema";
import API_PRICE_ROWS from "./data/api-prices.json";
import GPU_CLOUD_PRICE_ROWS from "./data/gpu-cloud-prices.json";
import GPU_PURCHASE_PRICE_ROWS from "./data/gpu-purchase-prices.json";
import HOSTED_OPEN_WEIGHT_PRICE_ROWS from "./data/hosted-open-weight-prices.json";
import { indexById } from "./lookup";
import type { TApiPrice, TGpuCloudPrice, TGpuPurchasePrice, THostedOpenWeightPrice } from "./price-schema";

export * from "./price-schema";

export const API_PRICES: readonly TApiPrice[] = parseCatalogRows("api-prices", API_PRICE_ROWS);
export const GPU_CLOUD_PRICES: readonly TGpuCloudPrice[] = parseCatalogRows("gpu-cloud-prices", GPU_CLOUD_PRICE_ROWS);
export const GPU_PURCHASE_PRICES: readonly TGpuPurchasePrice[] = parseCatalogRows("gpu-purchase-prices", GPU_PURCHASE_PRICE_ROWS);
export const HOSTED_OPEN_WEIGHT_PRICES: readonly THostedOpenWeightPrice[] = parseCatalogRows("hosted-open-weight-prices", HOSTED_OPEN_WEIGHT_PRICE_ROWS);

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
