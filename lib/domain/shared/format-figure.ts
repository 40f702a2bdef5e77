// How a report figure reads on screen: value with its unit, currency in USD, via Intl. Shared by the
// stage results, the economics page and the e2e checks so all three agree to the character.
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
const num = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });
const pct = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatUsdAmount(value: number): string {
  return Math.abs(value) >= 100 ? usd0.format(value) : usd2.format(value);
}

export function formatNumber(value: number): string {
  return num.format(value);
}

// Count units read in the number's grammar: "1 node", "19 months", never "1 nodes" or "19 month".
const COUNT_UNITS: Record<string, readonly [singular: string, plural: string]> = Object.fromEntries(
  [
    ["month", "months"],
    ["year", "years"],
    ["week", "weeks"],
    ["day", "days"],
    ["hour", "hours"],
    ["node", "nodes"],
    ["GPU", "GPUs"],
    ["replica", "replicas"],
    ["region", "regions"],
    ["sequence", "sequences"],
    ["option", "options"],
    ["finding", "findings"],
    ["point", "points"],
    ["person-day", "person-days"],
  ].flatMap(([one, many]) => [one, many, `${one}(s)`].map((u) => [u, [one, many] as const])),
);

/** "1 replica", "3 replicas" (also from "replica(s)"); a unit that is not a count is left as given. */
export function formatCount(value: number, unit: string): string {
  const forms = COUNT_UNITS[unit];
  // A whole count is exact (1,234 replicas, not 1,234 rounded to four digits).
  return `${Number.isInteger(value) ? whole.format(value) : num.format(value)} ${forms ? forms[Math.abs(value) === 1 ? 0 : 1] : unit}`;
}

export function formatFigureValue(value: number | null, unit: string, valueText?: string): string {
  if (value === null) return valueText ?? "not known";
  if (COUNT_UNITS[unit]) return formatCount(value, unit);
  if (unit === "USD") return formatUsdAmount(value);
  if (unit.startsWith("USD/")) return `${formatUsdAmount(value)} ${unit.slice(3)}`;
  if (unit === "probability") return pct.format(value);
  // Byte counts are exact: 327,680 bytes, never 327,700.
  if (unit === "bytes" || unit.startsWith("bytes/")) return `${whole.format(Math.round(value))} ${unit}`;
  if (unit === "%") return `${num.format(value)}%`;
  if (unit === "" || unit === "×") return `${num.format(value)}${unit}`;
  return `${num.format(value)} ${unit}`;
}

/** A report figure as it reads: its value with unit, or what its null means ("never"). */
export function formatFigure(f: { value: number | null; unit: string; valueText?: string }): string {
  return formatFigureValue(f.value, f.unit, f.valueText);
}

/** Compact axis ticks: $1.2M, 3.4B tokens. */
export function formatCompact(value: number, unit: "USD" | "tokens" | "plain" = "plain"): string {
  const s = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 }).format(value);
  return unit === "USD" ? `$${s}`.replace("$-", "−$") : s;
}
