import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '@pb/gateway';

describe('schema/supergraph.graphql', () => {
  test('composes from the four subgraphs and matches the committed file (run `npm run compose` when this fails)', async () => {
    const composed = await composeSupergraph();
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composed);
    for (const type of ['Community', 'Hospital', 'School', 'Enterprise', 'Region']) expect(composed).toContain(`type ${type}`);
  });
});
