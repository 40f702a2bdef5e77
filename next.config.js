/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WebAssembly Postgres and its data files, and pdfkit reads its font metrics from
  // files beside its code: bundling either breaks their file lookups. fontkit stays external too,
  // so the memo fonts are parsed by the same copy pdfkit lays text out with.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pdfkit", "fontkit"],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. parallel e2e runs) without overwriting each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

module.exports = nextConfig;
