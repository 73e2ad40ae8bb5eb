import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheckSql, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** 健康驿站, their dated service records and their wish walls (心愿墙). */
export class CreateHealthStations1763000005000 implements MigrationInterface {
  name = 'CreateHealthStations1763000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE health_station (${REGIONAL_RECORD_COLUMNS_SQL},
      name text NOT NULL,
      venue text,
      community_id uuid,
      opened_on date NOT NULL,
      origin text NOT NULL ${enumCheckSql('origin', ['NEW', 'CONVERTED_TESTING_BOOTH', 'IN_COMMUNITY_CENTRE'])},
      staff_hospital_ids uuid[] NOT NULL CHECK (cardinality(staff_hospital_ids) > 0)
    )`);
    for (const sql of regionalRecordIndexesSql('health_station')) await q.query(sql);
    await q.query('CREATE INDEX health_station_opened_on_idx ON health_station (opened_on)');
    await q.query('CREATE INDEX health_station_community_id_idx ON health_station (community_id)');
    await q.query('CREATE INDEX health_station_staff_hospital_ids_idx ON health_station USING gin (staff_hospital_ids)');

    await q.query(`CREATE TABLE station_service_record (${REGIONAL_RECORD_COLUMNS_SQL},
      station_id uuid NOT NULL REFERENCES health_station (id) ON DELETE CASCADE,
      served_on date NOT NULL,
      kind text NOT NULL ${enumCheckSql('kind', ['HOME_VISIT', 'BASIC_CARE', 'HEALTH_EDUCATION', 'POLICY_CONSULTATION'])},
      services integer NOT NULL CHECK (services > 0)
    )`);
    for (const sql of regionalRecordIndexesSql('station_service_record')) await q.query(sql);
    await q.query('CREATE INDEX station_service_record_station_id_idx ON station_service_record (station_id)');
    await q.query('CREATE INDEX station_service_record_served_on_idx ON station_service_record (served_on)');

    await q.query(`CREATE TABLE station_wish (${REGIONAL_RECORD_COLUMNS_SQL},
      station_id uuid NOT NULL REFERENCES health_station (id) ON DELETE CASCADE,
      posted_on date NOT NULL,
      request text NOT NULL,
      resident_name text,
      status text NOT NULL ${enumCheckSql('status', ['POSTED', 'CLAIMED', 'FULFILLED'])},
      fulfilled_on date,
      CHECK ((status = 'FULFILLED') = (fulfilled_on IS NOT NULL))
    )`);
    for (const sql of regionalRecordIndexesSql('station_wish')) await q.query(sql);
    await q.query('CREATE INDEX station_wish_station_id_idx ON station_wish (station_id)');
    await q.query('CREATE INDEX station_wish_posted_on_idx ON station_wish (posted_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE station_wish');
    await q.query('DROP TABLE station_service_record');
    await q.query('DROP TABLE health_station');
  }
}
