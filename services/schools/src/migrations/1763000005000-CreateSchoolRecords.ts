import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/**
 * Issue 5: demonstration designations, secretary projects and places added, each under a
 * school. Deleting a school deletes its records (they mean nothing without it).
 */
export class CreateSchoolRecords1763000005000 implements MigrationInterface {
  name = 'CreateSchoolRecords1763000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE demonstration_designation (${REGIONAL_RECORD_COLUMNS_SQL},
      school_id uuid NOT NULL REFERENCES school(id) ON DELETE CASCADE,
      level text NOT NULL ${enumCheckSql('level', ['COUNTY', 'CITY', 'PROVINCE'])},
      batch text,
      year int NOT NULL,
      status text NOT NULL ${enumCheckSql('status', ['CULTIVATING', 'DESIGNATED', 'REVOKED'])},
      revoked_on date,
      CHECK ((status = 'REVOKED') = (revoked_on IS NOT NULL))
    )`);
    await q.query(`CREATE TABLE secretary_project (${REGIONAL_RECORD_COLUMNS_SQL},
      school_id uuid NOT NULL REFERENCES school(id) ON DELETE CASCADE,
      title text NOT NULL,
      goal text NOT NULL,
      started_on date NOT NULL,
      ended_on date,
      status text NOT NULL ${enumCheckSql('status', ['IN_PROGRESS', 'COMPLETED', 'ABANDONED'])},
      outcome text,
      CHECK (ended_on IS NULL OR ended_on >= started_on)
    )`);
    await q.query(`CREATE TABLE enrollment_change (${REGIONAL_RECORD_COLUMNS_SQL},
      school_id uuid NOT NULL REFERENCES school(id) ON DELETE CASCADE,
      kind text NOT NULL ${enumCheckSql('kind', ['ADDED', 'CONVERTED'])},
      places int NOT NULL CHECK (places > 0),
      effective_on date NOT NULL,
      note text
    )`);
    for (const table of ['demonstration_designation', 'secretary_project', 'enrollment_change']) {
      for (const sql of regionalRecordIndexesSql(table)) await q.query(sql);
      await q.query(`CREATE INDEX ${table}_school_id_idx ON ${table} (school_id)`);
    }
    await q.query('CREATE INDEX demonstration_designation_year_idx ON demonstration_designation (year)');
    await q.query('CREATE INDEX secretary_project_started_on_idx ON secretary_project (started_on)');
    await q.query('CREATE INDEX enrollment_change_effective_on_idx ON enrollment_change (effective_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE enrollment_change, secretary_project, demonstration_designation');
  }
}
