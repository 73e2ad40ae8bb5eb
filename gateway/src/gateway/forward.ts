import { type IncomingMessage, request as httpRequest, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream/promises';

/** Request headers a subgraph needs from the caller: the token and the body's description. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'accept'];
/** Response headers passed back: what the answer is; never the subgraph's server or hop-by-hop headers. */
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'content-length', 'retry-after', 'x-import-error', 'x-import-summary'];

export function sendJsonError(res: ServerResponse, status: number, error: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
}

const pick = (headers: IncomingMessage['headers'], names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.flatMap((h) => (typeof headers[h] === 'string' ? [[h, headers[h] as string]] : [])));

/**
 * Streams a caller's request to a subgraph and its answer back (exports, ledger imports), with
 * node's own HTTP client: no web-stream adapter in between, and backpressure reaches both ends
 * (the subgraph's export cursor, the caller's upload). The subgraph authorizes; its address and
 * internals never reach the caller, who gets 502 SUBGRAPH_UNAVAILABLE when it does not answer.
 * `timeoutMs` bounds silence on the socket, not the length of a long stream.
 */
export function forwardToSubgraph(target: URL, req: IncomingMessage, res: ServerResponse, sector: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(target, { method: req.method, headers: pick(req.headers, REQUEST_HEADERS), timeout: timeoutMs }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, pick(answer.headers, RESPONSE_HEADERS));
      pipeline(answer, res).catch(() => res.destroy()).finally(resolve);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', () => {
      if (!res.headersSent) sendJsonError(res, 502, { code: 'SUBGRAPH_UNAVAILABLE', sector, message: `The ${sector} subgraph is unavailable` });
      else res.destroy();
      resolve();
    });
    res.on('close', () => upstream.destroy());
    pipeline(req, upstream).catch(() => upstream.destroy());
  });
}
