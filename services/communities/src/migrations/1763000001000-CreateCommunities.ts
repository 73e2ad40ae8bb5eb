import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, PARTY_ORGANIZATION_TYPES, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

export class CreateCommunities1763000001000 implements MigrationInterface {
  name = 'CreateCommunities1763000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE community (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      party_organization text NOT NULL ${enumCheckSql('party_organization', PARTY_ORGANIZATION_TYPES)},
      party_members integer NOT NULL CHECK (party_members >= 0),
      established_on date
    )`);
    for (const sql of regionalRecordIndexesSql('community')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE community');
  }
}
