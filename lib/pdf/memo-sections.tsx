// The issue-11 memo sections (verdict, options, finance, leverage) drawn from the pure content in
// lib/domain/report/memo-sections.ts with the existing block kit: headings, paragraphs, bullets,
// and each table row as one bullet of "column: value" pairs (no table primitive in this kit).
import { memoSections, type TMemoConcentration, type TReport } from "@/lib/domain/report";
import type { MemoBlocks, TBlock } from "./memo-kit";

export function issueSectionBlocks(b: MemoBlocks, report: TReport, concentration?: TMemoConcentration | null): TBlock[] {
  const blocks: TBlock[] = [];
  for (const section of memoSections(report, concentration)) {
    blocks.push(b.h2(`s11-${section.id}`, section.heading));
    section.paragraphs.forEach((p, i) => blocks.push(...b.para(`s11-${section.id}-p${i}`, p)));
    section.bullets.forEach((t, i) => blocks.push(b.bullet(`s11-${section.id}-b${i}`, "•", t)));
    section.tables.forEach((table, ti) =>
      table.rows.forEach((row, ri) =>
        blocks.push(
          b.bullet(
            `s11-${section.id}-t${ti}-${ri}`,
            `${ri + 1}.`,
            row.map((cell, ci) => (ci === 0 ? cell : `${table.columns[ci]}: ${cell}`)).join(" · "),
          ),
        ),
      ),
    );
  }
  return blocks;
}
