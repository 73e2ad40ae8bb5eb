import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addRecordSourceSql } from '@pb/kit';

/** Provenance (USER / ARTICLE / FILLER) on every table that existed before it. */
export class AddRecordSource1763000009000 implements MigrationInterface {
  name = 'AddRecordSource1763000009000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['enterprise', 'service_center', 'service_item', 'service_center_visit', 'volunteer_activity']) await q.query(addRecordSourceSql(table));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['enterprise', 'service_center', 'service_item', 'service_center_visit', 'volunteer_activity']) await q.query(`ALTER TABLE ${table} DROP COLUMN source`);
  }
}
