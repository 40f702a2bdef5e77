// A tiny linear scale and path builder for the memo's vector charts (no d3 on the server).

export type TScale = { (v: number): number; domain: [number, number]; ticks: (count?: number) => number[] };

/** "Nice" step (1, 2 or 5 × 10^k) so axis labels read as round numbers. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function linearScale(domain: [number, number], range: [number, number], isNice = true): TScale {
  let [d0, d1] = domain;
  if (d0 === d1) d1 = d0 === 0 ? 1 : d0 + Math.abs(d0);
  if (isNice) {
    const step = niceStep(d1 - d0, 4);
    d0 = Math.floor(d0 / step) * step;
    d1 = Math.ceil(d1 / step) * step;
  }
  const [r0, r1] = range;
  const scale = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) as TScale;
  scale.domain = [d0, d1];
  scale.ticks = (count = 4) => {
    const step = niceStep(d1 - d0, count);
    const out: number[] = [];
    for (let t = Math.ceil(d0 / step) * step; t <= d1 + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return out;
  };
  return scale;
}

/** SVG path "M x y L x y ..." through the points, coordinates rounded to 0.1 pt. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
}

/** [min, max] over every value, 0 included so bars and costs start at the axis. */
export function extent(values: readonly number[], includeZero = true): [number, number] {
  let lo = includeZero ? 0 : Infinity;
  let hi = includeZero ? 0 : -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 1];
}
