// Small block builders the memo sections share.
import type { TBlock, TCell, TInline } from "../model/types";

type TList = Extract<TBlock, { kind: "list" }>;

/** A list under its own H3, or nothing when the list is empty. */
export function titledList(title: string, items: TList["items"]): TBlock[] {
  return items.length > 0 ? [{ kind: "heading", level: 3, text: title }, { kind: "list", items }] : [];
}

/** Warnings as a list marked "!". */
export const warningsList = (warnings: readonly string[]): TBlock[] => titledList("Warnings", warnings.map((w) => ({ label: "!", text: w })));

/** Label | value rows (the label is each row's header cell), labels 45% of the width. */
export function keyValueTable(rows: readonly { label: TInline; value: TCell }[], style: "body" | "small" = "body", labelShare = 0.45): TBlock {
  return { kind: "table", columns: [labelShare, 1 - labelShare], style, rows: rows.map((r) => ({ header: r.label, cells: [r.value] })) };
}

/** Text in bold. */
export const bold = (text: string): TInline => [{ text, isBold: true }];
