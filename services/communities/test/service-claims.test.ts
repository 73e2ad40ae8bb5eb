import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HANCHENG, HOSPITALS_EDITOR,
  JUHUI, stats, updateMutation, VIEWER, XIXIANG_VILLAGE, ZHUANGYUAN,
} from './fixtures';

const COMPLETE = `mutation($id: ID!, $input: CompleteServiceClaimInput!) { r: completeServiceClaim(id: $id, input: $input) { status claimedOn completedOn householdsVisited } }`;
const FIELDS = 'serviceClaims serviceClaimsCompleted serviceClaimHouseholdsVisited';

interface Claim { id: string; regionCode: string; claimedOn: string; completedOn: string | null; households: number }

describe('service claims (认领服务 / 微心愿)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let zy: string;
  let xx: string;
  let juhuiReg: string;
  const claims: Claim[] = [];
  const claim = async (communityId: string, regionCode: string, claimant: Record<string, unknown>, category: string, claimedOn: string, bearer = EDITOR_HC) => {
    const id = await create(url, 'ServiceClaim', { communityId, ...claimant, category, title: '修水管', claimedOn }, bearer);
    claims.push({ id, regionCode, claimedOn, completedOn: null, households: 0 });
    return id;
  };
  const complete = async (id: string, on: string, householdsVisited: number, bearer = EDITOR_HC) => {
    const data = await ok(url, COMPLETE, { id, input: { on, householdsVisited } }, bearer);
    Object.assign(claims.find((c) => c.id === id)!, { completedOn: on, households: householdsVisited });
    return data.r;
  };
  const within = (d: string | null, from?: string, to?: string) => d !== null && (!from || d >= from) && (!to || d <= to);
  const expected = (code: string, from?: string, to?: string) => {
    const mine = claims.filter((c) => c.regionCode.startsWith(code));
    const done = mine.filter((c) => within(c.completedOn, from, to));
    return {
      serviceClaims: mine.filter((c) => within(c.claimedOn, from, to)).length,
      serviceClaimsCompleted: done.length,
      serviceClaimHouseholdsVisited: done.reduce((t, c) => t + c.households, 0),
    };
  };

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI);
    zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    xx = await createCommunity(url, '城内街社区', XIXIANG_VILLAGE);
    const bureau = await create(url, 'Agency', { name: '韩城市税务局', regionCode: HANCHENG, kind: 'GOVERNMENT', partyOrganization: 'PARTY_COMMITTEE' });
    juhuiReg = await create(url, 'DualRegistration', { communityId: juhui, unitSector: 'AGENCY', unitId: bureau, members: 40, registeredOn: '2023-03-01' });
    await complete(await claim(juhui, JUHUI, { dualRegistrationId: juhuiReg }, 'REPAIR', '2024-02-01'), '2024-02-10', 3);
    await complete(await claim(juhui, JUHUI, { memberName: '张三' }, 'TUTORING', '2024-05-01'), '2024-07-02', 5);
    await complete(await claim(zy, ZHUANGYUAN, { memberName: '李四' }, 'HEALTH', '2023-12-20'), '2024-01-05', 2);
    await claim(zy, ZHUANGYUAN, { dualRegistrationId: null, memberName: '王五' }, 'LEGAL_AID', '2024-08-01');
    await complete(await claim(xx, XIXIANG_VILLAGE, { memberName: '赵六' }, 'HARDSHIP_SUPPORT', '2024-03-03', ADMIN), '2024-03-04', 1, ADMIN);
  });
  afterAll(() => sg?.stop());

  test('a unit claim resolves its registration and unit; the community lists its claims', async () => {
    const data = await ok(url, `query($id: ID!) { community(id: $id) { serviceClaims { category status memberName householdsVisited
      dualRegistration { members unit { ... on Agency { name } } } } } }`, { id: juhui }, VIEWER);
    expect(data.community.serviceClaims).toEqual(expect.arrayContaining([
      { category: 'REPAIR', status: 'COMPLETED', memberName: null, householdsVisited: 3, dualRegistration: { members: 40, unit: { name: '韩城市税务局' } } },
      { category: 'TUTORING', status: 'COMPLETED', memberName: '张*', householdsVisited: 5, dualRegistration: null },
    ]));
  });

  test("a member's name is masked for VIEWER, anonymous and an editor of another region, clear for its own editor", async () => {
    const q = `{ serviceClaims(category: TUTORING) { edges { node { memberName } } } }`;
    const name = async (bearer?: string) => (await gql(url, q, {}, bearer)).data?.serviceClaims?.edges[0]?.node.memberName;
    expect(await name(VIEWER)).toBe('张*');
    expect(await name(EDITOR_XX)).toBe('张*');
    expect(await name(EDITOR_HC)).toBe('张三');
    expect(await name(ADMIN)).toBe('张三');
    const anon = await gql(url, q, {});
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anon.data ?? null)).not.toContain('张');
  });

  test('CLAIMED → COMPLETED once; update and delete', async () => {
    const id = await create(url, 'ServiceClaim', { communityId: zy, memberName: '钱七', category: 'OTHER', title: '陪同就医', claimedOn: '2024-10-01' });
    const upd = await ok(url, updateMutation('ServiceClaim', 'title householdsVisited status'), { id, input: { title: '陪同老人就医', householdsVisited: 1 } }, EDITOR_HC);
    expect(upd.r).toEqual({ title: '陪同老人就医', householdsVisited: 1, status: 'CLAIMED' });
    expect(await ok(url, COMPLETE, { id, input: { on: '2024-10-03' } }, EDITOR_HC)).toEqual({ r: { status: 'COMPLETED', claimedOn: '2024-10-01', completedOn: '2024-10-03', householdsVisited: 1 } });
    const again = await gql(url, COMPLETE, { id, input: { on: '2024-10-04' } }, EDITOR_HC);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await ok(url, `query($id: ID!) { serviceClaim(id: $id) { completedOn } }`, { id })).serviceClaim.completedOn).toBe('2024-10-03');
    expect((await ok(url, deleteMutation('ServiceClaim'), { id }, EDITOR_HC)).r).toBe(id);
  });

  test('completion before the claim or by an editor of another region changes nothing', async () => {
    const id = await create(url, 'ServiceClaim', { communityId: zy, memberName: '孙八', category: 'REPAIR', title: '换灯泡', claimedOn: '2024-10-01' });
    const early = await gql(url, COMPLETE, { id, input: { on: '2024-09-01' } }, EDITOR_HC);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    const foreign = await gql(url, COMPLETE, { id, input: { on: '2024-10-02' } }, EDITOR_XX);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(url, `query($id: ID!) { serviceClaim(id: $id) { status completedOn } }`, { id })).serviceClaim).toEqual({ status: 'CLAIMED', completedOn: null });
    await ok(url, deleteMutation('ServiceClaim'), { id }, EDITOR_HC);
  });

  const base = () => ({ communityId: juhui, category: 'REPAIR', title: '修水管', claimedOn: '2024-01-01', memberName: '张三' });
  test.each([
    ['no claimant', () => ({ ...base(), memberName: null }), 'input.memberName'],
    ['both a unit and a member', () => ({ ...base(), dualRegistrationId: juhuiReg }), 'input.memberName'],
    ['a registration with another community', () => ({ ...base(), communityId: zy, memberName: null, dualRegistrationId: juhuiReg }), 'input.dualRegistrationId'],
    ['an empty title', () => ({ ...base(), title: ' ' }), 'input.title'],
    ['a future claim date', () => ({ ...base(), claimedOn: '2999-01-01' }), 'input.claimedOn'],
    ['negative households', () => ({ ...base(), householdsVisited: -2 }), 'input.householdsVisited'],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_what, input, field) => {
    await expectRejected(url, createMutation('ServiceClaim'), { input: input() }, EDITOR_HC, 'serviceClaims', 'BAD_USER_INPUT', field);
  });

  test('an unknown registration is NOT_FOUND; writers outside the sector or region are FORBIDDEN', async () => {
    await expectRejected(url, createMutation('ServiceClaim'), { input: { ...base(), memberName: null, dualRegistrationId: '00000000-0000-4000-8000-000000000000' } }, EDITOR_HC, 'serviceClaims', 'NOT_FOUND', 'input.dualRegistrationId');
    await expectRejected(url, createMutation('ServiceClaim'), { input: base() }, EDITOR_XX, 'serviceClaims', 'FORBIDDEN');
    await expectRejected(url, createMutation('ServiceClaim'), { input: base() }, HOSPITALS_EDITOR, 'serviceClaims', 'FORBIDDEN');
  });

  test.each([['61'], [HANCHENG], [JUHUI], [ZHUANGYUAN], ['610724']])('stats of %s: claims made and completed in the period, households visited', async (code) => {
    expect(await stats(url, code, FIELDS)).toEqual(expected(code));
    expect(await stats(url, code, FIELDS, { from: '2024-01-01', to: '2024-06-30' })).toEqual(expected(code, '2024-01-01', '2024-06-30'));
    expect(await stats(url, code, FIELDS, { from: '2024-07-01' })).toEqual(expected(code, '2024-07-01'));
  });
});
