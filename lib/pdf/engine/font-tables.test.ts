import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontTableTags, SHAPING_TABLES, withoutShapingTables } from "./font-tables";

const fontFile = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "public", "fonts", name)));

describe("withoutShapingTables", () => {
  it.each(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])("drops only the shaping tables of %s and keeps the glyphs whole", (name) => {
    const original = fontFile(name);
    const light = withoutShapingTables(original);
    const before = fontTableTags(original);
    const after = fontTableTags(light);
    for (const tag of SHAPING_TABLES) expect(after).not.toContain(tag);
    expect(after.sort()).toEqual(before.filter((t) => !(SHAPING_TABLES as readonly string[]).includes(t)).sort());
    for (const tag of ["cmap", "glyf", "loca", "hmtx", "kern", "head", "name", "post"]) expect(after).toContain(tag);
    expect(light.length).toBeLessThan(original.length);
  });

  it("rejects a file that is not a TrueType font", () => {
    expect(() => withoutShapingTables(new Uint8Array(64))).toThrow(/TrueType/);
  });
});
