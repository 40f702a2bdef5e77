// Waiting time for a request when every batch slot of a replica is busy. Each replica is an M/M/c
// queue: Poisson arrivals at rate λ (the peak, spread evenly over replicas), c = batch slots, each
// slot busy for 1/μ seconds per request. Erlang C gives the chance a request waits and the tail of
// the wait, so the p95 time to first token can be checked (Kleinrock, Queueing Systems Vol. 1, §3.5).
// Every loop here runs at most c + a fixed number of steps, whatever the traffic.

/**
 * Erlang C: probability an arrival waits, for c servers and offered load a = λ/μ (a < c).
 * Computed through the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which stays in [0, 1]
 * (no factorials), then C = c·B / (c − a·(1 − B)).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (offeredLoad <= 0) return 0;
  if (offeredLoad >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k += 1) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/**
 * Wait that a share `quantile` of requests stays under: P(W > t) = C·e^(−(cμ − λ)t), so
 * t_q = ln(C / (1 − q)) / (cμ − λ), and 0 when C ≤ 1 − q (most requests find a free slot).
 * +Infinity at or above saturation.
 */
export function waitQuantileSeconds(servers: number, serviceRatePerServer: number, arrivalRate: number, quantile: number): number {
  if (arrivalRate <= 0) return 0;
  const capacity = servers * serviceRatePerServer;
  if (arrivalRate >= capacity) return Number.POSITIVE_INFINITY;
  const c = erlangC(servers, arrivalRate / serviceRatePerServer);
  if (c <= 1 - quantile) return 0;
  return Math.log(c / (1 - quantile)) / (capacity - arrivalRate);
}

/**
 * Largest arrival rate one replica (c slots at μ each) takes while the `quantile` wait stays within
 * `maxWaitSeconds`. The wait only grows with λ, so bisection on λ in (0, cμ): 40 halvings pin it to
 * 1e-12 of capacity, a fixed amount of work.
 */
export function maxArrivalRateForWait(servers: number, serviceRatePerServer: number, quantile: number, maxWaitSeconds: number): number {
  const capacity = servers * serviceRatePerServer;
  if (!(capacity > 0) || maxWaitSeconds < 0) return 0;
  let lo = 0;
  let hi = capacity;
  for (let i = 0; i < 40; i += 1) {
    const mid = (lo + hi) / 2;
    if (waitQuantileSeconds(servers, serviceRatePerServer, mid, quantile) <= maxWaitSeconds) lo = mid;
    else hi = mid;
  }
  return lo;
}
