import { availableParallelism } from 'node:os';
import { subgraph as communities } from '@pb/communities';
import { subgraph as hospitals } from '@pb/hospitals';
import { openSubgraphDatabase, rebuildStats, type SubgraphDefinition, todayInShanghai } from '@pb/kit';
import { subgraph as schools } from '@pb/schools';
import { subgraph as soes } from '@pb/soes';
import type { DataSource, QueryRunner } from 'typeorm';
import { SUBGRAPHS } from '../subgraphs.js';
import { prepareDatabases } from '../stack/databases.js';
import { generateCommunities } from './communities.js';
import { generateHospitals } from './hospitals.js';
import { Loader } from './loader.js';
import { createProgress, type Progress } from './progress.js';
import { childrenFirst, deleteSyntheticRecords, recordTables } from './reset.js';
import { SCALES, type ScaleName } from './scales.js';
import { generateSchools } from './schools.js';
import { generateSoes } from './soes.js';
import { type ConceptOptions, generateSectorConcepts } from './sector-concepts.js';

/** Fills one subgraph's tables through its bulk session. */
type SubgraphGenerator = (loader: Loader) => Promise<void>;

/** A sector's own generator, then the kit's shared concepts for it. */
const withConcepts = (own: SubgraphGenerator, o: ConceptOptions): SubgraphGenerator => async (g) => {
  await own(g);
  await generateSectorConcepts(g, o);
};

const GENERATORS: Record<string, SubgraphGenerator> = {
  communities: withConcepts(generateCommunities, { unitTable: 'community', volunteers: true, population: true, commitments: true }),
  hospitals: withConcepts(generateHospitals, { unitTable: 'hospital', volunteers: true, population: false }),
  schools: withConcepts(generateSchools, { unitTable: 'school', volunteers: true, population: false }),
  soes: withConcepts(generateSoes, { unitTable: 'enterprise', volunteers: false, population: false }),
};

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  /** First delete the SYNTHETIC rows (only those) of the chosen subgraphs. */
  reset: boolean;
  /** Subgraph names to act on. */
  only: string[];
  log: (line: string) => void;
  /**
   * Called once a subgraph's database is filled and analysed, before it is closed: the
   * extension point for work over the new rows, e.g. rebuilding statistics pre-aggregates
   * (the bulk session bypasses triggers, so anything triggers maintain must be redone here).
   */
  afterLoad?: (db: DataSource, subgraph: string) => Promise<void>;
  /** Database URL per subgraph; default: as `npm start` (configured URLs, else the embedded cluster in .data/). */
  urls?: Record<string, string>;
  /** Load the databases one after another instead of at once. */
  sequential?: boolean;
  /** Progress display; default: bars on a TTY, plain lines otherwise. */
  progress?: Progress;
  /** Loads of at least this many rows defer the table's secondary indexes; default DEFER_INDEXES_FROM. */
  deferIndexesFrom?: number;
}

export interface GenerateResult {
  /** SYNTHETIC rows inserted, per subgraph and table. */
  rows: Record<string, Record<string, number>>;
  /** SYNTHETIC rows deleted by --reset, per subgraph and table. */
  deleted: Record<string, Record<string, number>>;
  seconds: number;
}

/**
 * The subgraphs' definitions (entities and migrations), imported statically: no schema is
 * built here, so the four sharing one process is harmless, and static imports also load
 * under Jest (which refuses dynamic import() without --experimental-vm-modules).
 */
const DEFINITIONS: Record<string, SubgraphDefinition> = { communities, hospitals, schools, soes };

/**
 * Settings of the bulk session. `session_replication_role = replica` disables triggers (and
 * with them foreign-key checks: the generators join on parents they just inserted), so
 * statistics triggers added to these tables do not run per row; it needs a superuser.
 */
