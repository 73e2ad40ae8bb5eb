import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, PARTY_ORGANIZATION_TYPES, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

export class CreateSchools1763000001000 implements MigrationInterface {
  name = 'CreateSchools1763000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE school (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      stage text NOT NULL ${enumCheckSql('stage', ['KINDERGARTEN', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'NINE_YEAR', 'VOCATIONAL'])},
      is_public boolean NOT NULL,
      secretary_principal_combined boolean NOT NULL,
      party_organization text NOT NULL ${enumCheckSql('party_organization', PARTY_ORGANIZATION_TYPES)},
      established_on date
    )`);
    for (const sql of regionalRecordIndexesSql('school')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE school');
  }
}
