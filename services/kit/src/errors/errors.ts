import { GraphQLError } from 'graphql';

/** Error codes every subgraph speaks. Clients branch on `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'DEPENDENCY_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR' | LimitCode | 'DEADLINE_EXCEEDED' | 'CONFLICT';

/** Codes of the request limits (HTTP 400): which limit refused the request. */
export type LimitCode = 'ALIAS_LIMIT_EXCEEDED' | 'DEPTH_LIMIT_EXCEEDED' | 'DIRECTIVE_LIMIT_EXCEEDED' | 'TOKEN_LIMIT_EXCEEDED' | 'COST_LIMIT_EXCEEDED';
export const LIMIT_CODES: readonly LimitCode[] = ['ALIAS_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED', 'DIRECTIVE_LIMIT_EXCEEDED', 'TOKEN_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED'];

/** Codes whose message is written for the caller and may be shown as is. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  // Another subgraph a write depends on did not answer (extensions.sector names it).
  'DEPENDENCY_UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  // The record would duplicate one that exists (extensions.field names the field at fault).
  'CONFLICT',
  ...LIMIT_CODES,
]);

/** Invalid input; `field` is the argument path at fault, e.g. `input.regionCode`. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** The write would duplicate an existing record (or another of the same batch); `field` names the field at fault. */
export function conflict(field: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field, ...extra } });
}

export function unauthenticated(message = 'Authentication required: send a bearer token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function notFound(what: string, id: string, field?: string): GraphQLError {
  return new GraphQLError(`${what} ${id} not found`, {
    extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) },
  });
}

/** A request refused by a limit: HTTP 400, the limit's code, the limit and the figure found. */
export function limitExceeded(code: LimitCode, message: string, limit: number, found: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, found, http: { status: 400 } } });
}

/** The request ran past its deadline (or its caller went away): the rest is not computed. */
export function deadlineExceeded(): GraphQLError {
  return new GraphQLError('The request ran past its deadline', { extensions: { code: 'DEADLINE_EXCEEDED' } });
}
