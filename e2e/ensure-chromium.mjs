// Makes sure the e2e suite has a Chromium: Playwright's, Debian's, or Debian's installed now.
import { execSync } from "node:child_process";
import { findChromium, DEBIAN_CHROMIUM } from "./browser.mjs";

if (findChromium()) process.exit(0);

const isRoot = process.getuid?.() === 0;
let hasApt = false;
try {
  execSync("command -v apt-get", { stdio: "ignore", shell: "/bin/sh" });
  hasApt = true;
} catch {
  hasApt = false;
}
if (isRoot && hasApt) {
  console.log("No Chromium found for the browser tests; installing Debian's chromium (apt-get)...");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit", shell: "/bin/sh" });
  if (findChromium()) process.exit(0);
}
console.error(
  [
    "No Chromium found for the browser tests.",
    "Install one, then run the tests again:",
    `  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium   (gives ${DEBIAN_CHROMIUM})`,
    "  - or with internet access: npx playwright install chromium",
    "  - or point CHROMIUM_PATH at an existing Chromium/Chrome binary.",
  ].join("\n"),
);
process.exit(1);
