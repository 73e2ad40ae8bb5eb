import { envInt } from '@pb/kit';
import { Pool } from 'pg';

/** A statement as the kit's CountingLogger captured it (PB_SQL_CAPTURE). */
export interface CapturedStatement {
  seq: number;
  query: string;
  parameters: unknown[];
}

interface SqlStats {
  statements: number;
  captured?: CapturedStatement[];
}

/** What the benchmark needs to know of one subgraph. */
export interface SubgraphTarget {
  name: string;
  /** Its GraphQL URL; `/debug/sql-statements` is served next to it (PB_SQL_STATS=1). */
  url: string;
  databaseUrl: string;
  pid?: number;
}

async function sqlStats(subgraphUrl: string): Promise<SqlStats> {
  const res = await fetch(new URL('/debug/sql-statements', subgraphUrl));
  if (!res.ok) throw new Error(`${subgraphUrl}: /debug/sql-statements answered ${res.status} (is PB_SQL_STATS=1 set?)`);
  return (await res.json()) as SqlStats;
}

/** The statements `fn` caused in each subgraph, in order, with their parameters. */
export async function captureStatements(subgraphs: readonly SubgraphTarget[], fn: () => Promise<unknown>): Promise<Record<string, CapturedStatement[]>> {
  const before = await Promise.all(subgraphs.map((s) => sqlStats(s.url)));
  await fn();
  const after = await Promise.all(subgraphs.map((s) => sqlStats(s.url)));
  const out: Record<string, CapturedStatement[]> = {};
  subgraphs.forEach((s, i) => {
    const from = before[i].statements;
    const to = after[i].statements;
    const captured = (after[i].captured ?? []).filter((c) => c.seq > from && c.seq <= to);
    if (captured.length !== to - from) {
      throw new Error(`${s.name}: ${to - from} statements ran but ${captured.length} were captured (start the subgraphs with PB_SQL_CAPTURE=<enough>)`);
    }
    out[s.name] = captured;
  });
  return out;
}

/** Statements that only make sense on one connection, in order: not replayed concurrently. */
const SESSION_ONLY = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET )/i;

/**
 * Runs captured statements straight against the subgraphs' databases with `pg`: each
 * subgraph's statements concurrently on a pool like the subgraph's own (PB_DB_POOL_SIZE), all
 * subgraphs at once, as one request through the gateway makes them run. The subgraph runs them in
 * a few dependent waves (regions, then the stats batches), so this is a lower bound.
 */
export class SqlReplayer {
  private readonly pools = new Map<string, Pool>();

  constructor(subgraphs: readonly SubgraphTarget[], poolSize = envInt('PB_DB_POOL_SIZE', 10)) {
    for (const s of subgraphs) this.pools.set(s.name, new Pool({ connectionString: s.databaseUrl, max: poolSize, application_name: `pb-bench-${s.name}` }));
  }

  pool(name: string): Pool {
    const pool = this.pools.get(name);
    if (!pool) throw new Error(`no database for subgraph ${name}`);
    return pool;
  }

  async replay(statements: Record<string, CapturedStatement[]>): Promise<void> {
    await Promise.all(
      Object.entries(statements).map(([name, list]) => {
        const pool = this.pool(name);
        return Promise.all(list.filter((s) => !SESSION_ONLY.test(s.query)).map((s) => pool.query(s.query, s.parameters)));
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.end()));
  }
}
