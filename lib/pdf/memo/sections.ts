// The verdict, options, finance and leverage sections (issue 11), drawn from the pure content in
// lib/domain/report/memo-sections.ts: the screen and the memo read the same words and numbers.
import { memoSections, type TMemoConcentration, type TReport } from "@/lib/domain/report";
import type { TBlock, TSection } from "../model/types";

export function verdictSections(report: TReport, concentration?: TMemoConcentration | null): TSection[] {
  return memoSections(report, concentration).map((section) => {
    const blocks: TBlock[] = [{ kind: "heading", level: 2, text: section.heading }];
    for (const text of section.paragraphs) blocks.push({ kind: "paragraph", text });
    if (section.bullets.length > 0) blocks.push({ kind: "list", items: section.bullets.map((text) => ({ label: "•", text })) });
    for (const table of section.tables) {
      if (table.rows.length === 0) continue;
      // The first column names the row (a row header); the others share what is left of the width.
      const rest = table.columns.length - 1;
      blocks.push(
        { kind: "heading", level: 3, text: table.caption, keepWithNext: true },
        {
          kind: "table",
          style: "small",
          columns: [0.3, ...Array.from({ length: rest }, () => 0.7 / rest)],
          header: table.columns,
          rows: table.rows.map(([head, ...cells]) => ({ header: head ?? "", cells: cells.map((text) => ({ text })) })),
        },
      );
    }
    return { blocks };
  });
}
