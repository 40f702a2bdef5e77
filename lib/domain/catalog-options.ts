// Picker options and display names for catalog ids, shared by forms, lists and validation.
// Placeholder until the catalog lands: replaced by lookups into lib/domain/catalog.
export type TOptionGroup = { label: string; options: { value: string; label: string }[] };

export function candidateOptionGroups(): TOptionGroup[] {
  return [{ label: "Models", options: [{ value: "llama-3.3-70b-instruct", label: "Llama 3.3 70B Instruct" }] }];
}
export function incumbentOptionGroups(): TOptionGroup[] {
  return [{ label: "APIs", options: [{ value: "openai-gpt-4o", label: "OpenAI gpt-4o" }] }];
}
export function isKnownCandidate(id: string): boolean {
  return candidateOptionGroups().some((g) => g.options.some((o) => o.value === id));
}
export function isKnownIncumbent(id: string): boolean {
  return incumbentOptionGroups().some((g) => g.options.some((o) => o.value === id));
}
export function describeCandidate(id: string): string {
  return candidateOptionGroups().flatMap((g) => g.options).find((o) => o.value === id)?.label ?? id;
}
export function describeIncumbent(id: string): string {
  return incumbentOptionGroups().flatMap((g) => g.options).find((o) => o.value === id)?.label ?? id;
}
