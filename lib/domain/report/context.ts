// The report's working context: the assumption log every stage writes to, and resolution of catalog
// ids (model, licence, GPU, prices) into entries, with a warning for each id that does not resolve.
import type { TAssessmentInputs, TPricingMode } from "../assessment";
import type { TStageKey } from "../shared";
import { getApiPrice, getGpuCloudPrice, getGpuPurchasePrice, GPU_CLOUD_PRICES, GPU_PURCHASE_PRICES, type TApiPrice, type TGpuCloudPrice, type TGpuPurchasePrice } from "../catalog";
import { getGpu } from "../catalog";
import { getLicence, type TLicence } from "../catalog";
import { getModel } from "../catalog";
import { fmt } from "../shared";
import { REPORT_DEFAULTS } from "./defaults";
import type { TAssumption, TResolvedGpu, TResolvedPricing } from "./types";
import type { TGpu, TModelArchitecture, TProvenance } from "../shared";
import { priceBookDefaultsByPath, priceBookGpu, priceBookOrigin, resolveApiPrice, type TFigureSource, type TPriceBook } from "../assessment";

type TPrimitive = number | string | boolean;

export type TAssumptionOptions = { basis: string; unit?: string; display?: string; provenance?: TProvenance | null };

export type TAssumptionLog = {
  readonly list: TAssumption[];
  /** The organisation's price book: a default it sets replaces Freehold's or the catalog's (the assessment's own value still wins). */
  readonly priceBook: TPriceBook | null;
  /** Returns the entered value, or records the fallback as an assumption and returns it. */
  take<T extends TPrimitive>(stage: TStageKey, path: string, label: string, entered: T | undefined, fallback: T, options: TAssumptionOptions): T;
  /** Records a composite default (a list, an object) with its display text. */
  note(stage: TStageKey, path: string, label: string, display: string, options: Omit<TAssumptionOptions, "display" | "unit">): void;
  forStage(stage: TStageKey): TAssumption[];
};

function displayOf(value: TPrimitive, unit?: string): string {
  const text = typeof value === "number" ? fmt(value) : String(value);
  return unit ? `${text} ${unit}` : text;
}

