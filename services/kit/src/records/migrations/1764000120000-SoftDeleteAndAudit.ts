import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Soft deletes and the audit trail, the same in every subgraph's database (so the kit owns it).
 *
 * `deleted_record` is the archive of deleted records: a delete moves the record and everything
 * its foreign keys cascade to into it (one `batch_id`, `level` = depth under the deleted record,
 * so a restore inserts parents first), and remembers references that ON DELETE SET NULL cleared
 * (`kind = 'link'`) so a restore puts them back. Live tables hold live rows only: every list,
 * lookup, loader and statistic (the triggers see a delete and a restore as a DELETE and an
 * INSERT) leaves deleted records out without a predicate of its own.
 *
 * `audit_log`: who changed what, written in the transaction of the change.
 */
export class SoftDeleteAndAudit1764000120000 implements MigrationInterface {
  name = 'SoftDeleteAndAudit1764000120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deleted_record (
      seq bigserial PRIMARY KEY,
      batch_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('row', 'link')),
      table_name text COLLATE "C" NOT NULL,
      record_id uuid NOT NULL,
      root boolean NOT NULL DEFAULT false,
      level int NOT NULL DEFAULT 0,
      data jsonb NOT NULL,
      deleted_at timestamptz NOT NULL DEFAULT now(),
      deleted_by text
    )`);
    await q.query('CREATE INDEX deleted_record_batch_idx ON deleted_record (batch_id, level)');
    await q.query('CREATE INDEX deleted_record_record_idx ON deleted_record (record_id)');
    await q.query('CREATE INDEX deleted_record_table_idx ON deleted_record (table_name, deleted_at)');
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      subject text,
      role text,
      sectors text[] NOT NULL DEFAULT '{}',
      operation text NOT NULL,
      type_name text NOT NULL,
      record_id uuid NOT NULL,
      changes jsonb NOT NULL
    )`);
    await q.query('CREATE INDEX audit_log_record_idx ON audit_log (record_id, id)');
    // Keyset paging on (updated_at, id) for syncing clients (orderBy UPDATED_AT).
    const tables: { table_name: string }[] = await q.query(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.columns u ON u.table_name = c.table_name AND u.table_schema = c.table_schema AND u.column_name = 'updated_at'
        WHERE c.column_name = 'region_code' AND c.table_schema = current_schema() AND c.table_name <> 'region' ORDER BY 1`,
    );
    for (const { table_name: t } of tables) await q.query(`CREATE INDEX IF NOT EXISTS "${t}_updated_id_idx" ON "${t}" (updated_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const idx: { indexname: string }[] = await q.query(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%\\_updated\\_id\\_idx'`);
    for (const { indexname } of idx) await q.query(`DROP INDEX "${indexname}"`);
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE deleted_record');
  }
}
