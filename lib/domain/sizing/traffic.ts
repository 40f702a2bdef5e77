// From monthly volume to the peak request rate capacity must cover.
import { poissonQuantile, SECONDS_PER_MONTH } from "../shared";
import type { TPeak, TTraffic } from "./inputs";

export function requestsPerMonth(traffic: TTraffic, tokensPerRequest: number): number {
  return traffic.kind === "requests" ? traffic.requestsPerMonth : traffic.tokensPerMonth / tokensPerRequest;
}

export function averageRequestsPerSecond(traffic: TTraffic, tokensPerRequest: number): number {
  return requestsPerMonth(traffic, tokensPerRequest) / SECONDS_PER_MONTH;
}

/**
 * Peak request rate. "factor": average × ratio. "poisson": the busiest hour's mean arrivals in one
 * interval are λ = average × busy-hour ratio × interval; capacity covers their `quantile`, so short
 * bursts at low volume need proportionally more headroom than at high volume. Never below the
 * busy hour's mean rate: at tiny λ the quantile can be 0 arrivals, which is no plan for capacity.
 */
export function peakRequestsPerSecond(averagePerSecond: number, peak: TPeak): number {
  if (peak.method === "factor") return averagePerSecond * peak.peakToAverageRatio;
  // A stated peak below the monthly average cannot be the busiest moment: the average wins.
  if (peak.method === "rate") return Math.max(averagePerSecond, peak.peakRequestsPerSecond);
  const busyHourPerSecond = averagePerSecond * peak.busyHourToAverageRatio;
  const lambda = busyHourPerSecond * peak.intervalSeconds;
  return Math.max(busyHourPerSecond, poissonQuantile(lambda, peak.quantile) / peak.intervalSeconds);
}

export function describePeak(peak: TPeak): string {
  if (peak.method === "factor") return `peak = average × ${peak.peakToAverageRatio}`;
  if (peak.method === "rate") return `peak = max(average, ${peak.peakRequestsPerSecond} requests/s as entered)`;
  return `peak = max(average × ${peak.busyHourToAverageRatio}, P${Math.round(peak.quantile * 100)} of Poisson(average × ${peak.busyHourToAverageRatio} × ${peak.intervalSeconds} s) ÷ ${peak.intervalSeconds} s)`;
}
