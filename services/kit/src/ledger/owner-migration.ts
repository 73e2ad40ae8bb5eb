import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger numbers (台账编号) become unique per record type and owning unit (the parent unit a
 * record is kept under, or the region of a unit itself), not per record type: two hospitals may
 * both number their free clinics from 1. Existing rows keep `owner = ''`: such a legacy entry
 * still matches when its record belongs to the owner asked for, and is rewritten with that owner
 * the next time it is used (see ledger/numbers.ts), so no row becomes invalid.
 */
export class LedgerNumbersPerOwner1764000180000 implements MigrationInterface {
  name = 'LedgerNumbersPerOwner1764000180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entry ADD COLUMN owner text COLLATE "C" NOT NULL DEFAULT ''`);
    await q.query('ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_pkey');
    await q.query('ALTER TABLE ledger_entry ADD PRIMARY KEY (record_type, owner, external_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    // Keep one entry per (type, number): the newest, as the old key allows only one.
    await q.query(`DELETE FROM ledger_entry a USING ledger_entry b
      WHERE a.record_type = b.record_type AND a.external_id = b.external_id AND (a.created_at, a.owner) < (b.created_at, b.owner)`);
    await q.query('ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_pkey');
    await q.query('ALTER TABLE ledger_entry DROP COLUMN owner');
    await q.query('ALTER TABLE ledger_entry ADD PRIMARY KEY (record_type, external_id)');
  }
}
