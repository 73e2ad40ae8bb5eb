import type { GraphQLFormattedError } from 'graphql';
import { PUBLIC_CODES } from './errors.js';

/**
 * Apollo `formatError`: keeps errors written for the caller (and GraphQL's own validation
 * errors), and replaces anything else — a driver error, a bug — by a generic message, so that
 * SQL, stack traces and host names never reach a client. The original is logged.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  formatted = tokenLimitError(formatted);
  const code = formatted.extensions?.code as string | undefined;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  if (code && (PUBLIC_CODES.has(code) || code.startsWith('GRAPHQL_') || code === 'PERSISTED_QUERY_NOT_FOUND')) {
    return { ...formatted, extensions };
  }
  if (code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') return { ...formatted, extensions };
  logInternal(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function logInternal(original: unknown): void {
  if (process.env.PB_QUIET_ERRORS === '1') return;
  const err = (original as { originalError?: unknown })?.originalError ?? original;
  console.error('[internal error]', err);
}

const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * graphql-js stops parsing at `maxTokens` with a syntax error (HTTP 400); this gives that refusal
 * its own code and figure, like the other limits.
 */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = TOKEN_LIMIT.exec(formatted.message);
  if (!match || formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  const limit = Number(match[1]);
  return {
    message: `Query has more than ${limit} tokens; at most ${limit} are allowed`,
    extensions: { code: 'TOKEN_LIMIT_EXCEEDED', limit, found: limit + 1 },
  };
}
