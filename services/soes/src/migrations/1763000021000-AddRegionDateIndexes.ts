import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionDateIndexes } from '@pb/kit';

/** Region + date indexes for the raw-row paths (village figures, cohort shares, lists by region and updatedSince). */
const INDEXES = regionDateIndexes({
  enterprise: [], service_center: [], service_item: [], service_center_visit: [], volunteer_activity: ['held_on'],
});

export class AddRegionDateIndexes1763000021000 implements MigrationInterface {
  name = 'AddRegionDateIndexes1763000021000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
