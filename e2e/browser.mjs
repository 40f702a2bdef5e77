// Finds a Chromium for Playwright: Playwright's own download if present, else Debian's.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** Returns { executablePath } to pass to launchOptions, undefined for Playwright's own, or null. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return fs.existsSync(process.env.CHROMIUM_PATH) ? { executablePath: process.env.CHROMIUM_PATH } : null;
  try {
    if (fs.existsSync(chromium.executablePath())) return { executablePath: undefined };
  } catch {
    /* Playwright has no browser of its own here */
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM };
  return null;
}
