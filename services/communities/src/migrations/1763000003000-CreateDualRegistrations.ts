import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, PARTY_ORGANIZATION_TYPES, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/**
 * Agencies (机关/驻区单位) and dual registrations (双报到). A registration's unit may live in
 * another subgraph's database, so unit_id has no foreign key; (unit_sector, unit_id) is indexed
 * for Hospital.dualRegistrations and the like.
 */
export class CreateDualRegistrations1763000003000 implements MigrationInterface {
  name = 'CreateDualRegistrations1763000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agency (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      kind text NOT NULL ${enumCheckSql('kind', ['GOVERNMENT', 'PUBLIC_INSTITUTION', 'FINANCIAL', 'OTHER'])},
      party_organization text NOT NULL ${enumCheckSql('party_organization', PARTY_ORGANIZATION_TYPES)}
    )`);
    await q.query(`CREATE TABLE dual_registration (${REGIONAL_RECORD_COLUMNS_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      unit_sector text NOT NULL ${enumCheckSql('unit_sector', ['AGENCY', 'HOSPITAL', 'SCHOOL', 'SOE'])},
      unit_id uuid NOT NULL,
      members integer NOT NULL CHECK (members >= 0),
      registered_on date NOT NULL,
      active boolean NOT NULL
    )`);
    const indexes = [
      ...regionalRecordIndexesSql('agency'),
      ...regionalRecordIndexesSql('dual_registration'),
      'CREATE INDEX dual_registration_community_id_idx ON dual_registration (community_id)',
      'CREATE INDEX dual_registration_unit_idx ON dual_registration (unit_sector, unit_id)',
      'CREATE INDEX dual_registration_registered_on_idx ON dual_registration (registered_on)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dual_registration, agency');
  }
}
