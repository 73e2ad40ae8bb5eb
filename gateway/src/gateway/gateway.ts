import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { limitedParseOptions, requestLimitsPlugin, serveApollo, type TokenVerifier, verifierFromEnv } from '@pb/kit';
import { formatGatewayError } from './format-error.js';
import { rateLimiter } from './rate-limit.js';
import { gatewaySettings } from './settings.js';
import { type GatewayContext, SubgraphSource } from './subgraph-source.js';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph answers now; overrides the placeholder URLs of the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Per-subgraph request timeout (default PB_SUBGRAPH_TIMEOUT_MS, 5 s). */
  timeoutMs?: number;
  /** Settings (limits, rate limits, timeouts) on top of process.env. */
  env?: Record<string, string>;
  /** Recognises valid tokens for the rate limit (default: as the subgraphs, from the environment). */
  verifier?: TokenVerifier;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/** Serves the supergraph: one endpoint over the four sector subgraphs. */
export async function startGateway(opts: GatewayOptions): Promise<RunningGateway> {
  const settings = gatewaySettings(opts.env);
  const timeoutMs = opts.timeoutMs ?? settings.subgraphTimeoutMs;
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
    parseOptions: limitedParseOptions(settings.limits),
    plugins: [requestLimitsPlugin(settings.limits)],
  });
  const verifier = opts.verifier ?? withEnv(opts.env, verifierFromEnv);
  return serveApollo({
    apollo,
    port: opts.port,
    host: opts.host,
    context: async (req, signal) => ({ authorization: req.headers.authorization, signal }),
    maxBodyBytes: settings.limits.maxBodyBytes,
    requestTimeoutMs: settings.requestTimeoutMs,
    admit: rateLimiter(settings.rate, verifier),
    healthy: async () => true,
  });
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
