import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The (updated_at, id) keyset index of syncing clients on the record tables created after the
 * soft-delete migration (the shared sector concepts, region population, hospital pairings…).
 * Runs after every subgraph's own migrations of that time; idempotent.
 */
export class SyncIndexesForLaterTables1764000160000 implements MigrationInterface {
  name = 'SyncIndexesForLaterTables1764000160000';

  async up(q: QueryRunner): Promise<void> {
    const tables: { table_name: string }[] = await q.query(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.columns u ON u.table_name = c.table_name AND u.table_schema = c.table_schema AND u.column_name = 'updated_at'
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
        WHERE c.column_name = 'region_code' AND c.table_schema = current_schema() AND c.table_name <> 'region' ORDER BY 1`,
    );
    for (const { table_name: t } of tables) await q.query(`CREATE INDEX IF NOT EXISTS "${t}_updated_id_idx" ON "${t}" (updated_at, id)`);
  }

  async down(): Promise<void> {
    // The indexes are the soft-delete migration's to drop.
  }
}
