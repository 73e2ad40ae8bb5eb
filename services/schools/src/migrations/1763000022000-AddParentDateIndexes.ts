import type { MigrationInterface, QueryRunner } from 'typeorm';
import { namedIndexes } from '@pb/kit';

/**
 * Child records counted in their parent's region (a school's places, a centre's visits) are read
 * per parent and date: with (parent, date) indexes the planner probes the parents of a region
 * instead of scanning a whole date range of the child table.
 */
const INDEXES = namedIndexes({
  enrollment_change_school_effective_idx: 'enrollment_change (school_id, effective_on)',
  secretary_project_school_started_idx: 'secretary_project (school_id, started_on)',
});

export class AddParentDateIndexes1763000022000 implements MigrationInterface {
  name = 'AddParentDateIndexes1763000022000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
