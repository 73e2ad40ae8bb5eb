import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceRecordSourceChecks } from '../regional-record.js';

/**
 * Provenance SYNTHETIC (rows of `npm run generate`) on every table with a source column: the
 * same in every subgraph's database, so the kit owns it.
 */
export class AllowSyntheticSource1763000020000 implements MigrationInterface {
  name = 'AllowSyntheticSource1763000020000';

  async up(q: QueryRunner): Promise<void> {
    await replaceRecordSourceChecks(q, ['USER', 'ARTICLE', 'FILLER', 'SYNTHETIC']);
  }

  async down(q: QueryRunner): Promise<void> {
    // Generated rows cannot satisfy the older check; they are test data, so they go first.
    await replaceRecordSourceChecks(q, ['USER', 'ARTICLE', 'FILLER'], { deleteOthers: true });
  }
}
