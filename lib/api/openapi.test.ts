import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiText } from "./openapi";
import { OPERATIONS } from "./contract";
import { decodeKeyset, encodeKeyset } from "@/lib/domain/portfolio";
import { TokenBuckets } from "./rate-limit";

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

describe("token buckets", () => {
  it("lets a burst of `capacity` through, then refuses with the seconds until one call is back", () => {
    const b = new TokenBuckets(3);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => b.take("a", t0).ok)).toEqual([true, true, true]);
    expect(b.take("a", t0)).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(b.take("b", t0).ok).toBe(true); // per token
    expect(b.take("a", t0 + 20_000).ok).toBe(true); // one call refilled after 60 s / 3
  });
});
