import { describe, expect, it } from "vitest";
import { extent, linePath, linearScale } from "./chart-scale";

describe("chart scale", () => {
  it("maps a nice domain onto the range and ticks at round numbers", () => {
    const x = linearScale([0, 37_000], [0, 100]);
    expect(x.domain).toEqual([0, 40_000]);
    expect(x(20_000)).toBe(50);
    expect(x.ticks(4)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
  });

  it("keeps an exact domain when asked and survives a zero-width one", () => {
    expect(linearScale([1, 36], [0, 350], false)(36)).toBe(350);
    expect(Number.isFinite(linearScale([5, 5], [0, 10])(5))).toBe(true);
  });

  it("includes zero in cost extents and draws a path", () => {
    expect(extent([3, 9])).toEqual([0, 9]);
    expect(extent([-4, 2], false)).toEqual([-4, 2]);
    expect(linePath([{ x: 0, y: 1 }, { x: 2.25, y: 3 }])).toBe("M 0.0 1.0 L 2.3 3.0");
  });
});
