import { describe, expect, it } from "vitest";
import { packBlocks } from "./page-packing";

const h = (...heights: number[]) => heights.map((height) => ({ height }));

describe("packBlocks", () => {
  it("fills pages in reading order and opens a new one when a block does not fit", () => {
    expect(packBlocks(h(40, 40, 30, 50, 10), 100)).toEqual([[0, 1], [2, 3, 4]]);
  });

  it("keeps a heading with the block after it", () => {
    const blocks = [{ height: 60 }, { height: 20, keepWithNext: true }, { height: 30 }];
    expect(packBlocks(blocks, 100)).toEqual([[0], [1, 2]]);
  });

  it("keeps a chain of headings with the first block after them", () => {
    const blocks = [{ height: 50 }, { height: 10, keepWithNext: true }, { height: 10, keepWithNext: true }, { height: 40 }];
    expect(packBlocks(blocks, 100)).toEqual([[0], [1, 2, 3]]);
  });

  it("starts a section on a new page when less than the room it asks for is left", () => {
    const blocks = [{ height: 50 }, { height: 10, needsRoom: 60 }, { height: 10 }];
    expect(packBlocks(blocks, 100)).toEqual([[0], [1, 2]]);
    expect(packBlocks([{ height: 30 }, ...blocks.slice(1)], 100)).toEqual([[0, 1, 2]]);
  });

  it("never leaves the first page empty, even for a heading whose block is taller than the rest of it", () => {
    const blocks = [{ height: 10, keepWithNext: true }, { height: 95 }];
    expect(packBlocks(blocks, 100)).toEqual([[0], [1]]);
  });

  it("leaves a block taller than a page where it starts and continues where it would end", () => {
    // 30 + 250 ends 80 points into a page: 10 more fit there, 40 do not.
    expect(packBlocks(h(30, 250, 10, 40), 100)).toEqual([[0, 1, 2], [3]]);
  });

  it("starts a new page where asked, but never leaves a page empty for it", () => {
    expect(packBlocks([{ height: 10 }, { height: 10, startsPage: true }, { height: 10 }], 100)).toEqual([[0], [1, 2]]);
    expect(packBlocks([{ height: 10, startsPage: true }, { height: 10 }], 100)).toEqual([[0, 1]]);
  });
});
