import { describe, expect, it } from "vitest";
import { STAGE_KEYS } from "@/lib/domain/shared";
import { fieldLabels, formatFieldValue, nameField } from "./field-labels";
import { STAGE_FIELD_GROUPS } from "./stage-fields";

const infra = STAGE_FIELD_GROUPS.infrastructure;

describe("nameField", () => {
  it.each(STAGE_KEYS)("%s: every field is named by its own label", (stage) => {
    for (const f of STAGE_FIELD_GROUPS[stage].flatMap((g) => g.fields)) expect(nameField(STAGE_FIELD_GROUPS[stage], f.path)).toMatchObject({ label: f.label, spec: f });
  });

  it.each([
    ["sizing.peak.peakToAverageRatio", "Peak-to-average ratio"],
    ["customGpu.name", "Custom GPU name"],
  ])("infrastructure %s is %s", (path, label) => expect(nameField(infra, path)?.label).toBe(label));

  it("names a list's cell by its row and column, a row by its number, and the list by its label", () => {
    const capability = STAGE_FIELD_GROUPS.capability;
    expect(nameField(capability, "workloads.1.candidate.score")).toMatchObject({ label: "Workload 2: Candidate score", spec: { path: "candidate.score" } });
    expect(nameField(capability, "workloads.0")?.label).toBe("Workload 1");
    expect(nameField(capability, "workloads")?.label).toBe("Workloads");
  });

  it("names a path holding several fields by their group, and leaves out what no field edits", () => {
    expect(nameField(STAGE_FIELD_GROUPS.economics, "uncertainty.ranges")?.label).toBe("Advanced: Monte Carlo ranges");
    expect(nameField(infra, "customGpu.provenance.asOf")).toBeNull();
    expect(nameField(infra, "customGpu.id")).toBeNull();
  });
});

describe("fieldLabels", () => {
  it("lists each label once, in form order", () => {
    expect(fieldLabels(infra, ["sizing.peak.peakToAverageRatio", "customGpu.id", "gpuId", "sizing.peak.peakToAverageRatio"])).toEqual(["GPU", "Peak-to-average ratio"]);
  });
});

describe("formatFieldValue", () => {
  const spec = (path: string) => nameField(STAGE_FIELD_GROUPS.licence, path)?.spec ?? null;
  it.each([
    [spec("orgFacts.isCommercialUse"), true, "Yes"],
    [spec("orgFacts.monthlyActiveUsers"), 25000, "25,000"],
    [spec("orgFacts.monthlyActiveUsers"), undefined, "(empty)"],
    [spec("orgFacts.regions"), ["EU", "US"], "EU, US"],
    [spec("orgFacts.regions"), [], "(none)"],
    [nameField(infra, "gpuId")?.spec ?? null, "h100-sxm-80gb", "NVIDIA H100 SXM5 80GB"],
  ])("case %#", (s, value, text) => expect(formatFieldValue(s, value)).toBe(text));

  it("shows a whole list row by row", () => {
    const list = nameField(STAGE_FIELD_GROUPS.lifecycle, "staffing")?.spec ?? null;
    expect(formatFieldValue(list, [{ role: "SRE", fte: 2 }])).toBe("Role 1 (Role SRE, FTE 2)");
  });
});
