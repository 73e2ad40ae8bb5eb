import type { IncomingMessage } from 'node:http';
import { type Refusal, type TokenVerifier } from '@pb/kit';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSettings {
  /** Requests a second an anonymous client (by IP) may send steadily; 0 turns the limit off. */
  anonymousPerSecond: number;
  /** Extra requests an anonymous client may burst over 10 s. */
  anonymousBurst: number;
  /** The same for a caller with a valid token, counted by its subject. */
  authenticatedPerSecond: number;
  authenticatedBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { anonymousPerSecond: 5, anonymousBurst: 20, authenticatedPerSecond: 50, authenticatedBurst: 200 };

const BURST_WINDOW_S = 10;

function limiter(perSecond: number, burst: number, prefix: string): BurstyRateLimiter {
  return new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: `${prefix}-rate`, points: perSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: `${prefix}-burst`, points: Math.max(burst, 1), duration: BURST_WINDOW_S }),
  );
}

/**
 * The gateway's admission: a token bucket per client (rate-limiter-flexible, in memory: one
 * gateway process). Anonymous callers count by IP; a caller whose token verifies counts by its
 * subject, with a larger budget. A token that does not verify counts as anonymous, so inventing
 * tokens buys nothing. Over the limit: 429 with Retry-After, before any work.
 */
export function rateLimiter(settings: RateLimitSettings, verifier: TokenVerifier | undefined): ((req: IncomingMessage) => Promise<Refusal | null>) | undefined {
  if (settings.anonymousPerSecond <= 0) return undefined;
  const anonymous = limiter(settings.anonymousPerSecond, settings.anonymousBurst, 'anon');
  const authenticated = limiter(settings.authenticatedPerSecond, settings.authenticatedBurst, 'auth');
  return async (req) => {
    const subject = await verifiedSubject(verifier, req.headers.authorization);
    const ip = req.socket.remoteAddress ?? 'unknown';
    try {
      if (subject === null) await anonymous.consume(ip);
      else await authenticated.consume(subject || `ip:${ip}`);
      return null;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      return {
        status: 429,
        headers: { 'retry-after': String(retryAfter) },
        body: { errors: [{ message: `Too many requests; retry after ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryAfter } }] },
      };
    }
  };
}

/** The token's subject ('' for a valid token without one), or null when there is no valid token. */
async function verifiedSubject(verifier: TokenVerifier | undefined, header: string | undefined): Promise<string | null> {
  if (!verifier) return null;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  if (!match) return null;
  try {
    return (await verifier.verify(match[1])).sub ?? '';
  } catch {
    return null;
  }
}
