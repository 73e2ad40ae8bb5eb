import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** Service claims (认领服务 / 微心愿): by a registered unit or a member, CLAIMED → COMPLETED. */
export class CreateServiceClaims1763000011000 implements MigrationInterface {
  name = 'CreateServiceClaims1763000011000';

  async up(q: QueryRunner): Promise<void> {
    // A deleted registration leaves its claims as history, without a claimant.
    await q.query(`CREATE TABLE service_claim (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      dual_registration_id uuid REFERENCES dual_registration(id) ON DELETE SET NULL,
      member_name text,
      category text NOT NULL ${enumCheckSql('category', ['REPAIR', 'LEGAL_AID', 'HARDSHIP_SUPPORT', 'TUTORING', 'HEALTH', 'OTHER'])},
      title text NOT NULL,
      status text NOT NULL ${enumCheckSql('status', ['CLAIMED', 'COMPLETED'])},
      claimed_on date NOT NULL,
      completed_on date,
      households_visited integer NOT NULL CHECK (households_visited >= 0),
      CHECK (completed_on IS NULL OR completed_on >= claimed_on)
    )`);
    const indexes = [
      ...regionalRecordIndexesSql('service_claim'),
      'CREATE INDEX service_claim_community_id_idx ON service_claim (community_id)',
      'CREATE INDEX service_claim_dual_registration_id_idx ON service_claim (dual_registration_id)',
      'CREATE INDEX service_claim_claimed_on_idx ON service_claim (claimed_on)',
      'CREATE INDEX service_claim_completed_on_idx ON service_claim (completed_on)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_claim');
  }
}
