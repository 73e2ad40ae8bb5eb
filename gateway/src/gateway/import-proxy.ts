import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { normalizeTypeName } from '@pb/kit';
import { forwardToSubgraph, sendJsonError } from './forward.js';

const argOf = (d: ConstDirectiveNode, name: string): string | undefined => {
  const arg = d.arguments?.find((a) => a.name.value === name);
  return arg && (arg.value.kind === Kind.STRING || arg.value.kind === Kind.ENUM) ? arg.value.value : undefined;
};

/**
 * Which subgraph owns each importable type, read from the supergraph: the graph of its
 * `create<Type>` mutation (`@join__field(graph: …)`), named by `@join__graph(name: …)`.
 */
export function importOwners(supergraphSdl: string): Map<string, string> {
  const doc = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const d = v.directives?.find((x) => x.name.value === 'join__graph');
        if (d) graphNames.set(v.name.value, argOf(d, 'name')!);
      }
    }
  }
  for (const def of doc.definitions) {
    if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== 'Mutation') continue;
    for (const field of def.fields ?? []) {
      const m = /^create(.+)$/.exec(field.name.value);
      const d = field.directives?.find((x) => x.name.value === 'join__field');
      const graph = d && argOf(d, 'graph');
      if (m && graph && graphNames.has(graph)) owners.set(normalizeTypeName(m[1]), graphNames.get(graph)!);
    }
  }
  return owners;
}

/**
 * `/import/<type>/…` at the gateway: streamed as is to the subgraph owning the type, with the
 * bearer token; the subgraph authorizes and answers. The subgraph's address never reaches the caller.
 */
export function importProxy(currentSdl: () => string | undefined, subgraphUrls: Record<string, string>, timeoutMs: number) {
  // Owners follow the supergraph being served (a live gateway recomposes).
  let known: { sdl: string; owners: Map<string, string> } | undefined;
  const ownersNow = (): Map<string, string> => {
    const sdl = currentSdl();
    if (!sdl) return new Map();
    if (known?.sdl !== sdl) known = { sdl, owners: importOwners(sdl) };
    return known.owners;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const type = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const owner = ownersNow().get(normalizeTypeName(type));
    const base = owner && subgraphUrls[owner];
    if (!base) return sendJsonError(res, 404, { code: 'UNKNOWN_TYPE', message: `No importable type ${type}` });
    await forwardToSubgraph(new URL(url.pathname + url.search, base), req, res, owner, timeoutMs);
  };
}
