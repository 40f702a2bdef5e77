// The offline schema engine is the wasm build of exactly the engine the Prisma CLI was released with.
// A Prisma upgrade that forgets the wasm package (or the other way round) would migrate with a
// mismatched engine; this fails first, naming the versions to align.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaEngineWasmVersion } from "./wasm-engine.mjs";

const require = createRequire(import.meta.url);
/** The installed version of a package, found from its entry point (some packages export no package.json). */
function versionOf(pkg: string): string {
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    entry = require.resolve(`${pkg}/package.json`);
  }
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version: string };
    if (json.name === pkg) return json.version;
  }
  throw new Error(`${pkg} is not installed`);
}

describe("Prisma packages and the schema-engine stand-in", () => {
  const cli = versionOf("prisma");

  it.each(["@prisma/client", "@prisma/adapter-pg", "@prisma/driver-adapter-utils"])("%s is the CLI's version", (pkg) => {
    expect(versionOf(pkg), `${pkg} must equal prisma ${cli} (package.json pins)`).toBe(cli);
  });

  it("the wasm engine is built for this CLI release and carries the CLI's engine hash", () => {
    const enginesHash = (require("@prisma/engines-version") as { enginesVersion: string }).enginesVersion;
    const wasm = versionOf("@prisma/schema-engine-wasm");
    expect(wasm.startsWith(`${cli}-`), `@prisma/schema-engine-wasm ${wasm} is not a build of prisma ${cli}`).toBe(true);
    expect(schemaEngineWasmVersion(), "wasm engine hash vs @prisma/engines-version").toBe(enginesHash);
  });
});
