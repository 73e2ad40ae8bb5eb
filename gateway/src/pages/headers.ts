import type { ServerResponse } from 'node:http';

/**
 * The pages load everything from the gateway itself: scripts, styles, maps and the API. Inline
 * styles stay allowed (GraphiQL's editor and dialogs set some); inline scripts, other hosts,
 * plugins and framing by other sites do not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export function sendPage(res: ServerResponse, status: number, contentType: string, body: string | Buffer, cache = 'no-cache'): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': cache,
  });
  res.end(body);
}
