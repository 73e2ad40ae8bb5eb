import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTS = ['team_size', 'party_member_doctors', 'patients', 'home_visits', 'follow_up_patients', 'referrals'];

/**
 * A free clinic's counts are what its ledger reports: a count the ledger does not know is null
 * ("not reported"), never an invented zero. Statistics skip nulls in sums and count only the
 * clinics that reported in an average's denominator.
 */
export class OptionalFreeClinicCounts1764000131000 implements MigrationInterface {
  name = 'OptionalFreeClinicCounts1764000131000';

  async up(q: QueryRunner): Promise<void> {
    for (const c of COUNTS) await q.query(`ALTER TABLE free_clinic ALTER COLUMN ${c} DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of COUNTS) await q.query(`UPDATE free_clinic SET ${c} = 0 WHERE ${c} IS NULL`);
    for (const c of COUNTS) await q.query(`ALTER TABLE free_clinic ALTER COLUMN ${c} SET NOT NULL`);
  }
}
