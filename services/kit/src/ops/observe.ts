import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { logger, requestScope, type RequestScope } from './log.js';
import { graphqlDuration, graphqlRequests, operationLabel, registry } from './metrics.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const GRAPHQL_PATHS = new Set(['/', '/graphql']);

/**
 * Wraps a node:http handler: gives each request an id (taken from or returned as
 * `x-request-id`), runs it in a request scope, and when it finishes writes one access line and,
 * for GraphQL requests, the request metrics.
 */
export function observeRequests(handler: Handler): Handler {
  return (req, res) => {
    const scope: RequestScope = { id: requestIdOf(req), errorCodes: [] };
    req.headers['x-request-id'] = scope.id;
    res.setHeader('x-request-id', scope.id);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const graphql = GRAPHQL_PATHS.has(path);
      if (graphql) {
        const operation = operationLabel(scope.operationName);
        graphqlRequests.inc({ operation, outcome: scope.errorCodes.length || res.statusCode >= 400 ? 'error' : 'ok' });
        graphqlDuration.observe({ operation }, seconds);
      }
      // Probes and scrapes would drown the access log: they go at debug level.
      const line = { requestId: scope.id, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, operation: scope.operationName, errors: scope.errorCodes.length ? scope.errorCodes : undefined };
      if (graphql) logger().info(line, 'request');
      else logger().debug(line, 'request');
    });
    requestScope.run(scope, () => handler(req, res));
  };
}

/**
 * Apollo plugin: notes the operation name and error codes for the access line and metrics, and
 * puts the request id into every error's extensions, so a user can quote it.
 */
export function requestScopePlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const scope = requestScope.getStore();
          if (scope) scope.operationName = operationName ?? operation?.name?.value ?? undefined;
        },
        async willSendResponse({ response }) {
          const scope = requestScope.getStore();
          if (!scope || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors;
          scope.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          response.body.singleResult.errors = errors.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: scope.id } }));
        },
      };
    },
  };
}

/** `GET /metrics` in the Prometheus text format. */
export async function serveMetrics(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType });
  res.end(body);
}

/** Answers a JSON probe: 200 when `ok`, 503 otherwise. */
export function sendProbe(res: ServerResponse, ok: boolean, body: Record<string, unknown>): void {
  res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...body }));
}
