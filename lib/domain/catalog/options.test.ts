import { describe, expect, it } from "vitest";
import { API_PRICES, catalogAge, MODELS } from "./index";
import { ZCustomModel } from "./custom";
import { getModel } from "./models";
import { candidateOptionGroups, describeCandidate, describeIncumbent, incumbentOptionGroups, isKnownCandidate, isKnownIncumbent } from "./options";

describe("catalog options", () => {
  it("offers every catalog model once, grouped by publisher", () => {
    const groups = candidateOptionGroups();
    const values = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(values.sort()).toEqual(MODELS.map((m) => m.id).sort());
    expect(groups.map((g) => g.label)).toContain("Meta Llama");
    expect(groups.every((g) => g.options.length > 0)).toBe(true);
  });

  it("offers every API price once, grouped by vendor, current prices before deprecated ones", () => {
    const groups = incumbentOptionGroups("2026-12-06");
    expect(groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual(API_PRICES.map((p) => p.id).sort());
    expect(groups.map((g) => g.label)).toEqual(["OpenAI", "Anthropic", "Google", "DeepSeek", "Mistral AI"]);
    const anthropic = groups.find((g) => g.label === "Anthropic")!.options.map((o) => o.label);
    const firstDeprecated = anthropic.findIndex((l) => l.includes("(deprecated)"));
    expect(anthropic.slice(firstDeprecated).every((l) => l.includes("(deprecated)"))).toBe(true);
  });

  it("dates every API price option and marks the ones older than 180 days stale (issue 12)", () => {
    const options = incumbentOptionGroups("2026-12-06").flatMap((g) => g.options);
    for (const o of options) {
      const price = API_PRICES.find((p) => p.id === o.value)!;
      expect(o.label).toContain(`as of ${price.asOf}`);
      expect(o.label.endsWith(", stale: older than 180 days"), o.value).toBe(catalogAge(price.asOf, "2026-12-06").isStale);
    }
    expect(options.find((o) => o.value === "openai-gpt-4o-mini")!.label).toBe("gpt-4o-mini (deprecated): $0.15 in / $0.60 out per Mtok, as of 2025-07-04, stale: older than 180 days");
    // The same price read against an earlier day is not stale yet: the flag follows the day passed in.
    expect(incumbentOptionGroups("2025-08-01").flatMap((g) => g.options).find((o) => o.value === "openai-gpt-4o-mini")!.label).toBe("gpt-4o-mini (deprecated): $0.15 in / $0.60 out per Mtok, as of 2025-07-04");
  });

  it.each([
    { id: "llama-3.3-70b-instruct", label: "Llama 3.3 70B Instruct (70.6B, Llama 3.3 licence)" },
    { id: "llama-4-scout-17b-16e", label: "Llama 4 Scout 17B-16E (109B total, 17B active, Llama 4 licence)" },
    { id: "qwen2.5-72b-instruct", label: "Qwen2.5 72B Instruct (72.7B, Qwen licence)" },
    { id: "mistral-small-24b-instruct-2501", label: "Mistral Small 3 (24B Instruct 2501) (23.6B, Apache-2.0)" },
    { id: "gemma-3-27b-it", label: "Gemma 3 27B IT (27.4B, Gemma terms)" },
  ])("labels $id with size and licence", ({ id, label }) => {
    expect(describeCandidate(id)).toBe(label);
  });

  it.each([
    // December 2026 catalog: same list price, re-read on 2025-07-04 (genai-prices), and OpenAI has
    // announced its shutdown for 2027-01-14, so the label says deprecated.
    { id: "openai-gpt-4o", label: "OpenAI gpt-4o (deprecated): $2.50 in / $10.00 out per Mtok, as of 2025-07-04, stale: older than 180 days" },
    { id: "google-gemini-1.5-flash", label: "Google Gemini 1.5 Flash (deprecated): $0.075 in / $0.30 out per Mtok, as of 2024-08-12, stale: older than 180 days" },
  ])("labels $id with its dated price", ({ id, label }) => {
    expect(describeIncumbent(id, "2026-12-06")).toBe(label);
  });

  it("knows catalog ids and only those", () => {
    expect(isKnownCandidate("llama-3.3-70b-instruct")).toBe(true);
    expect(isKnownCandidate("openai-gpt-4o")).toBe(false);
    expect(isKnownIncumbent("openai-gpt-4o")).toBe(true);
    expect(isKnownIncumbent("llama-3.3-70b-instruct")).toBe(false);
    expect(describeCandidate("unknown")).toBe("unknown");
    expect(describeIncumbent("unknown", "2026-12-06")).toBe("unknown");
  });

  it("returns copies that callers cannot use to change the shared groups", () => {
    candidateOptionGroups()[0].options[0].label = "changed";
    expect(candidateOptionGroups()[0].options[0].label).not.toBe("changed");
  });
});

describe("a custom candidate model", () => {
  const custom = ZCustomModel.parse({ ...getModel("llama-3.1-8b"), id: "custom:our-llama", name: "Our Llama", provenance: { sourceUrls: [], asOf: "2026-05-01", verification: "user" } });

  it("is a known candidate only for the assessment whose inputs describe it", () => {
    expect(isKnownCandidate("custom:our-llama", custom)).toBe(true);
    expect(isKnownCandidate("custom:our-llama")).toBe(false);
    expect(isKnownCandidate("custom:someone-elses", custom)).toBe(false);
    expect(isKnownCandidate("llama-3.3-70b-instruct", custom)).toBe(true);
  });

  it("is offered first, and labelled like catalog models", () => {
    const groups = candidateOptionGroups(custom);
    expect(groups[0]).toEqual({ label: "Your custom model", options: [{ value: "custom:our-llama", label: "Our Llama (8.03B, Llama 3.1 licence), from your config.json" }] });
    expect(groups.slice(1)).toEqual(candidateOptionGroups());
    expect(describeCandidate("custom:our-llama", custom)).toBe("Our Llama (8.03B, Llama 3.1 licence)");
    expect(describeCandidate("custom:our-llama")).toBe("our-llama (custom model)");
  });
});
