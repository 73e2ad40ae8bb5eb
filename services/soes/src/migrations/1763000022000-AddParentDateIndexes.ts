import type { MigrationInterface, QueryRunner } from 'typeorm';
import { namedIndexes } from '@pb/kit';

/**
 * Child records counted in their parent's region (a school's places, a centre's visits) are read
 * per parent and date: with (parent, date) indexes the planner probes the parents of a region
 * instead of scanning a whole date range of the child table.
 */
const INDEXES = namedIndexes({
  service_center_visit_center_visited_idx: 'service_center_visit (service_center_id, visited_on)',
  service_item_center_offered_idx: 'service_item (service_center_id, offered_since)',
});

export class AddParentDateIndexes1763000022000 implements MigrationInterface {
  name = 'AddParentDateIndexes1763000022000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
