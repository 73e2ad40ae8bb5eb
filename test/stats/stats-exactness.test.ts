/**
 * Exactness of the pre-aggregated statistics, property-based: for each sector, random writes
 * (inserts, edits, moves between regions, deletes with cascades, multi-row statements,
 * transactions, rollbacks) go through the database triggers; then every stats field and trend
 * read from the aggregates must equal the raw computation from the records, for regions at
 * every level and periods of every shape, and a rebuild must change nothing.
 *
 * One property per table (its writes piled up so figures collide) and one over random mixes.
 * fast-check prints the seed and the shrunk operations on failure; replay with
 * PB_EXACTNESS_SEED=<seed>, dig deeper with PB_EXACTNESS_RUNS=<runs per property>.
 */
import { checkSector, openSectorDatabase, type RunSummary, type SectorDatabase, type SectorSpec } from './exactness/harness';
import { communities } from './exactness/communities';
import { hospitals } from './exactness/hospitals';
import { schools } from './exactness/schools';
import { soes } from './exactness/soes';

const SECTORS: SectorSpec[] = [communities, hospitals, schools, soes];

const seed = process.env.PB_EXACTNESS_SEED ? Number(process.env.PB_EXACTNESS_SEED) : undefined;
const scale = Number(process.env.PB_EXACTNESS_RUNS ?? 0);

describe.each(SECTORS.map((s) => [s.name, s] as const))('%s: aggregated statistics = raw statistics', (_name, sector) => {
  let s: SectorDatabase;
  const total: RunSummary = { runs: 0, applied: 0, skipped: 0, comparisons: 0 };
  const add = (r: RunSummary) => Object.keys(total).forEach((k) => (total[k as keyof RunSummary] += r[k as keyof RunSummary]));

  beforeAll(async () => {
    s = await openSectorDatabase(sector);
  });
  afterAll(async () => {
    console.log(`[exactness] ${sector.name}: ${total.runs} runs, ${total.applied} writes applied (${total.skipped} refused by constraints), ${total.comparisons} periods × ${s?.codes.length} regions compared`);
    await s?.close();
  });

  test.each(sector.tables.map((t) => [t.table, t] as const))('writes on %s', async (_table, t) => {
    const r = await checkSector(sector, s, { focus: [t], numRuns: scale || 3, maxOps: 40, periodsPerRun: 3, seed });
    add(r);
    expect(r.applied).toBeGreaterThan(r.skipped);
  });

  test('writes on random mixes of tables', async () => {
    const r = await checkSector(sector, s, { focus: 'mixed', numRuns: scale || 8, maxOps: 50, periodsPerRun: 3, seed });
    add(r);
    expect(r.applied).toBeGreaterThan(r.skipped);
  });
});
