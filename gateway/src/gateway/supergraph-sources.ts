import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';

export const sdlHash = (sdl: string): string => createHash('sha256').update(sdl).digest('hex').slice(0, 16);

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** The subgraphs' SDL as composed into a supergraph (descriptions aside), by name. */
export function subgraphsOfSupergraph(supergraphSdl: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of Supergraph.build(supergraphSdl).subgraphs().values()) out.set(s.name, s.toString());
  return out;
}

export type Composition = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** Composes subgraphs into a supergraph; the errors are composition's own messages. */
export function compose(subgraphs: SubgraphSdl[]): Composition {
  let result: ReturnType<typeof composeServices>;
  try {
    result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  } catch (err) {
    return { ok: false, errors: [(err as Error).message] };
  }
  if (result.errors?.length) return { ok: false, errors: result.errors.map((e) => e.message) };
  if (!result.supergraphSdl) return { ok: false, errors: ['composition produced no schema'] };
  return { ok: true, supergraphSdl: result.supergraphSdl };
}

/** A live subgraph's SDL, from `{ _service { sdl } }` (what rover's `subgraph_url` source reads). */
export async function fetchSubgraphSdl(url: string, timeoutMs: number): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error('no _service.sdl in the answer');
  return sdl;
}

export const readSdlFile = (path: string): string => readFileSync(path, 'utf8');
