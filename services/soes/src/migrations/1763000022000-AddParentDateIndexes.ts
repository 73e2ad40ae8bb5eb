import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Child records counted in their parent's region (a school's places, a centre's visits) are read
 * per parent and date: with (parent, date) indexes the planner probes the parents of a region
 * instead of scanning a whole date range of the child table.
 */
const INDEXES = [
  'CREATE INDEX IF NOT EXISTS service_center_visit_center_visited_idx ON service_center_visit (service_center_id, visited_on)',
  'CREATE INDEX IF NOT EXISTS service_item_center_offered_idx ON service_item (service_center_id, offered_since)',
];

export class AddParentDateIndexes1763000022000 implements MigrationInterface {
  name = 'AddParentDateIndexes1763000022000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of INDEXES) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['service_center_visit_center_visited_idx', 'service_item_center_offered_idx']) await q.query(`DROP INDEX IF EXISTS ${name}`);
  }
}
