import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiText } from "./openapi";
import { OPERATIONS } from "./contract";
import { decodeKeyset, encodeKeyset } from "@/lib/domain/portfolio";

describe("OpenAPI document", () => {
  it("is what the committed openapi.json holds (regenerate with npm run openapi:write)", () => {
    expect(fs.readFileSync(path.resolve(__dirname, "../../openapi.json"), "utf8")).toBe(openApiText());
  });

  it("describes every operation once, with its scope, and every $ref resolves", () => {
    const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { operationId: string; "x-required-scope": string }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.values(doc.paths).flatMap((m) => Object.values(m));
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const o of ops) expect(o["x-required-scope"]).toBe(OPERATIONS[o.operationId as keyof typeof OPERATIONS].scope);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    for (const r of new Set(refs)) expect(doc.components.schemas[r], r).toBeDefined();
  });
});

describe("list cursor", () => {
  it("round-trips a key and refuses what it did not make", () => {
    const key = { sort: "owned", dir: "asc", value: 1234.5678901234, id: "ckx1" } as const;
    expect(decodeKeyset(encodeKeyset(key))).toEqual(key);
    expect(decodeKeyset(encodeKeyset({ ...key, value: null }))).toEqual({ ...key, value: null });
    expect(decodeKeyset("forged")).toBeNull();
    expect(decodeKeyset(Buffer.from('k1:{"sort":"nope","dir":"asc","value":1,"id":"x"}').toString("base64url"))).toBeNull();
    expect(decodeKeyset(Buffer.from("k1:{not json").toString("base64url"))).toBeNull();
  });
});
