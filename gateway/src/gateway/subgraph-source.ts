import { AsyncLocalStorage } from 'node:async_hooks';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { currentRequestId, logger, subgraphFetchDuration, subgraphFetchErrors, variableField } from '@pb/kit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { subgraphRejection } from './subgraph-rejection.js';

export interface GatewayContext {
  /** The caller's Authorization header, passed on untouched: subgraphs verify it themselves. */
  authorization?: string;
  /** The client request's deadline (or hang-up): subgraph calls stop with it. */
  signal?: AbortSignal;
}

/** The client request's signal, seen by the fetcher (which Apollo calls without the context). */
const requestSignal = new AsyncLocalStorage<AbortSignal | undefined>();

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
type Response = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

export interface SubgraphSourceOptions {
  timeoutMs: number;
  /** Which supergraph the gateway serves now (its hash), for the stale-supergraph log line. */
  supergraphId?: () => string | undefined;
  /** Called when the subgraph rejects a field the gateway planned (a live gateway re-polls). */
  onSchemaMismatch?: (subgraph: string) => void;
}

/**
 * A subgraph as the gateway sees it: forwards the bearer token and request id, gives up after
 * `timeoutMs`, and tells the truth about failures. The subgraph's own GraphQL errors (a bad
 * Date is BAD_USER_INPUT with its field) reach the client as they are; SUBGRAPH_UNAVAILABLE,
 * naming the sector but never its address, is kept for no answer, a timeout or a 5xx.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly opts: SubgraphSourceOptions,
  ) {
    const fetcher = ((input: string, init: RequestInit) => {
      const client = requestSignal.getStore();
      const signal = client ? AbortSignal.any([client, AbortSignal.timeout(opts.timeoutMs)]) : AbortSignal.timeout(opts.timeoutMs);
      return fetch(input, { ...init, signal });
    }) as unknown as Fetcher;
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    const requestId = currentRequestId();
    if (requestId) request.http?.headers.set('x-request-id', requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const timer = subgraphFetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await requestSignal.run(options.context?.signal, () => super.process(options));
      return response.errors ? { ...response, errors: this.truthful(response.errors) } : response;
    } catch (err) {
      const rejection = subgraphRejection(err);
      if (rejection?.errors) return { errors: this.truthful(rejection.errors) } as Response;
      if (rejection) {
        subgraphFetchErrors.inc({ subgraph: this.subgraph, kind: 'rejected' });
        throw new GraphQLError(`The ${this.subgraph} subgraph rejected the request (HTTP ${rejection.status})`, {
          extensions: { code: 'SUBGRAPH_REQUEST_REJECTED', serviceName: this.subgraph },
        });
      }
      throw this.unavailable(err);
    } finally {
      timer();
    }
  }

  /** No answer, a timeout or a 5xx: the sector is unavailable (logged with the cause, answered without the address). */
  private unavailable(err: unknown): GraphQLError {
    const timedOut = (err as Error).name === 'TimeoutError' || /aborted|timeout/i.test((err as Error).message);
    subgraphFetchErrors.inc({ subgraph: this.subgraph, kind: timedOut ? 'timeout' : 'unavailable' });
    logger().warn({ subgraph: this.subgraph, cause: (err as Error).message }, timedOut ? 'subgraph timed out' : 'subgraph unavailable');
    return new GraphQLError(timedOut ? `The ${this.subgraph} subgraph did not answer in time` : `The ${this.subgraph} subgraph is unavailable`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraph },
    });
  }

  /**
   * The subgraph's errors as the client should see them. A validation failure on a query the
   * gateway planned means the subgraph's schema is not the one composed into the supergraph:
   * logged with both sides named, and answered as SUBGRAPH_SCHEMA_MISMATCH. A literal the
   * subgraph's scalar rejects (a bad Date written in the query) is the caller's input.
   */
  private truthful(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
    return errors.map((e) => {
      const code = e.extensions?.code;
      if (code === 'BAD_USER_INPUT' && !e.extensions?.field) {
        const field = variableField(e.message);
        return field ? { ...e, extensions: { ...e.extensions, field } } : e;
      }
      if (code !== 'GRAPHQL_VALIDATION_FAILED') return e;
      if (/^Expected value of type|^Variable "\$/.test(e.message)) return { ...e, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } };
      subgraphFetchErrors.inc({ subgraph: this.subgraph, kind: 'schema_mismatch' });
      logger().warn(
        { subgraph: this.subgraph, supergraph: this.opts.supergraphId?.(), subgraphError: e.message },
        `stale supergraph: the gateway planned a query the ${this.subgraph} subgraph rejects`,
      );
      this.opts.onSchemaMismatch?.(this.subgraph);
      return {
        message: `The ${this.subgraph} subgraph's schema no longer matches the gateway's supergraph: ${e.message}`,
        extensions: { code: 'SUBGRAPH_SCHEMA_MISMATCH', serviceName: this.subgraph },
      };
    });
  }
}
