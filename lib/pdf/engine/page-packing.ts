// Packs a memo's pieces (which never break across pages) into pages before anything is drawn.
// Pure: heights in, page contents out. Knowing the pages up front is what lets each page print
// "Page n of N" as plain text.

export type TPackable = {
  height: number;
  /** A heading: keep it on the same page as the block after it. */
  keepWithNext?: boolean;
  /** Start on a new page unless at least this much room is left (a section should not start at the foot of a page). */
  needsRoom?: number;
  /** Start a new page (a page-break hint in the memo). */
  startsPage?: boolean;
};

/**
 * Greedy first-fit in reading order: a block goes on the current page if it (and, for a heading,
 * the block it introduces) fits, else it opens a new page. Returns each page's block indices. A
 * block taller than a page stays where it starts (the layout cuts text into pieces so that none is),
 * and what follows goes where it would end.
 */
export function packBlocks(blocks: readonly TPackable[], pageHeight: number): number[][] {
  const pages: number[][] = [[]];
  let used = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    if (blocks[i].height > pageHeight) {
      pages[pages.length - 1].push(i);
      used = (used + blocks[i].height) % pageHeight;
      continue;
    }
    // The block plus the chain of blocks it must stay with: headings stay with what follows.
    let chain = blocks[i].height;
    for (let j = i; j < blocks.length - 1 && blocks[j].keepWithNext; j += 1) chain += blocks[j + 1].height;
    const need = Math.max(Math.min(chain, pageHeight), blocks[i].needsRoom ?? 0);
    if (used > 0 && (used + need > pageHeight || blocks[i].startsPage)) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1].push(i);
    used += blocks[i].height;
  }
  return pages;
}
