import DataLoader from 'dataloader';
import { Directive, Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { type Period, periodKey } from '../period/period.js';
import { requestedRegionsSql, withinRegionSql } from '../regions/sql.js';
import { DateScalar } from '../scalars/date.js';
import { datedWithinSql } from './roll-up.js';
import { isAggregatedFor } from './aggregates/definition.js';
import { STATS_BATCHING } from './stats-loader.js';
import { readBuckets } from './aggregates/read.js';

export enum TrendGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(TrendGranularity, { name: 'TrendGranularity', description: 'Bucket size of a trend: 月 MONTH, 季度 QUARTER, 年 YEAR' });

@Directive('@shareable')
@ObjectType({ description: 'One bucket of a trend series' })
export class TrendPoint {
  @Field({ description: 'Bucket label: 2024-03, 2024-Q1 or 2024' })
  label: string;

  @Field(() => DateScalar, { description: 'First day of the bucket' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the bucket' })
  to: string;

  @Field(() => Float)
  value: number;
}

/** Where an event metric's events are: a dated table, and what to add up per bucket. */
export interface TrendSource {
  /** Table and alias, e.g. `free_clinic c`. */
  from: string;
  regionColumn: string;
  dateColumn: string;
  /** Aggregate of a bucket, e.g. `count(*)` or `sum(c.patients)`. */
  value: string;
  where?: string;
  /** The pre-aggregated metric with the same events (read instead of the rows for province…township codes). */
  metric?: string;
}

const MONTHS: Record<TrendGranularity, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const bucketStart = (date: string, g: TrendGranularity): string => {
  const [y, m] = date.split('-').map(Number);
  const first = Math.floor((m - 1) / MONTHS[g]) * MONTHS[g] + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
};

function addMonths(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number);
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`;
}

const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function label(start: string, g: TrendGranularity): string {
  const [y, m] = start.split('-');
  if (g === TrendGranularity.YEAR) return y;
  if (g === TrendGranularity.QUARTER) return `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
  return `${y}-${m}`;
}

/** Every bucket from the first to the last, zeros included, so a chart has no gaps. */
function series(first: string, last: string, g: TrendGranularity, values: Map<string, number>): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let start = first; start <= last; start = addMonths(start, MONTHS[g])) {
    const next = addMonths(start, MONTHS[g]);
    points.push({ label: label(start, g), from: start, to: dayBefore(next), value: values.get(start) ?? 0 });
  }
  return points;
}

const PG_UNIT: Record<TrendGranularity, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** Bucket sums from the rows: one statement for every requested region. */
async function rawBuckets(ctx: RequestContext, codes: readonly string[], period: Period, g: TrendGranularity, s: TrendSource): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>(codes.map((c) => [c, new Map()]));
  if (!codes.length) return out;
  const rows: { code: string; bucket: string; value: number }[] = await ctx.db.query(
    `SELECT q.code, x.bucket, x.value
       FROM ${requestedRegionsSql('$1')}
       CROSS JOIN LATERAL (
         SELECT to_char(date_trunc('${PG_UNIT[g]}', ${s.dateColumn}), 'YYYY-MM-DD') AS bucket, (${s.value})::float8 AS value
           FROM ${s.from}
          WHERE ${withinRegionSql(s.regionColumn, 'q.code')} AND ${datedWithinSql(s.dateColumn, '$2', '$3')}${s.where ? ` AND (${s.where})` : ''}
          GROUP BY 1) x`,
    [codes, period.from, period.to],
  );
  for (const r of rows) if (Number(r.value) !== 0) out.get(r.code)!.set(r.bucket, Number(r.value));
  return out;
}

/**
 * Every requested region's series: bucket sums from the pre-aggregates where the metric has
 * them (province…township), from the rows otherwise (villages, or `raw` for checks), then the
 * gaps filled in.
 */
export async function computeTrends(ctx: RequestContext, codes: readonly string[], period: Period, g: TrendGranularity, s: TrendSource, raw = false): Promise<TrendPoint[][]> {
  const viaAggregates = s.metric && !raw ? codes.filter((c) => isAggregatedFor(c, period.from, [period.to])) : [];
  const viaRows = codes.filter((c) => !viaAggregates.includes(c));
  const [a, r] = await Promise.all([
    viaAggregates.length ? readBuckets(ctx, viaAggregates, s.metric!, period, g) : new Map<string, Map<string, number>>(),
    rawBuckets(ctx, viaRows, period, g, s),
  ]);
  return codes.map((code) => {
    const values = a.get(code) ?? r.get(code)!;
    const buckets = [...values.keys()].sort();
    const first = period.from ? bucketStart(period.from, g) : buckets[0];
    const last = period.to ? bucketStart(period.to, g) : buckets.at(-1);
    return first && last ? series(first, last, g, values) : [];
  });
}

/** A region's trend of one metric, batched per request like the stats. */
export function loadTrend(ctx: RequestContext, name: string, source: TrendSource, code: string, period: Period, g: TrendGranularity): Promise<TrendPoint[]> {
  const loader = ctx.loaders.get(`trend:${name}:${g}:${periodKey(period)}`, () =>
    new DataLoader<string, TrendPoint[]>((codes) => computeTrends(ctx, codes, period, g, source), STATS_BATCHING),
  );
  return loader.load(code);
}
