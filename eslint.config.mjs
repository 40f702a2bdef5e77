import next from "eslint-config-next";

// Layers, top to bottom; a layer imports only from layers below it (and its own files):
//   app → components → lib/{actions,api,wizard,export,pdf} → lib/dal → lib/{auth,db,env.ts} → lib/domain
// lib/pdf is fed only by the report model, so it imports lib/domain alone. lib/domain is pure: no
// other code of this repo, no next/react/prisma/server-only, no process.env. Inside lib/domain each
// stage folder's index.ts is its public surface, and the folders form a fixed order (no cycles).
// Server actions live in lib/actions only ("use server" anywhere else is refused).

const DOMAIN_ORDER = [
  ["shared"],
  ["catalog"],
  ["licence", "capability", "sizing", "lifecycle", "safety"],
  ["adaptation", "economics"],
  ["assessment"],
  ["recommendation"],
  ["report"],
  ["portfolio", "bom"],
];

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/__fixtures__/**"];
const ALL = ["app", "components", "lib/actions", "lib/api", "lib/wizard", "lib/export", "lib/pdf", "lib/dal", "lib/auth", "lib/db", "lib/env.ts", "lib/generated", "lib/domain", "lib/testing", "lib/bench", "lib/safe-next.ts", "prisma", "e2e"];

/** `files` may import nothing from `forbidden` (paths from the repository root). */
function layer(name, files, forbidden, extra = {}) {
  return {
    name: `freehold/layers/${name}`,
    files,
    ignores: [...TESTS, ...(extra.ignores ?? [])],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: forbidden.map((from) => ({ target: files.map((f) => `./${f.replace(/\/\*\*.*$/, "")}`), from: `./${from}`, message: `Layer rule: ${name} must not import ${from} (see eslint.config.mjs).` })) },
      ],
    },
  };
}

const except = (...keep) => ALL.filter((p) => !keep.includes(p));

const PURE_PACKAGES = {
  paths: ["react", "react-dom", "next", "server-only", "pg", "better-auth", "@react-pdf/renderer", "recharts"].map((name) => ({ name, message: "lib/domain is pure: no framework, database or rendering packages." })),
  patterns: [
    { group: ["next/*", "react/*", "react-dom/*", "@prisma/*", "better-auth/*", "@electric-sql/*", "pglite-prisma-adapter", "node:*"], message: "lib/domain is pure: no framework, database or Node packages." },
    { regex: "^@/lib/domain/", message: "Inside lib/domain, import another folder as ../<folder> (its index), not through @/." },
  ],
};

/** Inside lib/domain/<folder>: another folder only through its index, and only a folder below it. */
function domainFolder(folder, level) {
  const higher = DOMAIN_ORDER.slice(level).flat().filter((f) => f !== folder);
  return {
    name: `freehold/domain/${folder}`,
    files: [`lib/domain/${folder}/**/*.{ts,tsx}`],
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...PURE_PACKAGES,
          patterns: [
            ...PURE_PACKAGES.patterns,
            // "../x/y" from a folder's top level, "../../x/y" from one folder deeper: a deep import.
            { regex: "^\\.\\./(\\.\\./)?(shared|catalog|licence|capability|sizing|lifecycle|safety|adaptation|economics|assessment|recommendation|report|portfolio|bom)/", message: "Import another domain folder through its index.ts: ../<folder>, never ../<folder>/<file>." },
            ...(higher.length ? [{ regex: `^\\.\\./(\\.\\./)?(${higher.join("|")})$`, message: `lib/domain/${folder} may import only folders before it in the order ${DOMAIN_ORDER.map((l) => l.join("/")).join(" → ")}.` }] : []),
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "lib/domain is pure: configuration comes in as arguments (lib/env.ts reads the environment)." }],
    },
  };
}

const config = [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...next,
  layer("app", ["app/**"], ["lib/db", "lib/generated", "prisma", "e2e", "lib/testing", "lib/bench"]),
  // Components reach the server only through lib/actions; they get data as props (domain types).
  layer("components", ["components/**"], [...except("lib/actions", "lib/wizard", "lib/domain", "lib/auth", "lib/safe-next.ts", "components"), "lib/auth/auth.ts", "lib/auth/session.ts"]),
  layer("lib/actions", ["lib/actions/**"], except("lib/actions", "lib/wizard", "lib/dal", "lib/auth", "lib/env.ts", "lib/domain")),
  // The REST API sits beside the server actions: route handlers call it, it calls the DAL and
  // reuses the export layer's renderers.
  layer("lib/api", ["lib/api/**"], except("lib/api", "lib/export", "lib/wizard", "lib/dal", "lib/auth", "lib/env.ts", "lib/domain")),
  layer("lib/wizard", ["lib/wizard/**"], except("lib/wizard", "lib/domain")),
  layer("lib/export", ["lib/export/**"], except("lib/export", "lib/dal", "lib/auth", "lib/pdf", "lib/wizard", "lib/domain")),
  layer("lib/pdf", ["lib/pdf/**"], except("lib/pdf", "lib/domain")),
  layer("lib/dal", ["lib/dal/**"], except("lib/dal", "lib/auth", "lib/db", "lib/generated", "lib/domain")),
  layer("lib/auth", ["lib/auth/**"], except("lib/auth", "lib/db", "lib/env.ts", "lib/domain", "lib/safe-next.ts")),
  layer("lib/db", ["lib/db/**", "lib/env.ts"], except("lib/db", "lib/env.ts", "lib/generated", "lib/domain")),
  layer("lib/domain", ["lib/domain/**"], except("lib/domain")),
  ...DOMAIN_ORDER.flatMap((folders, level) => folders.map((f) => domainFolder(f, level))),
  {
    // Outside lib/domain, a domain folder is imported through its index only (tests may go deeper).
    name: "freehold/domain-surfaces",
    files: ["app/**", "components/**", "lib/**", "prisma/**", "e2e/**"],
    ignores: ["lib/domain/**", ...TESTS],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^@/lib/domain/[^/]+/", message: "Import a domain folder through its index.ts: @/lib/domain/<folder>." }] }],
    },
  },
  {
    // One place for server actions: lib/actions/<feature>.ts, each behind lib/actions/safe-action.ts.
    name: "freehold/actions-in-lib-actions",
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/actions/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "ExpressionStatement[directive='use server']", message: "Server actions live in lib/actions/<feature>.ts and go through its wrapper (safe-action.ts)." }],
    },
  },
];

export default config;
