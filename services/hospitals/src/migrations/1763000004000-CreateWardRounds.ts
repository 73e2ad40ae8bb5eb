import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** 党建查房 (听·访·查·评·改) and the rectification items they raise. */
export class CreateWardRounds1763000004000 implements MigrationInterface {
  name = 'CreateWardRounds1763000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ward_round (${REGIONAL_RECORD_COLUMNS_SQL},
      branch_id uuid NOT NULL REFERENCES hospital_party_branch (id) ON DELETE CASCADE,
      hospital_id uuid NOT NULL REFERENCES hospital (id) ON DELETE CASCADE,
      held_on date NOT NULL,
      leader_name text NOT NULL,
      completed_steps text[] NOT NULL DEFAULT '{}'
        CHECK (completed_steps <@ ARRAY['LISTEN', 'VISIT', 'INSPECT', 'EVALUATE', 'RECTIFY']::text[]),
      findings text
    )`);
    for (const sql of regionalRecordIndexesSql('ward_round')) await q.query(sql);
    await q.query('CREATE INDEX ward_round_branch_id_held_on_idx ON ward_round (branch_id, held_on)');
    await q.query('CREATE INDEX ward_round_hospital_id_held_on_idx ON ward_round (hospital_id, held_on)');
    await q.query('CREATE INDEX ward_round_held_on_idx ON ward_round (held_on)');

    await q.query(`CREATE TABLE rectification_item (${REGIONAL_RECORD_COLUMNS_SQL},
      ward_round_id uuid NOT NULL REFERENCES ward_round (id) ON DELETE CASCADE,
      description text NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL ${enumCheckSql('status', ['OPEN', 'DONE'])},
      done_on date,
      CHECK ((status = 'DONE') = (done_on IS NOT NULL))
    )`);
    for (const sql of regionalRecordIndexesSql('rectification_item')) await q.query(sql);
    await q.query('CREATE INDEX rectification_item_ward_round_id_idx ON rectification_item (ward_round_id)');
    await q.query('CREATE INDEX rectification_item_due_on_idx ON rectification_item (due_on)');
    await q.query('CREATE INDEX rectification_item_done_on_idx ON rectification_item (done_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rectification_item');
    await q.query('DROP TABLE ward_round');
  }
}
