// The security headers every response carries (proxy.ts sets them; next.config.js repeats the
// static ones for files the proxy does not see). Pure, so tests can read the policy.
//
// CSP choices:
// - script-src: a fresh nonce per request plus 'strict-dynamic'. Next puts the nonce on its own
//   scripts (it reads it from this header during rendering), so every page is rendered per request.
// - style-src: our CSS is a file ('self'); Next's own inline <style> tags get the nonce. Inline
//   style *attributes* are allowed (style-src-attr 'unsafe-inline'): React renders `style={...}`
//   into the HTML (recharts sizes its SVG, the skip link, progress bars this way) and attributes
//   cannot take a nonce. A style attribute cannot run script; the residual risk is CSS-based
//   exfiltration, which needs markup injection that React's escaping already prevents.
// - frame-ancestors 'none' + X-Frame-Options DENY: no other site may frame us (clickjacking).
// - connect-src 'self': the app only talks to itself; img-src adds data:/blob: for charts/downloads.
export type TSecurityHeaderOptions = { nonce: string; isHttps: boolean; isDev: boolean };

export function contentSecurityPolicy({ nonce, isHttps, isDev }: TSecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (isHttps) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers that do not depend on the request (also set by next.config.js for static files). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), interest-cohort=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-DNS-Prefetch-Control": "off",
};

/** Two years, subdomains included: only sent when the request reached us over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(options: TSecurityHeaderOptions): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.isHttps ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
