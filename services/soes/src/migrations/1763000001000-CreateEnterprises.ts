import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, PARTY_ORGANIZATION_TYPES, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

export class CreateEnterprises1763000001000 implements MigrationInterface {
  name = 'CreateEnterprises1763000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE enterprise (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      level text NOT NULL ${enumCheckSql('level', ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'])},
      industry text NOT NULL,
      party_organization text NOT NULL ${enumCheckSql('party_organization', PARTY_ORGANIZATION_TYPES)},
      established_on date
    )`);
    for (const sql of regionalRecordIndexesSql('enterprise')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE enterprise');
  }
}
