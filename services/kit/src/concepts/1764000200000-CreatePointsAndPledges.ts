import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionDateIndexesSql } from '../records/regional-record.js';

/** 党员积分 (points entries) and 承诺践诺 (pledges), in the database of each sector that records them. */
export class CreatePointsAndPledges1764000200000 implements MigrationInterface {
  name = 'CreatePointsAndPledges1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE party_member_points (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      member_name text,
      organization text,
      recorded_on date NOT NULL,
      kind text NOT NULL ${enumCheckSql('kind', ['EARNED', 'REDEEMED'])},
      points int NOT NULL CHECK (points > 0),
      reason text NOT NULL,
      unit_id uuid,
      CHECK (member_name IS NOT NULL OR organization IS NOT NULL)
    )`);
    await q.query(`CREATE TABLE pledge (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      organization text,
      member_name text,
      pledged_on date NOT NULL,
      content text NOT NULL,
      due_on date,
      fulfilled_on date,
      unit_id uuid,
      CHECK (member_name IS NOT NULL OR organization IS NOT NULL),
      CHECK (due_on IS NULL OR due_on >= pledged_on),
      CHECK (fulfilled_on IS NULL OR fulfilled_on >= pledged_on)
    )`);
    const dates: Record<string, string[]> = { party_member_points: ['recorded_on'], pledge: ['pledged_on', 'fulfilled_on'] };
    for (const [t, cols] of Object.entries(dates)) {
      await q.query(`CREATE INDEX ${t}_region_code_idx ON ${t} (region_code)`);
      await q.query(`CREATE INDEX ${t}_updated_id_idx ON ${t} (updated_at, id)`);
      for (const sql of regionDateIndexesSql(t, cols)) await q.query(sql);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pledge, party_member_points');
  }
}
