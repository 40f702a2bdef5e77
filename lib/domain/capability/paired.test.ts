import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessCapability } from "./capability";
import { pairSamples, parseLmEvalSamples } from "./eval-import-lm-eval-samples";
import { parsePromptfooOutput } from "./eval-import-promptfoo";
import { mcnemarExact, newcombeDifference, newcombePairedDifference } from "./stats";

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "__fixtures__", name), "utf8");

describe("paired statistics against published figures", () => {
  // Fagerland, Lydersen & Laake (2017), Statistical Analysis of Contingency Tables, chapter 8:
  // Cavo et al. (2012), [[59, 6], [16, 80]]; oracle values as in the R package contingencytables' tests
  // (github.com/ocbe-uio/contingencytables, tests of chapter 8).
  const cavo = { bothPass: 59, candidateOnly: 6, incumbentOnly: 16, bothFail: 80 };

  it("Newcombe's paired square-and-add interval: −0.0621 (−0.1186 to −0.0046)", () => {
    const d = newcombePairedDifference(cavo);
    expect(d.difference).toBeCloseTo(-0.0621, 4);
    expect(d.lower).toBeCloseTo(-0.1186, 4);
    expect(d.upper).toBeCloseTo(-0.0046, 4);
  });

  it("McNemar's exact conditional test P = 0.052479, mid-P 0.034690", () => {
    const t = mcnemarExact(6, 16);
    expect(t.pValue).toBeCloseTo(0.052479, 6);
    expect(t.midPValue).toBeCloseTo(0.03469, 5);
    expect(mcnemarExact(0, 0).pValue).toBe(1);
  });

  it("when the two models mostly agree, the paired interval is narrower than treating the runs as independent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 2000 }), fc.integer({ min: 10, max: 400 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (both, fail, b, c) => {
        const paired = newcombePairedDifference({ bothPass: both, candidateOnly: b, incumbentOnly: c, bothFail: fail });
        const n = both + fail + b + c;
        const independent = newcombeDifference(both + b, n, both + c, n);
        expect(paired.upper - paired.lower).toBeLessThanOrEqual(independent.upper - independent.lower + 1e-12);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe("a paired workload in the capability stage", () => {
  const workload = (paired: boolean) => ({
    id: "w",
    name: "Clauses",
    weight: 1,
    metric: "accuracy" as const,
    candidate: { passCount: 470, sampleCount: 500 },
    incumbent: { passCount: 475, sampleCount: 500 },
    ...(paired ? { paired: { bothPass: 462, candidateOnly: 8, incumbentOnly: 13, bothFail: 17 } } : {}),
  });

  it("uses the paired interval and test, and needs fewer items than the unpaired design would", () => {
    const p = assessCapability({ workloads: [workload(true)], toleranceScore: 0.005 }).workloads[0];
    const u = assessCapability({ workloads: [workload(false)], toleranceScore: 0.005 }).workloads[0];
    expect(p.method).toBe("paired-newcombe");
    expect(u.method).toBe("newcombe");
    expect(p.gapInterval!.upper - p.gapInterval!.lower).toBeLessThan(u.gapInterval!.upper - u.gapInterval!.lower);
    expect(p.paired).toMatchObject({ items: 500, candidateOnly: 8, incumbentOnly: 13 });
    expect(p.paired!.mcnemarPValue).toBeCloseTo(mcnemarExact(8, 13).pValue, 12);
    expect(p.verdict).toBe("inconclusive");
    expect(p.samplesNeededPerSide!).toBeLessThan(p.paired!.unpairedSamplesNeededPerSide!);
    expect(p.samplesNeededPerSide!).toBeLessThan(u.samplesNeededPerSide!);
    expect(p.notes.join(" ")).toMatch(/paired items would be needed .*per side unpaired/);
  });

  it("refuses paired counts that contradict the pass counts", () => {
    expect(() => assessCapability({ workloads: [{ ...workload(true), paired: { bothPass: 400, candidateOnly: 8, incumbentOnly: 13, bothFail: 79 } }] })).toThrow(/paired counts give the candidate 408 passes, but its passCount is 470/);
  });
});

describe("lm-evaluation-harness --log_samples files", () => {
  const cand = parseLmEvalSamples(fixture("samples_contract_clauses_candidate_2026-03-04T10-00-00.jsonl"));
  const inc = parseLmEvalSamples(fixture("samples_contract_clauses_incumbent_2026-03-04T10-00-00.jsonl"));

  it("reads each item's pass/fail and pairs the two models by doc_id", () => {
    if (!cand.ok || !inc.ok) throw new Error("fixture did not parse");
    expect(cand.data.metric).toBe("acc");
    expect(cand.data.items.size).toBe(40);
    expect(pairSamples(cand.data.items, inc.data.items)).toEqual({ bothPass: 31, candidateOnly: 3, incumbentOnly: 2, bothFail: 4, items: 40, onlyInCandidate: 0, onlyInIncumbent: 0 });
  });

  it("explains what it cannot read", () => {
    expect(parseLmEvalSamples('{"doc_id": 0, "acc": 0.5}\n{"doc_id": 1, "acc": 1}')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/only 0\/1 \(pass\/fail\) metrics can be paired/) }] });
    expect(parseLmEvalSamples('{"x": 1}\n{"x": 2}')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/missing "doc_id"/) }] });
    expect(parseLmEvalSamples('{"doc_id": 0, "acc": 1}\n{"doc_id": 0, "acc": 1}')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/appears twice/) }] });
    expect(parseLmEvalSamples("not json\n")).toMatchObject({ ok: false });
  });
});

describe("promptfoo: latency or cost failures are not capability failures; providers pair by test", () => {
  const parsed = parsePromptfooOutput(fixture("promptfoo-output-latency.json"));

  it("counts a test that failed only its latency assertion as a capability pass, and says so", () => {
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const qwen = parsed.data.providers.find((p) => p.id === "openai:chat:Qwen/Qwen3-32B")!;
    expect(qwen.latencyOrCostOnlyFailures).toBe(1);
    expect(parsed.data.warnings.join(" ")).toMatch(/1 test\(s\) failed only latency or cost assertions/);
    // Tests 0 and 4 pass, test 1 fails only on latency (a pass here), tests 2 (rubric and latency) and 3 fail, test 5 errored.
    expect([qwen.passCount, qwen.failCount, qwen.errorCount]).toEqual([3, 2, 1]);
  });

  it("pairs the two providers on the tests both answered", () => {
    if (!parsed.ok) throw new Error("fixture");
    const [pair] = parsed.data.pairs;
    // Six tests; Qwen3-32B's test 5 ended in a provider error, so five are graded on both sides.
    expect(pair.items).toBe(5);
    expect(pair.bothPass + pair.aOnly + pair.bOnly + pair.bothFail).toBe(5);
    const qwenIsA = pair.a.startsWith("qwen3-32b");
    const qwen = parsed.data.providers.find((p) => p.id === "openai:chat:Qwen/Qwen3-32B")!;
    expect(pair.bothPass + (qwenIsA ? pair.aOnly : pair.bOnly)).toBe(qwen.passCount);
  });
});
