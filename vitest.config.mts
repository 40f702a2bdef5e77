import { defineConfig } from "vitest/config";
import path from "node:path";

// Two suites: `unit` (pure code, fast) and `integration` (a fresh pglite:memory database per file,
// or real PostgreSQL when TEST_DATABASE_URL is set). Files named *.int.test.ts are integration.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "."),
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "prisma/**/*.int.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
