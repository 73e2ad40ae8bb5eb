import type { DataSource, EntityManager } from 'typeorm';
import type { StatsDefinition } from './definition.js';
import { AGGREGATE_KEY } from './migration.js';
import { definitionHash, definitionTriggers, rebuildStatements } from './sql.js';

/** Key of the advisory lock taken while triggers are installed or aggregates rebuilt. */
const STATS_LOCK = 7_316_254;

async function dropTriggers(em: EntityManager): Promise<void> {
  const triggers: { tgname: string; table: string }[] = await em.query(
    `SELECT t.tgname, c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'pb\\_stats\\_%' AND NOT t.tgisinternal`,
  );
  for (const t of triggers) await em.query(`DROP TRIGGER ${t.tgname} ON ${t.table}`);
  const fns: { proname: string }[] = await em.query(`SELECT proname FROM pg_proc WHERE proname LIKE 'pb\\_stats\\_%'`);
  for (const f of fns) await em.query(`DROP FUNCTION ${f.proname}()`);
}

/** Empties the aggregates and recomputes them from the records (one pass per source). */
export async function rebuildInTransaction(em: EntityManager, def: StatsDefinition): Promise<void> {
  await em.query('TRUNCATE stats_aggregate, stats_ledger');
  // Whole-table aggregations: sort and hash in memory rather than in temporary files.
  await em.query(`SET LOCAL work_mem = '256MB'`);
  // Bulk load, then index: building the key once is far cheaper than maintaining it per row.
  await em.query('ALTER TABLE stats_aggregate DROP CONSTRAINT IF EXISTS stats_aggregate_pkey');
  for (const sql of rebuildStatements(def)) await em.query(sql);
  await em.query(`ALTER TABLE stats_aggregate ADD CONSTRAINT stats_aggregate_pkey ${AGGREGATE_KEY}`);
}

/**
 * Brings a database's triggers in line with the code's declaration: when the stored hash
 * differs (first start, or a metric was added or changed), the triggers are replaced and the
 * aggregates rebuilt, in one transaction, so readers never see aggregates of another
 * declaration. Derived objects, like a materialized view: the tables themselves come from a
 * migration.
 */
export async function ensureStatsAggregates(db: DataSource, subgraph: string, def: StatsDefinition): Promise<{ rebuilt: boolean }> {
  const hash = definitionHash(def);
  const current = async (em: EntityManager) =>
    ((await em.query('SELECT hash FROM stats_definition WHERE subgraph = $1', [subgraph])) as { hash: string }[])[0]?.hash;
  if ((await current(db.manager)) === hash) return { rebuilt: false };
  const result = await db.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [STATS_LOCK]);
    if ((await current(em)) === hash) return { rebuilt: false };
    await dropTriggers(em);
    for (const t of definitionTriggers(def)) for (const sql of t.statements) await em.query(sql);
    await rebuildInTransaction(em, def);
    await em.query(
      `INSERT INTO stats_definition (subgraph, hash) VALUES ($1, $2) ON CONFLICT (subgraph) DO UPDATE SET hash = EXCLUDED.hash, installed_at = now()`,
      [subgraph, hash],
    );
    return { rebuilt: true };
  });
  if (result.rebuilt) await settleAggregates(db);
  return result;
}

/**
 * After a rebuild: fresh planner statistics, and the visibility map set so that reads are
 * index-only from the first request (autovacuum would get there minutes later, and until then a
 * national dashboard reads heap pages and plans with no statistics). Outside any transaction.
 */
async function settleAggregates(db: DataSource): Promise<void> {
  await db.query('VACUUM (ANALYZE) stats_aggregate, stats_ledger');
}

export interface RebuildOptions {
  /**
   * Connections computing the sources at once. Above 1 the rebuild is no longer one
   * transaction: readers may see the aggregates empty or partial meanwhile, so it is for bulk
   * loads with the subgraphs stopped (the generator); a failure leaves them to rebuild again.
   */
  workers?: number;
}

/** `npm run stats:rebuild`: recomputes the aggregates from the records, for recovery. */
export async function rebuildStats(db: DataSource, def: StatsDefinition, o: RebuildOptions = {}): Promise<void> {
  if ((o.workers ?? 1) <= 1) {
    await db.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [STATS_LOCK]);
      await rebuildInTransaction(em, def);
    });
  } else {
    await rebuildInParallel(db, def, o.workers!);
  }
  await settleAggregates(db);
}

/** Each source's statement writes its own metrics into the emptied table, so they run side by side. */
async function rebuildInParallel(db: DataSource, def: StatsDefinition, workers: number): Promise<void> {
  await db.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [STATS_LOCK]);
    await em.query('TRUNCATE stats_aggregate, stats_ledger');
    await em.query('ALTER TABLE stats_aggregate DROP CONSTRAINT IF EXISTS stats_aggregate_pkey');
  });
  const queue = rebuildStatements(def);
  const worker = async () => {
    const q = db.createQueryRunner();
    await q.connect();
    try {
      await q.query(`SET work_mem = '256MB'`);
      for (let sql = queue.shift(); sql; sql = queue.shift()) await q.query(sql);
    } finally {
      await q.release();
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await db.query(`ALTER TABLE stats_aggregate ADD CONSTRAINT stats_aggregate_pkey ${AGGREGATE_KEY}`);
}

/** A fingerprint of the aggregates' contents (zero rows ignored), to prove a rebuild is a no-op. */
export async function aggregatesDigest(db: DataSource | EntityManager): Promise<{ rows: number; digest: string }> {
  const [r] = (await db.query(
    `SELECT count(*)::int AS rows, coalesce(md5(string_agg(concat_ws('|', region_code, metric, key, grain, bucket, value), ',' ORDER BY region_code, metric, key, grain, bucket)), '') AS digest
       FROM stats_aggregate WHERE value <> 0`,
  )) as { rows: number; digest: string }[];
  return r;
}
