// Issue 10, "Done when": re-running the four templates, the report states the layout, and no
// template is sized at tensor-parallel 1 with a single-digit batch when a larger degree is cheaper.
import { describe, expect, it } from "vitest";
import { ASSESSMENT_TEMPLATES } from "../assessment/templates";
import { getGpu, getModel } from "../catalog";
import { sizeDeployment, tensorParallelDegrees } from "../sizing";
import { buildReport } from "./report";

const rows = ASSESSMENT_TEMPLATES.map((t) => {
  const r = buildReport({
    assessment: { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-02-01T10:00:00.000Z" },
    inputs: t.inputs,
    options: { monteCarloSamples: 200, seed: 7 },
  });
  return { t, r };
});

describe.each(rows)("template $t.id: the layout", ({ t, r }) => {
  const stage = r.stages.infrastructure;
  const detail = stage.detail!;
  const chosen = detail.search!.rows.find((row) => row.isChosen)!;

  it("the report states the chosen layout and what binds", () => {
    expect(chosen).toBeDefined();
    expect(stage.summary).toContain(`TP${chosen.tensorParallel}`);
    expect(stage.summary).toContain(chosen.gpuName);
    expect(detail.search!.bindingText).toMatch(/^Replicas are set by .+; each replica's batch of \d+ is limited by/);
  });

  it("no other tensor-parallel degree on the chosen GPU and precisions is cheaper; never TP1 at a single-digit batch when one is", () => {
    const model = getModel(t.candidateModelId)!;
    const gpu = getGpu(detail.gpu.id)!;
    const mode = t.inputs.infrastructure!.pricing!.mode!;
    const costAt = (tp: number) => {
      const s = sizeDeployment({ ...detail.inputs, tensorParallelOverride: tp, pipelineStagesOverride: 1 }, model, gpu);
      const ok = s.fits && s.throughput!.latencyTargetMet && s.throughput!.ttftTargetMet;
      return ok ? { usd: s.costs[mode]!.usdPerMonth, batch: s.throughput!.batchAtTarget } : null;
    };
    const mine = costAt(chosen.tensorParallel)!;
    expect(mine.usd).toBeCloseTo(chosen.usdPerMonth!, 6);
    const table: string[] = [`${t.id}: ${gpu.name} TP${chosen.tensorParallel} ${chosen.weightPrecisionLabel}, batch ${chosen.batch}, ${chosen.totalGpus} GPUs, $${Math.round(mine.usd)}/month`];
    for (const tp of tensorParallelDegrees(model, detail.inputs.gpusPerNode ?? 8)) {
      const other = costAt(tp);
      table.push(`  TP${tp}: ${other ? `$${Math.round(other.usd)}/month, batch ${other.batch}` : "cannot serve it"}`);
      if (other) expect(mine.usd).toBeLessThanOrEqual(other.usd * (1 + 1e-9));
      if (other && chosen.tensorParallel === 1 && (chosen.batch ?? 0) < 10) expect(other.usd).toBeGreaterThanOrEqual(mine.usd);
    }
    console.log(table.join("\n"));
  });
});
