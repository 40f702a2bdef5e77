// The layout table: the chosen layout, the next best alternatives the search costed, and the
// layouts that could not serve the workload, each with the reason it lost. Reads the search result;
// computes nothing new.
import { fmt, formatCount, pctText, usdText } from "../shared";
import { WEIGHT_PRECISIONS, type TLayoutOption, type TLayoutSearchResult, type TQualitySource } from "../sizing";
import type { TLayoutRow } from "./types";

const ALTERNATIVES_SHOWN = 5;
const INFEASIBLE_SHOWN = 3;

const QUALITY_SOURCE_TEXT: Record<TQualitySource, string> = {
  "as-released": "as released",
  measured: "measured",
  assumed: "your assumption",
  "default-assumption": "Freehold assumption",
};

export function qualityText(o: Pick<TLayoutOption, "qualityDeltaPoints" | "qualitySource">): string {
  if (o.qualitySource === "as-released") return "as released";
  return `${o.qualityDeltaPoints >= 0 ? "+" : "−"}${fmt(Math.abs(o.qualityDeltaPoints))} points (${QUALITY_SOURCE_TEXT[o.qualitySource]})`;
}

export function layoutText(o: { gpuName: string; tensorParallel: number; pipelineStages: number; weightPrecision: TLayoutOption["weightPrecision"]; kvCachePrecision: string }): string {
  const stages = o.pipelineStages > 1 ? ` × ${o.pipelineStages} pipeline stages` : "";
  return `${o.gpuName}, TP${o.tensorParallel}${stages}, weights ${WEIGHT_PRECISIONS[o.weightPrecision].label}, KV ${o.kvCachePrecision.toUpperCase()}`;
}

/** Why a feasible option lost to the chosen one: how much more it costs and where the difference comes from. */
function lostBecause(o: TLayoutOption, chosen: TLayoutOption): string {
  const more = o.usdPerMonth - chosen.usdPerMonth;
  const share = chosen.usdPerMonth > 0 ? ` (+${pctText((more / chosen.usdPerMonth) * 100)})` : "";
  const bound = o.isExact ? "" : "at least ";
  const cost = more > 0 ? `costs ${bound}${usdText(more)}/month more${share}` : "costs the same, ranked after it";
  const reasons: string[] = [];
  if (o.totalGpus > chosen.totalGpus) reasons.push(`needs ${o.totalGpus} GPUs against ${chosen.totalGpus}`);
  else if (o.totalGpus < chosen.totalGpus && o.usdPerGpuMonth > chosen.usdPerGpuMonth) reasons.push(`fewer GPUs (${o.totalGpus}) but at ${usdText(o.usdPerGpuMonth)} per GPU-month against ${usdText(chosen.usdPerGpuMonth)}`);
  else if (o.usdPerGpuMonth > chosen.usdPerGpuMonth) reasons.push(`a dearer GPU (${usdText(o.usdPerGpuMonth)} against ${usdText(chosen.usdPerGpuMonth)} per GPU-month)`);
  if (o.tensorParallel < chosen.tensorParallel && o.gpuId === chosen.gpuId && o.batch < chosen.batch) reasons.push(`a batch of ${o.batch} per replica leaves memory for little KV cache`);
  return reasons.length ? `${cost}: ${reasons.join("; ")}` : cost;
}

function chosenVerdict(chosen: TLayoutOption, result: TLayoutSearchResult): string {
  const feasible = result.options.filter((o) => o.feasible).length;
  return `Cheapest of ${feasible} layout(s) that meet every target (${result.enumerated} considered)`;
}

function toRow(o: TLayoutOption, chosen: TLayoutOption | null, result: TLayoutSearchResult): TLayoutRow {
  const isChosen = chosen !== null && o.key === chosen.key;
  const verdict = isChosen ? chosenVerdict(o, result) : !o.feasible ? `Cannot serve it: ${o.infeasibleReason}` : chosen ? lostBecause(o, chosen) : "";
  return {
    key: o.key,
    isChosen,
    gpuId: o.gpuId,
    gpuName: o.gpuName,
    tensorParallel: o.tensorParallel,
    pipelineStages: o.pipelineStages,
    gpusPerReplica: o.gpusPerReplica,
    weightPrecision: o.weightPrecision,
    weightPrecisionLabel: WEIGHT_PRECISIONS[o.weightPrecision].label,
    kvCachePrecision: o.kvCachePrecision.toUpperCase(),
    qualityText: qualityText(o),
    feasible: o.feasible,
    isExact: o.isExact,
    isMeasured: o.isMeasured,
    batch: o.feasible ? o.batch : null,
    replicas: o.feasible ? o.replicas : null,
    totalGpus: o.feasible ? o.totalGpus : null,
    usdPerMonth: o.feasible ? o.usdPerMonth : null,
    usdPerMillionTokens: o.feasible ? o.usdPerMillionTokens : null,
    usdPerMillionTokensAtCapacity: o.feasible ? o.usdPerMillionTokensAtCapacity : null,
    priceLabel: o.priceLabel,
    verdict,
  };
}

/**
 * Rows to show: the chosen layout, the next cheapest feasible ones, then a few that could not serve
 * the workload (those on the chosen GPU first, one per distinct reason) so "why not TP1?" has an answer.
 */
export function layoutRows(result: TLayoutSearchResult): TLayoutRow[] {
  const chosen = result.chosen;
  const feasible = result.options.filter((o) => o.feasible);
  const shown: TLayoutOption[] = feasible.slice(0, 1 + ALTERNATIVES_SHOWN);
  const reasons = new Set<string>();
  const infeasible = result.options
    .filter((o) => !o.feasible)
    .sort((a, b) => Number(b.gpuId === chosen?.gpuId) - Number(a.gpuId === chosen?.gpuId));
  for (const o of infeasible) {
    const reason = (o.infeasibleReason ?? "").replace(/[\d.,]+/g, "#");
    if (reasons.has(reason)) continue;
    reasons.add(reason);
    shown.push(o);
    if (reasons.size >= INFEASIBLE_SHOWN) break;
  }
  return shown.map((o) => toRow(o, chosen, result));
}

/** The chosen layout in one line for memos and comparisons, with its GPU count and whether throughput is measured. */
export function chosenLayoutText(detail: { search: { rows: TLayoutRow[] } | null; measurements: { appliesToChosen: boolean }[] } | null): string | null {
  const row = detail?.search?.rows.find((r) => r.isChosen);
  if (!row) return null;
  const gpus = row.totalGpus !== null ? `; ${formatCount(row.totalGpus, "GPUs")}` : "";
  const measured = detail!.measurements.some((m) => m.appliesToChosen) ? "; throughput measured" : "";
  return `${layoutText(row)}${gpus}${measured}`;
}

/** The next alternatives after the chosen layout, each with why it lost (memo). */
export function alternativeTexts(rows: TLayoutRow[], count: number): string[] {
  return rows
    .filter((r) => !r.isChosen)
    .slice(0, count)
    .map((r) => `${layoutText(r)}: ${r.verdict}`);
}
