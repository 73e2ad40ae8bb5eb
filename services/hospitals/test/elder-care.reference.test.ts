import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SubgraphProcess } from '@pb/gateway';
import { ok, startTestSubgraph } from '../../../test/support/harness';
import { ZHIYANG } from './helpers';

interface CentreRecord {
  name: string;
  censuses: { selfCare: number; semiDisabled: number; disabled: number }[];
}
const FILE = JSON.parse(readFileSync(resolve(__dirname, '..', 'reference-data', 'elder-care.json'), 'utf8')) as { records: CentreRecord[] };

describe('elder-care reference data (article 002)', () => {
  let sg: SubgraphProcess;

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals', { seed: true });
  });
  afterAll(() => sg?.stop());

  test('芝阳镇 (610581106) hospitalStats.elderCareResidents = 50 (a reference figure), 24 / 19 / 7 by care level', async () => {
    const data = await ok(sg.url, `{ region(code: "${ZHIYANG}") { hospitalStats {
      elderCareCenters elderCareResidents elderCareSelfCareResidents elderCareSemiDisabledResidents elderCareDisabledResidents } } }`);
    expect(data.region.hospitalStats).toEqual({
      elderCareCenters: 1,
      elderCareResidents: 50,
      elderCareSelfCareResidents: 24,
      elderCareSemiDisabledResidents: 19,
      elderCareDisabledResidents: 7,
    });
  });

  test('the seeded centre, its census and its placeholder hospital say where they come from', async () => {
    const data = await ok(sg.url, `{ elderCareCenters(regionCode: "${ZHIYANG}") { edges { node { name source hospital { name source } latestCensus { residents source } } } } }`);
    const [record] = FILE.records;
    const residents = record.censuses[0].selfCare + record.censuses[0].semiDisabled + record.censuses[0].disabled;
    expect(data.elderCareCenters.edges).toEqual([
      { node: { name: record.name, source: 'ARTICLE', hospital: { name: '芝阳镇中心卫生院', source: 'FILLER' }, latestCensus: { residents, source: 'ARTICLE' } } },
    ]);
  });
});
