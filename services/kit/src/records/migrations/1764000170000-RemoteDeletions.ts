import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What this subgraph knows of deletions in the others (the kit owns it: any subgraph may hold
 * references to another's records). `remote_deletion` holds the records of another subgraph
 * currently deleted there (a hospital a 双报到 registration names), copied from the owner's
 * deletions feed; a restore removes the row. `remote_deletion_sync` is the feed's watermark per
 * followed type, and the outcome of the last poll.
 */
export class RemoteDeletions1764000170000 implements MigrationInterface {
  name = 'RemoteDeletions1764000170000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE remote_deletion (
      type_name text COLLATE "C" NOT NULL,
      record_id uuid NOT NULL,
      deleted_at timestamptz NOT NULL,
      PRIMARY KEY (type_name, record_id)
    )`);
    // Dangling-reference lookups go by id alone.
    await q.query('CREATE INDEX remote_deletion_record_idx ON remote_deletion (record_id)');
    await q.query(`CREATE TABLE remote_deletion_sync (
      type_name text COLLATE "C" PRIMARY KEY,
      synced_to timestamptz,
      polled_at timestamptz,
      error text
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE remote_deletion_sync');
    await q.query('DROP TABLE remote_deletion');
  }
}
