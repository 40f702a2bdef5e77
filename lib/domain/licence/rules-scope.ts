// Rules about whether this organisation may use the model at all: commercial use, size
// thresholds, field-of-use restrictions and geography.
import type { TLicence, TUseRestriction } from "../catalog";
import type { TModelArchitecture } from "../shared";
import { activitiesOf, offersModelToOthers, type TOrgFacts } from "./facts";
import { finding, type TLicenceFinding } from "./findings";
import {
  ACTIVITY_LABELS,
  formatCount,
  formatUsd,
  INTENDED_USE_LABELS,
  joinWords,
  RESTRICTION_TOPIC_LABELS,
  SECTOR_LABELS,
} from "./labels";

/** From half the limit on, growth or affiliate counting could tip an organisation over. */
export const NEAR_THRESHOLD_FRACTION = 0.5;

export function commercialUseFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const clause = licence.commercialUseClause;
  if (licence.commercialUse === true)
    return [
      finding(licence, "commercial-use", {
        topic: "commercial-use",
        severity: "clear",
        title: "Commercial use is allowed",
        detail: facts.isCommercialUse
          ? "The licence permits commercial use, so your business use is covered, subject to the other findings."
          : "The licence permits commercial use; you plan none.",
        clause,
      }),
    ];
  const allowed = licence.commercialUse === "research-only" ? "research and evaluation" : "non-commercial purposes";
  if (facts.isCommercialUse)
    return [
      finding(licence, "commercial-use", {
        topic: "commercial-use",
        severity: "blocker",
        title: "Commercial use is not allowed",
        detail: `${licence.name} allows ${allowed} only. Your use is commercial, so you would need a separate commercial licence from the rights holder, or a different model.`,
        clause,
      }),
    ];
  return [
    finding(licence, "commercial-use", {
      topic: "commercial-use",
      severity: "obligation",
      title: `Keep use to ${allowed}`,
      detail: `You plan no commercial use, which this licence requires. Moving the deployment into a business or production service would need a commercial licence first.`,
      clause,
    }),
  ];
}

export function thresholdFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  if (licence.thresholds.length === 0)
    return [
      finding(licence, "thresholds", {
        topic: "user-threshold",
        severity: "clear",
        title: "No user or revenue limits",
        detail: "The licence sets no cap on users or revenue, so growth alone cannot end it.",
        clause: licence.commercialUseClause,
      }),
    ];
  return licence.thresholds.map((t, i) => {
    const isUsers = t.metric === "monthly-active-users";
    const actual = isUsers ? facts.monthlyActiveUsers : facts.annualRevenueUsd;
    const describe = (n: number) => (isUsers ? `${formatCount(n)} monthly active users` : `${formatUsd(n)} annual revenue`);
    const topic = isUsers ? "user-threshold" : "revenue-threshold";
    const key = licence.thresholds.length > 1 ? `${topic}-${i + 1}` : topic;
    const consequence =
      t.consequence === "must-request-licence"
        ? "you have no rights under this licence until the rights holder grants a separate one, at its discretion"
        : "the licence ends on the date you cross it";
    const isReleaseDate = t.measuredAt === "release-date";
    const base = { topic, clause: t.clause } as const;

    if (actual > t.value)
      return finding(licence, key, {
        ...base,
        severity: "blocker",
        title: `Above the ${describe(t.value)} limit`,
        detail: isReleaseDate
          ? `You report ${describe(actual)}, above the limit. The licence counts users once, in the month before the version's release (${licence.versionDate}): if you were above it then, ${consequence}.`
          : `You report ${describe(actual)}, above the limit, so ${consequence}.`,
      });
    const percent = Math.round((actual / t.value) * 100);
    if (actual >= NEAR_THRESHOLD_FRACTION * t.value)
      return finding(licence, key, {
        ...base,
        severity: "needs-counsel",
        title: `Near the ${describe(t.value)} limit (${percent}%)`,
        detail: isReleaseDate
          ? `You report ${describe(actual)}, ${percent}% of the limit. The count is taken at the version's release (${licence.versionDate}) and includes affiliates; check how your group counts, and expect the same test in later versions.`
          : `You report ${describe(actual)}, ${percent}% of the limit. Crossing it means ${consequence}; arrange a commercial licence before you get there.`,
      });
    return finding(licence, key, {
      ...base,
      severity: "clear",
      title: `Below the ${describe(t.value)} limit`,
      detail: `You report ${describe(actual)} (${percent}% of the limit).`,
    });
  });
}

