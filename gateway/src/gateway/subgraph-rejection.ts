import type { GraphQLFormattedError } from 'graphql';

export interface SubgraphRejection {
  status: number;
  /** The subgraph's GraphQL errors, when its 4xx answer was a GraphQL response. */
  errors?: GraphQLFormattedError[];
}

interface ResponseExtension {
  status?: number;
  body?: unknown;
}

/**
 * A subgraph that answered 4xx (RemoteGraphQLDataSource throws on any non-2xx answer, keeping
 * the status and body in `extensions.response`). Undefined for no answer and for 5xx.
 */
export function subgraphRejection(err: unknown): SubgraphRejection | undefined {
  const response = (err as { extensions?: { response?: ResponseExtension } })?.extensions?.response;
  if (!response?.status || response.status < 400 || response.status >= 500) return undefined;
  const body = response.body as { errors?: unknown } | undefined;
  const errors = Array.isArray(body?.errors) ? (body.errors as GraphQLFormattedError[]).filter((e) => typeof e?.message === 'string') : undefined;
  return { status: response.status, errors: errors?.length ? errors : undefined };
}
