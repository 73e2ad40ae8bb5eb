import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context.js';
import type { Period } from '../period/period.js';
import { isAggregatedCode } from './aggregates/definition.js';
import type { BatchStats } from './stats-loader.js';
import { readEvents, readStockAt } from './aggregates/read.js';

/** How figures are computed: from pre-aggregates where declared (default), or from raw rows only. */
export interface StatsOptions {
  /** Only these fields are needed (absent = all). */
  fields?: ReadonlySet<string>;
  /** Ignore the pre-aggregates: the reference computation, for tests and recovery checks. */
  raw?: boolean;
}

/** Reads a summed metric of one region: `get('meetings')`, or a keyed one `get('disputes.byCategory|NEIGHBOR')`. */
export type MetricReader = (metric: string) => number;

/** How a part's figures come out of the pre-aggregates. */
export interface AggregatedFigures<S> {
  /** Event metrics summed over the period. */
  events?: readonly string[];
  /** Stock metrics at the period end. */
  stocks?: readonly string[];
  figures: (get: MetricReader, period: Period) => Partial<S>;
}

/** A group of figures of a sector's stats, computed together. */
export interface StatsPart<S> {
  fields: readonly (keyof S & string)[];
  /** From the records, for any region: the definition of the figures. */
  raw: BatchStats<Partial<S>>;
  /** From the pre-aggregates, for province…township codes; must equal `raw` (property-tested). */
  aggregated?: AggregatedFigures<S>;
}

/** Every aggregated part's metrics in two statements (events in the period, stocks at its end). */
async function runAggregated<S>(parts: readonly StatsPart<S>[], ctx: RequestContext, codes: readonly string[], period: Period): Promise<Map<string, Partial<S>>[]> {
  const events = [...new Set(parts.flatMap((p) => p.aggregated!.events ?? []))];
  const stocks = [...new Set(parts.flatMap((p) => p.aggregated!.stocks ?? []))];
  const [ev, st] = await Promise.all([readEvents(ctx, codes, events, period), readStockAt(ctx, codes, stocks, period.to)]);
  return parts.map((p) => {
    const isStock = new Set(p.aggregated!.stocks ?? []);
    return new Map(
      codes.map((code) => {
        const get: MetricReader = (name) => ((isStock.has(name.split('|')[0]) ? st : ev).get(code)!.get(name) ?? 0);
        return [code, p.aggregated!.figures(get, period)];
      }),
    );
  });
}

const pick = <S>(figures: Partial<S> | undefined, fields: readonly (keyof S & string)[]): Partial<S> => {
  const out: Partial<S> = {};
  if (figures) for (const f of fields) if (f in figures) out[f] = figures[f];
  return out;
};

/**
 * A sector's stats from its parts: only the parts whose fields were asked for run, from the
 * pre-aggregates where they have them (village codes and undeclared figures read raw rows).
 */
export function composeStats<S>(parts: readonly StatsPart<S>[]) {
  return async (ctx: RequestContext, codes: readonly string[], period: Period, opts: StatsOptions = {}): Promise<Map<string, S>> => {
    const wanted = parts.filter((p) => !opts.fields || p.fields.some((f) => opts.fields!.has(f)));
    const aggCodes = opts.raw ? [] : codes.filter(isAggregatedCode);
    const rawCodes = codes.filter((c) => !aggCodes.includes(c));
    const viaAggregates = aggCodes.length ? wanted.filter((p) => p.aggregated) : [];
    const results = await Promise.all([
      viaAggregates.length ? runAggregated(viaAggregates, ctx, aggCodes, period) : Promise.resolve([]),
      ...wanted.map((p) => {
        const mine = p.aggregated ? rawCodes : codes;
        return mine.length ? p.raw(ctx, mine, period) : Promise.resolve(new Map<string, Partial<S>>());
      }),
    ]);
    // Each part contributes only its own fields: a raw function shared by several parts (e.g.
    // one computing every dispute figure) must not overwrite the figures another part read from
    // the pre-aggregates.
    const owned = [...viaAggregates, ...wanted].map((p) => p.fields);
    const maps = [...(results[0] as Map<string, Partial<S>>[]), ...(results.slice(1) as Map<string, Partial<S>>[])];
    return new Map(codes.map((code) => [code, Object.assign({}, ...maps.map((m, i) => pick(m.get(code), owned[i]))) as S]));
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
