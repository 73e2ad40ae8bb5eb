import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, PARTY_ORGANIZATION_TYPES, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

export class CreateHospitals1763000001000 implements MigrationInterface {
  name = 'CreateHospitals1763000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hospital (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      grade text NOT NULL ${enumCheckSql('grade', ['UNRATED', 'PRIMARY', 'SECONDARY', 'TERTIARY'])},
      kind text NOT NULL ${enumCheckSql('kind', ['GENERAL', 'TCM', 'MATERNAL_CHILD', 'TOWNSHIP_HEALTH_CENTER', 'COMMUNITY_HEALTH_CENTER', 'SPECIALIST'])},
      is_public boolean NOT NULL,
      secretary_president_separated boolean NOT NULL,
      party_organization text NOT NULL ${enumCheckSql('party_organization', PARTY_ORGANIZATION_TYPES)},
      party_brand text,
      established_on date
    )`);
    for (const sql of regionalRecordIndexesSql('hospital')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE hospital');
  }
}
