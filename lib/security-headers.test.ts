import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

describe("security headers (issue 17 item 6)", () => {
  const csp = contentSecurityPolicy({ nonce: "abc123", isHttps: false, isDev: false });
  const directives = Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

  it("allows only nonce'd scripts, no eval and no framing", () => {
    expect(directives["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
  });

  it("keeps inline <style> to the nonce; only style attributes are inline", () => {
    expect(directives["style-src-elem"]).toBe("'self' 'nonce-abc123'");
    expect(directives["style-src-attr"]).toBe("'unsafe-inline'");
  });

  it("adds HSTS and upgrade-insecure-requests only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", isHttps: false, isDev: false })["Strict-Transport-Security"]).toBeUndefined();
    const tls = securityHeaders({ nonce: "n", isHttps: true, isDev: false });
    expect(tls["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(tls["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("sets the static headers a reviewer expects", () => {
    const h = securityHeaders({ nonce: "n", isHttps: false, isDev: false });
    expect(h).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(h["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });
});
