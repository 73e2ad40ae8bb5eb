import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionDateIndexesSql } from '../records/regional-record.js';

const NEW_TABLES = ['party_organization', 'party_activity', 'satisfaction_survey'];

/**
 * The shared concepts every sector records (party organisations and organisational life,
 * volunteer service, satisfaction surveys): the same tables in every subgraph's database.
 * The SOE database already has `volunteer_activity` (with its organiser columns): it gains the
 * shared columns; the others get the table.
 */
export class CreateSectorConcepts1764000140000 implements MigrationInterface {
  name = 'CreateSectorConcepts1764000140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE party_organization (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      name text NOT NULL,
      kind text NOT NULL ${enumCheckSql('kind', ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'PARTY_GROUP'])},
      secretary_name text,
      members int NOT NULL CHECK (members >= 0),
      established_on date,
      unit_id uuid,
      parent_id uuid REFERENCES party_organization(id) ON DELETE SET NULL
    )`);
    await q.query(`CREATE TABLE party_activity (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      organization_id uuid NOT NULL REFERENCES party_organization(id) ON DELETE CASCADE,
      kind text NOT NULL ${enumCheckSql('kind', ['MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'PARTY_LECTURE', 'THEME_PARTY_DAY', 'FIRST_TOPIC_STUDY', 'OTHER'])},
      held_on date NOT NULL,
      attendees int NOT NULL CHECK (attendees >= 0),
      topic text NOT NULL
    )`);
    await q.query(`CREATE TABLE satisfaction_survey (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      subject text NOT NULL,
      period_start date,
      period_end date NOT NULL,
      respondents int NOT NULL CHECK (respondents >= 0),
      satisfied int NOT NULL CHECK (satisfied >= 0 AND satisfied <= respondents),
      unit_id uuid,
      CHECK (period_start IS NULL OR period_start <= period_end)
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS volunteer_activity (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      title text NOT NULL,
      held_on date NOT NULL,
      volunteers int NOT NULL CHECK (volunteers >= 0),
      people_served int NOT NULL CHECK (people_served >= 0)
    )`);
    await q.query('ALTER TABLE volunteer_activity ADD COLUMN IF NOT EXISTS team text');
    await q.query('ALTER TABLE volunteer_activity ADD COLUMN IF NOT EXISTS hours int NOT NULL DEFAULT 0 CHECK (hours >= 0)');
    await q.query('ALTER TABLE volunteer_activity ADD COLUMN IF NOT EXISTS unit_id uuid');
    for (const t of [...NEW_TABLES, 'volunteer_activity']) {
      await q.query(`CREATE INDEX IF NOT EXISTS ${t}_region_code_idx ON ${t} (region_code)`);
    }
    const dates: Record<string, string[]> = {
      party_organization: ['established_on'],
      party_activity: ['held_on'],
      satisfaction_survey: ['period_end'],
      volunteer_activity: ['held_on'],
    };
    for (const [t, cols] of Object.entries(dates)) for (const sql of regionDateIndexesSql(t, cols)) await q.query(sql);
    await q.query('CREATE INDEX party_activity_organization_idx ON party_activity (organization_id, held_on)');
    await q.query('CREATE INDEX party_organization_unit_idx ON party_organization (unit_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    const soe: unknown[] = await q.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'volunteer_activity' AND column_name = 'organizer_sector' AND table_schema = current_schema()`);
    if (soe.length) {
      for (const col of ['team', 'hours', 'unit_id']) await q.query(`ALTER TABLE volunteer_activity DROP COLUMN IF EXISTS ${col}`);
    } else {
      await q.query('DROP TABLE IF EXISTS volunteer_activity');
    }
    await q.query(`DROP TABLE ${[...NEW_TABLES].reverse().join(', ')}`);
  }
}
