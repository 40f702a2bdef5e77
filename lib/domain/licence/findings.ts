// A licence finding: one clause, what it means for this organisation, and how serious it is.
import { z } from "zod";
import { ZClause, type TClause, type TLicence } from "../catalog";

/** Ordered worst first; the order is what the report sorts by. */
export const ZFindingSeverity = z.enum(["blocker", "needs-counsel", "obligation", "clear"]);
export type TFindingSeverity = z.infer<typeof ZFindingSeverity>;

export const ZFindingTopic = z.enum([
  "commercial-use",
  "user-threshold",
  "revenue-threshold",
  "use-restriction",
  "acceptable-use",
  "attribution",
  "model-naming",
  "redistribution",
  "outputs-training",
  "geography",
  "termination",
  "licence-changes",
  "other-duty",
]);
export type TFindingTopic = z.infer<typeof ZFindingTopic>;

export const ZLicenceFinding = z.object({
  id: z.string().min(1),
  licenceId: z.string().min(1),
  topic: ZFindingTopic,
  severity: ZFindingSeverity,
  title: z.string().min(1),
  /** Plain words: what the clause means for this organisation's plans. */
  detail: z.string().min(1),
  clause: ZClause,
});
export type TLicenceFinding = z.infer<typeof ZLicenceFinding>;

export function finding(
  licence: TLicence,
  key: string,
  fields: { topic: TFindingTopic; severity: TFindingSeverity; title: string; detail: string; clause: TClause },
): TLicenceFinding {
  return { id: `${licence.id}:${key}`, licenceId: licence.id, ...fields };
}

const rank = (s: TFindingSeverity) => ZFindingSeverity.options.indexOf(s);

/** Blockers first, then needs-counsel, obligations, clear; stable within a severity. */
export function sortFindings(findings: readonly TLicenceFinding[]): TLicenceFinding[] {
  return [...findings].sort((a, b) => rank(a.severity) - rank(b.severity));
}

export type TFindingSummary = {
  total: number;
  counts: Record<TFindingSeverity, number>;
  /** null when there are no findings at all. */
  worst: TFindingSeverity | null;
  hasBlocker: boolean;
};

export function summariseFindings(findings: readonly TLicenceFinding[]): TFindingSummary {
  const counts: Record<TFindingSeverity, number> = { blocker: 0, "needs-counsel": 0, obligation: 0, clear: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const worst = ZFindingSeverity.options.find((s) => counts[s] > 0) ?? null;
  return { total: findings.length, counts, worst, hasBlocker: counts.blocker > 0 };
}
