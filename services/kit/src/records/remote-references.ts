import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors/errors.js';

/** A record of another subgraph that a write names: `{ field: 'input.unitId', sector: 'hospitals', typeName: 'Hospital', id }`. */
export interface RemoteReference {
  field: string;
  /** The owning subgraph's name. */
  sector: string;
  typeName: string;
  id: string;
}

/** How long a write waits for the owner of a referenced record. */
const LOOKUP_TIMEOUT_MS = Number(process.env.PB_REFERENCE_TIMEOUT_MS ?? 3000);

/**
 * Where the other subgraphs are: set by the launcher over IPC once all of them listen (their ports
 * may be chosen by the OS), or from `<NAME>_URL` (e.g. `HOSPITALS_URL=http://10.0.0.2:4002/graphql`)
 * where each agency runs its subgraph alone.
 */
const peers: Record<string, string> = {};

export function setPeerUrls(urls: Record<string, string>): void {
  Object.assign(peers, urls);
}

/** The GraphQL URL of another subgraph, or undefined when this one does not know it. */
export const peerUrl = (sector: string): string | undefined => peers[sector] ?? process.env[`${sector.toUpperCase()}_URL`];

function unavailable(sector: string): GraphQLError {
  return new GraphQLError(`The ${sector} subgraph could not be reached to check a reference; nothing was written, try again`, {
    extensions: { code: 'DEPENDENCY_UNAVAILABLE', sector },
  });
}

/**
 * Asks each owning subgraph, in one `_entities` request per subgraph (the federation lookup the
 * gateway itself uses), whether the named records exist and are not deleted; refuses the write
 * with NOT_FOUND naming the field otherwise, or DEPENDENCY_UNAVAILABLE (naming the sector) when
 * the owner does not answer in time. Called before the write's transaction opens.
 */
export async function checkRemoteReferences(ctx: RequestContext, refs: RemoteReference[]): Promise<void> {
  const bySector = new Map<string, RemoteReference[]>();
  for (const r of refs) bySector.set(r.sector, [...(bySector.get(r.sector) ?? []), r]);
  await Promise.all(
    [...bySector].map(async ([sector, list]) => {
      const url = peerUrl(sector);
      // A subgraph run alone without its peers' addresses cannot check; documented in docs/integrators.md.
      if (!url) return;
      const types = [...new Set(list.map((r) => r.typeName))];
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${types.map((t) => `... on ${t} { id }`).join(' ')} } }`;
      let found: ({ id?: string } | null)[];
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables: { r: list.map((r) => ({ __typename: r.typeName, id: r.id })) } }),
          signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
        });
        const body = (await res.json()) as { data?: { _entities?: ({ id?: string } | null)[] } };
        if (!res.ok || !body.data?._entities) throw new Error(`status ${res.status}`);
        found = body.data._entities;
      } catch {
        throw unavailable(sector);
      }
      const missing = list.findIndex((r, i) => !found[i]?.id);
      if (missing >= 0) throw notFound(list[missing].typeName, list[missing].id, list[missing].field);
    }),
  );
  void ctx;
}
