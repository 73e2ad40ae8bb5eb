import { createHash } from 'node:crypto';
import { AGGREGATED_LEVELS, DAY_LEVELS, type GroupSource, isEvent, type Measure, type RowSource, type StatsDefinition } from './definition.js';

const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const guarded = (m: Measure, value: string): string => (m.when ? `CASE WHEN ${m.when} THEN ${value} ELSE 0 END` : value);

/** The VALUES rows of one measure: one for an event, a start and an end for a stock. */
export function measureRows(m: Measure): string[] {
  const key = m.key ? `(${m.key})::text` : `''`;
  const value = m.value ?? '1';
  const row = (day: string, v: string) => `(${lit(m.metric)}::text, ${key}, (${day})::date, (${guarded(m, `coalesce(${v}, 0)`)})::bigint)`;
  if (isEvent(m)) return [row(m.event, value)];
  return [row(m.from === null ? `'-infinity'::date` : `coalesce(${m.from}, '-infinity'::date)`, value), ...(m.until ? [row(m.until, `-(${value})`)] : [])];
}

/** Contributions of the rows of `relation` (a table or a transition table), signed. */
export function rowContributionsSql(src: RowSource, relation: string, sign: 1 | -1): string {
  const rows = src.measures.flatMap(measureRows).join(',\n      ');
  return `SELECT ${src.region ?? 'r.region_code'} AS region_code, c.metric, c.key, c.day, ${sign === 1 ? '' : '-'}c.value AS value
    FROM ${relation} r CROSS JOIN LATERAL (VALUES
      ${rows}) AS c(metric, key, day, value)
   WHERE c.day IS NOT NULL AND c.value <> 0`;
}

/** Day buckets are kept for provinces and cities only (counties: months and years). */
const DAY_LEVEL = Math.max(...DAY_LEVELS);
const LEVELS_SQL = AGGREGATED_LEVELS.map((n) => `(${n})`).join(', ');

/**
 * Adds signed contributions (`region_code, metric, key, day, value`) to `stats_aggregate` at
 * every aggregated level and grain. Rows are upserted in key order so that concurrent writers
 * lock them in the same order (no deadlocks).
 */
export function applySql(contributions: string, expanded = false, fresh = false): string {
  // The region levels as a join (not a function call per row): the code's 2-, 4- and 6-digit prefixes.
  const regions = expanded
    ? `(SELECT x.region_code) e(code)`
    : `(SELECT left(x.region_code, lv.n) COLLATE "C" FROM (VALUES ${LEVELS_SQL}) lv(n) WHERE length(x.region_code) >= lv.n) e(code)`;
  const bucket = `CASE WHEN g.grain = 'D' OR NOT isfinite(x.day) THEN x.day WHEN g.grain = 'M' THEN date_trunc('month', x.day)::date ELSE date_trunc('year', x.day)::date END`;
  // Contributions are first summed per county and day (every aggregated level is a prefix of
  // the county code), so a bulk rebuild expands far fewer rows.
  const finest = Math.max(...AGGREGATED_LEVELS);
  return `INSERT INTO stats_aggregate AS a (region_code, metric, key, grain, bucket, value)
  SELECT e.code, x.metric, x.key, g.grain, ${bucket}, sum(x.value)::bigint
    FROM (SELECT left(c.region_code, ${finest}) AS region_code, c.metric, c.key, c.day, sum(c.value) AS value
            FROM (${contributions}) c
           GROUP BY 1, 2, 3, 4) x
    CROSS JOIN LATERAL ${regions}
    CROSS JOIN (VALUES ('D'::"char"), ('M'::"char"), ('Y'::"char")) g(grain)
   WHERE g.grain <> 'D' OR length(e.code) <= ${DAY_LEVEL}
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.value) <> 0${
    // A rebuild writes each metric once into an empty table, its key added afterwards.
    fresh ? '' : `
   ORDER BY 1, 2, 4, 5, 3
  ON CONFLICT (region_code, metric, grain, bucket, key) DO UPDATE SET value = a.value + EXCLUDED.value`
  }`;
}

