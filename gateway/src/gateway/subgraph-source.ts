import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

export interface GatewayContext {
  /** The caller's Authorization header, passed on untouched: subgraphs verify it themselves. */
  authorization?: string;
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
    const fetcher = ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError' || /aborted|timeout/i.test((err as Error).message);
      throw new GraphQLError(
        timedOut ? `The ${this.subgraph} subgraph did not answer in time` : `The ${this.subgraph} subgraph is unavailable`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph } },
      );
    }
  }
}
