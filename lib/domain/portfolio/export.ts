// The portfolio as a CSV for spreadsheets, and the file names of the downloads. Raw numbers in the
// cells (a spreadsheet formats and sums them) rounded as a ledger wants them, units in the one header
// row, model names (a custom model's own name, not its id) beside their ids.
import { fileTitle, slugify, toCsvLines } from "../shared";
import { STATUS_LABELS, VERDICT_LABELS } from "./query";

/** One portfolio row: what the list shows and the CSV holds (lib/dal/portfolio returns these). */
export type TPortfolioCsvRow = {
  id: string;
  title: string;
  status: keyof typeof STATUS_LABELS;
  candidateModelId: string;
  incumbentApiId: string;
  verdict: keyof typeof VERDICT_LABELS | null;
  monthlyOwnedUsd: number | null;
  monthlyApiUsd: number | null;
  crossoverTokensPerMonth: number | null;
  capabilityGapPp: number | null;
  licenceBlockers: number | null;
  ownerName: string;
  updatedAt: Date;
  updatedByName: string;
  version: number;
  /** A custom candidate's name from its inputs (lists know only its id); absent for catalog models. */
  candidateName?: string | null;
};

export const PORTFOLIO_CSV_HEADER = [
  "Title",
  "Status",
  "Candidate model",
  "Candidate model id",
  "Incumbent API",
  "Incumbent API id",
  "Recommendation",
  "Owned cost (USD/month)",
  "API cost (USD/month)",
  "Crossover volume (tokens/month)",
  "Capability gap vs incumbent (pp)",
  "Licence blockers (count)",
  "Owner",
  "Last update (UTC)",
  "Last updated by",
  "Version",
  "Assessment id",
] as const;

// Excel reads a CSV without a byte-order mark as the local code page and garbles "Łódź".
const UTF8_BOM = "\uFEFF";

type TCsvNames = { candidate: (id: string) => string; incumbent: (id: string) => string };

// What finance pastes into a ledger: money to the cent, volumes whole, gaps to a hundredth of a point.
const cents = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
const whole = (x: number | null) => (x === null ? null : Math.round(x));
const hundredths = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

function csvRow(r: TPortfolioCsvRow, names: TCsvNames): (string | number | null)[] {
  return [
    r.title,
    STATUS_LABELS[r.status],
    r.candidateName || names.candidate(r.candidateModelId),
    r.candidateModelId,
    names.incumbent(r.incumbentApiId),
    r.incumbentApiId,
    r.verdict ? VERDICT_LABELS[r.verdict] : "",
    cents(r.monthlyOwnedUsd),
    cents(r.monthlyApiUsd),
    whole(r.crossoverTokensPerMonth),
    hundredths(r.capabilityGapPp),
    r.licenceBlockers,
    r.ownerName,
    r.updatedAt.toISOString(),
    r.updatedByName,
    r.version,
    r.id,
  ];
}

/** The file's start (byte-order mark and header line), for a CSV sent in pieces. */
export function portfolioCsvStart(): string {
  return UTF8_BOM + toCsvLines([PORTFOLIO_CSV_HEADER]);
}

/** Rows as CSV lines (no header), each ending in CRLF, to follow portfolioCsvStart. */
export function portfolioCsvLines(rows: readonly TPortfolioCsvRow[], names: TCsvNames): string {
  return toCsvLines(rows.map((r) => csvRow(r, names)));
}

export function portfolioCsv(rows: readonly TPortfolioCsvRow[], names: TCsvNames): string {
  return portfolioCsvStart() + portfolioCsvLines(rows, names);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** "freehold-northwind-assessments-2026-11-28.csv" */
export function portfolioCsvFilename(slug: string, exportedAt: Date): string {
  return `freehold-${slugify(slug, { maxLength: 60, fallback: "assessment" })}-assessments-${isoDay(exportedAt)}.csv`;
}

/** "<title>-v<version>.freehold.json": ASCII for old clients, the title as typed for the rest. */
export function assessmentJsonFilename(title: string, version: number): { ascii: string; unicode: string } {
  const ascii = slugify(title, { maxLength: 60, fallback: "assessment" });
  return { ascii: `${ascii}-v${version}.freehold.json`, unicode: `${fileTitle(title).replace(/\s+/g, " ")}-v${version}.freehold.json` };
}
