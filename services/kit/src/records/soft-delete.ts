import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** A foreign key of the database: `child.column` references `parent.id`. */
interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  /** 'c' cascade, 'n' set null (pg_constraint.confdeltype). */
  onDelete: 'c' | 'n';
}

const graphs = new WeakMap<DataSource, Promise<ForeignKey[]>>();

/**
 * The database's single-column foreign keys that cascade or clear on delete: the declaration of
 * which records live under which (a hospital's branches, a branch's member development…), read
 * once per process from the catalog, so a relation declared in a migration is all it takes.
 */
function foreignKeys(em: EntityManager): Promise<ForeignKey[]> {
  const db = em.connection;
  let found = graphs.get(db);
  if (!found) {
    found = em.query(
      `SELECT c.conrelid::regclass::text AS child, a.attname AS column, c.confrelid::regclass::text AS parent, c.confdeltype AS "onDelete"
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.confdeltype IN ('c', 'n')
          AND c.connamespace = current_schema()::regnamespace`,
    ) as Promise<ForeignKey[]>;
    graphs.set(db, found);
    found.catch(() => graphs.delete(db));
  }
  return found;
}

const q = (ident: string): string => `"${ident.replace(/"/g, '')}"`;

export interface DeleteResult {
  batchId: string;
  /** Records moved to the archive, the deleted one included. */
  records: number;
}

/**
 * Soft-deletes a record and everything under it, in the caller's transaction: the rows go to
 * `deleted_record` (with when and who), references that would be cleared are remembered, then the
 * record is deleted, so its foreign keys cascade as before and the statistics triggers subtract
 * it all. A row reached by two paths gets its deepest level, so a restore inserts parents first.
 */
export async function archiveAndDelete(em: EntityManager, table: string, id: string, deletedBy: string | null): Promise<DeleteResult> {
  const fks = await foreignKeys(em);
  // Keyed by table and id: a record kept in step with another shares its id (a branch and its organisation).
  const key = (t: string, rowId: string) => `${t}\u0000${rowId}`;
  const rows = new Map<string, { table: string; id: string; level: number }>([[key(table, id), { table, id, level: 0 }]]);
  let frontier = new Map<string, string[]>([[table, [id]]]);
  for (let level = 1; frontier.size && level < 32; level++) {
    const next = new Map<string, string[]>();
    for (const [parent, ids] of frontier) {
      for (const fk of fks.filter((f) => f.parent === parent && f.onDelete === 'c')) {
        const found: { id: string }[] = await em.query(`SELECT id FROM ${q(fk.child)} WHERE ${q(fk.column)} = ANY($1::uuid[])`, [ids]);
        for (const { id: childId } of found) {
          const seen = rows.get(key(fk.child, childId));
          if (seen && seen.level >= level) continue;
          rows.set(key(fk.child, childId), { table: fk.child, id: childId, level });
          next.set(fk.child, [...(next.get(fk.child) ?? []), childId]);
        }
      }
    }
    frontier = next;
  }
  const batchId = randomUUID();
  const byTableLevel = new Map<string, string[]>();
  for (const r of rows.values()) {
    const k = `${r.table}\u0000${r.level}`;
    byTableLevel.set(k, [...(byTableLevel.get(k) ?? []), r.id]);
  }
  for (const [k, ids] of byTableLevel) {
    const [t, level] = k.split('\u0000');
    await em.query(
      `INSERT INTO deleted_record (batch_id, kind, table_name, record_id, root, level, data, deleted_by)
       SELECT $1, 'row', $2, t.id, t.id = $3::uuid, $4, to_jsonb(t), $5 FROM ${q(t)} t WHERE t.id = ANY($6::uuid[])`,
      [batchId, t, id, Number(level), deletedBy, ids],
    );
  }
  // References that ON DELETE SET NULL will clear in rows that stay (a claim's registration).
  for (const fk of fks.filter((f) => f.onDelete === 'n')) {
    const parents = [...rows.values()].filter((r) => r.table === fk.parent).map((r) => r.id);
    const archived = [...rows.values()].filter((r) => r.table === fk.child).map((r) => r.id);
    if (!parents.length) continue;
    await em.query(
      `INSERT INTO deleted_record (batch_id, kind, table_name, record_id, level, data, deleted_by)
       SELECT $1, 'link', $2, t.id, 1000, jsonb_build_object('column', $3::text, 'value', t.${q(fk.column)}), $4
         FROM ${q(fk.child)} t WHERE t.${q(fk.column)} = ANY($5::uuid[]) AND NOT t.id = ANY($6::uuid[])`,
      [batchId, fk.child, fk.column, deletedBy, parents, archived],
    );
  }
  await em.query(`DELETE FROM ${q(table)} WHERE id = $1`, [id]);
  return { batchId, records: rows.size };
}

