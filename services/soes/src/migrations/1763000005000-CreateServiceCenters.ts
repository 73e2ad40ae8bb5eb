import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/**
 * Issue 5: service centres (初心驿站) with their convenience services and visit records, and
 * volunteer activities. A centre (and its items and visits) goes with its enterprise; an
 * activity outlives the centre it was held at.
 */
export class CreateServiceCenters1763000005000 implements MigrationInterface {
  name = 'CreateServiceCenters1763000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_center (${REGIONAL_RECORD_COLUMNS_SQL},
      enterprise_id uuid NOT NULL REFERENCES enterprise(id) ON DELETE CASCADE,
      name text NOT NULL,
      opened_on date NOT NULL,
      open_to_public boolean NOT NULL,
      functional_zones text[] NOT NULL DEFAULT '{}'
        CHECK (functional_zones <@ ARRAY['READING_REST', 'FARM_PRODUCT_SHOWCASE', 'VOLUNTEER_SERVICE', 'PARTY_ACTIVITY']::text[])
    )`);
    await q.query(`CREATE TABLE service_item (${REGIONAL_RECORD_COLUMNS_SQL},
      service_center_id uuid NOT NULL REFERENCES service_center(id) ON DELETE CASCADE,
      kind text NOT NULL ${enumCheckSql('kind', ['FOOD_HEATING', 'PARCEL_STORAGE', 'FAX_PRINT', 'FREE_WIFI', 'HOT_WATER', 'PHONE_CHARGING', 'OTHER'])},
      name text NOT NULL,
      offered_since date
    )`);
    await q.query(`CREATE TABLE service_center_visit (${REGIONAL_RECORD_COLUMNS_SQL},
      service_center_id uuid NOT NULL REFERENCES service_center(id) ON DELETE CASCADE,
      visited_on date NOT NULL,
      span text NOT NULL ${enumCheckSql('span', ['DAY', 'MONTH'])},
      visitors int NOT NULL CHECK (visitors >= 0),
      CHECK (span = 'DAY' OR extract(day FROM visited_on) = 1)
    )`);
    await q.query(`CREATE TABLE volunteer_activity (${REGIONAL_RECORD_COLUMNS_SQL},
      title text NOT NULL,
      organizer_sector text NOT NULL ${enumCheckSql('organizer_sector', ['COMMUNITY', 'HOSPITAL', 'SCHOOL', 'SOE', 'AGENCY'])},
      organizer_id uuid NOT NULL,
      service_center_id uuid REFERENCES service_center(id) ON DELETE SET NULL,
      held_on date NOT NULL,
      volunteers int NOT NULL CHECK (volunteers >= 0),
      people_served int NOT NULL CHECK (people_served >= 0)
    )`);
    for (const table of ['service_center', 'service_item', 'service_center_visit', 'volunteer_activity']) {
      for (const sql of regionalRecordIndexesSql(table)) await q.query(sql);
    }
    await q.query('CREATE INDEX service_center_enterprise_id_idx ON service_center (enterprise_id)');
    await q.query('CREATE INDEX service_center_opened_on_idx ON service_center (opened_on)');
    await q.query('CREATE INDEX service_item_service_center_id_idx ON service_item (service_center_id)');
    await q.query('CREATE INDEX service_center_visit_service_center_id_idx ON service_center_visit (service_center_id)');
    await q.query('CREATE INDEX service_center_visit_visited_on_idx ON service_center_visit (visited_on)');
    await q.query('CREATE INDEX volunteer_activity_organizer_idx ON volunteer_activity (organizer_id)');
    await q.query('CREATE INDEX volunteer_activity_service_center_id_idx ON volunteer_activity (service_center_id)');
    await q.query('CREATE INDEX volunteer_activity_held_on_idx ON volunteer_activity (held_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE volunteer_activity, service_center_visit, service_item, service_center');
  }
}
