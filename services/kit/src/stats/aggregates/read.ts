import type { RequestContext } from '../../context.js';
import type { Period } from '../../period/period.js';
import { type Grain, pieces } from './pieces.js';

/** Sums per region: `metric` → value, and `metric|key` → value for keyed metrics (`metric` is then their total). */
export type MetricSums = Map<string, number>;

const SUMS_SQL = `SELECT q.code, m.metric, a.key, sum(a.value)::float8 AS value
   FROM unnest($1::text[]) q(code)
  CROSS JOIN unnest($2::text[]) m(metric)
  CROSS JOIN unnest($3::"char"[], $4::date[], $5::date[]) p(grain, lo, hi)
   JOIN stats_aggregate a ON a.region_code = q.code AND a.metric = m.metric AND a.grain = p.grain AND a.bucket BETWEEN p.lo AND p.hi
  GROUP BY 1, 2, 3`;

/** Σ of contributions dated in [from, to] for every code and metric: one statement, index probes only. */
async function sums(ctx: RequestContext, codes: readonly string[], metrics: readonly string[], from: string | null, to: string | null): Promise<Map<string, MetricSums>> {
  const ps = pieces(from, to);
  const out = new Map<string, MetricSums>(codes.map((c) => [c, new Map()]));
  if (!codes.length || !metrics.length || !ps.length) return out;
  const rows: { code: string; metric: string; key: string; value: number }[] = await ctx.db.query(SUMS_SQL, [
    codes,
    metrics,
    ps.map((p) => p.grain),
    ps.map((p) => p.lo),
    ps.map((p) => p.hi),
  ]);
  for (const r of rows) {
    const byMetric = out.get(r.code)!;
    if (r.key) {
      // A keyed metric also reads as its total over the keys (`metric` alone).
      byMetric.set(`${r.metric}|${r.key}`, Number(r.value));
      byMetric.set(r.metric, (byMetric.get(r.metric) ?? 0) + Number(r.value));
    } else byMetric.set(r.metric, Number(r.value));
  }
  return out;
}

/** Event metrics: what happened inside the period. */
export const readEvents = (ctx: RequestContext, codes: readonly string[], metrics: readonly string[], period: Period) =>
  sums(ctx, codes, metrics, period.from, period.to);

/** Stock metrics: what exists at `date` (null = now, everything so far). */
export const readStockAt = (ctx: RequestContext, codes: readonly string[], metrics: readonly string[], date: string | null) =>
  sums(ctx, codes, metrics, null, date);

const UNIT: Record<'MONTH' | 'QUARTER' | 'YEAR', string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** One event metric bucketed by month/quarter/year over the period: `bucket start` → value, per code. */
export async function readBuckets(
  ctx: RequestContext,
  codes: readonly string[],
  metric: string,
  period: Period,
  granularity: 'MONTH' | 'QUARTER' | 'YEAR',
): Promise<Map<string, Map<string, number>>> {
  const ps = pieces(period.from, period.to, (granularity === 'YEAR' ? 'Y' : 'M') as Grain);
  const out = new Map<string, Map<string, number>>(codes.map((c) => [c, new Map()]));
  if (!codes.length || !ps.length) return out;
  const rows: { code: string; bucket: string; value: number }[] = await ctx.db.query(
    `SELECT q.code, to_char(date_trunc('${UNIT[granularity]}', a.bucket), 'YYYY-MM-DD') AS bucket, sum(a.value)::float8 AS value
       FROM unnest($1::text[]) q(code)
      CROSS JOIN unnest($3::"char"[], $4::date[], $5::date[]) p(grain, lo, hi)
       JOIN stats_aggregate a ON a.region_code = q.code AND a.metric = $2 AND a.grain = p.grain AND a.bucket BETWEEN p.lo AND p.hi
      WHERE isfinite(a.bucket)
      GROUP BY 1, 2`,
    [codes, metric, ps.map((p) => p.grain), ps.map((p) => p.lo), ps.map((p) => p.hi)],
  );
  for (const r of rows) if (Number(r.value) !== 0) out.get(r.code)!.set(r.bucket, Number(r.value));
  return out;
}
