/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a WebAssembly Postgres and its data files; bundling them breaks their file lookups.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@react-pdf/renderer"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
