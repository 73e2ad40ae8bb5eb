import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionDateIndexes } from '@pb/kit';

/** Region + date indexes for the raw-row paths (village figures, cohort shares, lists by region and updatedSince). */
const INDEXES = regionDateIndexes({
  community: [], grid: [], grid_party_branch: [], building_party_group: [], party_member_household: [], agency: [],
  dual_registration: ['registered_on'],
  demand: ['collected_on', 'resolved_on'],
  meeting: ['held_on'],
  dispute: ['mediating_on', 'closed_on'],
  community_partnership: [], service_claim: ['claimed_on'], resource: [], service_project: ['started_on'],
  service_station: [], service_station_visit: ['visited_on'], property_company: [],
});

export class AddRegionDateIndexes1763000021000 implements MigrationInterface {
  name = 'AddRegionDateIndexes1763000021000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
