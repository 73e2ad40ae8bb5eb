import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** Community partnerships (结对共建): two distinct communities, cumulative counts. */
export class CreateCommunityPartnerships1763000010000 implements MigrationInterface {
  name = 'CreateCommunityPartnerships1763000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE community_partnership (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      community_a_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      community_b_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      name text,
      paired_on date,
      suggestions_adopted integer NOT NULL CHECK (suggestions_adopted >= 0),
      resources_shared integer NOT NULL CHECK (resources_shared >= 0),
      problems_solved integer NOT NULL CHECK (problems_solved >= 0),
      CHECK (community_a_id <> community_b_id)
    )`);
    const indexes = [
      ...regionalRecordIndexesSql('community_partnership'),
      'CREATE INDEX community_partnership_community_a_id_idx ON community_partnership (community_a_id)',
      'CREATE INDEX community_partnership_community_b_id_idx ON community_partnership (community_b_id)',
      'CREATE INDEX community_partnership_paired_on_idx ON community_partnership (paired_on)',
      // One partnership per pair, whichever way round it was entered.
      'CREATE UNIQUE INDEX community_partnership_pair_idx ON community_partnership (LEAST(community_a_id, community_b_id), GREATEST(community_a_id, community_b_id))',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE community_partnership');
  }
}
