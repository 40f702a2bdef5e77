// A measured run on the chosen layout replaces the estimate in sizing and economics, with its
// provenance; a run on another layout is shown next to its estimate but changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZAssessmentInputs, type TAssessmentInputs } from "../assessment";
import { ASSESSMENT_TEMPLATES } from "../assessment/templates";
import { parseServingBenchmark, type TServingMeasurement } from "../sizing";
import { buildReport } from "./report";

const t = ASSESSMENT_TEMPLATES.find((x) => x.id === "support-summarisation")!;
const assessment = { id: t.id, title: t.name, description: t.description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft" as const, version: 1, updatedAt: "2026-02-01T10:00:00.000Z" };
const run = (inputs: TAssessmentInputs) => buildReport({ assessment, inputs, options: { monteCarloSamples: 200, seed: 7 } });

const file = "vllm-bench-serve-llama-3.1-70b-h100-tp8-c100-detailed.json";
const parsed = parseServingBenchmark(readFileSync(path.join(__dirname, "..", "__fixtures__", "serving", file), "utf8"), file);
if (!parsed.ok) throw new Error(parsed.errors.join("; "));

describe("measured results in the report", () => {
  const before = run(t.inputs);
  const chosen = before.stages.infrastructure.detail!.search!.rows.find((r) => r.isChosen)!;
  const on = (layout: TServingMeasurement["layout"]): TAssessmentInputs => {
    const m: TServingMeasurement = { ...parsed.measurement, id: "m1", importedOn: "2026-12-06", layout };
    return ZAssessmentInputs.parse({ ...t.inputs, infrastructure: { ...t.inputs.infrastructure, measurements: [m] } });
  };

  it("a run on the chosen layout replaces the estimate, in sizing and in economics, with its provenance", () => {
    const layout = { gpuId: chosen.gpuId, tensorParallel: chosen.tensorParallel, pipelineStages: chosen.pipelineStages, weightPrecision: chosen.weightPrecision, kvCachePrecision: chosen.kvCachePrecision.toLowerCase() as "fp8" | "bf16" };
    const after = run(on(layout));
    const infra = after.stages.infrastructure.detail!;
    const row = infra.measurements[0];
    expect(row.ratio).not.toBeNull();
    // The estimate for the measured run, at its own lengths and concurrency, times the ratio is the measurement.
    expect(row.estimatedOutputTokensPerSecond! * row.ratio!).toBeCloseTo(row.measuredOutputTokensPerSecond, 6);
    const speedFactor = row.ratio!;
    const calibratedRow = infra.search!.rows.find((r) => r.key === chosen.key);
    expect(infra.search!.chosenKey).toBe(chosen.key);
    {
      expect(row.appliesToChosen).toBe(true);
      expect(infra.sizing.calibration!.speedFactor).toBe(speedFactor);
      expect(calibratedRow!.isMeasured).toBe(true);
      const estimated = before.stages.infrastructure.detail!.sizing.throughput!;
      const measured = infra.sizing.throughput!;
      // Every time the model computes scales by the factor: single-user decode exactly; the batch the
      // per-user target allows moves with it, so replica throughput moves the same way.
      expect(measured.decodeTokensPerSecondPerSequence / estimated.decodeTokensPerSecondPerSequence).toBeCloseTo(speedFactor, 9);
      expect(Math.sign(measured.sustainedOutputTokensPerSecondPerReplica - estimated.sustainedOutputTokensPerSecondPerReplica)).toBe(Math.sign(speedFactor - 1));
      const econ = after.stages.economics;
      const basis = econ.figures.find((f) => f.key === "owned.replicaOutputTokensPerSecond")!;
      expect(basis.label).toMatch(/measured/);
      expect(basis.formula).toContain(file);
      expect(econ.summary).toContain(file);
      expect(after.stages.infrastructure.figures[0].key).toBe("measured.outputTokensPerSecond");
    }
    expect(before.stages.economics.figures.find((f) => f.key === "owned.replicaOutputTokensPerSecond")!.label).toMatch(/estimated/);
  });

  it("a run on another layout is compared but does not touch the chosen layout's sizing", () => {
    const other = { gpuId: "h100-sxm-80gb", tensorParallel: 8, pipelineStages: 1, weightPrecision: "bf16" as const, kvCachePrecision: "bf16" as const };
    const after = run(on(other));
    const infra = after.stages.infrastructure.detail!;
    expect(infra.measurements[0].ratio).toBeGreaterThan(0.5);
    expect(infra.measurements[0].ratio).toBeLessThan(2);
    expect(infra.search!.chosenKey).toBe(before.stages.infrastructure.detail!.search!.chosenKey);
    {
      expect(infra.measurements[0].appliesToChosen).toBe(false);
      expect(infra.sizing.calibration).toBeNull();
      expect(after.keyFigures.monthlyOwnedCostUsd).toBe(before.keyFigures.monthlyOwnedCostUsd);
    }
  });
});