/** Replaces a group's ledger rows with its current contributions and applies the difference. */
export function groupRecomputeSql(src: GroupSource, keys: string | null, fresh = false): string {
  const name = lit(src.name);
  return `WITH old AS (
      DELETE FROM stats_ledger l WHERE l.group_source = ${name}${keys ? ` AND l.group_key = ANY(${keys})` : ''}
      RETURNING l.region_code, l.metric, l.key, l.day, l.value),
    cur AS (SELECT s.group_key, s.region_code, s.metric, s.key, s.day, s.value::bigint AS value FROM (${src.select(keys)}) s WHERE s.value <> 0),
    kept AS (INSERT INTO stats_ledger (group_source, group_key, region_code, metric, key, day, value)
      SELECT ${name}, group_key, region_code, metric, key, day, value FROM cur)
  ${applySql(`SELECT region_code, metric, key, day, value FROM cur UNION ALL SELECT region_code, metric, key, day, -value FROM old`, src.expanded, fresh)}`;
}

const ident = (table: string): string => table.replace(/[^a-z0-9_]/g, '');

export interface TriggerSql {
  name: string;
  table: string;
  /** CREATE FUNCTION + CREATE TRIGGER statements. */
  statements: string[];
}

/**
 * One statement-level trigger per (table, operation): transition tables hold exactly the rows
 * the statement changed, so a bulk write costs one pass, not one trigger call per row.
 */
function triggersFor(table: string, body: (op: 'INSERT' | 'UPDATE' | 'DELETE') => string): TriggerSql[] {
  const t = ident(table);
  return (['INSERT', 'UPDATE', 'DELETE'] as const).map((op) => {
    const name = `pb_stats_${t}_${op.toLowerCase()}`;
    const referencing = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
    return {
      name,
      table: t,
      statements: [
        `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE pb_keys text[];
BEGIN
${body(op)}
  RETURN NULL;
END $fn$`,
        `CREATE TRIGGER ${name} AFTER ${op} ON ${t} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
      ],
    };
  });
}

/** Every trigger of a definition: row sources and group sources of the same table share one. */
export function definitionTriggers(def: StatsDefinition): TriggerSql[] {
  const tables = new Set([...def.rows.map((s) => s.table), ...(def.groups ?? []).flatMap((g) => g.triggers.map((t) => t.table))]);
  return [...tables].flatMap((table) =>
    triggersFor(table, (op) => {
      const parts: string[] = [];
      for (const src of def.rows.filter((s) => s.table === table)) {
        const pieces = [
          ...(op !== 'DELETE' ? [rowContributionsSql(src, 'new_rows', 1)] : []),
          ...(op !== 'INSERT' ? [rowContributionsSql(src, 'old_rows', -1)] : []),
        ];
        parts.push(`  ${applySql(pieces.join('\n  UNION ALL\n  '))};`);
      }
      for (const g of def.groups ?? []) {
        for (const trig of g.triggers.filter((t) => t.table === table)) {
          const rel = [...(op !== 'DELETE' ? ['new_rows'] : []), ...(op !== 'INSERT' ? ['old_rows'] : [])];
          const keys = `(SELECT array_agg(DISTINCT ks.gk) FROM (${rel.map((r) => `SELECT (${trig.groupKey})::text AS gk FROM ${r} r`).join(' UNION ALL ')}) ks WHERE ks.gk IS NOT NULL)`;
          parts.push(`  pb_keys := ${keys};\n  IF pb_keys IS NOT NULL THEN\n  ${groupRecomputeSql(g, 'pb_keys')};\n  END IF;`);
        }
      }
      return parts.join('\n');
    }),
  );
}

/**
 * Recomputes every aggregate of a definition from the records (triggers' results, in bulk), into
 * an emptied table without its primary key (each metric comes from one source only).
 */
export function rebuildStatements(def: StatsDefinition): string[] {
  return [
    ...def.rows.map((src) => applySql(rowContributionsSql(src, src.table, 1), false, true)),
    ...(def.groups ?? []).map((g) => groupRecomputeSql(g, null, true)),
  ];
}

/** Fingerprint of the generated SQL: when the code's declaration changes, triggers are reinstalled. */
export function definitionHash(def: StatsDefinition): string {
  const text = JSON.stringify({ triggers: definitionTriggers(def).map((t) => t.statements), rebuild: rebuildStatements(def) });
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
