// Per-token rate limit: a token bucket of `capacity` calls refilled at capacity per minute, so a
// pipeline may burst and then runs at the steady rate. Kept in this process's memory (the app runs
// as one Node process, server.mjs); a restart forgets the buckets, which only ever lets calls in.

export type TRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly capacity: number,
    private readonly refillPerMs = capacity / 60_000,
  ) {}

  take(key: string, now = Date.now()): TRateDecision {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.refillPerMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.refillPerMs / 1000)) };
  }
}
