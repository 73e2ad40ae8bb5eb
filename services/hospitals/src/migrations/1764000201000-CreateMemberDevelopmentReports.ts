import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionDateIndexesSql } from '@pb/kit';

/** Member development (发展党员) reported for a region and period, beside the branch-by-branch years. */
export class CreateMemberDevelopmentReports1764000201000 implements MigrationInterface {
  name = 'CreateMemberDevelopmentReports1764000201000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE member_development_report (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      scope text NOT NULL,
      period_start date,
      period_end date NOT NULL,
      developed integer NOT NULL CHECK (developed >= 0),
      hospital_id uuid,
      CHECK (period_start IS NULL OR period_start <= period_end)
    )`);
    await q.query('CREATE INDEX member_development_report_region_code_idx ON member_development_report (region_code)');
    await q.query('CREATE INDEX member_development_report_updated_id_idx ON member_development_report (updated_at, id)');
    for (const sql of regionDateIndexesSql('member_development_report', ['period_end'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_development_report');
  }
}
