import type { SupergraphManager, SupergraphSdlHook } from '@apollo/gateway';

type SupergraphSdlHookOptions = Parameters<SupergraphSdlHook>[0];
import { compositions, logger } from '@pb/kit';
import { compose, fetchSubgraphSdl, sdlHash, subgraphsOfSupergraph } from './supergraph-sources.js';

export interface LiveSubgraph {
  name: string;
  /** Where the gateway sends this subgraph's queries. */
  routingUrl: string;
  /** Where its SDL is read: a live `_service { sdl }` URL, or a fixed SDL (a schema file). */
  schema: { url: string } | { sdl: string };
}

export interface SubgraphState {
  name: string;
  /** Whether the last poll reached it (fixed-SDL subgraphs: not polled, always true). */
  reachable: boolean;
  /** Hash of the SDL composed into the served supergraph. */
  schemaHash?: string;
  /** Where that SDL came from: live, file, or the fallback supergraph (subgraph down so far). */
  schemaSource?: 'live' | 'file' | 'fallback';
  lastError?: string;
}

export interface LiveSupergraphOptions {
  subgraphs: LiveSubgraph[];
  pollIntervalMs: number;
  timeoutMs?: number;
  /** A supergraph to take a subgraph's SDL from while that subgraph has not answered yet. */
  fallbackSupergraphSdl?: string;
}

/**
 * The supergraph composed from the subgraphs themselves: their `_service { sdl }` at start and
 * again every poll interval. A changed SDL is recomposed; a composition that fails is logged
 * and counted, and the last good supergraph keeps serving. A subgraph that is down at start
 * takes its SDL from the fallback supergraph (the committed file) until it answers, so the
 * gateway serves the others meanwhile.
 */
export class LiveSupergraph implements SupergraphManager {
  private readonly sdls = new Map<string, { sdl: string; source: 'live' | 'file' | 'fallback' }>();
  private readonly states = new Map<string, SubgraphState>();
  private update?: SupergraphSdlHookOptions['update'];
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private soon?: NodeJS.Timeout;
  private served?: string;
  lastCompositionErrors: string[] = [];

  constructor(private readonly opts: LiveSupergraphOptions) {}

  async initialize({ update }: SupergraphSdlHookOptions): Promise<{ supergraphSdl: string; cleanup: () => Promise<void> }> {
    this.update = update;
    await this.readAll();
    const result = this.composeKnown();
    if (!result.ok) throw new Error(`the subgraphs do not compose:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    this.served = result.supergraphSdl;
    compositions.inc({ outcome: 'success' });
    logger().info({ subgraphs: this.subgraphStates() }, 'supergraph composed from the subgraphs');
    this.timer = setInterval(() => void this.poll(), this.opts.pollIntervalMs);
    this.timer.unref();
    return { supergraphSdl: result.supergraphSdl, cleanup: async () => this.stop() };
  }

  /** The supergraph being served. */
  get supergraphSdl(): string | undefined {
    return this.served;
  }

  subgraphStates(): SubgraphState[] {
    return this.opts.subgraphs.map((s) => this.states.get(s.name) ?? { name: s.name, reachable: false });
  }

  /** Polls now (or right after the poll under way); resolves when the poll is done. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  /** Asks for a poll within a second (several calls at once give one poll), e.g. after a subgraph rejected a planned field. */
  pollSoon(): void {
    this.soon ??= setTimeout(() => {
      this.soon = undefined;
      void this.poll();
    }, 1000).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.soon);
  }

  private async pollOnce(): Promise<void> {
    const changed = await this.readAll();
    if (!changed) return;
    const result = this.composeKnown();
    if (!result.ok) {
      compositions.inc({ outcome: 'failure' });
      this.lastCompositionErrors = result.errors;
      logger().error({ errors: result.errors, subgraphs: this.subgraphStates() }, 'supergraph composition failed; the last good supergraph keeps serving');
      return;
    }
    if (result.supergraphSdl === this.served) return;
    compositions.inc({ outcome: 'success' });
    this.lastCompositionErrors = [];
    this.served = result.supergraphSdl;
    this.update?.(result.supergraphSdl);
    logger().info({ subgraphs: this.subgraphStates() }, 'supergraph recomposed');
  }

  /** Reads every subgraph's SDL; true when one differs from what was known. */
  private async readAll(): Promise<boolean> {
    const timeoutMs = this.opts.timeoutMs ?? 5000;
    const changes = await Promise.all(this.opts.subgraphs.map((s) => this.readOne(s, timeoutMs)));
    return changes.some(Boolean);
  }

  private async readOne(s: LiveSubgraph, timeoutMs: number): Promise<boolean> {
    const before = this.sdls.get(s.name);
    let next: { sdl: string; source: 'live' | 'file' | 'fallback' } | undefined;
    if ('sdl' in s.schema) {
      next = { sdl: s.schema.sdl, source: 'file' };
      this.states.set(s.name, { name: s.name, reachable: true, schemaHash: sdlHash(next.sdl), schemaSource: 'file' });
    } else {
      try {
        next = { sdl: await fetchSubgraphSdl(s.schema.url, timeoutMs), source: 'live' };
        this.states.set(s.name, { name: s.name, reachable: true, schemaHash: sdlHash(next.sdl), schemaSource: 'live' });
      } catch (err) {
        next = before ?? this.fallback(s.name);
        const state: SubgraphState = { name: s.name, reachable: false, lastError: (err as Error).message, schemaHash: next && sdlHash(next.sdl), schemaSource: next?.source };
        const using = before ? 'the last known schema' : next ? 'its part of the fallback supergraph' : 'nothing (left out of the supergraph)';
        if (this.states.get(s.name)?.reachable !== false) logger().warn({ subgraph: s.name, cause: state.lastError }, `subgraph schema could not be read; using ${using}`);
        this.states.set(s.name, state);
      }
    }
    if (next) this.sdls.set(s.name, next);
    return !!next && next.sdl !== before?.sdl;
  }

  private fallbackSdls?: Map<string, string>;

  private fallback(name: string): { sdl: string; source: 'fallback' } | undefined {
    if (!this.opts.fallbackSupergraphSdl) return undefined;
    this.fallbackSdls ??= subgraphsOfSupergraph(this.opts.fallbackSupergraphSdl);
    const sdl = this.fallbackSdls.get(name);
    return sdl ? { sdl, source: 'fallback' } : undefined;
  }

  private composeKnown() {
    const known = this.opts.subgraphs.flatMap((s) => {
      const entry = this.sdls.get(s.name);
      return entry ? [{ name: s.name, url: s.routingUrl, sdl: entry.sdl }] : [];
    });
    if (!known.length) return { ok: false as const, errors: ['no subgraph schema could be read'] };
    return compose(known);
  }
}
