import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadRegions } from '../load-regions.js';

/**
 * The division table every subgraph shares, loaded once per database (not kept in process
 * memory). COLLATE "C" makes the btree usable for `LIKE 'prefix%'`, the roll-up rule.
 */
export class CreateRegions1763000000000 implements MigrationInterface {
  name = 'CreateRegions1763000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region (
      code text COLLATE "C" PRIMARY KEY,
      name text NOT NULL,
      level text NOT NULL,
      parent_code text COLLATE "C"
    )`);
    await q.query('CREATE INDEX region_parent_code_idx ON region (parent_code)');
    await loadRegions((sql, params) => q.query(sql, params));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE region');
  }
}
