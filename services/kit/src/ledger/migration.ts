import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger numbers (台账编号): which record a row of an imported ledger became, per record type,
 * so importing the same ledger again updates (or leaves) that record instead of adding one. A
 * table of its own rather than a column on every record table: every record type, including
 * ones added later, has it without a migration of its own. A deleted record leaves a stale
 * entry, which the next import of that number replaces.
 */
export class CreateLedgerEntries1764000130000 implements MigrationInterface {
  name = 'CreateLedgerEntries1764000130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ledger_entry (
      record_type text COLLATE "C" NOT NULL,
      external_id text NOT NULL,
      record_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (record_type, external_id)
    )`);
    await q.query('CREATE INDEX ledger_entry_record_idx ON ledger_entry (record_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ledger_entry');
  }
}
