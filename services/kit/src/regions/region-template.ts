import { Client } from 'pg';
import { createDataSource, openDatabase } from '../db/data-source.js';
import { dropDatabase, ensureDatabase } from '../db/databases.js';
import { CreateRegions1763000000000 } from './migrations/1763000000000-CreateRegions.js';
import { Region } from './region.entity.js';

/**
 * A database holding only the migrated region table, to copy with CREATE DATABASE … TEMPLATE:
 * on one server, the 665k divisions are loaded once, not once per subgraph. Built under a
 * temporary name and renamed when complete, so a half-loaded template is never used.
 */
export async function ensureRegionTemplate(adminUrl: string, name: string): Promise<string> {
  if (await databaseExists(adminUrl, name)) return name;
  const building = `${name}_building_${process.pid}`;
  const url = await ensureDatabase(adminUrl, building);
  const ds = createDataSource({ url, applicationName: 'pb-region-template', entities: [Region], migrations: [CreateRegions1763000000000] });
  try {
    await openDatabase(ds);
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } catch (err) {
    // Another process finished first: use theirs.
    await dropDatabase(adminUrl, building);
    if (!(await databaseExists(adminUrl, name))) throw err;
  } finally {
    await client.end();
  }
  return name;
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}
