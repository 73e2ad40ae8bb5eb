import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HANCHENG, HOSPITALS_EDITOR,
  JUHUI, stats, total, updateMutation, VIEWER, XIXIANG_VILLAGE, ZHUANGYUAN,
} from './fixtures';

const TREE = `query($id: ID!) { community(id: $id) { name grids { number name leaderName leaderPhone workers
  branches { name groups { name households { headName headPhone linkedHouseholds } } }
  buildingPartyGroups { name branch { name } } partyMemberHouseholds { headName address } } } }`;

describe('party structure: 社区—网格—网格党支部—楼栋党小组—党员中心户', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let grid1: string;
  let branch1: string;
  let group1: string;

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI, 120);
    grid1 = await create(url, 'Grid', { communityId: juhui, number: 1, name: '第一网格', leaderName: '张三', leaderPhone: '13812345678', workers: 3 });
    branch1 = await create(url, 'GridPartyBranch', { gridId: grid1, name: '第一网格党支部', partyMembers: 30 });
    group1 = await create(url, 'BuildingPartyGroup', { branchId: branch1, name: '3号楼党小组', building: '3号楼', partyMembers: 8 });
    await create(url, 'PartyMemberHousehold', { groupId: group1, headName: '李四', headPhone: '13900001111', linkedHouseholds: 10, address: '3号楼2单元' });
  });
  afterAll(() => sg?.stop());

  test('an EDITOR of the region reads the whole tree, personal data in clear', async () => {
    const data = await ok(url, TREE, { id: juhui }, EDITOR_HC);
    expect(data.community).toEqual({
      name: '涺惠社区',
      grids: [
        {
          number: 1, name: '第一网格', leaderName: '张三', leaderPhone: '13812345678', workers: 3,
          branches: [{ name: '第一网格党支部', groups: [{ name: '3号楼党小组', households: [{ headName: '李四', headPhone: '13900001111', linkedHouseholds: 10 }] }] }],
          buildingPartyGroups: [{ name: '3号楼党小组', branch: { name: '第一网格党支部' } }],
          partyMemberHouseholds: [{ headName: '李四', address: '3号楼2单元' }],
        },
      ],
    });
  });

  test.each([
    ['a VIEWER', VIEWER],
    ['a communities EDITOR of another region', EDITOR_XX],
  ])('%s sees names and phones masked', async (_who, bearer) => {
    const grid = (await ok(url, TREE, { id: juhui }, bearer)).community.grids[0];
    expect([grid.leaderName, grid.leaderPhone]).toEqual(['张*', '138****5678']);
    expect(grid.branches[0].groups[0].households[0]).toMatchObject({ headName: '李*', headPhone: '139****1111' });
    const list = await ok(url, '{ partyMemberHouseholds { edges { node { headName headPhone } } } }', {}, bearer);
    expect(list.partyMemberHouseholds.edges).toEqual([{ node: { headName: '李*', headPhone: '139****1111' } }]);
  });

  test('an anonymous caller sees the community in the directory, but not its grids nor the households', async () => {
    const tree = await gql(url, TREE, { id: juhui });
    expect(tree.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['community.grids', 'UNAUTHENTICATED']]);
    expect(JSON.stringify(tree.data)).not.toMatch(/张|李|138|139/);
    expect((await ok(url, 'query($id: ID!) { community(id: $id) { name } }', { id: juhui }, null)).community.name).toBe('涺惠社区');
    const list = await gql(url, '{ partyMemberHouseholds { edges { node { headName headPhone } } } }');
    expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(list.data).toBeNull();
  });

  test('a group may sit directly on a grid, and a household on a grid', async () => {
    const grid2 = await create(url, 'Grid', { communityId: juhui, number: 2, name: '第二网格', workers: 2 });
    const group = await ok(url, `mutation($input: CreateBuildingPartyGroupInput!) { r: createBuildingPartyGroup(input: $input) { regionCode gridId branchId communityId } }`,
      { input: { gridId: grid2, name: '5号楼党小组', partyMembers: 4 } }, EDITOR_HC);
    expect(group.r).toEqual({ regionCode: JUHUI, gridId: grid2, branchId: null, communityId: juhui });
    const household = await ok(url, `mutation($input: CreatePartyMemberHouseholdInput!) { r: createPartyMemberHousehold(input: $input) { regionCode gridId groupId } }`,
      { input: { gridId: grid2, headName: '王五', linkedHouseholds: 6 } }, EDITOR_HC);
    expect(household.r).toEqual({ regionCode: JUHUI, gridId: grid2, groupId: null });
  });

  test('updates and deletes of every level', async () => {
    const grid = await create(url, 'Grid', { communityId: juhui, number: 9, name: '临时网格', workers: 1 });
    const branch = await create(url, 'GridPartyBranch', { gridId: grid, name: '临时支部', partyMembers: 3 });
    const group = await create(url, 'BuildingPartyGroup', { gridId: grid, name: '临时小组', partyMembers: 3 });
    const household = await create(url, 'PartyMemberHousehold', { groupId: group, headName: '赵六', linkedHouseholds: 2 });
    expect((await ok(url, updateMutation('Grid', 'workers'), { id: grid, input: { workers: 5 } }, EDITOR_HC)).r).toEqual({ workers: 5 });
    expect((await ok(url, updateMutation('GridPartyBranch', 'partyMembers'), { id: branch, input: { partyMembers: 4 } }, EDITOR_HC)).r).toEqual({ partyMembers: 4 });
    expect((await ok(url, updateMutation('BuildingPartyGroup', 'branchId'), { id: group, input: { branchId: branch } }, EDITOR_HC)).r).toEqual({ branchId: branch });
    expect((await ok(url, updateMutation('PartyMemberHousehold', 'linkedHouseholds'), { id: household, input: { linkedHouseholds: 7 } }, EDITOR_HC)).r).toEqual({ linkedHouseholds: 7 });
    const counts = async () => Promise.all(['grids', 'gridPartyBranches', 'buildingPartyGroups', 'partyMemberHouseholds'].map((l) => total(url, l)));
    const before = await counts();
    for (const [type, id] of [['PartyMemberHousehold', household], ['BuildingPartyGroup', group], ['GridPartyBranch', branch], ['Grid', grid]]) {
      expect((await ok(url, deleteMutation(type), { id }, EDITOR_HC)).r).toBe(id);
    }
    expect(await counts()).toEqual(before.map((n) => n - 1));
  });

  const bad: [string, string, Record<string, unknown>, string, string, string?][] = [
    ['a negative worker count', 'Grid', { number: 3, name: 'x', workers: -1 }, 'grids', 'BAD_USER_INPUT', 'input.workers'],
    ['an empty grid name', 'Grid', { number: 3, name: ' ', workers: 1 }, 'grids', 'BAD_USER_INPUT', 'input.name'],
    ['a future set-up date', 'Grid', { number: 3, name: 'x', workers: 1, establishedOn: '2999-01-01' }, 'grids', 'BAD_USER_INPUT', 'input.establishedOn'],
    ['a bad phone', 'Grid', { number: 3, name: 'x', workers: 1, leaderPhone: 'call me' }, 'grids', 'BAD_USER_INPUT', 'input.leaderPhone'],
  ];
  test.each(bad)('a grid with %s is BAD_USER_INPUT and writes nothing', async (_what, type, input, list, code, field) => {
    await expectRejected(url, createMutation(type), { input: { communityId: juhui, ...input } }, EDITOR_HC, list, code, field);
  });

  test('unknown or inconsistent parents are rejected and write nothing', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expectRejected(url, createMutation('Grid'), { input: { communityId: missing, number: 1, name: 'x', workers: 1 } }, EDITOR_HC, 'grids', 'NOT_FOUND', 'input.communityId');
    await expectRejected(url, createMutation('GridPartyBranch'), { input: { gridId: missing, name: 'x', partyMembers: 1 } }, EDITOR_HC, 'gridPartyBranches', 'NOT_FOUND', 'input.gridId');
    await expectRejected(url, createMutation('BuildingPartyGroup'), { input: { name: 'x', partyMembers: 1 } }, EDITOR_HC, 'buildingPartyGroups', 'BAD_USER_INPUT', 'input.gridId');
    const other = await create(url, 'Grid', { communityId: juhui, number: 8, name: '另一网格', workers: 1 });
    await expectRejected(url, createMutation('BuildingPartyGroup'), { input: { branchId: branch1, gridId: other, name: 'x', partyMembers: 1 } }, EDITOR_HC, 'buildingPartyGroups', 'BAD_USER_INPUT', 'input.gridId');
    await expectRejected(url, createMutation('PartyMemberHousehold'), { input: { groupId: group1, headName: '', linkedHouseholds: 1 } }, EDITOR_HC, 'partyMemberHouseholds', 'BAD_USER_INPUT', 'input.headName');
    await ok(url, deleteMutation('Grid'), { id: other }, ADMIN);
  });

  test.each([
    ['a communities EDITOR of another region', EDITOR_XX, 'FORBIDDEN'],
    ['a hospitals EDITOR', HOSPITALS_EDITOR, 'FORBIDDEN'],
    ['a VIEWER', VIEWER, 'FORBIDDEN'],
    ['nobody', undefined, 'UNAUTHENTICATED'],
  ])('%s cannot write the structure of a 韩城 community', async (_who, bearer, code) => {
    await expectRejected(url, createMutation('Grid'), { input: { communityId: juhui, number: 5, name: 'x', workers: 1 } }, bearer, 'grids', code);
    await expectRejected(url, createMutation('PartyMemberHousehold'), { input: { gridId: grid1, headName: '某', linkedHouseholds: 1 } }, bearer, 'partyMemberHouseholds', code);
    const res = await gql(url, updateMutation('GridPartyBranch'), { id: branch1, input: { partyMembers: 99 } }, bearer);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });

  test('stats count each level by the stock rule, rolled up by region prefix', async () => {
    // A second community with dated records, and one outside 韩城市.
    const zy = await createCommunity(url, '状元街社区', ZHUANGYUAN, 40, { establishedOn: '2020-01-01' });
    const g = await create(url, 'Grid', { communityId: zy, number: 1, name: '状元一格', workers: 1, establishedOn: '2024-06-01' });
    const b = await create(url, 'GridPartyBranch', { gridId: g, name: '状元支部', partyMembers: 5, establishedOn: '2024-06-01' });
    await create(url, 'BuildingPartyGroup', { branchId: b, name: '状元小组', partyMembers: 2, establishedOn: '2024-07-01' });
    await create(url, 'PartyMemberHousehold', { gridId: g, headName: '孙七', linkedHouseholds: 3, designatedOn: '2024-08-01' });
    const xx = await createCommunity(url, '西乡社区', XIXIANG_VILLAGE, 7);
    await create(url, 'Grid', { communityId: xx, number: 1, name: '西乡一格', workers: 1 }, ADMIN);

    const lists = async (region: string) => {
      const q = `query($r: String) { grids(regionCode: $r, first: 100) { edges { node { establishedOn } } }
        gridPartyBranches(regionCode: $r, first: 100) { edges { node { establishedOn } } }
        buildingPartyGroups(regionCode: $r, first: 100) { edges { node { establishedOn } } }
        partyMemberHouseholds(regionCode: $r, first: 100) { edges { node { designatedOn } } }
        communities(regionCode: $r, first: 100) { edges { node { establishedOn partyMembers } } } }`;
      return ok(url, q, { r: region }, ADMIN);
    };
    // Expected figures from what the lists hold, counted here in JS with the stock rule.
    const existed = (d: string | null, to?: string) => !d || !to || d <= to;
    const expected = async (region: string, to?: string) => {
      const l = await lists(region);
      const n = (conn: { edges: { node: Record<string, string | null> }[] }, col: string) => conn.edges.filter((e) => existed(e.node[col], to)).length;
      const cs = l.communities.edges.filter((e: { node: { establishedOn: string | null } }) => existed(e.node.establishedOn, to));
      return {
        communities: cs.length,
        partyMembers: cs.reduce((s: number, e: { node: { partyMembers: number } }) => s + e.node.partyMembers, 0),
        grids: n(l.grids, 'establishedOn'),
        gridPartyBranches: n(l.gridPartyBranches, 'establishedOn'),
        buildingPartyGroups: n(l.buildingPartyGroups, 'establishedOn'),
        partyMemberHouseholds: n(l.partyMemberHouseholds, 'designatedOn'),
      };
    };
    const FIELDS = 'communities partyMembers grids gridPartyBranches buildingPartyGroups partyMemberHouseholds';
    for (const [region, to] of [[HANCHENG, undefined], [HANCHENG, '2024-06-30'], ['610581001', undefined], ['61', '2019-12-31'], ['6107', undefined]] as const) {
      const want = await expected(region, to);
      expect(await stats(url, region, FIELDS, to ? { to } : undefined)).toEqual(want);
    }
    // Sanity: the period really changes something.
    expect((await stats(url, '610581001', 'grids', { to: '2024-05-31' })).grids).toBe(0);
    expect((await stats(url, '610581001', 'grids')).grids).toBe(1);
  });

  test('100 communities with their grids and registrations cost as many statements as 10', async () => {
    const region = '610581101002';
    const agency = await create(url, 'Agency', { name: '批量单位', regionCode: region, kind: 'OTHER', partyOrganization: 'BRANCH' }, ADMIN);
    const hospital = '11111111-1111-4111-8111-111111111111';
    for (let i = 0; i < 100; i++) {
      const c = await createCommunity(url, `批量社区${i}`, region, 1);
      await create(url, 'Grid', { communityId: c, number: 1, name: `批量网格${i}`, workers: 1, leaderName: '某某' }, ADMIN);
      await create(url, 'DualRegistration', { communityId: c, unitSector: 'AGENCY', unitId: agency, members: 2, registeredOn: '2024-01-01' }, ADMIN);
      await create(url, 'DualRegistration', { communityId: c, unitSector: 'HOSPITAL', unitId: hospital, members: 1, registeredOn: '2024-01-01' }, ADMIN);
    }
    const q = `query($n: Int) { communities(regionCode: "${region}", first: $n) { edges { node { name grids { name leaderName branches { name } buildingPartyGroups { name } partyMemberHouseholds { headName } } gridPartyBranches { name }
      dualRegistrations { members unit { __typename ... on Agency { name dualRegistrations { members } } ... on Hospital { id } } } } } } }`;
    const count = (n: number) => countStatements(url, async () => {
      const data = await ok(url, q, { n }, EDITOR_HC);
      expect(data.communities.edges).toHaveLength(n);
      expect(data.communities.edges[0].node.grids[0].leaderName).toBe('某某');
      expect(data.communities.edges[0].node.dualRegistrations).toHaveLength(2);
    });
    const ten = await count(10);
    expect(await count(100)).toBe(ten);
    expect(ten).toBeLessThanOrEqual(12);
  });
});
