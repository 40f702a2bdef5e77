const { maxRequestBodyBytes } = require("./lib/limits.json");

// Mirrors STATIC_SECURITY_HEADERS in lib/security-headers.ts for responses the proxy does not
// handle (build assets); proxy.ts sets these plus the per-request CSP on everything else.
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), interest-cohort=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  { key: "X-DNS-Prefetch-Control", value: "off" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WebAssembly Postgres and its data files, and pdfkit reads its font metrics from
  // files beside its code: bundling either breaks their file lookups. fontkit stays external too,
  // so the memo fonts are parsed by the same copy pdfkit lays text out with.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit", "fontkit", "pino"],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. parallel e2e runs) without overwriting each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Uploads (evaluation files, assessment imports) travel as server-action bodies.
    serverActions: { bodySizeLimit: maxRequestBodyBytes },
  },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

module.exports = nextConfig;
