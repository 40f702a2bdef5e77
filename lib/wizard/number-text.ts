// Number fields are typed as text: "1,500" and "10 200 000 000" are numbers, and a share typed as a
// percentage ("90%") means what the person meant. Pure and zod-free: the stage editor imports it.

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** Every digit a double carries, grouped: the shown text parses back to exactly the stored number. */
const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 });

/** How a trailing "%" is read: a share stored as 0–1 divides by 100, a field in % takes the number as is. */
export type TPercentReading = "fraction" | "percent" | null;

/** The reading a field's unit implies: "fraction 0..1" and quantiles are shares; "%", "% per year" are percents. */
export function percentReadingOf(unit: string | undefined): TPercentReading {
  if (!unit) return null;
  if (/0\.\.1|quantile/.test(unit)) return "fraction";
  return unit.startsWith("%") ? "percent" : null;
}

/**
 * Typed text as a number ("1,500" → 1500; "90%" → 0.9 for a share, 90 for a field in %), undefined
 * when blank, or the text itself when it is not a number (the server refuses it at the field).
 */
export function parseNumberText(text: string, percent: TPercentReading = null): unknown {
  let t = text.replace(/[,_\s]/g, "");
  if (t === "") return undefined;
  const isPercent = percent !== null && t.endsWith("%");
  if (isPercent) t = t.slice(0, -1);
  if (!NUMBER_TEXT.test(t)) return text;
  const n = Number(t);
  return isPercent && percent === "fraction" ? n / 100 : n;
}

/** A stored number as the field shows it: digits grouped ("10,200,000,000"); anything else as stored. */
export function formatNumberText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  // Past 20 decimals (1e-21) grouping would round; such a number is shown as JavaScript writes it.
  const grouped = GROUPED.format(value);
  return Number(grouped.replace(/,/g, "")) === value ? grouped : String(value);
}
