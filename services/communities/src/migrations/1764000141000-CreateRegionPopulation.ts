import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_SOURCE_COLUMN_SQL, REGIONAL_RECORD_COLUMNS_SQL, regionalRecordIndexesSql } from '@pb/kit';

/** Issue 14: resident population and households of a division as of a day (ADMIN-entered). */
export class CreateRegionPopulation1764000141000 implements MigrationInterface {
  name = 'CreateRegionPopulation1764000141000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_population (${REGIONAL_RECORD_COLUMNS_SQL}, ${RECORD_SOURCE_COLUMN_SQL},
      as_of date NOT NULL,
      residents int NOT NULL CHECK (residents >= 0),
      households int CHECK (households >= 0)
    )`);
    for (const sql of regionalRecordIndexesSql('region_population')) await q.query(sql);
    await q.query('CREATE INDEX region_population_region_as_of_idx ON region_population (region_code, as_of DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE region_population');
  }
}
