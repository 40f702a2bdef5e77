// Numbers as they read in report sentences ("$12,300/month", "3.4B tokens", "2.3×"). Formula strings
// use math.fmt instead; neither calls toLocaleString (the first Intl call costs ~20 ms).
import { fmt, roundSig } from "./math";

function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** $ with thousands separators below a million, then $1.23M / $4.5B; three significant figures. */
export function usdText(x: number): string {
  const sign = x < 0 ? "−" : "";
  const abs = Math.abs(x);
  if (abs >= 1e9) return `${sign}$${roundSig(abs / 1e9, 3)}B`;
  if (abs >= 1e6) return `${sign}$${roundSig(abs / 1e6, 3)}M`;
  if (abs >= 100) return `${sign}$${group(String(Math.round(roundSig(abs, 3))))}`;
  return `${sign}$${abs >= 1 ? roundSig(abs, 3).toFixed(2).replace(/\.00$/, "") : roundSig(abs, 2)}`;
}

export const usdPerMonthText = (x: number) => `${usdText(x)}/month`;

export function tokensText(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e12) return `${roundSig(x / 1e12, 3)}T tokens`;
  if (abs >= 1e9) return `${roundSig(x / 1e9, 3)}B tokens`;
  if (abs >= 1e6) return `${roundSig(x / 1e6, 3)}M tokens`;
  if (abs >= 1e3) return `${roundSig(x / 1e3, 3)}k tokens`;
  return `${fmt(Math.round(x))} tokens`;
}

/** A share 0..1 as a whole percentage ("62%"); shares that round to 0 or 100 keep one decimal. */
export function shareText(share: number): string {
  const pct = share * 100;
  const rounded = Math.round(pct);
  if ((rounded === 0 && pct > 0) || (rounded === 100 && pct < 100)) return `${pct.toFixed(1)}%`;
  return `${rounded}%`;
}

export const pctText = (pct: number) => `${roundSig(pct, 3)}%`;
export const ppText = (pp: number) => `${pp >= 0 ? "+" : "−"}${Math.abs(roundSig(pp, 2))} pp`;
export const multipleText = (x: number) => `${x >= 10 ? Math.round(x) : roundSig(x, 2)}×`;
export const countText = (x: number) => fmt(Math.round(x));
