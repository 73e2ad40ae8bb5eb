import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** The other two of the three lists: resources (资源清单) and service projects (项目清单). */
export class CreateResourcesAndProjects1763000012000 implements MigrationInterface {
  name = 'CreateResourcesAndProjects1763000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE resource (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      dual_registration_id uuid REFERENCES dual_registration(id) ON DELETE SET NULL,
      title text NOT NULL,
      category text NOT NULL ${enumCheckSql('category', ['REPAIR', 'LEGAL_AID', 'HARDSHIP_SUPPORT', 'TUTORING', 'HEALTH', 'OTHER'])},
      provider text,
      listed_on date NOT NULL
    )`);
    await q.query(`CREATE TABLE service_project (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      demand_id uuid NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
      resource_ids uuid[] NOT NULL DEFAULT '{}',
      title text NOT NULL,
      started_on date NOT NULL,
      completed_on date,
      CHECK (completed_on IS NULL OR completed_on >= started_on)
    )`);
    const indexes = [
      ...['resource', 'service_project'].flatMap(regionalRecordIndexesSql),
      ...['resource', 'service_project'].map((t) => `CREATE INDEX ${t}_community_id_idx ON ${t} (community_id)`),
      'CREATE INDEX resource_dual_registration_id_idx ON resource (dual_registration_id)',
      'CREATE INDEX resource_listed_on_idx ON resource (listed_on)',
      'CREATE INDEX service_project_demand_id_idx ON service_project (demand_id)',
      'CREATE INDEX service_project_started_on_idx ON service_project (started_on)',
      'CREATE INDEX service_project_completed_on_idx ON service_project (completed_on)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_project, resource');
  }
}
