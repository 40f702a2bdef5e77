import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getLicence, LICENCES, ZIntendedUse, ZRegion, ZSector } from "../catalog/licences";
import { DomainInputError } from "../shared/field-errors";
import {
  assessLicence,
  assessModelLicence,
  summariseFindings,
  ZFindingSeverity,
  ZLicenceFinding,
  type TFindingSeverity,
  type TFindingTopic,
  type TLicenceFinding,
  type TOrgFactsInput,
} from "./licence";

/** A mid-sized US company running a support assistant internally: touches almost nothing. */
const BASE: TOrgFactsInput = {
  monthlyActiveUsers: 50_000,
  annualRevenueUsd: 20_000_000,
  sector: "general",
  intendedUses: ["customer-support"],
  regions: ["US"],
};

function assess(licenceId: string, facts: Partial<TOrgFactsInput> = {}, model?: { isMultimodal?: boolean }) {
  const licence = getLicence(licenceId);
  if (!licence) throw new Error(`unknown licence ${licenceId}`);
  return assessLicence({ licence, facts: { ...BASE, ...facts }, model });
}

const byTopic = (findings: TLicenceFinding[], topic: TFindingTopic) => findings.filter((f) => f.topic === topic);
const severities = (findings: TLicenceFinding[]) => findings.map((f) => f.severity);

type TCase = {
  name: string;
  licenceId: string;
  facts?: Partial<TOrgFactsInput>;
  model?: { isMultimodal?: boolean };
  topic: TFindingTopic;
  severity: TFindingSeverity;
  quoteContains?: string;
  detailContains?: string;
};

