import { parseArgs } from 'node:util';
import { aggregatesDigest, openSubgraphDatabase, rebuildStats, type SubgraphDefinition } from '@pb/kit';
import type { DataSource } from 'typeorm';
import { SUBGRAPHS } from '../subgraphs.js';
import { prepareDatabases } from './databases.js';

const HELP = `npm run stats:rebuild [-- --only hospitals,schools]

Recomputes each subgraph's pre-aggregated statistics (stats_aggregate, stats_ledger) from its
records, in one transaction per subgraph: <NAME>_DATABASE_URL / DATABASE_URL when set, otherwise
the embedded PostgreSQL in .data/ (the one \`npm start\` uses). The database triggers keep the
aggregates exact on every write, so on a consistent database this changes nothing: the digest
printed before and after is the same. Use it after writes that bypass the triggers (TRUNCATE, a
bulk load with session_replication_role = replica, a restore of the record tables alone) or to
check a database.

  --only    the subgraphs to rebuild (default: all four).
  --help    this text.`;

export interface RebuildReport {
  subgraph: string;
  before: { rows: number; digest: string };
  after: { rows: number; digest: string };
  ms: number;
}

/** Rebuilds one subgraph's aggregates (its database opened as a subgraph opens it: migrations and triggers in place). */
export async function rebuildSubgraphStats(def: SubgraphDefinition, db: DataSource): Promise<RebuildReport> {
  const before = await aggregatesDigest(db);
  const started = performance.now();
  await rebuildStats(db, def.stats ?? { rows: [] });
  const ms = performance.now() - started;
  const after = await aggregatesDigest(db);
  return { subgraph: def.name, before, after, ms };
}

export function formatReport(r: RebuildReport): string {
  const same = r.before.digest === r.after.digest ? 'unchanged' : 'CHANGED';
  return `[${r.subgraph}] rows ${r.before.rows} → ${r.after.rows}, digest ${r.before.digest || '(empty)'} → ${r.after.digest || '(empty)'} (${same}), ${(r.ms / 1000).toFixed(2)} s`;
}

async function definition(pkg: string): Promise<SubgraphDefinition> {
  return ((await import(pkg)) as { subgraph: SubgraphDefinition }).subgraph;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const only = values.only ? values.only.split(',').filter(Boolean) : SUBGRAPHS.map((s) => s.name);
  const unknown = only.filter((n) => !SUBGRAPHS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')} (see --help)`);
  const log = (line: string) => console.log(line);
  const databases = await prepareDatabases({ log });
  try {
    for (const info of SUBGRAPHS.filter((s) => only.includes(s.name))) {
      const def = await definition(info.package);
      const db = await openSubgraphDatabase(def, databases.urls[info.name]);
      try {
        log(formatReport(await rebuildSubgraphStats(def, db)));
      } finally {
        await db.destroy();
      }
    }
  } finally {
    if (databases.embedded?.owned) await databases.embedded.stop();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error('stats:rebuild failed:', err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
