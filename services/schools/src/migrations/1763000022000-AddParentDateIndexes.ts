import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Child records counted in their parent's region (a school's places, a centre's visits) are read
 * per parent and date: with (parent, date) indexes the planner probes the parents of a region
 * instead of scanning a whole date range of the child table.
 */
const INDEXES = [
  'CREATE INDEX IF NOT EXISTS enrollment_change_school_effective_idx ON enrollment_change (school_id, effective_on)',
  'CREATE INDEX IF NOT EXISTS secretary_project_school_started_idx ON secretary_project (school_id, started_on)',
];

export class AddParentDateIndexes1763000022000 implements MigrationInterface {
  name = 'AddParentDateIndexes1763000022000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of INDEXES) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['enrollment_change_school_effective_idx', 'secretary_project_school_started_idx']) await q.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
