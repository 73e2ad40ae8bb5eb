import { randomUUID } from 'node:crypto';
import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HANCHENG, HOSPITALS_EDITOR,
  JUHUI, stats, updateMutation, VIEWER, XIXIANG_VILLAGE, ZHUANGYUAN,
} from './fixtures';

interface Reg { unitSector: string; unitId: string; members: number; registeredOn: string; active: boolean; regionCode: string }

describe('agencies and dual registration (双报到)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let zy: string;
  let bureau: string;
  const hospital = randomUUID();
  const school = randomUUID();
  const enterprise = randomUUID();

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI);
    zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    const xx = await createCommunity(url, '西乡社区', XIXIANG_VILLAGE);
    bureau = await create(url, 'Agency', { name: '韩城市税务局', regionCode: HANCHENG, kind: 'GOVERNMENT', partyOrganization: 'PARTY_COMMITTEE' });
    const bank = await create(url, 'Agency', { name: '某银行韩城支行', regionCode: '610581002', kind: 'FINANCIAL', partyOrganization: 'BRANCH' });
    const reg = (communityId: string, unitSector: string, unitId: string, members: number, registeredOn: string, active = true, bearer = EDITOR_HC) =>
      create(url, 'DualRegistration', { communityId, unitSector, unitId, members, registeredOn, active }, bearer);
    await reg(juhui, 'AGENCY', bureau, 40, '2023-03-01');
    await reg(zy, 'AGENCY', bureau, 12, '2024-05-01'); // the same unit in two communities: one unit, both member counts
    await reg(juhui, 'AGENCY', bank, 6, '2023-06-01', false); // inactive: not counted
    await reg(juhui, 'HOSPITAL', hospital, 25, '2022-01-10');
    await reg(zy, 'SCHOOL', school, 18, '2024-09-01');
    await reg(zy, 'SOE', enterprise, 30, '2021-12-31');
    await reg(xx, 'HOSPITAL', randomUUID(), 9, '2023-01-01', true, ADMIN);
  });
  afterAll(() => sg?.stop());

  test('a community lists its registrations with each unit; agencies resolve here, other units as references', async () => {
    const data = await ok(url, `query($id: ID!) { community(id: $id) { dualRegistrations { members active unitSector
      unit { __typename ... on Agency { name sector kind } ... on Hospital { id } } } } }`, { id: juhui }, VIEWER);
    const regs = data.community.dualRegistrations;
    expect(regs).toHaveLength(3);
    expect(regs).toEqual(expect.arrayContaining([
      { members: 40, active: true, unitSector: 'AGENCY', unit: { __typename: 'Agency', name: '韩城市税务局', sector: 'AGENCY', kind: 'GOVERNMENT' } },
      { members: 25, active: true, unitSector: 'HOSPITAL', unit: { __typename: 'Hospital', id: hospital } },
    ]));
  });

  test('Hospital, School, Enterprise and Agency list their registrations (batched through _entities)', async () => {
    const reps = [{ __typename: 'Hospital', id: hospital }, { __typename: 'School', id: school }, { __typename: 'Enterprise', id: enterprise }, { __typename: 'Hospital', id: randomUUID() }];
    const data = await ok(url, `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Hospital { dualRegistrations { members community { name } } }
      ... on School { dualRegistrations { members } } ... on Enterprise { dualRegistrations { members } } } }`, { r: reps });
    expect(data._entities).toEqual([
      { dualRegistrations: [{ members: 25, community: { name: '涺惠社区' } }] },
      { dualRegistrations: [{ members: 18 }] },
      { dualRegistrations: [{ members: 30 }] },
      { dualRegistrations: [] },
    ]);
    const agency = await ok(url, `query($id: ID!) { agency(id: $id) { dualRegistrations { members } } }`, { id: bureau });
    expect(agency.agency.dualRegistrations.map((r: { members: number }) => r.members).sort()).toEqual([12, 40]);
  });

  test('registration stats: distinct active units, their members, by sector, at the period end', async () => {
    const all = (await ok(url, '{ dualRegistrations(first: 100) { edges { node { unitSector unitId members registeredOn active regionCode } } } }', {}, ADMIN))
      .dualRegistrations.edges.map((e: { node: Reg }) => e.node) as Reg[];
    const expected = (region: string, to?: string) => {
      const inForce = all.filter((r) => r.regionCode.startsWith(region) && r.active && (!to || r.registeredOn <= to));
      const units = new Set(inForce.map((r) => `${r.unitSector}:${r.unitId}`));
      return {
        registeredUnits: units.size,
        registeredMembers: inForce.reduce((s, r) => s + r.members, 0),
        registeredUnitsBySector: ['AGENCY', 'HOSPITAL', 'SCHOOL', 'SOE'].map((sector) => ({
          sector,
          count: [...units].filter((u) => u.startsWith(`${sector}:`)).length,
        })),
      };
    };
    const FIELDS = 'registeredUnits registeredMembers registeredUnitsBySector { sector count }';
    for (const [region, to] of [[HANCHENG, undefined], [HANCHENG, '2023-12-31'], ['610581001', undefined], ['61', undefined], ['6107', '2022-12-31']] as const) {
      expect(await stats(url, region, FIELDS, to ? { to } : undefined)).toEqual(expected(region, to));
    }
    expect((await stats(url, HANCHENG, 'registeredUnits registeredMembers')).registeredUnits).toBe(4);
  });

  test('update and delete a registration and an agency', async () => {
    const agency = await create(url, 'Agency', { name: '临时单位', regionCode: '610581', kind: 'OTHER', partyOrganization: 'BRANCH' });
    const id = await create(url, 'DualRegistration', { communityId: juhui, unitSector: 'AGENCY', unitId: agency, members: 3, registeredOn: '2024-01-01' });
    expect((await ok(url, updateMutation('DualRegistration', 'active members'), { id, input: { active: false, members: 4 } }, EDITOR_HC)).r).toEqual({ active: false, members: 4 });
    expect((await ok(url, updateMutation('Agency', 'name'), { id: agency, input: { name: '临时单位二' } }, EDITOR_HC)).r).toEqual({ name: '临时单位二' });
    expect((await ok(url, deleteMutation('DualRegistration'), { id }, EDITOR_HC)).r).toBe(id);
    expect((await ok(url, deleteMutation('Agency'), { id: agency }, EDITOR_HC)).r).toBe(agency);
  });

  const base = () => ({ communityId: juhui, unitSector: 'HOSPITAL', unitId: randomUUID(), members: 5, registeredOn: '2024-01-01' });
  test.each([
    ['an unknown agency', { unitSector: 'AGENCY' }, 'NOT_FOUND', 'input.unitId'],
    ['a community as the unit', { unitSector: 'COMMUNITY' }, 'BAD_USER_INPUT', 'input.unitSector'],
    ['a malformed unit id', { unitId: 'h-1' }, 'BAD_USER_INPUT', 'input.unitId'],
    ['negative members', { members: -1 }, 'BAD_USER_INPUT', 'input.members'],
    ['a future date', { registeredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.registeredOn'],
    ['an unknown community', { communityId: randomUUID() }, 'NOT_FOUND', 'input.communityId'],
  ])('a registration with %s is rejected and writes nothing', async (_what, change, code, field) => {
    await expectRejected(url, createMutation('DualRegistration'), { input: { ...base(), ...change } }, EDITOR_HC, 'dualRegistrations', code, field);
  });

  test('an agency with an empty name or outside the region is rejected', async () => {
    const agency = { name: '单位', regionCode: HANCHENG, kind: 'OTHER', partyOrganization: 'BRANCH' };
    await expectRejected(url, createMutation('Agency'), { input: { ...agency, name: '' } }, EDITOR_HC, 'agencies', 'BAD_USER_INPUT', 'input.name');
    await expectRejected(url, createMutation('Agency'), { input: agency }, EDITOR_XX, 'agencies', 'FORBIDDEN');
  });

  test.each([
    ['a communities EDITOR of another region', EDITOR_XX, 'FORBIDDEN'],
    ['a hospitals EDITOR (even for its own hospital)', HOSPITALS_EDITOR, 'FORBIDDEN'],
    ['a VIEWER', VIEWER, 'FORBIDDEN'],
    ['nobody', undefined, 'UNAUTHENTICATED'],
  ])('%s cannot register a unit with a 韩城 community', async (_who, bearer, code) => {
    await expectRejected(url, createMutation('DualRegistration'), { input: base() }, bearer, 'dualRegistrations', code);
    const res = await gql(url, updateMutation('Agency'), { id: bureau, input: { name: 'x' } }, bearer);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });
});
