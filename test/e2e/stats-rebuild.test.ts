import { openSubgraphDatabase, type SubgraphDefinition } from '@pb/kit';
import { formatReport, rebuildSubgraphStats, type Stack } from '@pb/gateway';
import { subgraph as communities } from '@pb/communities';
import { subgraph as hospitals } from '@pb/hospitals';
import { subgraph as schools } from '@pb/schools';
import { subgraph as soes } from '@pb/soes';
import { startTestStack } from '../support/harness';

/** `npm run stats:rebuild` on the reference dataset: the triggers kept the aggregates exact, so a rebuild changes nothing. */
describe('stats:rebuild on a seeded stack', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack?.stop());

  test.each([communities, hospitals, schools, soes].map((d) => [d.name, d] as const))('%s: digest unchanged, rows kept', async (_name, def: SubgraphDefinition) => {
    const db = await openSubgraphDatabase(def, stack.databases.urls[def.name]);
    try {
      const report = await rebuildSubgraphStats(def, db);
      expect(report.before.rows).toBeGreaterThan(0);
      expect(report.after).toEqual(report.before);
      expect(formatReport(report)).toMatch(new RegExp(`^\\[${def.name}\\] rows \\d+ → \\d+, digest \\w+ → \\w+ \\(unchanged\\), \\d+\\.\\d\\d s$`));
    } finally {
      await db.destroy();
    }
  });
});
