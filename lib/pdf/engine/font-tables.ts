// Rewrites a TrueType file's table directory: the memo's copy of DejaVu Sans without the tables
// that only slow text layout down. Pure and synchronous; the glyphs themselves are untouched.

/** Tables the memo drops: OpenType shaping (GSUB/GPOS/GDEF), math layout (MATH), FontForge's timestamp. */
export const SHAPING_TABLES = ["GSUB", "GPOS", "GDEF", "MATH", "FFTM"] as const;

/** Name records kept: copyright, family, subfamily, unique id, full name, version, PostScript name. */
const KEPT_NAME_IDS = new Set([0, 1, 2, 3, 4, 5, 6]);

type TTable = { tag: string; data: Uint8Array };

function readTables(font: Uint8Array): { sfntVersion: number; tables: TTable[] } {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const sfntVersion = view.getUint32(0);
  if (sfntVersion !== 0x00010000 && sfntVersion !== 0x74727565) throw new Error("Not a TrueType font (expected glyf outlines).");
  const numTables = view.getUint16(4);
  const tables: TTable[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > font.byteLength) throw new Error(`Font table ${tag} runs past the end of the file.`);
    tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  return { sfntVersion, tables };
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded = data.length + ((4 - (data.length % 4)) % 4);
  for (let i = 0; i < padded; i += 4) {
    const word = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

function writeFont(sfntVersion: number, tables: TTable[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const headerSize = 12 + 16 * sorted.length;
  const pad4 = (n: number) => n + ((4 - (n % 4)) % 4);
  const size = sorted.reduce((sum, t) => sum + pad4(t.data.length), headerSize);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(sorted.length));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, sfntVersion);
  view.setUint16(4, sorted.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, sorted.length * 16 - searchRange);
  let offset = headerSize;
  let headOffset = -1;
  sorted.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let c = 0; c < 4; c += 1) out[at + c] = t.tag.charCodeAt(c);
    out.set(t.data, offset);
    if (t.tag === "head") {
      headOffset = offset;
      view.setUint32(offset + 8, 0); // checkSumAdjustment is computed over the whole file below
    }
    view.setUint32(at + 4, checksum(out.subarray(offset, offset + t.data.length)));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, t.data.length);
    offset += pad4(t.data.length);
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The 'name' table with only the identifying records (the long licence text stays in DejaVu-LICENSE.txt). */
function slimNameTable(name: Uint8Array): Uint8Array {
  const view = new DataView(name.buffer, name.byteOffset, name.byteLength);
  if (view.getUint16(0) !== 0) return name; // format 1 (language tags): leave as it is
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  const kept: { header: number[]; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 6 + i * 12;
    const nameId = view.getUint16(at + 6);
    if (!KEPT_NAME_IDS.has(nameId)) continue;
    const length = view.getUint16(at + 8);
    const offset = view.getUint16(at + 10);
    kept.push({ header: [view.getUint16(at), view.getUint16(at + 2), view.getUint16(at + 4), nameId], bytes: name.subarray(storage + offset, storage + offset + length) });
  }
  const newStorage = 6 + kept.length * 12;
  const out = new Uint8Array(newStorage + kept.reduce((sum, k) => sum + k.bytes.length, 0));
  const w = new DataView(out.buffer);
  w.setUint16(2, kept.length);
  w.setUint16(4, newStorage);
  let offset = 0;
  kept.forEach((k, i) => {
    const at = 6 + i * 12;
    k.header.forEach((v, j) => w.setUint16(at + j * 2, v));
    w.setUint16(at + 8, k.bytes.length);
    w.setUint16(at + 10, offset);
    out.set(k.bytes, newStorage + offset);
    offset += k.bytes.length;
  });
  return out;
}

/**
 * The font without its OpenType shaping tables and with a short name table. Same glyphs, same
 * character map, same advance widths and the same kerning pairs (the TrueType 'kern' table stays);
 * only ligatures and mark positioning go, which Latin text in a memo does not use. Without GSUB and
 * GPOS fontkit (pdfkit's font engine) lays a run out with a table lookup instead of an OpenType
 * shaping plan, and still kerns it from the 'kern' table.
 */
export function withoutShapingTables(font: Uint8Array): Uint8Array {
  const { sfntVersion, tables } = readTables(font);
  const drop = new Set<string>(SHAPING_TABLES);
  const kept = tables.filter((t) => !drop.has(t.tag)).map((t) => (t.tag === "name" ? { tag: t.tag, data: slimNameTable(t.data) } : t));
  return writeFont(sfntVersion, kept);
}

/** Table tags of a TrueType file, for tests. */
export function fontTableTags(font: Uint8Array): string[] {
  return readTables(font).tables.map((t) => t.tag);
}
