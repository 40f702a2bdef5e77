// Test helpers: build reports the way the app does and read a PDF back with poppler.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZAssessmentInputs, type TAssessmentInputs } from "@/lib/domain/assessment";
import { buildReport } from "@/lib/domain/report";
import type { TReport } from "@/lib/domain/report";
import { ASSESSMENT_TEMPLATES } from "@/lib/domain/assessment";

export const GENERATED_AT = new Date("2026-11-28T09:30:00.000Z");

export function reportFrom(args: { id: string; title: string; description?: string; candidateModelId: string; incumbentApiId: string; inputs: TAssessmentInputs; version?: number }): TReport {
  return buildReport({
    assessment: {
      id: args.id,
      title: args.title,
      description: args.description ?? "",
      candidateModelId: args.candidateModelId,
      incumbentApiId: args.incumbentApiId,
      status: "draft",
      version: args.version ?? 1,
      updatedAt: "2026-11-20T12:00:00.000Z",
    },
    inputs: args.inputs,
    // Fewer samples keep the suite quick; the memo prints whatever the model holds.
    options: { monteCarloSamples: 2_000 },
  });
}

export function templateReport(index: number, title?: string, description?: string): TReport {
  const t = ASSESSMENT_TEMPLATES[index];
  return reportFrom({ id: t.id, title: title ?? t.name, description, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, inputs: t.inputs });
}

/** Non-empty lines of a page's layout text, the footer's two lines excluded. */
export function bodyLines(pageText: string): string[] {
  return pageText.split("\n").filter((l) => l.trim() !== "" && !/^\s*(Freehold ·|generated )/.test(l) && !/Page \d+ of \d+\s*$/.test(l));
}

export function emptyReport(title = "Nothing entered yet"): TReport {
  const t = ASSESSMENT_TEMPLATES[0];
  return reportFrom({ id: "empty", title, candidateModelId: t.candidateModelId, incumbentApiId: t.incumbentApiId, inputs: ZAssessmentInputs.parse({}) });
}

export type TPdfRead = { pages: number; layoutText: string; text: string; flat: string; pageTexts: string[]; links: string[] };

/**
 * pdftotext -layout (and plain) plus pdfinfo's page count; `flat` has whitespace runs collapsed;
 * `pageTexts` is the layout text of each page (pdftotext ends every page with a form feed);
 * `links` the distinct link targets (pdfinfo -url).
 */
export function readPdf(bytes: Buffer): TPdfRead {
  const dir = mkdtempSync(path.join(tmpdir(), "freehold-pdf-"));
  try {
    const file = path.join(dir, "memo.pdf");
    writeFileSync(file, bytes);
    const layoutText = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
    const pageTexts = layoutText.split("\f").slice(0, pages);
    const urls = execFileSync("pdfinfo", ["-url", file], { encoding: "utf8" });
    const links = [...new Set([...urls.matchAll(/^\s*\d+\s+Annotation\s+(\S+)/gm)].map((m) => m[1]))];
    return { pages, layoutText, text, flat: layoutText.replace(/\s+/g, " "), pageTexts, links };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
