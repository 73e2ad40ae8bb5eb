import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { printSchema } from 'graphql';
import { limitedParseOptions, requestLimitsPlugin, requestScopePlugin, serveApollo, serveMetrics, type TokenVerifier, verifierFromEnv } from '@pb/kit';
import { corsOriginsFromEnv, pageRoutes, pagesOptionsFromEnv } from '../pages/index.js';
import { exportProxy } from './export-proxy.js';
import { formatGatewayError } from './format-error.js';
import { LiveSupergraph, type LiveSupergraphOptions } from './live-supergraph.js';
import { OperationRegistry, operationRegistryPlugin } from './operation-registry.js';
import { gatewayRoutes } from './routes.js';
import { importProxy } from './import-proxy.js';
import { rateLimiter } from './rate-limit.js';
import { gatewaySettings } from './settings.js';
import { type GatewayContext, SubgraphSource } from './subgraph-source.js';
import { sdlHash } from './supergraph-sources.js';

export interface GatewayOptions {
  /** A composed supergraph to serve as is (schema/supergraph.graphql): the file mode. */
  supergraphSdl?: string;
  /** Or compose from the live subgraphs and follow their changes (see LiveSupergraph). */
  live?: Omit<LiveSupergraphOptions, 'timeoutMs'>;
  /** Where each subgraph answers now; overrides the routing URLs of the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Per-subgraph request timeout (default PB_SUBGRAPH_TIMEOUT_MS, 5 s). */
  timeoutMs?: number;
  /** Browser origins allowed to call the API (default: CORS_ORIGINS, else same-origin only). */
  corsOrigins?: string[];
  /** The operation registry's file; without one the registry lives in memory. */
  operationsFile?: string;
  /** Settings (limits, rate limits, timeouts) on top of process.env. */
  env?: Record<string, string>;
  /** Recognises valid tokens for the rate limit (default: as the subgraphs, from the environment). */
  verifier?: TokenVerifier;
}

export interface RunningGateway {
  url: string;
  /** The live supergraph, when composed from the subgraphs. */
  live?: LiveSupergraph;
  operations: OperationRegistry;
  stop(): Promise<void>;
}

/** Serves the supergraph: one endpoint over the four sector subgraphs. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const settings = gatewaySettings(opts.env);
  const timeoutMs = opts.timeoutMs ?? settings.subgraphTimeoutMs;
  if (!opts.supergraphSdl && !opts.live) throw new Error('startGateway needs a supergraph (supergraphSdl) or live subgraphs (live)');
  const live = opts.live ? new LiveSupergraph({ ...opts.live, timeoutMs: Math.min(timeoutMs, 5000) }) : undefined;
  const currentSdl = () => live?.supergraphSdl ?? opts.supergraphSdl;
  const gateway = new ApolloGateway({
    supergraphSdl: live ?? opts.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = opts.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`no address configured for subgraph ${name}`);
      return new SubgraphSource(name, target, {
        timeoutMs,
        supergraphId: () => {
          const sdl = currentSdl();
          return sdl ? sdlHash(sdl) : undefined;
        },
        onSchemaMismatch: () => live?.pollSoon(),
      });
    },
  });
  // The explorer reads the composed API schema from here, so it works with introspection off.
  let apiSdl: string | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => void (apiSdl = printSchema(apiSchema)));
  const operations = new OperationRegistry(opts.operationsFile);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    parseOptions: limitedParseOptions(settings.limits),
    // Browsers get the gateway's own pages (src/pages), not Apollo's CDN-hosted Sandbox.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), requestScopePlugin(), operationRegistryPlugin(operations), requestLimitsPlugin(settings.limits)],
    // The process stops the gateway itself; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
  });
  // The rate limit counts a verified token by its subject; without a way to verify tokens (a
  // gateway given no key) every caller counts as anonymous.
  const verifier = opts.verifier ?? withEnv(opts.env, optionalVerifier);
  const served = await serveApollo({
    apollo,
    port: opts.port,
    host: opts.host,
    cors: { origins: opts.corsOrigins ?? corsOriginsFromEnv() },
    context: async (req, signal) => ({ authorization: req.headers.authorization, signal }),
    maxBodyBytes: settings.limits.maxBodyBytes,
    requestTimeoutMs: settings.requestTimeoutMs,
    admit: rateLimiter(settings.rate, verifier),
    // Liveness only: readiness (supergraph loaded, subgraphs reachable) is /ready.
    healthy: async () => true,
    routes: {
      ...pageRoutes({ ...pagesOptionsFromEnv(), schemaSdl: () => apiSdl }),
      ...gatewayRoutes({ currentSdl, live, operations, subgraphUrls: opts.subgraphUrls }),
      '/metrics': serveMetrics,
      '/export/*': exportProxy(opts.subgraphUrls),
    },
    // Ledger imports may take a minute for 100k rows: a longer timeout than GraphQL's.
    prefixRoutes: { '/import/': importProxy(currentSdl, opts.subgraphUrls, Math.max(timeoutMs, 300_000)) },
  });
  return {
    url: served.url,
    live,
    operations,
    stop: async () => {
      await served.stop();
      live?.stop();
      operations.stop();
    },
  };
}

function optionalVerifier(): TokenVerifier | undefined {
  try {
    return verifierFromEnv();
  } catch {
    return undefined;
  }
}

/** Runs `fn` with `env` added to process.env (the verifier reads JWT_SECRET / JWT_PUBLIC_KEY). */
function withEnv<T>(env: Record<string, string> | undefined, fn: () => T): T {
  const saved = { ...process.env };
  Object.assign(process.env, env ?? {});
  try {
    return fn();
  } finally {
    for (const key of Object.keys(env ?? {})) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
