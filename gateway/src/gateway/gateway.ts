import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { depthLimit, MAX_QUERY_DEPTH, serveApollo } from '@pb/kit';
import { formatGatewayError } from './format-error.js';
import { importProxy } from './import-proxy.js';
import { type GatewayContext, SubgraphSource } from './subgraph-source.js';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph answers now; overrides the placeholder URLs of the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Per-subgraph request timeout. */
  timeoutMs?: number;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** Serves the supergraph: one endpoint over the four sector subgraphs. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const gateway = new ApolloGateway({
    supergraphSdl: opts.supergraphSdl,
    buildService: ({ name }) => {
      const url = opts.subgraphUrls[name];
      if (!url) throw new Error(`no address configured for subgraph ${name}`);
      return new SubgraphSource(name, url, timeoutMs);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
  });
  return serveApollo({
    apollo,
    port: opts.port,
    host: opts.host,
    context: async (req) => ({ authorization: req.headers.authorization }),
    healthy: async () => true,
    // Ledger imports may take a minute for 100k rows: a longer timeout than GraphQL's.
    prefixRoutes: { '/import/': importProxy(opts.supergraphSdl, opts.subgraphUrls, Math.max(timeoutMs, 300_000)) },
  });
}
