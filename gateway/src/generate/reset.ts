import type { DataSource, EntityManager } from 'typeorm';

/** The tables of the current schema that have a provenance (`source`) column. */
export async function recordTables(db: DataSource | EntityManager): Promise<string[]> {
  const rows: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.columns WHERE column_name = 'source' AND table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

/**
 * The record tables ordered children first (a table before every table it references), from
 * the foreign keys in pg_constraint, so deleting in this order leaves cascades nothing to do.
 */
export async function childrenFirst(db: DataSource | EntityManager): Promise<string[]> {
  const tables = await recordTables(db);
  const edges: { child: string; parent: string }[] = await db.query(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  // Depth-first: a table is placed after all tables referencing it.
  const visit = (t: string): void => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.parent === t && tables.includes(e.child)) visit(e.child);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered;
}

/**
 * Deletes every SYNTHETIC row of every record table, children first, in one transaction, and
 * nothing else: ARTICLE, FILLER and USER rows stay. Triggers stay on here (unlike the bulk
 * insert), so foreign-key actions keep the rest consistent: a USER row placed under a
 * SYNTHETIC parent goes with it (ON DELETE CASCADE), a USER row merely pointing at one loses
 * the link (ON DELETE SET NULL) — the same rule as `npm run seed -- --reset`.
 */
export async function deleteSyntheticRecords(db: DataSource): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  await db.transaction(async (em) => {
    for (const t of await childrenFirst(em)) {
      const [, count] = (await em.query(`DELETE FROM "${t}" WHERE source = 'SYNTHETIC'`)) as [unknown, number];
      deleted[t] = count;
    }
  });
  return deleted;
}
