import { describe, expect, it } from "vitest";
import { emailDomain, issuerProblem, isSsoErrorCode, normaliseIssuer, parseDomainList, ZSsoForm } from "./sso";

describe("single sign-on settings", () => {
  it("reads the domain of an email, lower-cased, or null", () => {
    expect(emailDomain("Ada@Example.COM")).toBe("example.com");
    expect(emailDomain("odd@name@corp.example")).toBe("corp.example");
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
  });

  it("parses a domain list: separators, case, duplicates and a leading @", () => {
    expect(parseDomainList("Example.com, @example.org;example.com\nsub.example.net")).toEqual({ domains: ["example.com", "example.org", "sub.example.net"] });
  });

  it("names the entry that is not a domain", () => {
    expect(parseDomainList("example.com, https://bad/")).toEqual({ problem: "“https://bad/” is not a domain name (write it like example.com, without https:// or a path)." });
    expect(parseDomainList("localhost")).toHaveProperty("problem");
    expect(parseDomainList("-bad.example")).toHaveProperty("problem");
    expect(parseDomainList("  ")).toEqual({ problem: "Enter at least one email domain, e.g. example.com." });
    expect(parseDomainList(Array.from({ length: 21 }, (_, i) => `d${i}.example`).join(","))).toEqual({ problem: "At most 20 domains per organisation." });
  });

  it("wants an https issuer; plain http only on loopback and only when allowed", () => {
    expect(issuerProblem("https://login.example.com/realms/main", { allowLoopbackHttp: false })).toBeNull();
    expect(issuerProblem("http://login.example.com", { allowLoopbackHttp: true })).toBe("The issuer must be an https:// URL.");
    expect(issuerProblem("http://127.0.0.1:3190", { allowLoopbackHttp: false })).toBe("The issuer must be an https:// URL.");
    expect(issuerProblem("http://127.0.0.1:3190", { allowLoopbackHttp: true })).toBeNull();
    expect(issuerProblem("https://login.example.com/?tenant=1", { allowLoopbackHttp: false })).toMatch(/no query/);
    expect(issuerProblem("https://user:pw@login.example.com", { allowLoopbackHttp: false })).toMatch(/user name or password/);
    expect(issuerProblem("login.example.com", { allowLoopbackHttp: false })).toMatch(/full URL/);
    expect(issuerProblem("ftp://login.example.com", { allowLoopbackHttp: true })).toBe("The issuer must be an https:// URL.");
  });

  it("compares issuers without a trailing slash", () => {
    expect(normaliseIssuer(" https://login.example.com/ ")).toBe("https://login.example.com");
  });

  it("never lets single sign-on grant the owner role", () => {
    const base = { issuer: "https://i.example", clientId: "c", domains: "example.com" };
    expect(ZSsoForm.safeParse({ ...base, defaultRole: "analyst" }).success).toBe(true);
    expect(ZSsoForm.safeParse({ ...base, defaultRole: "owner" }).success).toBe(false);
  });

  it("knows its error codes and nothing else", () => {
    expect(isSsoErrorCode("wrong_audience")).toBe(true);
    expect(isSsoErrorCode("constructor")).toBe(false);
    expect(isSsoErrorCode(undefined)).toBe(false);
  });
});
