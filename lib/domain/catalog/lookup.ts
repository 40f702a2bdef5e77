// Id lookups shared by every catalog list. A duplicate id is a data bug, so it fails at import.
export function indexById<T extends { id: string }>(items: readonly T[], kind: string): (id: string) => T | undefined {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) throw new Error(`Duplicate ${kind} id in catalog: ${item.id}`);
    byId.set(item.id, item);
  }
  return (id) => byId.get(id);
}