async function bulkSession(q: QueryRunner, log: (line: string) => void, subgraph: string): Promise<void> {
  await q.query(`SET synchronous_commit = off`);
  await q.query(`SET work_mem = '256MB'`);
  await q.query(`SET maintenance_work_mem = '512MB'`); // the deferred indexes are built in memory
  await q.query(`SET jit = off`); // compiling each chunk's expressions costs more than it saves
  try {
    await q.query(`SET session_replication_role = replica`);
  } catch (err) {
    log(`[${subgraph}] warning: cannot disable triggers (${(err as Error).message}); triggers will run for every row`);
  }
}

async function assertNoSyntheticRows(db: DataSource, subgraph: string): Promise<void> {
  for (const t of await recordTables(db)) {
    const [{ found }] = (await db.query(`SELECT EXISTS (SELECT 1 FROM "${t}" WHERE source = 'SYNTHETIC') AS found`)) as { found: boolean }[];
    if (found) throw new Error(`[${subgraph}] ${t} already holds SYNTHETIC rows; pass --reset to replace them`);
  }
}

async function generateSubgraph(name: string, url: string, opts: GenerateOptions, progress: Progress, result: GenerateResult): Promise<void> {
  // Migrations and statistics triggers in place; the bulk session below bypasses the triggers.
  const db = await openSubgraphDatabase(DEFINITIONS[name], url);
  try {
    if (opts.reset) {
      const started = Date.now();
      result.deleted[name] = await deleteSyntheticRecords(db);
      const total = Object.values(result.deleted[name]).reduce((a, b) => a + b, 0);
      progress.log(`[${name}] --reset: deleted ${total.toLocaleString('en-US')} SYNTHETIC rows in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    } else {
      await assertNoSyntheticRows(db, name);
    }
    const q = db.createQueryRunner();
    await q.connect();
    try {
      await bulkSession(q, progress.log, name);
      const loader = new Loader(q, name, opts.seed, SCALES[opts.scale], todayInShanghai(), progress, opts.deferIndexesFrom);
      await GENERATORS[name](loader);
      // Fresh statistics for the planner: the tables grew by orders of magnitude.
      for (const t of await childrenFirst(q.manager)) await q.query(`ANALYZE "${t}"`);
      result.rows[name] = loader.loaded;
    } finally {
      await q.release();
    }
    // The bulk rows bypassed the triggers: recompute the pre-aggregates from the records.
    const rebuilding = Date.now();
    // With the subgraphs stopped nobody reads them meanwhile: all cores, not one transaction.
    await rebuildStats(db, DEFINITIONS[name].stats ?? { rows: [] }, { workers: availableParallelism() });
    progress.log(`[${name}] statistics pre-aggregates rebuilt in ${((Date.now() - rebuilding) / 1000).toFixed(1)}s`);
    if (opts.afterLoad) await opts.afterLoad(db, name);
  } finally {
    await db.destroy();
  }
}

/**
 * Fills the chosen subgraphs' databases with a synthetic dataset of every record type, marked
 * `source = 'SYNTHETIC'`, with INSERT … SELECT over generate_series in chunks (see loader.ts).
 * Deterministic for a given scale and seed (and day: dates count back from today).
 */
export async function generateDataset(opts: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const unknown = opts.only.filter((n) => !GENERATORS[n]);
  if (unknown.length) throw new Error(`unknown subgraph ${unknown.join(', ')}`);
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 2 ** 31) throw new Error('--seed must be a whole number from 0 to 2147483648');
  const databases = opts.urls ? null : await prepareDatabases({ log: opts.log });
  const urls = opts.urls ?? databases!.urls;
  const progress = opts.progress ?? createProgress(opts.log);
  const result: GenerateResult = { rows: {}, deleted: {}, seconds: 0 };
  try {
    const names = SUBGRAPHS.map((s) => s.name).filter((n) => opts.only.includes(n));
    if (opts.sequential) for (const n of names) await generateSubgraph(n, urls[n], opts, progress, result);
    else await Promise.all(names.map((n) => generateSubgraph(n, urls[n], opts, progress, result)));
  } finally {
    progress.stop();
    if (databases?.embedded?.owned) await databases.embedded.stop();
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