const CASES: TCase[] = [
  // Size thresholds
  { name: "Llama 3.1 at 800M MAU is blocked by the 700M clause", licenceId: "llama-3.1", facts: { monthlyActiveUsers: 800_000_000 }, topic: "user-threshold", severity: "blocker", quoteContains: "700 million monthly active users", detailContains: "800 million" },
  { name: "Llama 3.1 at 400M MAU is near the threshold", licenceId: "llama-3.1", facts: { monthlyActiveUsers: 400_000_000 }, topic: "user-threshold", severity: "needs-counsel", detailContains: "57%" },
  { name: "Llama 3.1 at 50k MAU is clear of the threshold", licenceId: "llama-3.1", topic: "user-threshold", severity: "clear" },
  { name: "Llama 4 at 701M MAU is blocked", licenceId: "llama-4", facts: { monthlyActiveUsers: 701_000_000 }, topic: "user-threshold", severity: "blocker" },
  { name: "Qwen licence at 150M MAU is blocked by the 100M clause", licenceId: "qwen-licence", facts: { monthlyActiveUsers: 150_000_000 }, topic: "user-threshold", severity: "blocker", quoteContains: "100 million monthly active users" },
  { name: "Qwen licence at 60M MAU needs counsel", licenceId: "qwen-licence", facts: { monthlyActiveUsers: 60_000_000 }, topic: "user-threshold", severity: "needs-counsel" },
  { name: "Stability above USD 1M revenue loses the licence", licenceId: "stability-community", facts: { annualRevenueUsd: 5_000_000 }, topic: "revenue-threshold", severity: "blocker", quoteContains: "USD $1,000,000" },
  { name: "Stability at USD 600k revenue needs counsel", licenceId: "stability-community", facts: { annualRevenueUsd: 600_000 }, topic: "revenue-threshold", severity: "needs-counsel" },
  { name: "Stability commercial users must register", licenceId: "stability-community", facts: { annualRevenueUsd: 100_000 }, topic: "other-duty", severity: "obligation", detailContains: "register" },

  // Commercial use
  { name: "Cohere CC-BY-NC used commercially is blocked", licenceId: "cohere-cc-by-nc-4.0", topic: "commercial-use", severity: "blocker", quoteContains: "NonCommercial" },
  { name: "Qwen research licence used commercially is blocked", licenceId: "qwen-research", topic: "commercial-use", severity: "blocker", quoteContains: "research or evaluation purposes only" },
  { name: "Mistral MRL used commercially is blocked", licenceId: "mistral-mrl", topic: "commercial-use", severity: "blocker" },
  { name: "Mistral MNPL used commercially is blocked", licenceId: "mistral-mnpl", topic: "commercial-use", severity: "blocker", quoteContains: "Non-Production" },
  { name: "Cohere CC-BY-NC for research only is an obligation", licenceId: "cohere-cc-by-nc-4.0", facts: { isCommercialUse: false }, topic: "commercial-use", severity: "obligation" },
  { name: "Apache-2.0 commercial use is clear", licenceId: "qwen3-apache-2.0", topic: "commercial-use", severity: "clear" },

  // Field of use
  { name: "Gemma bans automated decisions in regulated domains", licenceId: "gemma", facts: { sector: "insurance", intendedUses: ["automated-decisions-regulated"] }, topic: "use-restriction", severity: "blocker", quoteContains: "Making automated decisions" },
  { name: "Gemma decision support with human review needs counsel", licenceId: "gemma", facts: { sector: "finance", intendedUses: ["decision-support-regulated"] }, topic: "use-restriction", severity: "needs-counsel" },
  { name: "Gemma customer support passes the prohibited-use check", licenceId: "gemma", topic: "use-restriction", severity: "clear" },
  { name: "Gemma shipped in a product must flow the restrictions down", licenceId: "gemma", facts: { willShipInProduct: true }, topic: "acceptable-use", severity: "obligation", detailContains: "enforceable" },
  { name: "DeepSeek licence bans military use", licenceId: "deepseek-model-1.0", facts: { intendedUses: ["military"] }, topic: "use-restriction", severity: "blocker", quoteContains: "military use in any way" },
  { name: "DeepSeek licence in the defence sector needs counsel", licenceId: "deepseek-model-1.0", facts: { sector: "defence" }, topic: "use-restriction", severity: "needs-counsel" },
  { name: "DeepSeek licence bans fully automated adverse decisions", licenceId: "deepseek-model-1.0", facts: { intendedUses: ["automated-decisions-regulated"] }, topic: "use-restriction", severity: "blocker", quoteContains: "fully automated decision making" },
  { name: "Llama medical advice needs counsel (unlicensed practice)", licenceId: "llama-3.1", facts: { sector: "healthcare", intendedUses: ["medical-advice"] }, topic: "use-restriction", severity: "needs-counsel", quoteContains: "unlicensed practice" },
  { name: "Llama bans operating critical infrastructure", licenceId: "llama-3.3", facts: { intendedUses: ["critical-infrastructure-operation"] }, topic: "use-restriction", severity: "blocker" },
  { name: "Llama 4 bans military use", licenceId: "llama-4", facts: { intendedUses: ["military"] }, topic: "use-restriction", severity: "blocker", quoteContains: "ITAR" },
  { name: "BLOOM RAIL bans medical advice", licenceId: "bigscience-bloom-rail-1.0", facts: { intendedUses: ["medical-advice"] }, topic: "use-restriction", severity: "blocker", quoteContains: "medical advice" },
  { name: "Falcon-180B hosting for third parties needs counsel (unverified clause)", licenceId: "falcon-tii", facts: { willHostForThirdParties: true }, topic: "use-restriction", severity: "needs-counsel", detailContains: "hosting" },

  // Geography
  { name: "Llama 3.2 vision in the EU is blocked", licenceId: "llama-3.2", facts: { regions: ["EU"], isMultimodal: true }, topic: "geography", severity: "blocker", quoteContains: "European Union" },
  { name: "Llama 3.2 text-only in the EU is clear", licenceId: "llama-3.2", facts: { regions: ["EU"], isMultimodal: false }, topic: "geography", severity: "clear" },
  { name: "Llama 3.2 vision, US company with EU users, needs counsel", licenceId: "llama-3.2", facts: { regions: ["EU", "US"], principalPlaceOfBusiness: "US", isMultimodal: true }, topic: "geography", severity: "needs-counsel" },
  { name: "Llama 3.2 in the EU with unknown modality needs counsel", licenceId: "llama-3.2", facts: { regions: ["EU"] }, topic: "geography", severity: "needs-counsel" },
  { name: "Llama 4 model flag decides the EU clause", licenceId: "llama-4", facts: { regions: ["EU"] }, model: { isMultimodal: true }, topic: "geography", severity: "blocker" },
  { name: "Llama 3.2 vision outside the EU is clear", licenceId: "llama-3.2", facts: { isMultimodal: true }, topic: "geography", severity: "clear" },

  // Derivatives, attribution, redistribution
  { name: "Llama 3.1 fine-tune shipped must carry the Llama name", licenceId: "llama-3.1", facts: { willFineTune: true, willShipInProduct: true }, topic: "model-naming", severity: "obligation", quoteContains: 'include "Llama" at the beginning' },
  { name: "Llama 3 (3.0) derived models must start with Llama 3", licenceId: "llama-3", facts: { willFineTune: true, willRedistributeWeights: true }, topic: "model-naming", severity: "obligation", detailContains: '"Llama 3"' },
  { name: "Llama 3.1 fine-tune kept in-house does not trigger naming", licenceId: "llama-3.1", facts: { willFineTune: true }, topic: "model-naming", severity: "clear" },
  { name: "Llama 3.1 in a product must display Built with Llama", licenceId: "llama-3.1", facts: { willShipInProduct: true }, topic: "attribution", severity: "obligation", detailContains: "Built with Llama" },
  { name: "Qwen licence: distributed model trained on outputs displays Built with Qwen", licenceId: "qwen-licence", facts: { willUseOutputsToTrainOtherModels: true, willShipInProduct: true }, topic: "attribution", severity: "obligation", detailContains: "Built with Qwen" },
  { name: "Redistributing Llama weights brings redistribution duties", licenceId: "llama-3.3", facts: { willRedistributeWeights: true }, topic: "redistribution", severity: "obligation" },
  { name: "Gemma hosted as an API counts as distribution", licenceId: "gemma", facts: { willHostForThirdParties: true }, topic: "redistribution", severity: "obligation", detailContains: "hosted API" },

  // Outputs used to train other models
  { name: "Llama 3 (3.0) outputs may not improve other LLMs", licenceId: "llama-3", facts: { willUseOutputsToTrainOtherModels: true }, topic: "outputs-training", severity: "blocker", quoteContains: "improve any other large language model" },
  { name: "Llama 2 outputs may not improve other LLMs", licenceId: "llama-2", facts: { willDistil: true }, topic: "outputs-training", severity: "blocker" },
  { name: "Llama 3.1 outputs may train other models, with the naming condition", licenceId: "llama-3.1", facts: { willUseOutputsToTrainOtherModels: true }, topic: "outputs-training", severity: "obligation", detailContains: '"Llama"' },
  { name: "Stability outputs may not train foundation models", licenceId: "stability-community", facts: { annualRevenueUsd: 100_000, willUseOutputsToTrainOtherModels: true }, topic: "outputs-training", severity: "blocker" },
  { name: "DeepSeek V3 distillation makes a derivative bound by its restrictions", licenceId: "deepseek-model-1.0", facts: { willDistil: true }, topic: "outputs-training", severity: "obligation", detailContains: "derivative" },
  { name: "Cohere outputs used commercially to train models are blocked", licenceId: "cohere-cc-by-nc-4.0", facts: { willUseOutputsToTrainOtherModels: true }, topic: "outputs-training", severity: "blocker" },
  { name: "Falcon outputs training is unclear", licenceId: "falcon-tii", facts: { willUseOutputsToTrainOtherModels: true }, topic: "outputs-training", severity: "needs-counsel" },
  { name: "MIT outputs training is clear", licenceId: "deepseek-r1-mit", facts: { willDistil: true }, topic: "outputs-training", severity: "clear" },

  // Termination and unilateral change
  { name: "NVIDIA: fine-tuning near the guardrail-termination clause needs counsel", licenceId: "nvidia-open-model", facts: { willFineTune: true }, topic: "termination", severity: "needs-counsel", quoteContains: "Guardrail" },
  { name: "NVIDIA can change the agreement unilaterally", licenceId: "nvidia-open-model", topic: "licence-changes", severity: "needs-counsel", quoteContains: "may update this Agreement" },
  { name: "Falcon's use policy can change", licenceId: "falcon-tii", topic: "licence-changes", severity: "obligation", quoteContains: "updated from time to time" },
  { name: "Llama termination terms are shown", licenceId: "llama-3.1", topic: "termination", severity: "obligation", detailContains: "sue" },
];

