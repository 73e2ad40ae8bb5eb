import type { IncomingMessage, ServerResponse } from 'node:http';
import { forwardToSubgraph, sendJsonError } from './forward.js';

/** Asking a subgraph for its exportable types. */
const TIMEOUT_MS = 10_000;
/** Silence allowed on an export's socket (a busy database may take a while to send the first rows). */
const STREAM_SILENCE_MS = 300_000;

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
    if (!sector) return sendJsonError(res, 400, { code: 'BAD_USER_INPUT', field: 'type', message: `unknown record type ${JSON.stringify(type)}` });
    const target = new URL(url.pathname + url.search, subgraphUrls[sector]);
    await forwardToSubgraph(target, req, res, sector, STREAM_SILENCE_MS);
  };
}
