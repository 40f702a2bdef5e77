// The history diff and the snapshot view list stored inputs by path ("capability.workloads[0].candidate.sampleCount");
// a reader needs the form's words ("Workload 1: Candidate samples") and values as the form shows
// them (option labels, grouped numbers). Server-only: it reads every stage's field specs, which the
// client bundle should not carry.
import type { TInputChange } from "@/lib/domain/report";
import { STAGE_KEYS, type TStageKey } from "@/lib/domain/shared";
import { formatFieldValue, nameField } from "./field-labels";
import { STAGE_FIELD_GROUPS, type TFieldSpec } from "./stage-fields";

const TOP_LEVEL: Record<string, string> = { title: "Title", candidateModelId: "Candidate model", incumbentApiId: "Incumbent API" };

/** A stored path in the form's dotted shape, split into its stage and the rest ("a[2].b" → "a.2.b"). */
function splitPath(path: string): { stage: TStageKey | null; rest: string } {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  const [head, ...rest] = dotted.split(".");
  return (STAGE_KEYS as readonly string[]).includes(head) ? { stage: head as TStageKey, rest: rest.join(".") } : { stage: null, rest: dotted };
}

/** A flattened leaf back as the field holds it: numbers and booleans were JSON-encoded, text was not. */
function parseLeaf(spec: TFieldSpec, text: string): unknown {
  if (spec.kind === "bool") return text === "true" ? true : text === "false" ? false : text;
  const n = Number(text);
  return spec.kind === "number" && text.trim() !== "" && Number.isFinite(n) ? n : text;
}

/** "numHiddenLayers.x" → "num hidden layers x": the custom model's stored keys have no form labels. */
const words = (key: string) => key.replace(/\./g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

export type TLabelledInputChange = TInputChange & { label: string };

/**
 * Each change with the form's name for its field, and its values shown as the form shows them.
 * A path no field edits keeps the path itself as its name (so nothing is hidden); "—" (absent) and
 * values of fields without a spec stay as stored.
 */
export function labelInputChanges(changes: readonly TInputChange[]): TLabelledInputChange[] {
  return changes.map((c) => {
    if (TOP_LEVEL[c.path]) return { ...c, label: TOP_LEVEL[c.path] };
    const { stage, rest } = splitPath(c.path);
    if (!stage) return { ...c, label: rest.startsWith("customModel.") ? `Custom model: ${words(rest.slice("customModel.".length))}` : c.path };
    const groups = STAGE_FIELD_GROUPS[stage];
    const name = nameField(groups, rest);
    if (!name) return { ...c, label: c.path };
    // One entry of a multiple choice ("orgFacts.regions.0") is shown by its option's label.
    const parent = /\.\d+$/.test(rest) ? nameField(groups, rest.replace(/\.\d+$/, "")) : null;
    const spec = name.spec ?? (parent?.spec?.kind === "multi" ? parent.spec : null);
    const show = (v: string) => (v === "—" || !spec ? v : formatFieldValue(spec, parseLeaf(spec, v)));
    return { ...c, label: name.label, before: show(c.before), after: show(c.after) };
  });
}
