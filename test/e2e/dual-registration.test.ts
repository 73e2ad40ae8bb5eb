import type { Stack } from '@pb/gateway';
import { ok, startTestStack, token } from '../support/harness';

const ADMIN = token({ role: 'ADMIN' });
const VIEWER = token({ role: 'VIEWER' });
const HANCHENG = '610581';
const JUHUI = '610581002004';

/** `createX(input) { id }` through the gateway, as ADMIN. */
const create = async (url: string, type: string, input: Record<string, unknown>): Promise<string> =>
  (await ok(url, `mutation($input: Create${type}Input!) { r: create${type}(input: $input) { id } }`, { input }, ADMIN)).r.id as string;

describe('双报到 across subgraphs, through the gateway', () => {
  let stack: Stack;
  let url: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    url = stack.gatewayUrl;
    ids.hospital = await create(url, 'Hospital', {
      name: '韩城市人民医院', regionCode: HANCHENG, grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: true, partyOrganization: 'PARTY_COMMITTEE',
    });
    ids.school = await create(url, 'School', { name: '韩城市新城一小', regionCode: HANCHENG, stage: 'PRIMARY', isPublic: true, secretaryPrincipalCombined: true, partyOrganization: 'BRANCH' });
    ids.enterprise = await create(url, 'Enterprise', { name: '韩城市供水公司', regionCode: HANCHENG, level: 'COUNTY', industry: '水务', partyOrganization: 'GENERAL_BRANCH' });
    ids.agency = await create(url, 'Agency', { name: '韩城市税务局', regionCode: HANCHENG, kind: 'GOVERNMENT', partyOrganization: 'PARTY_COMMITTEE' });
    ids.juhui = await create(url, 'Community', { name: '涺惠社区', regionCode: JUHUI, partyOrganization: 'PARTY_COMMITTEE', partyMembers: 120 });
    const units = [['HOSPITAL', ids.hospital, 25], ['SCHOOL', ids.school, 18], ['SOE', ids.enterprise, 30], ['AGENCY', ids.agency, 40]] as const;
    for (const [unitSector, unitId, members] of units) {
      await create(url, 'DualRegistration', { communityId: ids.juhui, unitSector, unitId, members, registeredOn: '2024-03-01' });
    }
  });
  afterAll(() => stack?.stop());

  test("a community's registrations resolve each unit in its own subgraph", async () => {
    const data = await ok(url, `query($id: ID!) { community(id: $id) { name dualRegistrations { unitSector members
      unit { __typename ... on Hospital { name } ... on School { name } ... on Enterprise { name } ... on Agency { name } } } } }`, { id: ids.juhui }, VIEWER);
    expect(data.community.name).toBe('涺惠社区');
    expect(data.community.dualRegistrations).toHaveLength(4);
    expect(data.community.dualRegistrations).toEqual(expect.arrayContaining([
      { unitSector: 'HOSPITAL', members: 25, unit: { __typename: 'Hospital', name: '韩城市人民医院' } },
      { unitSector: 'SCHOOL', members: 18, unit: { __typename: 'School', name: '韩城市新城一小' } },
      { unitSector: 'SOE', members: 30, unit: { __typename: 'Enterprise', name: '韩城市供水公司' } },
      { unitSector: 'AGENCY', members: 40, unit: { __typename: 'Agency', name: '韩城市税务局' } },
    ]));
  });

  test.each([
    ['hospital', 'Hospital', 25],
    ['school', 'School', 18],
    ['enterprise', 'Enterprise', 30],
  ])('%s.dualRegistrations comes from the communities subgraph, with the community', async (field, type, members) => {
    const data = await ok(url, `query($id: ID!) { u: ${field}(id: $id) { name dualRegistrations { members registeredOn community { name } unit { ... on ${type} { name } } } } }`, { id: ids[field] }, VIEWER);
    expect(data.u.dualRegistrations).toEqual([{ members, registeredOn: '2024-03-01', community: { name: '涺惠社区' }, unit: { name: data.u.name } }]);
  });

  test('the registrations count in the county figures, by sector', async () => {
    const data = await ok(url, `{ region(code: "${HANCHENG}") { communityStats { registeredUnits registeredMembers registeredUnitsBySector { sector count } } } }`);
    expect(data.region.communityStats).toEqual({
      registeredUnits: 4,
      registeredMembers: 25 + 18 + 30 + 40,
      registeredUnitsBySector: expect.arrayContaining(['AGENCY', 'HOSPITAL', 'SCHOOL', 'SOE'].map((sector) => ({ sector, count: 1 }))),
    });
  });
});
