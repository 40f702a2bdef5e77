import { describe, expect, it } from "vitest";
import { vendorConcentration } from "./concentration";

describe("vendor concentration across the portfolio", () => {
  it("sums today's API spend by vendor, largest first, and counts assessments without a cost apart", () => {
    const c = vendorConcentration([
      { incumbentApiId: "openai-gpt-4o", monthlyApiUsd: 30_000, assessments: 2 },
      { incumbentApiId: "openai-gpt-4o-mini", monthlyApiUsd: 10_000, assessments: 3 },
      { incumbentApiId: "anthropic-claude-sonnet-4.5", monthlyApiUsd: 40_000, assessments: 1 },
      { incumbentApiId: "openai-gpt-4o", monthlyApiUsd: null, assessments: 4 },
      { incumbentApiId: "not-in-catalog", monthlyApiUsd: 0, assessments: 1 },
    ]);
    expect(c.totalUsdPerMonth).toBe(80_000);
    expect(c.vendors.map((v) => [v.vendor, v.share, v.assessments])).toEqual([
      ["Anthropic", 0.5, 1],
      ["OpenAI", 0.5, 5],
      ["Other (not-in-catalog)", 0, 1],
    ]);
    expect(c.assessmentsWithoutSpend).toBe(4);
  });

  it("an empty portfolio has no shares", () => {
    expect(vendorConcentration([])).toEqual({ totalUsdPerMonth: 0, vendors: [], assessmentsWithoutSpend: 0 });
  });
});