describe("assessLicence: table", () => {
  it.each(CASES)("$name", ({ licenceId, facts, model, topic, severity, quoteContains, detailContains }) => {
    const findings = byTopic(assess(licenceId, facts, model), topic);
    const hit = findings.find(
      (f) =>
        f.severity === severity &&
        (!quoteContains || f.clause.quote.includes(quoteContains)) &&
        (!detailContains || f.detail.includes(detailContains)),
    );
    expect(hit, `${topic} findings: ${JSON.stringify(findings.map((f) => [f.id, f.severity, f.detail]))}`).toBeDefined();
    expect(hit!.clause.sourceUrl).toMatch(/^https:\/\//);
  });
});

describe("assessLicence: permissive licences never block", () => {
  const HEAVY: Partial<TOrgFactsInput> = {
    monthlyActiveUsers: 2_000_000_000,
    annualRevenueUsd: 50_000_000_000,
    sector: "finance",
    intendedUses: ["decision-support-regulated", "financial-advice", "code-assistance"],
    regions: ["EU", "US"],
    willFineTune: true,
    willDistil: true,
    willRedistributeWeights: true,
    willShipInProduct: true,
    willHostForThirdParties: true,
    willUseOutputsToTrainOtherModels: true,
    isMultimodal: true,
  };
  it.each(LICENCES.filter((l) => l.spdx === "Apache-2.0" || l.spdx === "MIT").map((l) => [l.id]))("%s", (id) => {
    const findings = assess(id, HEAVY);
    expect(severities(findings)).not.toContain("blocker");
    expect(byTopic(findings, "redistribution")[0]?.severity).toBe("obligation");
  });
});

describe("assessLicence: catalog models", () => {
  it("Llama 4 Scout for an EU company is blocked through the model's multimodal flag", () => {
    const findings = assessModelLicence("llama-4-scout-17b-16e", { ...BASE, regions: ["EU"] })!;
    expect(findings[0]).toMatchObject({ severity: "blocker", topic: "geography", licenceId: "llama-4" });
  });

  it("Llama 3.3 70B (text only) for an EU company is fine on geography", () => {
    const findings = assessModelLicence("llama-3.3-70b-instruct", { ...BASE, regions: ["EU"] })!;
    expect(byTopic(findings, "geography")[0].severity).toBe("clear");
    expect(summariseFindings(findings).hasBlocker).toBe(false);
  });

  it("unknown model ids give undefined", () => {
    expect(assessModelLicence("no-such-model", BASE)).toBeUndefined();
  });
});

describe("assessLicence: shape of the result", () => {
  const PROFILES: Partial<TOrgFactsInput>[] = [
    {},
    { monthlyActiveUsers: 900_000_000, regions: ["EU"], isMultimodal: true, willFineTune: true, willShipInProduct: true },
    { sector: "healthcare", intendedUses: ["medical-advice", "automated-decisions-regulated"], willUseOutputsToTrainOtherModels: true },
  ];

  it.each(LICENCES.map((l) => [l.id]))("%s: sorted worst first, unique ids, valid findings, a clear finding for a benign org", (id) => {
    for (const profile of PROFILES) {
      const findings = assess(id, profile);
      const ranks = findings.map((f) => ZFindingSeverity.options.indexOf(f.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
      for (const f of findings) expect(ZLicenceFinding.safeParse(f).success).toBe(true);
    }
    expect(severities(assess(id))).toContain("clear");
  });

  it("rejects invalid organisation facts", () => {
    expect(() => assess("llama-3.1", { monthlyActiveUsers: -1 })).toThrow(DomainInputError);
    expect(() => assess("llama-3.1", { intendedUses: ["customer-support", "customer-support"] })).toThrow(/each use once/);
  });

  it("holds for any organisation facts (property)", () => {
    const facts = fc.record({
      monthlyActiveUsers: fc.integer({ min: 0, max: 3_000_000_000 }),
      annualRevenueUsd: fc.integer({ min: 0, max: 2_000_000_000 }),
      sector: fc.constantFrom(...ZSector.options),
      intendedUses: fc.uniqueArray(fc.constantFrom(...ZIntendedUse.options), { maxLength: 5 }),
      regions: fc.uniqueArray(fc.constantFrom(...ZRegion.options), { minLength: 1, maxLength: 3 }),
      isCommercialUse: fc.boolean(),
      willFineTune: fc.boolean(),
      willDistil: fc.boolean(),
      willRedistributeWeights: fc.boolean(),
      willShipInProduct: fc.boolean(),
      willHostForThirdParties: fc.boolean(),
      willUseOutputsToTrainOtherModels: fc.boolean(),
      isMultimodal: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...LICENCES), facts, (licence, f) => {
        const findings = assessLicence({ licence, facts: f });
        const summary = summariseFindings(findings);
        expect(summary.total).toBe(findings.length);
        expect(findings[0]?.severity ?? null).toBe(summary.worst);
        expect(new Set(findings.map((x) => x.id)).size).toBe(findings.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("summariseFindings", () => {
  it("counts by severity and names the worst", () => {
    const summary = summariseFindings(assess("llama-3.1", { monthlyActiveUsers: 800_000_000, willShipInProduct: true }));
    expect(summary.worst).toBe("blocker");
    expect(summary.hasBlocker).toBe(true);
    expect(summary.counts.blocker).toBe(1);
    expect(summary.counts.obligation).toBeGreaterThan(0);
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(summary.total);
  });

  it("has no worst severity for no findings", () => {
    expect(summariseFindings([])).toEqual({
      total: 0,
      counts: { blocker: 0, "needs-counsel": 0, obligation: 0, clear: 0 },
      worst: null,
      hasBlocker: false,
    });
  });
});
