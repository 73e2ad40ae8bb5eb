import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** 党支部建在科室 and the members each branch develops per year. Children go with their parent. */
export class CreatePartyBranches1763000002000 implements MigrationInterface {
  name = 'CreatePartyBranches1763000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hospital_party_branch (${REGIONAL_RECORD_COLUMNS_SQL},
      hospital_id uuid NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
      department text NOT NULL,
      secretary_name text NOT NULL,
      secretary_role text NOT NULL ${enumCheckSql('secretary_role', ['DEPARTMENT_HEAD', 'BUSINESS_BACKBONE', 'OTHER'])},
      members integer NOT NULL CHECK (members >= 0),
      established_on date
    )`);
    for (const sql of regionalRecordIndexesSql('hospital_party_branch')) await q.query(sql);
    await q.query('CREATE INDEX hospital_party_branch_hospital_id_idx ON hospital_party_branch (hospital_id)');
    await q.query('CREATE INDEX hospital_party_branch_established_on_idx ON hospital_party_branch (established_on)');

    await q.query(`CREATE TABLE branch_member_development (${REGIONAL_RECORD_COLUMNS_SQL},
      branch_id uuid NOT NULL REFERENCES hospital_party_branch (id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year >= 1921),
      developed integer NOT NULL CHECK (developed >= 0),
      UNIQUE (branch_id, year)
    )`);
    for (const sql of regionalRecordIndexesSql('branch_member_development')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE branch_member_development');
    await q.query('DROP TABLE hospital_party_branch');
  }
}
