// The catalog's date: the newest day any of its rows was read or dated. The memo prints it, so a
// reader knows which catalog a figure came from; it is derived from the rows so it cannot drift.
import { API_PRICES, GPU_CLOUD_PRICES, GPU_PURCHASE_PRICES, HOSTED_OPEN_WEIGHT_PRICES } from "./prices";
import { GPUS } from "./gpus";
import { LICENCES } from "./licences";
import { MODELS } from "./models";

const dates = [...API_PRICES, ...GPU_CLOUD_PRICES, ...GPU_PURCHASE_PRICES, ...HOSTED_OPEN_WEIGHT_PRICES, ...GPUS, ...LICENCES, ...MODELS]
  .map((r) => r.provenance.asOf)
  .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));

export const CATALOG_DATE: string = dates.reduce((a, b) => (b > a ? b : a), "0000-00-00");
