/**
 * Durability: acknowledged creates keep coming while PostgreSQL is killed with kill -9 and started
 * again on the same data directory. Every acknowledged write is there afterwards (crash recovery
 * replays the WAL), and the subgraph, never restarted, reconnects by itself. The PostgreSQL killed
 * is a dedicated embedded one started by this test on its own data directory and port, never the
 * suite's shared cluster nor the machine's server.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSubgraph, SUBGRAPHS, type SubgraphProcess } from '@pb/gateway';
import { type ChildProcess, fork } from 'node:child_process';
import { ensureDatabase } from '@pb/kit';
import { Client } from 'pg';
import { gql, type GraphQLResult, TEST_SECRET, token } from '../support/harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('durability: kill -9 of PostgreSQL under acknowledged writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-durability-'));
  const dataDir = join(dir, 'data');
  let pg: PostgresProcess;
  let port = 0;
  let subgraph: SubgraphProcess;
  let databaseUrl: string;
  // Writers run until this is set; afterAll sets it too, so a failed test leaves nothing running.
  let stop = false;

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    pg = await startPostgres(dataDir);
    port = Number(new URL(pg.adminUrl).port);
    databaseUrl = await ensureDatabase(pg.adminUrl, 'pb_durability_hospitals');
    subgraph = await spawnSubgraph(SUBGRAPHS.find((s) => s.name === 'hospitals')!, {
      databaseUrl,
      port: 0,
      env: { JWT_SECRET: TEST_SECRET, PB_SEED: '0', NODE_ENV: 'test', PB_QUIET_ERRORS: '1', PB_DB_POOL_SIZE: '4' },
      log: process.env.PB_TEST_VERBOSE === '1' ? (l) => console.log(l) : () => {},
    });
  }, 240_000);

  afterAll(async () => {
    stop = true;
    await subgraph?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every acknowledged create survives, and the subgraph reconnects without a restart', async () => {
    stop = false;
    const admin = token({ role: 'ADMIN' });
    const acked: string[] = [];
    const refused: string[] = [];
    let phase: 'before' | 'down' | 'after' = 'before';
    let ackedAfter = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `耐久测试医院 ${w}-${i}-${randomUUID().slice(0, 8)}`;
        const res = await gql<any>(subgraph.url, `mutation($n: String!) { createHospital(input: { name: $n, regionCode: "610581", grade: SECONDARY, kind: GENERAL, isPublic: true, secretaryPresidentSeparated: true, partyOrganization: PARTY_COMMITTEE }) { id } }`, { n: name }, admin).catch(
          (err: Error) => ({ status: 0, errors: [{ message: err.message }] }) as GraphQLResult<any>,
        );
        expect(res.status).toBeLessThan(500);
        if (res.data?.createHospital?.id) {
          acked.push(res.data.createHospital.id);
          if (phase === 'after') ackedAfter++;
        } else {
          refused.push(String(res.errors?.[0]?.extensions?.code ?? res.errors?.[0]?.message));
          await sleep(50);
        }
      }
    };
    const pid = subgraph.pid;
    const writers = [0, 1, 2, 3].map(writer);
    let before = 0;
    try {
      for (let waited = 0; acked.length < 10 && waited < 20_000; waited += 100) await sleep(100);
      before = acked.length;
      const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, 'SIGKILL');
      phase = 'down';
      await pg.stop(); // its keeper process goes too; the server is already dead
      await sleep(1_500);
      pg = await restart(dataDir, port);
      phase = 'after';
      for (let waited = 0; ackedAfter < 20 && waited < 30_000; waited += 100) await sleep(100);
    } finally {
      stop = true;
      await Promise.all(writers);
    }

    expect(before).toBeGreaterThanOrEqual(10);
    expect(refused.length).toBeGreaterThan(0); // the outage was seen
    expect(ackedAfter).toBeGreaterThanOrEqual(20); // and the subgraph came back by itself
    expect(subgraph.pid).toBe(pid);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const found = await client.query<{ id: string }>('SELECT id FROM hospital WHERE id = ANY($1::uuid[])', [acked]);
      expect(found.rowCount).toBe(acked.length);
    } finally {
      await client.end();
    }
    // Errors during the outage were clean: a code, never the driver's words.
    expect(refused.every((code) => ['INTERNAL_SERVER_ERROR', 'DEADLINE_EXCEEDED'].includes(code) || /fetch failed/.test(code))).toBe(true);
    console.log(`durability: ${acked.length} acknowledged creates (${before} before the kill, ${ackedAfter} after the restart), ${refused.length} refused during the outage`);
  }, 240_000);
});

interface PostgresProcess {
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The dedicated cluster, kept by a child process (test/support/embedded-pg-process.mjs). Every
 * wait is bounded: a keeper that neither starts in 90 s nor stops in 15 s is killed, so a stuck
 * server fails this test instead of hanging the whole run.
 */
function startPostgres(dataDir: string, port?: number): Promise<PostgresProcess> {
  const child: ChildProcess = fork(join(__dirname, '../support/embedded-pg-process.mjs'), [dataDir, ...(port ? [String(port)] : [])], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      if (child.connected) child.send('stop');
      else child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const late = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('embedded PostgreSQL did not start within 90 s'));
    }, 90_000);
    child.once('exit', (code) => {
      clearTimeout(late);
      reject(new Error(`embedded PostgreSQL keeper exited (${code})`));
    });
    child.once('message', (m: { adminUrl: string }) => {
      clearTimeout(late);
      resolve({ adminUrl: m.adminUrl, stop });
    });
  });
}

/** Starts the killed cluster again on its data directory and port; its backends may take a moment to go. */
async function restart(dataDir: string, port: number): Promise<PostgresProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPostgres(dataDir, port);
    } catch (err) {
      if (attempt >= 10) throw err;
      await sleep(1_000);
    }
  }
}
