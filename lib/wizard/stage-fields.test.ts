import { describe, expect, it } from "vitest";
import { STAGE_SCHEMAS } from "@/lib/domain/assessment";
import { STAGE_KEYS } from "@/lib/domain/shared";
import { setIn } from "./draft";
import { STAGE_FIELD_GROUPS, type TFieldSpec } from "./stage-fields";
import { prepareStageDraft } from "./stage-draft";

const sample = (f: TFieldSpec): unknown => (f.kind === "number" ? 1 : f.kind === "bool" ? true : f.kind === "multi" ? [f.options[0].value] : f.kind === "select" ? f.options[0].value : "x");

describe("stage field specs", () => {
  it.each(STAGE_KEYS)("%s: every field edits a path its stage schema knows", (stage) => {
    for (const group of STAGE_FIELD_GROUPS[stage]) {
      for (const f of group.fields) {
        if (f.kind === "list") continue;
        const draft = setIn({}, f.path, sample(f));
        const r = STAGE_SCHEMAS[stage].safeParse(prepareStageDraft(stage, draft, "2026-05-01"));
        const unknown = (r.error?.issues ?? []).filter((i) => i.code === "unrecognized_keys");
        expect(unknown, f.path).toEqual([]);
      }
    }
  });

  it("shows a default (or the report's assumption) for every advanced input", () => {
    const advanced = STAGE_KEYS.flatMap((k) => STAGE_FIELD_GROUPS[k]).filter((g) => g.collapsed && g.title.startsWith("Advanced"));
    expect(advanced.map((g) => g.title)).toEqual(["Advanced: peak traffic", "Advanced: LoRA adapter", "Advanced: guard model serving", "Advanced: Monte Carlo ranges"]);
    for (const f of advanced.flatMap((g) => g.fields)) {
      if (f.path.endsWith("gpuCount") || f.path.endsWith("usdPerGpuHour") || f.path.endsWith("usdPerMonth")) continue; // required once their branch is chosen
      expect(f.fallback ?? f.defaultKey, f.path).toBeTruthy();
    }
  });
});

describe("enum options read as words (issue 14)", () => {
  const options = Object.values(STAGE_FIELD_GROUPS)
    .flat()
    .flatMap((g) => g.fields)
    .flatMap((f) => ("columns" in f && Array.isArray(f.columns) ? [f, ...f.columns] : [f]))
    .flatMap((f) => ("options" in f && Array.isArray(f.options) ? f.options : []));

  it("never shows a snake_case id or a bare 'score 0 1'", () => {
    expect(options.length).toBeGreaterThan(20);
    for (const o of options) {
      expect(o.label, o.value).not.toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$|\b0 1\b|non EU/);
    }
  });

  it("names precisions, regions and the 0..1 metric in words", () => {
    const label = (value: string) => options.find((o) => o.value === value)?.label;
    expect(label("gguf_q4_k_m")).toBe("GGUF Q4_K_M (approx.)");
    expect(label("EEA-non-EU")).toBe("EEA outside the EU (Norway, Iceland, Liechtenstein)");
    expect(label("score-0-1")).toBe("score from 0 to 1");
  });
});
