import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { observeRequests } from '../ops/observe.js';

/** A GET handler; returning `false` passes the request on (e.g. to GraphQL over GET). */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void | boolean> | void | boolean;

/** Cross-origin callers allowed to use the endpoint from a browser (default: none, same-origin only). */
export interface CorsOptions {
  origins: string[];
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** `signal` aborts when the request's deadline passes or its caller hangs up. */
  context: (req: IncomingMessage, signal: AbortSignal) => Promise<TContext>;
  /** Largest request body accepted (413 beyond); default 1 MiB. */
  maxBodyBytes?: number;
  /** Deadline of one GraphQL request in ms (0: none). */
  requestTimeoutMs?: number;
  /** Admission before any work, e.g. a rate limit: a refusal to send, or null to go on. */
  admit?: (req: IncomingMessage) => Promise<Refusal | null>;
  /** True when the service can answer (its database is reachable, …). */
  healthy: () => Promise<boolean>;
  port: number;
  host?: string;
  /** Extra GET routes, e.g. a test-only statistics endpoint; a key ending in `/*` matches a path prefix. */
  routes?: Record<string, Route>;
  cors?: CorsOptions;
  /** Routes for every path under a prefix and any method, e.g. `/import/` (the ledger import). */
  prefixRoutes?: Record<string, Route>;
}

export interface Refusal {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface RunningHttp {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

class BodyTooLarge extends Error {
  readonly status = 413;
  constructor(readonly limit: number) {
    super('body too large');
  }
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) reject(new BodyTooLarge(max));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function findRoute(routes: Record<string, Route> | undefined, path: string): Route | undefined {
  if (!routes) return undefined;
  if (routes[path]) return routes[path];
  // `/export/*` serves `/export` and everything under it.
  const prefix = Object.keys(routes).find((key) => key.endsWith('/*') && `${path}/`.startsWith(key.slice(0, -1)));
  return prefix ? routes[prefix] : undefined;
}

/**
 * Adds the CORS headers for an allowed Origin, with credentials; answers a preflight (true when
 * it did). Origins not listed get no CORS headers, so browsers keep them same-origin.
 */
function applyCors(cors: CorsOptions, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const allowed = !!origin && cors.origins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? 'content-type, authorization');
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(allowed ? 204 : 403);
  res.end();
  return true;
}

/**
 * Serves an Apollo server over plain node:http (no web framework needed): the GraphQL
 * endpoint at `/` and `/graphql`, and `/health` for load balancers and the stack launcher.
 */
export async function listenGraphQL<TContext extends BaseContext>(opts: GraphQLHttpOptions<TContext>): Promise<RunningHttp> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      const ok = await opts.healthy().catch(() => false);
      return send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
    }
    if (opts.cors && applyCors(opts.cors, req, res)) return;
    const route = findRoute(opts.routes, url.pathname);
    if (route && (req.method === 'GET' || req.method === 'HEAD') && (await route(req, res)) !== false) return;
    const prefix = Object.keys(opts.prefixRoutes ?? {}).find((p) => url.pathname.startsWith(p));
    if (prefix) return opts.prefixRoutes![prefix](req, res);
    if (url.pathname !== '/' && url.pathname !== '/graphql') return send(res, 404, { error: 'not found' });
    const refusal = await opts.admit?.(req);
    if (refusal) return send(res, refusal.status, refusal.body, refusal.headers);
    await serveGraphQL(opts, req, res, url);
  };
  // Request ids, access log and request metrics wrap every route (ops/observe.ts).
  const server = createServer(
    observeRequests((req, res) => {
      handle(req, res).catch((err: unknown) => {
        if (res.headersSent) return void res.end();
        if (err instanceof BodyTooLarge) {
          return send(res, 413, { errors: [{ message: `Request body is larger than ${err.limit} bytes`, extensions: { code: 'BODY_TOO_LARGE', limit: err.limit } }] });
        }
        send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      });
    }),
  );
  // Keep-alive sockets would hold `close()` open for their idle timeout.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serveGraphQL<TContext extends BaseContext>(opts: GraphQLHttpOptions<TContext>, req: IncomingMessage, res: ServerResponse, url: URL) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = await readBody(req, opts.maxBodyBytes ?? MAX_BODY);
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
  }
  const signal = requestSignal(res, opts.requestTimeoutMs ?? 0);
  const result = await opts.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: () => opts.context(req, signal),
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Aborts at the deadline, or when the caller closes the connection before the answer is sent. */
function requestSignal(res: ServerResponse, timeoutMs: number): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return timeoutMs > 0 ? AbortSignal.any([gone.signal, AbortSignal.timeout(timeoutMs)]) : gone.signal;
}

/** Starts an Apollo server and serves it; if the port cannot be had, Apollo is stopped again. */
export async function serveApollo<TContext extends BaseContext>(opts: GraphQLHttpOptions<TContext>): Promise<{ url: string; stop(): Promise<void> }> {
  await opts.apollo.start();
  let http: RunningHttp;
  try {
    http = await listenGraphQL(opts);
  } catch (err) {
    await opts.apollo.stop();
    throw err;
  }
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await opts.apollo.stop();
    },
  };
}
