import type { Period } from '../period/period.js';
import type { StatsOptions } from '../stats/parts.js';
import type { BatchStats } from '../stats/stats-loader.js';

/** A figure per 10,000 residents; null where the population is unknown (or zero). */
export const per10k = (value: number | null | undefined, residents: number | null | undefined): number | null =>
  residents && value !== null && value !== undefined ? (value * 10_000) / residents : null;

/**
 * Stats with per-10,000-resident rates: `rates` maps a rate field to the figure it divides
 * (e.g. `partyMembersPer10kResidents: 'partyMembers'`), `residents` names the population field.
 * A rate asked for brings its figure and the population into the computation.
 */
export function withPer10kRates<S extends object>(compute: BatchStats<S>, residents: keyof S & string, rates: Partial<Record<keyof S & string, keyof S & string>>): BatchStats<S> {
  const entries = Object.entries(rates) as [keyof S & string, keyof S & string][];
  return async (ctx, codes, period: Period, opts: StatsOptions = {}) => {
    const asked = entries.filter(([rate]) => !opts.fields || opts.fields.has(rate));
    const fields = opts.fields && asked.length ? new Set([...opts.fields, residents, ...asked.map(([, base]) => base)]) : opts.fields;
    const out = await compute(ctx, codes, period, { ...opts, fields });
    for (const stats of out.values()) {
      const s = stats as Record<string, unknown>;
      for (const [rate, base] of asked) s[rate] = per10k(s[base] as number, s[residents] as number | null);
    }
    return out;
  };
}
