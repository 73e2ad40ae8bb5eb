import { limitsFromEnv, type RequestLimits } from '@pb/kit';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './rate-limit.js';

export interface GatewaySettings {
  limits: RequestLimits;
  rate: RateLimitSettings;
  /** Per-subgraph request timeout (PB_SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  /** Deadline of a whole client request (PB_GATEWAY_TIMEOUT_MS): shorter than a client's patience. */
  requestTimeoutMs: number;
}

/** Settings from the environment (`env` adds to process.env, e.g. a test stack's). */
export function gatewaySettings(env: Record<string, string | undefined> = {}): GatewaySettings {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const int = (name: string, fallback: number) => {
      const raw = process.env[name];
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
      return n;
    };
    return {
      limits: limitsFromEnv(),
      rate: {
        anonymousPerSecond: int('PB_ANON_RATE_PER_SEC', DEFAULT_RATE_LIMITS.anonymousPerSecond),
        anonymousBurst: int('PB_ANON_RATE_BURST', DEFAULT_RATE_LIMITS.anonymousBurst),
        authenticatedPerSecond: int('PB_AUTH_RATE_PER_SEC', DEFAULT_RATE_LIMITS.authenticatedPerSecond),
        authenticatedBurst: int('PB_AUTH_RATE_BURST', DEFAULT_RATE_LIMITS.authenticatedBurst),
      },
      subgraphTimeoutMs: int('PB_SUBGRAPH_TIMEOUT_MS', 5_000),
      requestTimeoutMs: int('PB_GATEWAY_TIMEOUT_MS', 9_000),
    };
  } finally {
    for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
