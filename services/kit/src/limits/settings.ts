import { envInt } from '../config.js';

/** Every limit a request meets, with its setting (see the README's security section). */
export interface RequestLimits {
  /** Aliased fields in one operation (PB_MAX_ALIASES). */
  maxAliases: number;
  /** Nesting depth of one operation (PB_MAX_DEPTH). */
  maxDepth: number;
  /** Directives in one operation (PB_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Lexical tokens of the query text; parsing stops beyond (PB_MAX_TOKENS). */
  maxTokens: number;
  /** Estimated cost: fields resolved, multiplied by the expected size of the lists around them (PB_MAX_COST). */
  maxCost: number;
  /** Bytes of a request body (PB_MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: RequestLimits = {
  maxAliases: 100,
  maxDepth: 15,
  maxDirectives: 20,
  maxTokens: 5_000,
  maxCost: 100_000,
  maxBodyBytes: 1024 * 1024,
};

/** The limits from the environment, defaults where unset. */
export function limitsFromEnv(): RequestLimits {
  return {
    maxAliases: envInt('PB_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxDepth: envInt('PB_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxDirectives: envInt('PB_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    maxTokens: envInt('PB_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
    maxCost: envInt('PB_MAX_COST', DEFAULT_LIMITS.maxCost),
    maxBodyBytes: envInt('PB_MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes),
  };
}

/** Time limits of a subgraph: each SQL statement, and each request as a whole. */
export const statementTimeoutMs = (): number => envInt('PB_STATEMENT_TIMEOUT_MS', 5_000);
export const requestTimeoutMs = (): number => envInt('PB_REQUEST_TIMEOUT_MS', 6_000);
