import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** 义诊. Partner hospitals are an id array (GIN-indexed): a clinic has a handful at most. */
export class CreateFreeClinics1763000003000 implements MigrationInterface {
  name = 'CreateFreeClinics1763000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE free_clinic (${REGIONAL_RECORD_COLUMNS_SQL},
      hospital_id uuid NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
      partner_hospital_ids uuid[] NOT NULL DEFAULT '{}',
      held_on date NOT NULL,
      theme text,
      venue text,
      community_id uuid,
      team_size integer NOT NULL CHECK (team_size >= 0),
      party_member_doctors integer NOT NULL CHECK (party_member_doctors >= 0 AND party_member_doctors <= team_size),
      patients integer NOT NULL CHECK (patients >= 0),
      home_visits integer NOT NULL CHECK (home_visits >= 0),
      follow_up_patients integer NOT NULL CHECK (follow_up_patients >= 0 AND follow_up_patients <= patients),
      referrals integer NOT NULL CHECK (referrals >= 0 AND referrals <= patients)
    )`);
    for (const sql of regionalRecordIndexesSql('free_clinic')) await q.query(sql);
    await q.query('CREATE INDEX free_clinic_hospital_id_idx ON free_clinic (hospital_id)');
    await q.query('CREATE INDEX free_clinic_partner_hospital_ids_idx ON free_clinic USING gin (partner_hospital_ids)');
    await q.query('CREATE INDEX free_clinic_held_on_idx ON free_clinic (held_on)');
    await q.query('CREATE INDEX free_clinic_community_id_idx ON free_clinic (community_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE free_clinic');
  }
}
