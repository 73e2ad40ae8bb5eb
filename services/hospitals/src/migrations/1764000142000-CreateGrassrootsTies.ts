import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionDateIndexesSql, regionalRecordIndexesSql } from '@pb/kit';

/** Issue 14: hospitals' ties to the grassroots (pairings, 医共体) and family-doctor teams. */
export class CreateGrassrootsTies1764000142000 implements MigrationInterface {
  name = 'CreateGrassrootsTies1764000142000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hospital_pairing (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      hospital_id uuid NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,
      kind text NOT NULL ${enumCheckSql('kind', ['PAIRED_ASSISTANCE', 'MEDICAL_COMMUNITY', 'MEDICAL_ALLIANCE'])},
      partner_kind text NOT NULL ${enumCheckSql('partner_kind', ['TOWNSHIP_HEALTH_CENTER', 'COMMUNITY_HEALTH_CENTER', 'VILLAGE_CLINIC', 'COMMUNITY', 'OTHER'])},
      partner_name text NOT NULL,
      partner_community_id uuid,
      started_on date,
      ended_on date,
      seconded_vice_president text,
      CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on > started_on)
    )`);
    await q.query(`CREATE TABLE family_doctor_team (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      hospital_id uuid NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,
      name text NOT NULL,
      leader_name text,
      members int NOT NULL CHECK (members >= 0),
      signed_residents int NOT NULL CHECK (signed_residents >= 0),
      formed_on date
    )`);
    for (const t of ['hospital_pairing', 'family_doctor_team']) for (const sql of regionalRecordIndexesSql(t)) await q.query(sql);
    for (const sql of [...regionDateIndexesSql('hospital_pairing', ['started_on']), ...regionDateIndexesSql('family_doctor_team', ['formed_on'])]) await q.query(sql);
    await q.query('CREATE INDEX hospital_pairing_hospital_idx ON hospital_pairing (hospital_id)');
    await q.query('CREATE INDEX family_doctor_team_hospital_idx ON family_doctor_team (hospital_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE family_doctor_team, hospital_pairing');
  }
}
