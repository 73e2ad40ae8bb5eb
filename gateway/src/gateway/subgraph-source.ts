import { AsyncLocalStorage } from 'node:async_hooks';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

export interface GatewayContext {
  /** The caller's Authorization header, passed on untouched: subgraphs verify it themselves. */
  authorization?: string;
  /** The client request's deadline (or hang-up): subgraph calls stop with it. */
  signal?: AbortSignal;
}

/** The client request's signal, seen by the fetcher (which Apollo calls without the context). */
const requestSignal = new AsyncLocalStorage<AbortSignal | undefined>();

/** A subgraph's own refusal (HTTP 4xx with GraphQL errors, e.g. a cost limit), passed on as such. */
function subgraphRefusal(err: unknown, subgraph: string): GraphQLError | null {
  const response = (err as { extensions?: { response?: { status?: number; body?: { errors?: { message?: string; extensions?: { code?: string } }[] } } } }).extensions?.response;
  const first = response?.status && response.status >= 400 && response.status < 500 ? response.body?.errors?.[0] : undefined;
  if (!first?.extensions?.code) return null;
  return new GraphQLError(first.message ?? 'Refused', { extensions: { ...first.extensions, serviceName: subgraph } });
}

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * A subgraph as the gateway sees it: forwards the bearer token, gives up after `timeoutMs`,
 * and turns transport failures into an error that names the sector but never its address.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    timeoutMs: number,
  ) {
    const fetcher = ((input: string, init: RequestInit) => {
      const client = requestSignal.getStore();
      const signal = client ? AbortSignal.any([client, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
      return fetch(input, { ...init, signal });
    }) as unknown as Fetcher;
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await requestSignal.run(options.context?.signal, () => super.process(options));
    } catch (err) {
      const refusal = subgraphRefusal(err, this.subgraph);
      if (refusal) throw refusal;
      const timedOut = (err as Error).name === 'TimeoutError' || /aborted|timeout/i.test((err as Error).message);
      throw new GraphQLError(
        timedOut ? `The ${this.subgraph} subgraph did not answer in time` : `The ${this.subgraph} subgraph is unavailable`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph } },
      );
    }
  }
}
