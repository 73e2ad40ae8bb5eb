import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const kit = require('@pb/kit');

// Drops every database this run created (on a shared server), then stops the embedded cluster.
export default async function globalTeardown() {
  const adminUrl = process.env.PB_TEST_DB_ADMIN;
  const embedded = globalThis.__pbEmbedded;
  if (adminUrl && !embedded) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`pbt_${process.env.PB_TEST_RUN}_%`]);
    await client.end();
    for (const { datname } of rows) await kit.dropDatabase(adminUrl, datname);
  }
  if (embedded) {
    await embedded.pg.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
