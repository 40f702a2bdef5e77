// Content of the memo sections issue 11 adds (verdict, options, leverage, finance) as plain data:
// headings, paragraphs, bullets and tables of strings. Pure, so any renderer (today's react-pdf
// memo, a tagged-PDF document model, a screen) draws the same words and numbers.
import { OPTION_FAMILY_LABELS, VERDICT_LABELS } from "../recommendation";
import { fmt, usdPerMonthText, usdText } from "../shared";
import { priceRiseText, walkAwayText } from "./leverage";
import { REGION_LABELS } from "./options";
import type { TReport } from "./types";

/** Vendor shares of the organisation's assessed spend (lib/domain/portfolio computes them; the shape is all the memo needs). */
export type TMemoConcentration = { totalUsdPerMonth: number; vendors: { vendor: string; share: number }[] };

export type TMemoTable = { caption: string; columns: string[]; rows: string[][] };
export type TMemoSection = { id: "verdict" | "options" | "leverage" | "finance"; heading: string; paragraphs: string[]; bullets: string[]; tables: TMemoTable[] };

const money = (x: number | null) => (x === null ? "not costed" : usdText(x));

export function memoVerdictSection(report: TReport): TMemoSection {
  const rec = report.recommendation;
  const chosen = report.options.options.find((o) => o.id === rec.recommendedOptionId) ?? null;
  const paragraphs = [`${VERDICT_LABELS[rec.verdict]}. ${rec.headline}`];
  if (chosen) paragraphs.push(`Recommended option: ${chosen.label}, ${usdPerMonthText(chosen.monthlyUsd ?? 0)} at today's volume, present cost ${money(chosen.npvUsd)} over ${report.options.horizonMonths} months.`);
  if (rec.missing.length > 0) paragraphs.push(`Missing: ${rec.missing.join("; ")}.`);
  if (rec.blockedBy) paragraphs.push(rec.blockedBy === "licence" ? "Blocked by a licence clause (see the reasons)." : "Blocked: every option breaks a hard constraint.");
  return { id: "verdict", heading: "Verdict", paragraphs, bullets: rec.nonCostReasons.map((r) => `Not the cheapest, because: ${r}`), tables: [] };
}

export function memoOptionsSection(report: TReport): TMemoSection {
  const o = report.options;
  if (!o.isCosted) return { id: "options", heading: "Options", paragraphs: [`Not costed: ${o.reason}.`], bullets: [], tables: [] };
  const c = o.constraints;
  const constraints = `Constraints: ${c.allowedRegions.length ? `processing only in ${c.allowedRegions.map((r) => REGION_LABELS[r]).join(", ")}` : "no residency constraint"}; ${c.processing.replace(/-/g, " ")}; ${c.isAsynchronous ? "batch allowed" : "interactive"}.`;
  const sorted = [...o.options].sort((a, b) => Number(b.isFeasible) - Number(a.isFeasible) || (a.npvUsd ?? Infinity) - (b.npvUsd ?? Infinity));
  return {
    id: "options",
    heading: "Options, side by side",
    paragraphs: [constraints, `Ranked by present cost over ${o.horizonMonths} months at ${fmt(o.discountRatePercent)}% a year.`, ...o.notes],
    bullets: [],
    tables: [
      {
        caption: "Options",
        columns: ["Option", "Kind", "Per month", "Per M tokens", "One-time", "Present cost", "Capability", "Constraints"],
        rows: sorted.map((x) => [
          `${x.id === o.recommendedOptionId ? "★ " : ""}${x.label}`,
          OPTION_FAMILY_LABELS[x.family],
          money(x.monthlyUsd),
          x.usdPerMillionTokens === null ? "—" : `$${fmt(x.usdPerMillionTokens, 3)}`,
          money(x.oneTimeUsd),
          money(x.npvUsd),
          x.capability.status.replace(/-/g, " "),
          x.exclusions.length ? `Excluded: ${x.exclusions.join(" ")}` : "met",
        ]),
      },
    ],
  };
}

export function memoLeverageSection(report: TReport, concentration?: TMemoConcentration | null): TMemoSection {
  const l = report.leverage;
  const paragraphs: string[] = [];
  const bullets: string[] = [];
  if (!l.isAvailable || !l.alternative) {
    paragraphs.push(`Not available: ${l.reason}.`);
  } else {
    paragraphs.push(`Alternative: ${l.alternative.label}. ${l.alternative.why}`);
    paragraphs.push(`Today's API price: $${fmt(l.incumbent?.usdPerMillionTokens ?? 0, 3)} per million tokens (blended). Walk-away prices:`);
    bullets.push(...l.walkAway.map(walkAwayText));
    bullets.push(...l.priceRises.map((r) => priceRiseText(r, report.meta.incumbent.name)));
    if (l.exit) bullets.push(`Exit readiness: ${l.exit.text}`);
  }
  if (concentration && concentration.totalUsdPerMonth > 0) {
    bullets.push(`Concentration: ${concentration.vendors.map((v) => `${v.vendor} ${Math.round(v.share * 100)}%`).join(", ")} of ${usdPerMonthText(concentration.totalUsdPerMonth)} assessed API spend.`);
  }
  bullets.push(l.deprecation.api, l.deprecation.openModel);
  return { id: "leverage", heading: "Leverage and exit path", paragraphs, bullets, tables: [] };
}

export function memoFinanceSection(report: TReport): TMemoSection {
  const f = report.finance;
  if (!f) return { id: "finance", heading: "Finance view", paragraphs: ["Not computed: no planned volume."], bullets: [], tables: [] };
  return {
    id: "finance",
    heading: "Finance view",
    paragraphs: [`Discount rate ${fmt(f.discountRatePercent)}% a year; API prices ${fmt(f.apiTrendPercentPerYear)}% a year; GPU prices ${fmt(f.gpuTrendPercentPerYear)}% a year.`],
    bullets: f.notes,
    tables: [
      {
        caption: "Cash view",
        columns: ["Option", "Present cost", "Up front", "3-year TCO", "Residual", "Payback vs today"],
        rows: f.rows.map((r) => [
          `${r.isRecommended ? "★ " : ""}${r.label}`,
          usdText(r.npvUsd),
          usdText(r.upfrontUsd),
          usdText(r.tco36Usd),
          r.residualUsd > 0 ? usdText(r.residualUsd) : "—",
          r.isIncumbent ? "today" : r.paybackMonth === null ? `not within ${f.horizonMonths} months` : `month ${r.paybackMonth}`,
        ]),
      },
    ],
  };
}

/** The four sections in memo order. */
export function memoSections(report: TReport, concentration?: TMemoConcentration | null): TMemoSection[] {
  return [memoVerdictSection(report), memoOptionsSection(report), memoFinanceSection(report), memoLeverageSection(report, concentration)];
}

/** For the comparison memo: one line per assessment with its verdict and recommended option. */
export function comparisonVerdictLines(reports: readonly TReport[]): string[] {
  return reports.map((r, i) => {
    const chosen = r.options.options.find((o) => o.id === r.recommendation.recommendedOptionId);
    return `${String.fromCharCode(65 + i)}. ${r.meta.title}: ${VERDICT_LABELS[r.recommendation.verdict]}${chosen ? `; ${chosen.label} at ${usdPerMonthText(chosen.monthlyUsd ?? 0)} (present cost ${money(chosen.npvUsd)})` : ""}.`;
  });
}
