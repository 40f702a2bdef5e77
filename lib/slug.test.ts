import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/domain/shared";
import { safeNext } from "@/lib/safe-next";

describe("slugify", () => {
  it.each([
    ["Acme Corp", "acme-corp"],
    ["Łódź Analytics", "lodz-analytics"],
    ["  --Hello__World--  ", "hello-world"],
    ["€€€", "org"],
  ])("%s -> %s", (name, slug) => expect(slugify(name)).toBe(slug));
});

describe("safeNext", () => {
  it.each([
    ["/o/acme/assessments", "/o/acme/assessments"],
    ["//evil.example", "/orgs"],
    ["/\\evil.example", "/orgs"],
    ["https://evil.example", "/orgs"],
    [null, "/orgs"],
  ])("%s -> %s", (input, out) => expect(safeNext(input)).toBe(out));
});
