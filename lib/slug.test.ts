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
    ["", "/orgs"],
    ["/o/acme/assessments?status=draft#list", "/o/acme/assessments?status=draft#list"],
    // Issue 17: browsers strip tab/CR/LF, turning these into protocol-relative URLs (or a 500).
    ["/\t/evil.example/phish", "/orgs"],
    ["/\n/evil.example", "/orgs"],
    ["/\r/evil.example", "/orgs"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/ /evil.example", "/orgs"],
    ["/\u0000/x", "/orgs"],
    ["/\u2028/evil.example", "/orgs"],
    ["/o/acme\\..\\evil", "/orgs"],
    ["javascript:alert(1)", "/orgs"],
    ["/\u00a0/evil.example", "/orgs"],
  ])("%s -> %s", (input, out) => expect(safeNext(input)).toBe(out));
});
