import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.js';
import type { Period } from '../period/period.js';
import { isAggregatedFor } from './aggregates/definition.js';
import type { BatchStats } from './stats-loader.js';
import { readEvents, readStockAt } from './aggregates/read.js';
import { addDays } from './aggregates/pieces.js';

/** How figures are computed: from pre-aggregates where declared (default), or from raw rows only. */
export interface StatsOptions {
  /** Only these fields are needed (absent = all). */
  fields?: ReadonlySet<string>;
  /** Ignore the pre-aggregates: the reference computation, for tests and recovery checks. */
  raw?: boolean;
}

/** Reads a summed metric of one region: `get('meetings')`, or a keyed one `get('disputes.byCategory|NEIGHBOR')`. */
export type MetricReader = (metric: string) => number;
/** Every key of a keyed event metric with its sum (a histogram, e.g. days to resolve → demands). */
export type KeyedReader = (metric: string) => Map<string, number>;

/** How a part's figures come out of the pre-aggregates. */
export interface AggregatedFigures<S> {
  /** Event metrics summed over the period. */
  events?: readonly string[];
  /** Stock metrics at the period end (or at `stockDate`). */
  stocks?: readonly string[];
  /** When "now" is not the open end: e.g. overdue items at an open period's end are those overdue today. */
  stockDate?: (period: Period) => string | null;
  /** Stock metrics the day before the period starts, read as `before:<metric>` (0 for an open start). */
  stocksBeforeStart?: readonly string[];
  figures: (get: MetricReader, period: Period, keyed: KeyedReader) => Partial<S>;
}

/** A group of figures of a sector's stats, computed together. */
export interface StatsPart<S> {
  fields: readonly (keyof S & string)[];
  /** From the records, for any region: the definition of the figures. */
  raw: BatchStats<Partial<S>>;
  /** From the pre-aggregates, for province…township codes; must equal `raw` (property-tested). */
  aggregated?: AggregatedFigures<S>;
}

/** Stock metrics to read, grouped by the date they are read at. */
function stockReads<S>(parts: readonly StatsPart<S>[], period: Period): Map<string, { date: string | null; metrics: Set<string> }> {
  const reads = new Map<string, { date: string | null; metrics: Set<string> }>();
  const add = (date: string | null, metrics: readonly string[] = []) => {
    const key = date ?? '';
    if (!reads.has(key)) reads.set(key, { date, metrics: new Set() });
    metrics.forEach((m) => reads.get(key)!.metrics.add(m));
  };
  for (const p of parts) {
    const a = p.aggregated!;
    add(a.stockDate ? a.stockDate(period) : period.to, a.stocks);
    if (a.stocksBeforeStart?.length && period.from) add(addDays(period.from, -1), a.stocksBeforeStart);
  }
  return reads;
}

/** Every aggregated part's metrics in one statement per date read (events in the period, stocks at its end). */
async function runAggregated<S>(parts: readonly StatsPart<S>[], ctx: RequestContext, codes: readonly string[], period: Period): Promise<Map<string, Partial<S>>[]> {
  const events = [...new Set(parts.flatMap((p) => p.aggregated!.events ?? []))];
  const reads = [...stockReads(parts, period).entries()].filter(([, r]) => r.metrics.size);
  const [ev, ...stocks] = await Promise.all([
    readEvents(ctx, codes, events, period),
    ...reads.map(([, r]) => readStockAt(ctx, codes, [...r.metrics], r.date)),
  ]);
  const stockAt = new Map(reads.map(([key], i) => [key, stocks[i]]));
  return parts.map((p) => {
    const a = p.aggregated!;
    const isStock = new Set(a.stocks ?? []);
    const endKey = (a.stockDate ? a.stockDate(period) : period.to) ?? '';
    const beforeKey = period.from ? addDays(period.from, -1) : null;
    return new Map(
      codes.map((code) => {
        const get: MetricReader = (name) => {
          if (name.startsWith('before:')) return beforeKey === null ? 0 : (stockAt.get(beforeKey)!.get(code)!.get(name.slice(7)) ?? 0);
          const source = isStock.has(name.split('|')[0]) ? stockAt.get(endKey) : ev;
          return source?.get(code)?.get(name) ?? 0;
        };
        const keyed: KeyedReader = (metric) =>
          new Map([...(ev.get(code) ?? new Map<string, number>())].filter(([k]) => k.startsWith(`${metric}|`)).map(([k, v]) => [k.slice(metric.length + 1), v]));
        return [code, a.figures(get, period, keyed)];
      }),
    );
  });
}

