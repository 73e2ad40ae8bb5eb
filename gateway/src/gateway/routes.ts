import type { Route } from '@pb/kit';
import { sendProbe } from '@pb/kit';
import type { LiveSupergraph } from './live-supergraph.js';
import type { OperationRegistry } from './operation-registry.js';
import { fetchSubgraphSdl, sdlHash, subgraphsOfSupergraph } from './supergraph-sources.js';

interface RouteDeps {
  currentSdl: () => string | undefined;
  live?: LiveSupergraph;
  operations: OperationRegistry;
  subgraphUrls: Record<string, string>;
}

/** Routing URLs of the supergraph being served, with the configured overrides. */
function routing(sdl: string, overrides: Record<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  const found = sdl.matchAll(/join__Graph\s*\{([\s\S]*?)\}/g).next().value?.[1] ?? '';
  for (const m of found.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)) urls[m[1]] = overrides[m[1]] ?? m[2];
  return urls;
}

/**
 * The gateway's operator routes: `/ready` (a supergraph is loaded; each subgraph's
 * reachability and schema hash), the served supergraph, and the operation registry (read by
 * `npm run schema:check -- … --against <gateway URL>`).
 */
export function gatewayRoutes(deps: RouteDeps): Record<string, Route> {
  return {
    '/ready': async (_req, res) => {
      const sdl = deps.currentSdl();
      if (!sdl) return sendProbe(res, false, { supergraph: null });
      const composed = subgraphsOfSupergraph(sdl);
      const liveStates = new Map(deps.live?.subgraphStates().map((s) => [s.name, s]) ?? []);
      const subgraphs = await Promise.all(
        Object.entries(routing(sdl, deps.subgraphUrls)).map(async ([name, url]) => {
          const composedSdl = composed.get(name);
          try {
            const live = await fetchSubgraphSdl(url, 2000);
            return { name, reachable: true, schemaHash: sdlHash(live), schemaSource: liveStates.get(name)?.schemaSource, composedHash: composedSdl && sdlHash(composedSdl) };
          } catch (err) {
            return { name, reachable: false, error: (err as Error).name === 'TimeoutError' ? 'timeout' : 'no answer', schemaSource: liveStates.get(name)?.schemaSource };
          }
        }),
      );
      sendProbe(res, true, {
        supergraph: sdlHash(sdl),
        mode: deps.live ? 'live' : 'file',
        subgraphs,
        ...(deps.live?.lastCompositionErrors.length ? { lastCompositionErrors: deps.live.lastCompositionErrors } : {}),
      });
    },
    '/supergraph.graphql': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(deps.currentSdl() ?? '');
    },
    '/operations': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ operations: deps.operations.list() }));
    },
  };
}
