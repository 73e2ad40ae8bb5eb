import { GraphQLError } from 'graphql';

/** Error codes every subgraph speaks. Clients branch on `extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'DEPENDENCY_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

/** Codes whose message is written for the caller and may be shown as is. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  // Another subgraph a write depends on did not answer (extensions.sector names it).
  'DEPENDENCY_UNAVAILABLE',
]);

/** Invalid input; `field` is the argument path at fault, e.g. `input.regionCode`. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
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
