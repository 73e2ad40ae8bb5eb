import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** Demands (需求清单) with their step dates, deliberation meetings (议事会) and disputes (矛盾纠纷). */
export class CreateListsMeetingsDisputes1763000004000 implements MigrationInterface {
  name = 'CreateListsMeetingsDisputes1763000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE demand (${REGIONAL_RECORD_COLUMNS_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      title text NOT NULL,
      description text,
      channel text NOT NULL ${enumCheckSql('channel', ['DOOR_TO_DOOR', 'WECHAT_GROUP', 'QR_SURVEY', 'MEETING', 'HOTLINE', 'OTHER'])},
      status text NOT NULL ${enumCheckSql('status', ['COLLECTED', 'DELIBERATING', 'IN_PROGRESS', 'RESOLVED', 'FEEDBACK'])},
      collected_on date NOT NULL,
      deliberating_on date,
      in_progress_on date,
      resolved_on date,
      feedback_on date,
      satisfaction integer CHECK (satisfaction BETWEEN 1 AND 5)
    )`);
    await q.query(`CREATE TABLE meeting (${REGIONAL_RECORD_COLUMNS_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      format text NOT NULL ${enumCheckSql('format', ['BENCH', 'GRID_DAY', 'RED_HALL', 'RESIDENTS_CORNER', 'OTHER'])},
      held_on date NOT NULL,
      attendees integer NOT NULL CHECK (attendees >= 0),
      topics text NOT NULL,
      decisions text,
      demand_ids uuid[] NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE TABLE dispute (${REGIONAL_RECORD_COLUMNS_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      category text NOT NULL ${enumCheckSql('category', ['NEIGHBOR', 'PROPERTY', 'MARRIAGE_FAMILY', 'OTHER'])},
      summary text,
      status text NOT NULL ${enumCheckSql('status', ['OPEN', 'MEDIATING', 'RESOLVED', 'ESCALATED'])},
      reported_on date NOT NULL,
      mediating_on date,
      closed_on date,
      settled_level text ${enumCheckSql('settled_level', ['GRID', 'COMMUNITY', 'STREET'])}
    )`);
    const indexes = [
      ...['demand', 'meeting', 'dispute'].flatMap(regionalRecordIndexesSql),
      ...['demand', 'meeting', 'dispute'].map((t) => `CREATE INDEX ${t}_community_id_idx ON ${t} (community_id)`),
      'CREATE INDEX demand_collected_on_idx ON demand (collected_on)',
      'CREATE INDEX demand_resolved_on_idx ON demand (resolved_on)',
      'CREATE INDEX demand_feedback_on_idx ON demand (feedback_on)',
      'CREATE INDEX meeting_held_on_idx ON meeting (held_on)',
      'CREATE INDEX dispute_mediating_on_idx ON dispute (mediating_on)',
      'CREATE INDEX dispute_closed_on_idx ON dispute (closed_on)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE dispute, meeting, demand');
  }
}