export function createAssumptionLog(priceBook: TPriceBook | null = null): TAssumptionLog {
  const list: TAssumption[] = [];
  const fromBook = priceBook ? priceBookDefaultsByPath(priceBook.values) : {};
  return {
    list,
    priceBook,
    take(stage, path, label, entered, fallback, options) {
      if (entered !== undefined) return entered;
      const booked = fromBook[path];
      if (priceBook && booked !== undefined && typeof booked === typeof fallback) {
        list.push({ stage, path, label, value: booked, display: displayOf(booked, options.unit), basis: priceBookOrigin(priceBook), provenance: null });
        return booked as typeof fallback;
      }
      list.push({
        stage,
        path,
        label,
        value: fallback,
        display: options.display ?? displayOf(fallback, options.unit),
        basis: options.basis,
        provenance: options.provenance ?? null,
      });
      return fallback;
    },
    note(stage, path, label, display, options) {
      list.push({ stage, path, label, value: null, display, basis: options.basis, provenance: options.provenance ?? null });
    },
    forStage(stage) {
      return list.filter((a) => a.stage === stage);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate, incumbent, licence

export type TResolvedCandidate = { model: TModelArchitecture | null; isCustom: boolean };

export function resolveCandidate(candidateModelId: string, inputs: TAssessmentInputs, warnings: string[]): TResolvedCandidate {
  const custom = inputs.customModel;
  if (custom && custom.id === candidateModelId) return { model: custom, isCustom: true };
  const model = getModel(candidateModelId);
  if (model) return { model, isCustom: false };
  if (custom) {
    warnings.push(`Candidate "${candidateModelId}" is not in the catalog; using the custom model "${custom.name}" described in the inputs.`);
    return { model: custom, isCustom: true };
  }
  warnings.push(`Candidate model "${candidateModelId}" is not in the catalog and no custom model is described: sizing, adaptation and the owned economics cannot run.`);
  return { model: null, isCustom: false };
}

/**
 * `override`: the price used instead of the catalog's list price, whether this assessment entered
 * it or the organisation's price book discounts the list price; `source` says which.
 */
export type TResolvedIncumbent = {
  price: TApiPrice | null;
  override: { inputUsdPerMTok: number; outputUsdPerMTok: number; cachedInputUsdPerMTok?: number; asOf?: string; note?: string } | null;
  source: TFigureSource;
  /** How the source reads beside the figure: "your price", "organisation price book, 25% off list, set by ...". */
  sourceText: string;
};

export function resolveIncumbent(incumbentApiId: string, inputs: TAssessmentInputs, warnings: string[], log?: TAssumptionLog): TResolvedIncumbent {
  const price = getApiPrice(incumbentApiId) ?? null;
  const entered = inputs.economics?.apiPriceOverride ?? null;
  if (!price && !entered) warnings.push(`Incumbent API "${incumbentApiId}" is not in the catalog and no price was entered: the API side of the economics cannot run.`);
  if (price?.isDeprecated) warnings.push(`${price.vendor} ${price.model} is marked deprecated in the catalog: check the price you pay today.`);
  const book = log?.priceBook ?? null;
  const resolved = resolveApiPrice({ row: price, book, entered });
  if (entered) return { price, override: entered, source: "assessment", sourceText: "your price" };
  if (resolved?.source === "priceBook" && book && price) {
    const sourceText = `${priceBookOrigin(book)}: ${fmt(resolved.discountPercent ?? 0)}% off the list price of ${price.asOf}`;
    log?.take("economics", "economics.apiPriceOverride.inputUsdPerMTok", "Negotiated API price", undefined, resolved.inputUsdPerMTok, {
      basis: sourceText,
      display: `$${fmt(resolved.inputUsdPerMTok)} input and $${fmt(resolved.outputUsdPerMTok)} output per million tokens`,
    });
    return {
      price,
      override: {
        inputUsdPerMTok: resolved.inputUsdPerMTok,
        outputUsdPerMTok: resolved.outputUsdPerMTok,
        // The negotiated discount applies to cache hits too.
        ...(price.cachedInputUsdPerMTok !== undefined ? { cachedInputUsdPerMTok: price.cachedInputUsdPerMTok * (1 - (resolved.discountPercent ?? 0) / 100) } : {}),
        asOf: book.updatedAt.slice(0, 10),
        note: sourceText,
      },
      source: "priceBook",
      sourceText,
    };
  }
  return { price, override: null, source: "catalog", sourceText: price ? `catalog list price (${price.asOf})` : "no price" };
}

export function resolveLicence(model: TModelArchitecture | null, inputs: TAssessmentInputs, warnings: string[]): { licence: TLicence | null; isOverride: boolean } {
  const overrideId = inputs.licence?.licenceIdOverride;
  if (overrideId) {
    const licence = getLicence(overrideId);
    if (licence) return { licence, isOverride: true };
    warnings.push(`Licence "${overrideId}" is not in the catalog; falling back to the model's own licence.`);
  }
  if (!model) return { licence: null, isOverride: false };
  const licence = getLicence(model.licenceId) ?? null;
  if (!licence) warnings.push(`The model's licence "${model.licenceId}" is not in the catalog: licence diligence cannot run.`);
  return { licence, isOverride: false };
}

// ---------------------------------------------------------------------------------------------
// GPU and pricing

export function resolveGpu(inputs: TAssessmentInputs, log: TAssumptionLog, warnings: string[]): { gpu: TGpu; resolved: TResolvedGpu } {
  const infra = inputs.infrastructure;
  const toResolved = (gpu: TGpu, isCustom: boolean): TResolvedGpu => ({ id: gpu.id, name: gpu.name, vendor: gpu.vendor, memoryGb: gpu.memoryGb, isCustom });
  if (infra?.customGpu) return { gpu: infra.customGpu, resolved: toResolved(infra.customGpu, true) };
  if (infra?.gpuId) {
    const gpu = getGpu(infra.gpuId);
    if (gpu) return { gpu, resolved: toResolved(gpu, false) };
    warnings.push(`GPU "${infra.gpuId}" is not in the catalog; using the default GPU instead.`);
  }
  const fallback = getGpu(REPORT_DEFAULTS.gpuId) as TGpu;
  log.take("infrastructure", "infrastructure.gpuId", "GPU", undefined, fallback.id, { basis: REPORT_DEFAULTS.gpuBasis, display: fallback.name, provenance: fallback.provenance });
  return { gpu: fallback, resolved: toResolved(fallback, false) };
}

/** Verification levels that count as a primary source: the vendor's page, or a machine copy of its price API. */
const PRIMARY_SOURCES: readonly string[] = ["verified-primary", "verified-copy"];
export const isPrimarySourceRow = (p: { provenance: { verification: string } }) => PRIMARY_SOURCES.includes(p.provenance.verification);

/**
 * The default cloud price for a GPU and why it was chosen. Defaults come from primary-source rows:
 * the lower median of the GPU's primary-source on-demand prices, so no single provider sets it. Only
 * when the catalog has no primary-source on-demand price does it fall back to the median of the
 * secondary ones (then of any pricing model), and the basis says so.
 */
export function defaultCloudPriceChoice(gpuId: string): { row: TGpuCloudPrice; basis: string } | undefined {
  const rows = GPU_CLOUD_PRICES.filter((p) => p.gpuId === gpuId);
  const onDemand = rows.filter((p) => p.pricingModel === "on-demand");
  const primary = onDemand.filter(isPrimarySourceRow);
  const [pool, kind] = primary.length > 0 ? [primary, "primary-source on-demand"] : onDemand.length > 0 ? [onDemand, "on-demand (no primary-source row; secondary sources)"] : [rows, "(no on-demand row)"];
  const sorted = pool.slice().sort((a, b) => a.usdPerGpuHour - b.usdPerGpuHour || a.id.localeCompare(b.id));
  const row = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!row) return undefined;
  const basis =
    sorted.length === 1
      ? `The only ${kind} catalog price for this GPU`
      : `Median (lower) of the ${sorted.length} ${kind} catalog prices for this GPU: ${sorted.map((p) => `${p.provider} $${fmt(p.usdPerGpuHour)}`).join(", ")}`;
  return { row, basis };
}

/** The default cloud price row for a GPU (see defaultCloudPriceChoice). */
export function defaultCloudPrice(gpuId: string): TGpuCloudPrice | undefined {
  return defaultCloudPriceChoice(gpuId)?.row;
}

export function defaultPurchasePrice(gpuId: string): TGpuPurchasePrice | undefined {
  return GPU_PURCHASE_PRICES.find((p) => p.gpuId === gpuId);
}

export type TResolvedPricingFull = {
  pricing: TResolvedPricing;
  cloudRow: TGpuCloudPrice | null;
  purchaseRow: TGpuPurchasePrice | null;
  /** The catalog or entered on-demand hourly price, whatever the mode: the training default uses it. */
  onDemandUsdPerGpuHour: number | null;
};

function cloudLabel(row: TGpuCloudPrice): string {
  const kind = row.sku.toLowerCase().includes(row.pricingModel) ? "" : ` ${row.pricingModel}`;
  return `${row.provider} ${row.sku}${kind}, $${fmt(row.usdPerGpuHour)}/GPU-hour (${row.asOf})`;
}

export function resolvePricing(inputs: TAssessmentInputs, gpu: TGpu, log: TAssumptionLog, warnings: string[]): TResolvedPricingFull {
  const entered = inputs.infrastructure?.pricing;
  // The book's internal price applies only where the assessment chose no price of its own (no
  // quote and no catalog row picked); it then stands in for a quote, labelled with its origin.
  const booked = log.priceBook && !entered?.cloudPriceId && !entered?.purchasePriceId ? priceBookGpu(log.priceBook, gpu.id) : null;
  const bookHour = entered?.usdPerGpuHour === undefined ? booked?.usdPerGpuHour : undefined;
  const bookPurchase = entered?.owned?.purchaseUsdPerGpu === undefined ? booked?.purchaseUsdPerGpu : undefined;
  const p = bookHour === undefined && bookPurchase === undefined ? entered : { ...entered, ...(bookHour !== undefined ? { usdPerGpuHour: bookHour } : {}), ...(bookPurchase !== undefined ? { owned: { ...entered?.owned, purchaseUsdPerGpu: bookPurchase } } : {}) };
  const bookText = log.priceBook ? priceBookOrigin(log.priceBook) : "";
  const yourHour = bookHour !== undefined ? `${bookText}, $${fmt(bookHour)}/GPU-hour` : `your price, $${fmt(p?.usdPerGpuHour ?? 0)}/GPU-hour`;
  const yourPurchase = bookPurchase !== undefined ? ` (${bookText})` : " (your price)";
  const stage = "infrastructure" as const;
  const mode: TPricingMode = log.take(stage, "infrastructure.pricing.mode", "How GPUs are paid for", p?.mode, REPORT_DEFAULTS.pricingMode, {
    basis: REPORT_DEFAULTS.pricingModeBasis,
    display: "cloud, on demand",
  });

  let cloudRow: TGpuCloudPrice | null = null;
  if (p?.cloudPriceId) {
    cloudRow = getGpuCloudPrice(p.cloudPriceId) ?? null;
    if (!cloudRow) warnings.push(`Cloud price "${p.cloudPriceId}" is not in the catalog; using the default price for ${gpu.name}.`);
    else if (cloudRow.gpuId !== gpu.id) warnings.push(`Cloud price "${cloudRow.id}" is for ${cloudRow.gpuId}, not ${gpu.name}.`);
  }
  const isCloud = mode !== "owned";
  if (!cloudRow && p?.usdPerGpuHour === undefined) {
    const choice = defaultCloudPriceChoice(gpu.id);
    const fallback = choice?.row ?? null;
    if (choice && fallback && isCloud) {
      log.take(stage, "infrastructure.pricing.cloudPriceId", "Cloud GPU price", undefined, fallback.id, {
        basis: choice.basis,
        display: cloudLabel(fallback),
        provenance: fallback.provenance,
      });
    }
    cloudRow = fallback;
  }
  const onDemandUsdPerGpuHour = p?.usdPerGpuHour ?? cloudRow?.usdPerGpuHour ?? null;

  if (isCloud) {
    if (onDemandUsdPerGpuHour === null) {
      warnings.push(`The catalog has no cloud price for ${gpu.name}: enter your own USD per GPU-hour to cost the owned side.`);
    }
    let discount: number | null = null;
    if (mode === "cloudReserved") {
      // A capacity block or dedicated price is already the committed price: no further discount by default.
      const isCommitted = p?.usdPerGpuHour === undefined && cloudRow !== null && cloudRow.pricingModel !== "on-demand";
      discount = log.take(stage, "infrastructure.pricing.reservedDiscountPercent", "Reserved discount", p?.reservedDiscountPercent, isCommitted ? 0 : REPORT_DEFAULTS.reservedDiscountPercent, {
        basis: isCommitted ? "The catalog price is already a committed price" : REPORT_DEFAULTS.reservedDiscountBasis,
        unit: "%",
      });
    }
    if (bookHour !== undefined && isCloud) {
      log.take(stage, "infrastructure.pricing.usdPerGpuHour", "GPU price per hour", undefined, bookHour, { basis: bookText, unit: "USD/GPU-hour" });
    }
    const source = p?.usdPerGpuHour !== undefined ? yourHour : cloudRow ? cloudLabel(cloudRow) : "no price";
    return {
      pricing: {
        mode,
        usdPerGpuHour: onDemandUsdPerGpuHour,
        reservedDiscountPercent: discount,
        purchaseUsdPerGpu: null,
        priceId: p?.usdPerGpuHour !== undefined ? null : (cloudRow?.id ?? null),
        label: mode === "cloudReserved" ? `Cloud reserved (${fmt(discount ?? 0)}% off): ${source}` : `Cloud on demand: ${source}`,
      },
      cloudRow: p?.usdPerGpuHour !== undefined ? null : cloudRow,
      purchaseRow: null,
      onDemandUsdPerGpuHour,
    };
  }

  let purchaseRow: TGpuPurchasePrice | null = null;
  if (p?.purchasePriceId) {
    purchaseRow = getGpuPurchasePrice(p.purchasePriceId) ?? null;
    if (!purchaseRow) warnings.push(`Purchase price "${p.purchasePriceId}" is not in the catalog; using the default for ${gpu.name}.`);
  }
  const enteredPurchase = p?.owned?.purchaseUsdPerGpu;
  if (bookPurchase !== undefined) {
    log.take(stage, "infrastructure.pricing.owned.purchaseUsdPerGpu", "GPU purchase price", undefined, bookPurchase, { basis: bookText, unit: "USD per GPU" });
  }
  if (!purchaseRow && enteredPurchase === undefined) {
    purchaseRow = defaultPurchasePrice(gpu.id) ?? null;
    if (purchaseRow) {
      log.take(stage, "infrastructure.pricing.purchasePriceId", "GPU purchase price", undefined, purchaseRow.id, {
        basis: "Catalog purchase price for this GPU",
        display: `${purchaseRow.item}: $${fmt(purchaseRow.usdPerGpu)} per GPU (${purchaseRow.asOf})`,
        provenance: purchaseRow.provenance,
      });
    } else {
      warnings.push(`The catalog has no purchase price for ${gpu.name}: enter your own to cost owned hardware.`);
    }
  }
  const purchaseUsdPerGpu = enteredPurchase ?? purchaseRow?.usdPerGpu ?? null;
  return {
    pricing: {
      mode,
      usdPerGpuHour: null,
      reservedDiscountPercent: null,
      purchaseUsdPerGpu,
      priceId: enteredPurchase !== undefined ? null : (purchaseRow?.id ?? null),
      label:
        purchaseUsdPerGpu === null
          ? "Owned hardware: no purchase price"
          : `Owned hardware: $${fmt(purchaseUsdPerGpu)} per GPU${enteredPurchase !== undefined ? yourPurchase : purchaseRow ? ` (${purchaseRow.item}, ${purchaseRow.asOf})` : ""}`,
    },
    cloudRow: null,
    purchaseRow: enteredPurchase !== undefined ? null : purchaseRow,
    onDemandUsdPerGpuHour,
  };
}
