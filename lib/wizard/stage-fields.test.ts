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
