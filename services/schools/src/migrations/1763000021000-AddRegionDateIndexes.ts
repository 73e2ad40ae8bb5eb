import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionDateIndexes } from '@pb/kit';

/** Region + date indexes for the raw-row paths (village figures, cohort shares, lists by region and updatedSince). */
const INDEXES = regionDateIndexes({
  school: [], demonstration_designation: [], secretary_project: [], enrollment_change: [], incubation_station: [],
  enrollment_guidance_session: ['held_on'],
});

export class AddRegionDateIndexes1763000021000 implements MigrationInterface {
  name = 'AddRegionDateIndexes1763000021000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
