import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** 医养结合: centres run by hospitals, their dated resident censuses and their "四个一" activities. */
export class CreateElderCare1763000010000 implements MigrationInterface {
  name = 'CreateElderCare1763000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE elder_care_center (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      hospital_id uuid NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
      name text NOT NULL,
      venue text,
      opened_on date,
      beds integer NOT NULL CHECK (beds > 0)
    )`);
    for (const sql of regionalRecordIndexesSql('elder_care_center')) await q.query(sql);
    await q.query('CREATE INDEX elder_care_center_hospital_id_idx ON elder_care_center (hospital_id)');
    await q.query('CREATE INDEX elder_care_center_opened_on_idx ON elder_care_center (opened_on)');

    await q.query(`CREATE TABLE elder_care_census (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      center_id uuid NOT NULL REFERENCES elder_care_center (id) ON DELETE CASCADE,
      counted_on date NOT NULL,
      self_care integer NOT NULL CHECK (self_care >= 0),
      semi_disabled integer NOT NULL CHECK (semi_disabled >= 0),
      disabled integer NOT NULL CHECK (disabled >= 0),
      UNIQUE (center_id, counted_on)
    )`);
    for (const sql of regionalRecordIndexesSql('elder_care_census')) await q.query(sql);
    // The unique (center_id, counted_on) index also serves "latest census of a centre".
    await q.query('CREATE INDEX elder_care_census_counted_on_idx ON elder_care_census (counted_on)');

    await q.query(`CREATE TABLE elder_care_activity (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      center_id uuid NOT NULL REFERENCES elder_care_center (id) ON DELETE CASCADE,
      kind text NOT NULL ${enumCheckSql('kind', ['WEEKLY_MENU', 'WEEKLY_ROUND', 'MONTHLY_LECTURE', 'YEARLY_CHECKUP'])},
      held_on date NOT NULL,
      participants integer CHECK (participants >= 0),
      note text
    )`);
    for (const sql of regionalRecordIndexesSql('elder_care_activity')) await q.query(sql);
    await q.query('CREATE INDEX elder_care_activity_center_id_idx ON elder_care_activity (center_id)');
    await q.query('CREATE INDEX elder_care_activity_held_on_idx ON elder_care_activity (held_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE elder_care_activity');
    await q.query('DROP TABLE elder_care_census');
    await q.query('DROP TABLE elder_care_center');
  }
}
