import type { GroupSource, Measure } from './definition.js';
import { measureRows } from './sql.js';

const keysIn = (column: string, keys: string | null): string => (keys ? ` AND ${column} IN (SELECT k::uuid FROM unnest(${keys}) k)` : '');

export interface ParentRegionOptions {
  name: string;
  /** The child table (alias `r`) and its foreign key to the parent. */
  child: string;
  foreignKey: string;
  /** The parent table (alias `p`), whose region the child's figures count in. */
  parent: string;
  /** Measures over `r` (the child) and `p` (the parent), e.g. a stock from greatest(r.offered_since, p.opened_on). */
  measures: Measure[];
}

/**
 * Figures of child records counted in their parent's region (a centre's visits, a school's
 * places): grouped by parent, so moving the parent moves its children's figures too.
 */
export function parentRegionSource(o: ParentRegionOptions): GroupSource {
  return {
    name: o.name,
    triggers: [
      { table: o.child, groupKey: `r.${o.foreignKey}` },
      { table: o.parent, groupKey: 'r.id' },
    ],
    select: (keys) => `SELECT p.id::text AS group_key, p.region_code, c.metric, c.key, c.day, sum(c.value)::bigint AS value
        FROM ${o.child} r JOIN ${o.parent} p ON p.id = r.${o.foreignKey}
        CROSS JOIN LATERAL (VALUES
          ${o.measures.flatMap(measureRows).join(',\n          ')}) AS c(metric, key, day, value)
       WHERE c.day IS NOT NULL AND c.value <> 0${keysIn('p.id', keys)}
       GROUP BY 1, 2, 3, 4, 5`,
  };
}

/**
 * Distinct members counted while any of their intervals covers the day: from intervals
 * (`group_key, member, region_code, metric, key, start_on, end_on` — end exclusive, null = open),
 * +1 when a member's coverage in a region starts and -1 when it stops. Each region level is
 * computed on its own (a member counted once in a county even with intervals in two townships).
 */
export function distinctMembersSql(intervals: string): string {
  return `SELECT t.group_key, t.region_code, t.metric, t.key, t.day, t.delta AS value FROM (
      SELECT s.group_key, s.member, s.region_code, s.metric, s.key, s.day,
             (s.covered > 0)::int - (coalesce(lag(s.covered) OVER w, 0) > 0)::int AS delta
        FROM (SELECT e.group_key, e.member, e.region_code, e.metric, e.key, e.day,
                     sum(sum(e.delta)) OVER (PARTITION BY e.group_key, e.member, e.region_code, e.metric, e.key ORDER BY e.day) AS covered
                FROM (SELECT i.group_key, i.member, p.code AS region_code, i.metric, i.key, d.day, d.delta
                        FROM (${intervals}) i
                        CROSS JOIN LATERAL unnest(pb_region_prefixes(i.region_code)) p(code)
                        CROSS JOIN LATERAL (VALUES (coalesce(i.start_on, '-infinity'::date), 1), (i.end_on, -1)) d(day, delta)
                       WHERE d.day IS NOT NULL AND (i.end_on IS NULL OR coalesce(i.start_on, '-infinity'::date) < i.end_on)) e
               GROUP BY e.group_key, e.member, e.region_code, e.metric, e.key, e.day) s
      WINDOW w AS (PARTITION BY s.group_key, s.member, s.region_code, s.metric, s.key ORDER BY s.day)) t
    WHERE t.delta <> 0`;
}

export { keysIn as uuidKeysIn };