/**
 * A sector's stats from its parts: only the parts whose fields were asked for run, from the
 * pre-aggregates where they have them (village codes and undeclared figures read raw rows).
 */
export function composeStats<S>(parts: readonly StatsPart<S>[]) {
  return async (ctx: RequestContext, codes: readonly string[], period: Period, opts: StatsOptions = {}): Promise<Map<string, S>> => {
    const wanted = parts.filter((p) => !opts.fields || p.fields.some((f) => opts.fields!.has(f)));
    // Which codes each part reads from the pre-aggregates (counties only at month-aligned dates).
    const aggCodes = wanted.map((p) => {
      if (opts.raw || !p.aggregated) return [];
      const ends = [period.to, ...(p.aggregated.stockDate ? [p.aggregated.stockDate(period)] : [])];
      return codes.filter((c) => isAggregatedFor(c, period.from, ends));
    });
    // Parts sharing a raw function (one statement yielding several parts' figures) call it once.
    const calls = new Map<BatchStats<Partial<S>>, Map<string, Promise<Map<string, Partial<S>>>>>();
    const once = (raw: BatchStats<Partial<S>>, mine: string[]) => {
      const byCodes = calls.get(raw) ?? new Map<string, Promise<Map<string, Partial<S>>>>();
      calls.set(raw, byCodes);
      const key = mine.join(',');
      if (!byCodes.has(key)) byCodes.set(key, raw(ctx, mine, period));
      return byCodes.get(key)!;
    };
    // Parts reading the same codes share their statements.
    const groups = new Map<string, number[]>();
    wanted.forEach((p, i) => {
      if (!aggCodes[i].length) return;
      const key = aggCodes[i].join(',');
      groups.set(key, [...(groups.get(key) ?? []), i]);
    });
    const [fromAggregates, fromRows] = await Promise.all([
      Promise.all([...groups.values()].map((idx) => runAggregated(idx.map((i) => wanted[i]), ctx, aggCodes[idx[0]], period))),
      Promise.all(
        wanted.map((p, i) => {
          const mine = codes.filter((c) => !aggCodes[i].includes(c));
          return mine.length ? once(p.raw, mine) : Promise.resolve(new Map<string, Partial<S>>());
        }),
      ),
    ]);
    const aggregated = new Map<number, Map<string, Partial<S>>>();
    [...groups.values()].forEach((idx, g) => idx.forEach((i, k) => aggregated.set(i, fromAggregates[g][k])));
    // Each part contributes only its own fields (a shared raw function may compute more).
    const own = (part: StatsPart<S>, values: Partial<S> | undefined) => Object.fromEntries(part.fields.map((f) => [f, values?.[f]]).filter(([, v]) => v !== undefined));
    return new Map(
      codes.map((code) => {
        const out: Partial<S> = {};
        wanted.forEach((p, i) => Object.assign(out, own(p, fromRows[i].get(code)), own(p, aggregated.get(i)?.get(code))));
        return [code, out as S];
      }),
    );
  };
}

function collect(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: Set<string>): void {
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') out.add(sel.name.value);
    else if (sel.kind === 'InlineFragment') collect(sel.selectionSet, info, out);
    else collect(info.fragments[sel.name.value]?.selectionSet, info, out);
  }
}

/** The sub-fields a resolver's caller selected (fragments followed), e.g. the stats figures asked for. */
export function requestedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  for (const node of info.fieldNodes as readonly FieldNode[]) collect(node.selectionSet, info, out);
  return out;
}

/**
 * PostgreSQL's `percentile_cont(fraction)` over a histogram of numeric keys (value → how many),
 * e.g. the median days to resolve from demands counted per number of days; null when empty.
 */
export function percentileOfHistogram(histogram: Map<string, number>, fraction: number): number | null {
  const bins = [...histogram].map(([k, n]) => [Number(k), n] as const).filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const position = fraction * (total - 1);
  const at = (i: number): number => {
    let seen = 0;
    for (const [value, n] of bins) if ((seen += n) > i) return value;
    return bins[bins.length - 1][0];
  };
  const lower = Math.floor(position);
  const [a, b] = [at(lower), at(Math.ceil(position))];
  return a + (b - a) * (position - lower);
}
