import { openSubgraphDatabase, type SubgraphDefinition } from '@pb/kit';
import type { DataSource } from 'typeorm';
import { SUBGRAPHS } from '../subgraphs.js';
import { prepareDatabases } from './databases.js';

const HELP = `npm run seed [-- --reset] [-- --only communities,hospitals]

Loads the reference dataset (the source articles' places, units and figures) into each
subgraph's database: <NAME>_DATABASE_URL / DATABASE_URL when set, otherwise the embedded
PostgreSQL in .data/ (the one \`npm start\` uses). Loading is idempotent: records already there
are left as they are, missing ones are added, through the same checks as the mutations.

  --reset   first DELETES the reference records (source ARTICLE or FILLER) from every table of
            each database, then loads them again. The databases are not dropped and records
            entered by users (source USER) are kept — except those under a reference record
            (e.g. a grid added to a reference community), which go with it (ON DELETE CASCADE).
  --only    the subgraphs to act on (default: all four).
  --help    this text.

Stop a running \`npm start\` first if it uses the embedded PostgreSQL (or it will be joined).`;

interface Args {
  reset: boolean;
  only: string[];
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reset: false, only: SUBGRAPHS.map((s) => s.name), help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') args.reset = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--only=')) args.only = a.slice('--only='.length).split(',').filter(Boolean);
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  const unknown = args.only.filter((n) => !SUBGRAPHS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')}`);
  return args;
}

/** Deletes every ARTICLE/FILLER row of every table that has a \`source\` column, in one transaction. */
export async function deleteReferenceRecords(db: DataSource): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.columns WHERE column_name = 'source' AND table_schema = current_schema() ORDER BY table_name`,
  );
  const deleted: Record<string, number> = {};
  await db.transaction(async (em) => {
    for (const { table_name: t } of tables) {
      const [, count] = (await em.query(`DELETE FROM "${t.replace(/"/g, '""')}" WHERE source IN ('ARTICLE', 'FILLER')`)) as [unknown, number];
      deleted[t] = count;
    }
  });
  return deleted;
}

/** The subgraph's definition, from its package (entities, migrations, loader). */
async function definition(pkg: string): Promise<SubgraphDefinition> {
  return ((await import(pkg)) as { subgraph: SubgraphDefinition }).subgraph;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return;
  }
  const log = (line: string) => console.log(line);
  const databases = await prepareDatabases({ log });
  try {
    for (const info of SUBGRAPHS.filter((s) => args.only.includes(s.name))) {
      const def = await definition(info.package);
      const db = await openSubgraphDatabase(def, databases.urls[info.name]);
      try {
        if (args.reset) {
          const deleted = await deleteReferenceRecords(db);
          const total = Object.values(deleted).reduce((a, b) => a + b, 0);
          log(`[${info.name}] deleted ${total} reference records (${Object.entries(deleted).filter(([, n]) => n).map(([t, n]) => `${t} ${n}`).join(', ') || 'none'}; records under them went by cascade)`);
        }
        await def.seed?.(db);
        log(`[${info.name}] reference dataset loaded`);
      } finally {
        await db.destroy();
      }
    }
  } finally {
    if (databases.embedded?.owned) await databases.embedded.stop();
  }
}

main().catch((err) => {
  console.error('seed failed:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
