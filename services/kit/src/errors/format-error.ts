import type { GraphQLFormattedError } from 'graphql';
import { PUBLIC_CODES } from './errors.js';
import { loggableError, logger } from '../ops/log.js';

/**
 * Apollo `formatError`: keeps errors written for the caller (and GraphQL's own validation
 * errors), and replaces anything else — a driver error, a bug — by a generic message, so that
 * SQL, stack traces and host names never reach a client. The original is logged.
 */
export function formatError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  formatted = tokenLimitError(formatted);
  const code = formatted.extensions?.code as string | undefined;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  if (code === 'BAD_USER_INPUT' && !extensions.field) {
    const field = variableField(formatted.message);
    if (field) return { ...formatted, extensions: { ...extensions, field } };
  }
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

/**
 * The field at fault in GraphQL's variable coercion errors (a bad Date in `$input.heldOn`):
 * `Variable "$input" got invalid value … at "input.heldOn"; …` names `input.heldOn`, and
 * `Variable "$since" got invalid value …` names `since`.
 */
export function variableField(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*? at "([\w.[\]]+)";/s.exec(message) ?? /^Variable "\$(\w+)" got invalid value/.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}

function logInternal(original: unknown): void {
  if (process.env.PB_QUIET_ERRORS === '1') return;
  const err = (original as { originalError?: unknown })?.originalError ?? original;
  // Without SQL text or parameters (they may hold personal data) unless PB_LOG_SQL=1.
  logger().error({ err: loggableError(err), path: (original as { path?: unknown })?.path }, 'internal error');
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
