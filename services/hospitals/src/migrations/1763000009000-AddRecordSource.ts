import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRecordSourceSql } from '@pb/kit';

/** Provenance (USER / ARTICLE / FILLER) on every table that existed before it. */
export class AddRecordSource1763000009000 implements MigrationInterface {
  name = 'AddRecordSource1763000009000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['hospital', 'hospital_party_branch', 'branch_member_development', 'free_clinic', 'ward_round', 'rectification_item', 'health_station', 'station_service_record', 'station_wish']) await q.query(addRecordSourceSql(table));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['hospital', 'hospital_party_branch', 'branch_member_development', 'free_clinic', 'ward_round', 'rectification_item', 'health_station', 'station_service_record', 'station_wish']) await q.query(`ALTER TABLE ${table} DROP COLUMN source`);
  }
}
