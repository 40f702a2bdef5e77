import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/domain/report";
import { getTemplate } from "@/lib/domain/assessment";
import { formatFigure, formatFigureValue } from "./format-figure";

describe("formatFigure", () => {
  it.each([
    [{ value: 1234.5, unit: "USD/month" }, "$1,235 /month"],
    [{ value: 2.8, unit: "USD/M tokens" }, "$2.80 /M tokens"],
    [{ value: 0.25, unit: "probability" }, "25%"],
    // Byte figures exactly (Llama 70B KV per token at BF16, one 1,500-token sequence).
    [{ value: 327_680, unit: "bytes/token" }, "327,680 bytes/token"],
    [{ value: 491_520_000, unit: "bytes" }, "491,520,000 bytes"],
    [{ value: null, unit: "USD/month" }, "not known"],
    [{ value: null, unit: "tokens/month", valueText: "never" }, "never"],
    // Count units agree with the number.
    [{ value: 1, unit: "nodes" }, "1 node"],
    [{ value: 19, unit: "month" }, "19 months"],
    [{ value: 1, unit: "replica(s)" }, "1 replica"],
    [{ value: 3, unit: "region(s)" }, "3 regions"],
    [{ value: 2.5, unit: "weeks" }, "2.5 weeks"],
    [{ value: 8, unit: "GPUs" }, "8 GPUs"],
  ])("%o reads %s", (f, text) => expect(formatFigure(f)).toBe(text));

  it("a crossover that never happens reads 'never', not 'not known' (contract extraction template)", () => {
    const t = getTemplate("contract-extraction-eu")!;
    const report = buildReport({
      assessment: { id: "t", title: t.name, description: "", candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, status: "draft", version: 1, updatedAt: "2026-11-28T00:00:00.000Z" },
      inputs: t.inputs,
      options: { monteCarloSamples: 200 },
    });
    expect(report.keyFigures.crossover.kind).toBe("never");
    const figure = report.keyFigures.figures.find((f) => f.key === "economics.crossoverTokensPerMonth")!;
    expect(formatFigure(figure)).toBe("never");
    expect(formatFigureValue(figure.value, figure.unit)).toBe("not known");
  });
});
