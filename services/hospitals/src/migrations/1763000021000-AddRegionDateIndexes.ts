import type { MigrationInterface, QueryRunner } from 'typeorm';
import { regionDateIndexes } from '@pb/kit';

/** Region + date indexes for the raw-row paths (village figures, cohort shares, lists by region and updatedSince). */
const INDEXES = regionDateIndexes({
  hospital: [], hospital_party_branch: [], free_clinic: ['held_on'], ward_round: ['held_on'], rectification_item: ['due_on'],
  health_station: [], station_service_record: ['served_on'], station_wish: [], elder_care_center: [], elder_care_census: [], elder_care_activity: ['held_on'],
});

export class AddRegionDateIndexes1763000021000 implements MigrationInterface {
  name = 'AddRegionDateIndexes1763000021000';

  up = (q: QueryRunner): Promise<void> => INDEXES.up(q);
  down = (q: QueryRunner): Promise<void> => INDEXES.down(q);
}