export interface ArchivedRow {
  batchId: string;
  root: boolean;
  deletedAt: Date;
  deletedBy: string | null;
}

/** The archive entry of a deleted record of `table`, or null when it is not deleted. */
export async function findArchived(em: EntityManager, table: string, id: string): Promise<ArchivedRow | null> {
  const [row] = (await em.query(
    `SELECT batch_id AS "batchId", root, deleted_at AS "deletedAt", deleted_by AS "deletedBy"
       FROM deleted_record WHERE kind = 'row' AND table_name = $1 AND record_id = $2 ORDER BY seq DESC LIMIT 1`,
    [table, id],
  )) as ArchivedRow[];
  return row ?? null;
}

/**
 * Puts a deletion batch back, parents first, with `updated_at` now (so syncing clients fetch
 * the records again), restores the references it cleared, and forgets the batch. A record whose
 * parent was deleted on its own (another batch) cannot come back before it: the foreign key
 * refuses, and the caller reports it.
 */
export async function restoreBatch(em: EntityManager, batchId: string): Promise<number> {
  const rows: { kind: 'row' | 'link'; table_name: string; record_id: string; data: { column?: string } }[] = await em.query(
    `SELECT kind, table_name, record_id, data FROM deleted_record WHERE batch_id = $1 ORDER BY level, seq`,
    [batchId],
  );
  const tables = [...new Set(rows.filter((r) => r.kind === 'row').map((r) => r.table_name))];
  // One INSERT per table and level, in level order (rows are sorted by level).
  let restored = 0;
  for (const level of [...new Set((await em.query(`SELECT DISTINCT level FROM deleted_record WHERE batch_id = $1 AND kind = 'row' ORDER BY level`, [batchId])).map((r: { level: number }) => r.level))]) {
    for (const t of tables) {
      const res: unknown[] = await em.query(
        `INSERT INTO ${q(t)} SELECT (jsonb_populate_record(NULL::${q(t)}, d.data || jsonb_build_object('updated_at', now()))).*
           FROM deleted_record d WHERE d.batch_id = $1 AND d.kind = 'row' AND d.table_name = $2 AND d.level = $3 ORDER BY d.seq RETURNING 1`,
        [batchId, t, level],
      );
      restored += res.length;
    }
  }
  for (const link of rows.filter((r) => r.kind === 'link')) {
    const column = String(link.data.column);
    await em.query(
      `UPDATE ${q(link.table_name)} t SET ${q(column)} = (d.data->>'value')::uuid, updated_at = now()
         FROM deleted_record d WHERE d.batch_id = $1 AND d.kind = 'link' AND d.record_id = t.id AND d.data->>'column' = $2 AND t.id = $3 AND t.${q(column)} IS NULL`,
      [batchId, column, link.record_id],
    );
  }
  await em.query('DELETE FROM deleted_record WHERE batch_id = $1', [batchId]);
  return restored;
}

/** Ids among `ids` that are archived (deleted) records of `table`. */
export async function archivedIds(db: DataSource | EntityManager, table: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: { record_id: string }[] = await db.query(
    `SELECT record_id FROM deleted_record WHERE kind = 'row' AND table_name = $1 AND record_id = ANY($2::uuid[])`,
    [table, ids],
  );
  return new Set(rows.map((r) => r.record_id));
}

/**
 * The relation a list with `includeDeleted` / `deletedSince` reads instead of the table: live
 * rows (deletedAt null) and archived ones, as rows of the table's own type plus `deleted_at` and
 * `deleted_by`. Used as a CTE of the table's own name, so the list's filters apply unchanged.
 */
export function withDeletedSql(table: string, opts: { live: boolean; deletedSinceParam?: string }): string {
  const live = `SELECT t.*, NULL::timestamptz AS deleted_at, NULL::text AS deleted_by FROM ${q(table)} t`;
  const since = opts.deletedSinceParam ? ` AND d.deleted_at >= :${opts.deletedSinceParam}` : '';
  const archived = `SELECT (jsonb_populate_record(NULL::${q(table)}, d.data)).*, d.deleted_at, d.deleted_by FROM deleted_record d WHERE d.kind = 'row' AND d.table_name = '${table.replace(/'/g, "''")}'${since}`;
  return opts.live ? `${live} UNION ALL ${archived}` : archived;
}
