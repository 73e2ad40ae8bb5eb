import { type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';

const TIMEOUT_MS = 10_000;

function sendError(res: ServerResponse, status: number, error: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
}

/**
 * `GET /export/<listName>?…` on the gateway: routed to the subgraph that owns the type (each
 * subgraph lists its types at `GET /export`; asked once, again when a name is unknown), with the
 * caller's token forwarded, the subgraph's stream passed through as it comes.
 */
export function exportProxy(subgraphUrls: Record<string, string>) {
  let owners: Map<string, string> | null = null;
  const index = async (): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => {
        const res = await fetch(new URL('/export', url), { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch(() => null);
        const body = res?.ok ? ((await res.json()) as { types?: string[] }) : null;
        for (const t of body?.types ?? []) found.set(t, name);
      }),
    );
    return found;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const type = decodeURIComponent(url.pathname.replace(/^\/export\/?/, ''));
    owners ??= await index();
    if (type && !owners.has(type)) owners = await index();
    if (!type) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ types: [...owners.keys()].sort() }));
    }
    const sector = owners.get(type);
    if (!sector) return sendError(res, 400, { code: 'BAD_USER_INPUT', field: 'type', message: `unknown record type ${JSON.stringify(type)}` });
    const target = new URL(url.pathname + url.search, subgraphUrls[sector]);
    await forward(target, req, res, sector);
  };
}

/**
 * Pipes the subgraph's response through as it comes, with node's own HTTP client: no web-stream
 * adapter in between, and the socket's backpressure reaches the subgraph's cursor.
 */
function forward(target: URL, req: IncomingMessage, res: ServerResponse, sector: string): Promise<void> {
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { headers: req.headers.authorization ? { authorization: req.headers.authorization } : {} }, (up) => {
      const headers: Record<string, string> = {};
      for (const h of ['content-type', 'content-disposition']) {
        const v = up.headers[h];
        if (typeof v === 'string') headers[h] = v;
      }
      res.writeHead(up.statusCode ?? 502, headers);
      pipeline(up, res).catch(() => res.destroy()).finally(resolve);
    });
    upstream.on('error', () => {
      if (!res.headersSent) sendError(res, 502, { code: 'SUBGRAPH_UNAVAILABLE', sector, message: `The ${sector} subgraph is unavailable` });
      else res.destroy();
      resolve();
    });
    res.on('close', () => upstream.destroy());
    upstream.end();
  });
}
