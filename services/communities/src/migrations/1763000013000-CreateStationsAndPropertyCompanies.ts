import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** Service stations (党群服务驿站) with daily visits, and property companies (红色物业). */
export class CreateStationsAndPropertyCompanies1763000013000 implements MigrationInterface {
  name = 'CreateStationsAndPropertyCompanies1763000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE service_station (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      community_id uuid NOT NULL REFERENCES community(id) ON DELETE CASCADE,
      name text NOT NULL,
      brand text,
      windows integer NOT NULL CHECK (windows >= 0),
      service_items text[] NOT NULL DEFAULT '{}',
      opened_on date
    )`);
    await q.query(`CREATE TABLE service_station_visit (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      station_id uuid NOT NULL REFERENCES service_station(id) ON DELETE CASCADE,
      visited_on date NOT NULL,
      visitors integer NOT NULL CHECK (visitors >= 0),
      note text
    )`);
    await q.query(`CREATE TABLE property_company (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      name text NOT NULL,
      has_party_branch boolean NOT NULL,
      community_ids uuid[] NOT NULL DEFAULT '{}'
    )`);
    const indexes = [
      ...regionalRecordIndexesSql('service_station'),
      ...regionalRecordIndexesSql('service_station_visit'),
      ...regionalRecordIndexesSql('property_company'),
      'CREATE INDEX service_station_community_id_idx ON service_station (community_id)',
      'CREATE INDEX service_station_visit_station_id_idx ON service_station_visit (station_id, visited_on)',
      'CREATE INDEX service_station_visit_visited_on_idx ON service_station_visit (visited_on)',
      'CREATE INDEX property_company_community_ids_idx ON property_company USING gin (community_ids)',
    ];
    for (const sql of indexes) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_station_visit');
    await q.query('DROP TABLE service_station');
    await q.query('DROP TABLE property_company');
  }
}
