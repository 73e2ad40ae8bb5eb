import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/**
 * Issue 5: incubation stations (a host school and the schools it incubates, kept as an id
 * array with a GIN index for "stations incubating this school") and parent guidance sessions.
 */
export class CreateIncubationAndGuidance1763000005100 implements MigrationInterface {
  name = 'CreateIncubationAndGuidance1763000005100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE incubation_station (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      host_school_id uuid NOT NULL REFERENCES school(id) ON DELETE CASCADE,
      incubated_school_ids uuid[] NOT NULL DEFAULT '{}',
      established_on date
    )`);
    await q.query(`CREATE TABLE enrollment_guidance_session (${REGIONAL_RECORD_COLUMNS_SQL},
      title text NOT NULL,
      held_on date NOT NULL,
      attendees int NOT NULL CHECK (attendees >= 0),
      volunteers int NOT NULL CHECK (volunteers >= 0)
    )`);
    for (const table of ['incubation_station', 'enrollment_guidance_session']) {
      for (const sql of regionalRecordIndexesSql(table)) await q.query(sql);
    }
    await q.query('CREATE INDEX incubation_station_host_school_id_idx ON incubation_station (host_school_id)');
    await q.query('CREATE INDEX incubation_station_incubated_idx ON incubation_station USING gin (incubated_school_ids)');
    await q.query('CREATE INDEX enrollment_guidance_session_held_on_idx ON enrollment_guidance_session (held_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE enrollment_guidance_session, incubation_station');
  }
}
