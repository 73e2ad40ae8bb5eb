/**
 * Pre-aggregated statistics, declared once per sector. Each declaration says how a record
 * contributes to named metrics; the kit derives from it the database triggers that keep
 * `stats_aggregate` exact in the same transaction as every write, the rebuild, and the readers.
 *
 * A contribution is (leaf region code, metric, key, day, value):
 * - an EVENT adds `value` on the day it happened (a clinic's patients on its date);
 * - a STOCK adds `value` on the day it starts to exist (null start = since always) and
 *   subtracts it on the day it stops (`until`, exclusive), so "what exists at day D" is the
 *   running sum of its contributions up to D.
 */

/** SQL expressions over the source row, aliased `r`. */
interface MeasureBase {
  /** Metric name, unique in the subgraph, e.g. `freeClinics.patients`. */
  metric: string;
  /** Amount contributed (default 1: a count). */
  value?: string;
  /** Breakdown key (a category, a sector); default none. */
  key?: string;
  /** Only rows matching this condition contribute. */
  when?: string;
}

export interface EventMeasure extends MeasureBase {
  /** Day the event happened; rows where it is null contribute nothing. */
  event: string;
}

export interface StockMeasure extends MeasureBase {
  /** Day from which the row counts; null (or a null value) = since always. */
  from: string | null;
  /** Day from which it no longer counts (exclusive end); absent or null = still counts. */
  until?: string;
}

export type Measure = EventMeasure | StockMeasure;

/**
 * Contributions computed from a row alone: the triggers read them from the statement's
 * transition tables (old rows subtracted, new rows added), so inserts, edits, moves between
 * regions and deletes all stay exact.
 */
export interface RowSource {
  table: string;
  /** Leaf region code of the row (default `r.region_code`). */
  region?: string;
  measures: Measure[];
}

/**
 * Contributions that depend on several rows or tables (distinct counts, a parent's region):
 * recomputed for the affected groups whenever one of `triggers` changes. The previous
 * contributions of a group are kept in `stats_ledger`, so the change is applied as a diff.
 */
export interface GroupSource {
  /** Unique name of the source (ledger key). */
  name: string;
  /**
   * A SELECT yielding `group_key text, region_code text, metric text, key text, day date,
   * value bigint` for the groups in `keys` (an SQL text[] expression), or every group when
   * `keys` is null (the rebuild).
   */
  select: (keys: string | null) => string;
  /** True when `region_code` is already every region the row counts in (no prefix expansion). */
  expanded?: boolean;
  /** Tables whose changes affect groups, and the group key of one of their rows (alias `r`). */
  triggers: { table: string; groupKey: string }[];
}

export interface StatsDefinition {
  rows: RowSource[];
  groups?: GroupSource[];
}

export const isEvent = (m: Measure): m is EventMeasure => 'event' in m;

/**
 * Division code lengths that get pre-aggregates: province, city, county. A township or a
 * village holds few records (tens to a few thousand) and reads its rows through region + date
 * indexes; keeping them would multiply the aggregates by the number of townships.
 */
export const AGGREGATED_LEVELS = [2, 4, 6] as const;

/** Codes whose aggregates also have day buckets (any period); the others need month-aligned dates. */
export const DAY_LEVELS = [2, 4] as const;

/** True when `date` ends a month (or is open): a county can read a stock or period end at it. */
const endsMonth = (date: string | null): boolean =>
  date === null || new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/**
 * Can `code` be served from the pre-aggregates for these dates? Provinces and cities always;
 * counties when the period starts on a 1st and every end read falls on a month's last day.
 */
export function isAggregatedFor(code: string, from: string | null, ends: readonly (string | null)[]): boolean {
  if (!(AGGREGATED_LEVELS as readonly number[]).includes(code.length)) return false;
  if ((DAY_LEVELS as readonly number[]).includes(code.length)) return true;
  return (from === null || from.endsWith('-01')) && ends.every(endsMonth);
}
