// Small builders that keep the licence data files readable: one line per restriction or clause.
import type { TClause, TIntendedUse, TLicensedActivity, TSector, TUseRestriction } from "../licence-schema";
import type { TVerification } from "../../shared";

export function verbatim(quote: string, sourceUrl: string, section?: string, verification?: TVerification): TClause {
  return { quote, isVerbatim: true, sourceUrl, ...(section ? { section } : {}), ...(verification ? { verification } : {}) };
}

/** Our own words, for clauses whose wording was not retrieved; shown to users as a summary. */
export function summary(text: string, sourceUrl: string, section?: string, verification?: TVerification): TClause {
  return { quote: text, isVerbatim: false, sourceUrl, ...(section ? { section } : {}), ...(verification ? { verification } : {}) };
}

type TMatch = { uses?: TIntendedUse[]; activities?: TLicensedActivity[]; sectors?: TSector[] };

export function restriction(
  fields: Omit<TUseRestriction, "appliesTo"> & { appliesTo?: TMatch },
): TUseRestriction {
  const m = fields.appliesTo ?? {};
  return { ...fields, appliesTo: { uses: m.uses ?? [], activities: m.activities ?? [], sectors: m.sectors ?? [] } };
}
