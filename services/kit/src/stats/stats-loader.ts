import DataLoader from 'dataloader';
import type { RequestContext } from '../context.js';
import { type Period, periodKey } from '../period/period.js';
import type { StatsOptions } from './parts.js';

/**
 * Stats batches wait for the event loop's next turn (not the next tick), so a region's figures
 * and its children's, asked a few promise hops apart, go to the database together rather than
 * one round trip after the other.
 */
export const STATS_BATCHING = { batchScheduleFn: (run: () => void) => void setImmediate(run) };

/** Computes one sector's figures for many regions and one period, in SQL, in one go. */
export type BatchStats<S> = (ctx: RequestContext, codes: readonly string[], period: Period, opts?: StatsOptions) => Promise<Map<string, S>>;

/**
 * Region statistics through a per-request DataLoader keyed by period and the figures asked
 * for: a drill-down over N children costs the same statements as one region, the same region
 * and period asked twice in a request is computed once, and figures nobody asked for are not
 * computed at all.
 */
export function loadStats<S>(ctx: RequestContext, name: string, compute: BatchStats<S>, code: string, period: Period, fields?: ReadonlySet<string>): Promise<S> {
  const fieldsKey = fields ? [...fields].sort().join(',') : '*';
  const loader = ctx.loaders.get(`stats:${name}:${periodKey(period)}:${fieldsKey}`, () =>
    new DataLoader<string, S>(async (codes) => {
      const byCode = await compute(ctx, codes, period, { fields });
      return codes.map((c) => {
        const stats = byCode.get(c);
        if (stats === undefined) throw new Error(`${name} stats missing for ${c}`);
        return stats;
      });
    }, STATS_BATCHING),
  );
  return loader.load(code);
}

/** A rate in 0..1, null when there is nothing to divide by. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;