type TMatch = { uses: string[]; activities: string[]; sector?: string };

const isGeneral = (r: TUseRestriction) =>
  r.appliesTo.uses.length + r.appliesTo.activities.length + r.appliesTo.sectors.length === 0;

function matchRestriction(r: TUseRestriction, facts: TOrgFacts): TMatch | null {
  const { uses, activities, sectors } = r.appliesTo;
  const doing = activitiesOf(facts);
  const hitUses = uses.filter((u) => facts.intendedUses.includes(u));
  const hitActivities = activities.filter((a) => doing.has(a));
  if (uses.length + activities.length > 0 && hitUses.length + hitActivities.length === 0) return null;
  if (sectors.length > 0 && !sectors.includes(facts.sector)) return null;
  return {
    uses: hitUses.map((u) => INTENDED_USE_LABELS[u]),
    activities: hitActivities.map((a) => ACTIVITY_LABELS[a]),
    ...(sectors.length > 0 ? { sector: SECTOR_LABELS[facts.sector] } : {}),
  };
}

function restrictionFinding(licence: TLicence, r: TUseRestriction, m: TMatch): TLicenceFinding {
  const planned = [...m.uses, ...m.activities];
  const why = [planned.length > 0 ? `you plan ${joinWords(planned)}` : "", m.sector ? `you work in ${m.sector}` : ""]
    .filter(Boolean)
    .join(" and ");
  const prohibited = r.effect === "prohibited";
  return finding(licence, `use-${r.id}`, {
    topic: "use-restriction",
    severity: prohibited ? "blocker" : "needs-counsel",
    title: `${prohibited ? "Prohibited" : "Restricted"} use: ${RESTRICTION_TOPIC_LABELS[r.topic]}`,
    detail: `${r.summary} This applies because ${why}. ${
      prohibited
        ? "The licence bans this outright: the model cannot be used for it."
        : "Whether your use crosses the line turns on facts counsel should confirm (licences held, real human review, lawful basis, non-discriminatory outcomes)."
    }`,
    clause: r.clause,
  });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function generalRulesDetail(policyUrl: string | undefined, general: TUseRestriction[]): string {
  const rules = general.map((g) => lowerFirst(g.summary.replace(/\.$/, ""))).join("; ");
  if (!policyUrl) return `Every use must follow these rules: ${rules}.`;
  return `Every use must stay within the policy (${policyUrl})${rules ? `; in particular: ${rules}` : ""}.`;
}

export function fieldOfUseFindings(licence: TLicence, facts: TOrgFacts): TLicenceFinding[] {
  const specific = licence.useRestrictions.filter((r) => !isGeneral(r));
  const general = licence.useRestrictions.filter(isGeneral);
  const aup = licence.acceptableUsePolicy;
  const out: TLicenceFinding[] = [];

  for (const r of specific) {
    const m = matchRestriction(r, facts);
    if (m) out.push(restrictionFinding(licence, r, m));
  }
  if (specific.length > 0 && out.length === 0)
    out.push(
      finding(licence, "use-restrictions-checked", {
        topic: "use-restriction",
        severity: "clear",
        title: "None of your uses is a restricted use",
        detail: `Checked ${specific.length} restrictions (${joinWords([...new Set(specific.map((r) => RESTRICTION_TOPIC_LABELS[r.topic]))])}) against your sector (${SECTOR_LABELS[facts.sector]}) and intended uses.`,
        clause: aup?.clause ?? specific[0].clause,
      }),
    );
  if (specific.length === 0 && !aup && general.length === 0)
    out.push(
      finding(licence, "use-restrictions-checked", {
        topic: "use-restriction",
        severity: "clear",
        title: "No field-of-use restrictions",
        detail: "The licence limits no sector or use; the law that applies to your use still does.",
        clause: licence.commercialUseClause,
      }),
    );
  if (aup || general.length > 0)
    out.push(
      finding(licence, "acceptable-use", {
        topic: "acceptable-use",
        severity: "obligation",
        title: `Follow the ${aup?.name ?? "licence's use rules"}`,
        detail: generalRulesDetail(aup?.url, general),
        clause: aup?.clause ?? general[0].clause,
      }),
    );
  if (aup?.mustFlowDown && offersModelToOthers(facts))
    out.push(
      finding(licence, "acceptable-use-flow-down", {
        topic: "acceptable-use",
        severity: "obligation",
        title: "Pass the use restrictions on to your users",
        detail: "Because you will offer the model, or a product built on it, to others, your terms with them must include these use restrictions as enforceable provisions.",
        clause: aup.clause,
      }),
    );
  return out;
}

export function geographyFindings(
  licence: TLicence,
  facts: TOrgFacts,
  model?: Pick<TModelArchitecture, "isMultimodal">,
): TLicenceFinding[] {
  return licence.geographicRestrictions.map((g) => {
    const key = `geography-${g.region.toLowerCase()}`;
    const base = { topic: "geography", clause: g.clause } as const;
    const isMultimodal = facts.isMultimodal ?? model?.isMultimodal;
    // With one region listed and no stated seat, that region is taken as the seat.
    const seat = facts.principalPlaceOfBusiness ?? (facts.regions.length === 1 ? facts.regions[0] : undefined);
    const scope = g.appliesToModels === "multimodal-only" ? "multimodal models" : "this model";

    if (seat !== g.region && !facts.regions.includes(g.region))
      return finding(licence, key, {
        ...base,
        severity: "clear",
        title: `${g.region} restriction does not affect you`,
        detail: `The licence withholds rights for ${scope} from organisations based in the ${g.region}; you have not listed it.`,
      });
    if (g.appliesToModels === "multimodal-only" && isMultimodal === false)
      return finding(licence, key, {
        ...base,
        severity: "clear",
        title: `${g.region} restriction does not cover text-only models`,
        detail: `The ${g.region} exclusion applies only to multimodal models; the model you chose takes text only.`,
      });
    if (g.appliesToModels === "multimodal-only" && isMultimodal === undefined)
      return finding(licence, key, {
        ...base,
        severity: "needs-counsel",
        title: `Check whether the model is multimodal (${g.region} exclusion)`,
        detail: `You operate in the ${g.region}, where this licence grants no rights for multimodal models. Confirm whether the checkpoint you will use accepts images.`,
      });
    if (seat === g.region)
      return finding(licence, key, {
        ...base,
        severity: "blocker",
        title: `No licence for ${g.region}-based organisations (${scope})`,
        detail: `The licence grants no rights for ${scope} to a company whose principal place of business is in the ${g.region}, so you cannot self-host it.${g.exemptsEndUsers ? ` ${g.region} end users of a product made by a company based elsewhere are not affected.` : ""}`,
      });
    return finding(licence, key, {
      ...base,
      severity: "needs-counsel",
      title: `${g.region} operations: make sure the licensee is not ${g.region}-based`,
      detail: `You operate in the ${g.region}${facts.principalPlaceOfBusiness ? " but are based elsewhere" : " and have not said where you are based"}. The licence excludes ${g.region}-based licensees for ${scope}; ${g.exemptsEndUsers ? `${g.region} end users of your product are fine, but ` : ""}no ${g.region} entity should download or run the weights as licensee.`,
    });
  });
}
