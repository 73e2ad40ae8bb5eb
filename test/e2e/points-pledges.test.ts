/**
 * 党员积分 (points entries, 积分超市) and 承诺践诺 (pledges): kit concepts the communities sector
 * records. CRUD and list filters through the gateway, masking of members' names, validation that
 * writes nothing, and the statistics from the pre-aggregates.
 */
import type { Stack } from '@pb/gateway';
import { maskName } from '@pb/kit';
import { gql, ok, startTestStack, token } from '../support/harness';

const ADMIN = token({ role: 'ADMIN' });
const VIEWER = token({ role: 'VIEWER' });
const EDITOR = token({ role: 'EDITOR', sectors: ['communities'], regions: ['6105'] });
const HOSPITAL_EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] });
const HANCHENG = '610581';

const createPoints = (url: string, input: Record<string, unknown>, bearer = ADMIN) =>
  gql(url, 'mutation($i: CreatePartyMemberPointsEntryInput!) { r: createCommunityPartyMemberPointsEntry(input: $i) { id memberName } }', { i: input }, bearer);
const createPledge = (url: string, input: Record<string, unknown>, bearer = ADMIN) =>
  gql(url, 'mutation($i: CreatePledgeInput!) { r: createCommunityPledge(input: $i) { id status } }', { i: input }, bearer);

const STATS = `{ region(code: "${HANCHENG}") { communityStats(period: { from: "2024-01-01", to: "2024-12-31" }) {
  pointsEarned pointsRedeemed pledgesMade pledgesFulfilled pledgeFulfilmentRate } } }`;

describe('党员积分 and 承诺践诺 in the communities sector', () => {
  let stack: Stack;
  let url: string;
  const pledgeIds: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack();
    url = stack.gatewayUrl;
    const entries = [
      { memberName: '王建国', organization: '状元街社区党委', recordedOn: '2024-03-01', kind: 'EARNED', points: 30, reason: '环境卫生整治' },
      { memberName: '李秀英', organization: '状元街社区党委', recordedOn: '2024-04-01', kind: 'EARNED', points: 20, reason: '关爱孤寡老人' },
      { memberName: '王建国', organization: '状元街社区党委', recordedOn: '2024-05-01', kind: 'REDEEMED', points: 15, reason: '兑换大米一袋' },
      { memberName: '王建国', organization: '状元街社区党委', recordedOn: '2023-05-01', kind: 'EARNED', points: 99, reason: '去年' },
    ];
    for (const e of entries) expect((await createPoints(url, { regionCode: HANCHENG, ...e }, EDITOR)).errors).toBeUndefined();
    const pledges = {
      fulfilled: { organization: '市财政局机关党支部', pledgedOn: '2024-02-01', content: '改建社区活动室', dueOn: '2024-06-30', fulfilledOn: '2024-05-20' },
      overdue: { memberName: '张伟', organization: '市财政局机关党支部', pledgedOn: '2024-02-01', content: '认领微心愿', dueOn: '2024-03-31' },
      open: { organization: '书院社区党委', pledgedOn: '2024-06-01', content: '每月一次便民服务', dueOn: '2999-12-31' },
      earlier: { organization: '书院社区党委', pledgedOn: '2023-06-01', content: '去年的承诺', fulfilledOn: '2024-01-10' },
    };
    for (const [k, p] of Object.entries(pledges)) {
      const res = await createPledge(url, { regionCode: HANCHENG, ...p }, EDITOR);
      expect(res.errors).toBeUndefined();
      pledgeIds[k] = res.data!.r.id;
    }
  }, 300_000);
  afterAll(() => stack?.stop());

  test('lists with the standard filters and their own: kind, status', async () => {
    const redeemed = await ok(url, `{ communityPartyMemberPointsEntries(regionCode: "${HANCHENG}", kind: REDEEMED) { totalCount edges { node { points reason } } } }`, undefined, ADMIN);
    expect(redeemed.communityPartyMemberPointsEntries.totalCount).toBe(1);
    for (const [status, key] of [['FULFILLED', ['fulfilled', 'earlier']], ['OVERDUE', ['overdue']], ['OPEN', ['open']]] as const) {
      const data = await ok(url, `{ communityPledges(regionCode: "${HANCHENG}", status: ${status}) { edges { node { id status } } } }`, undefined, VIEWER);
      const ids = data.communityPledges.edges.map((e: { node: { id: string } }) => e.node.id).sort();
      expect(ids).toEqual(key.map((k) => pledgeIds[k]).sort());
      expect(data.communityPledges.edges.every((e: { node: { status: string } }) => e.node.status === status)).toBe(true);
    }
  });

  test("members' names are masked for everyone but ADMIN and the record's editors", async () => {
    const q = `{ communityPledge(id: "${pledgeIds.overdue}") { memberName organization } }`;
    expect((await ok(url, q, undefined, EDITOR)).communityPledge.memberName).toBe('张伟');
    for (const bearer of [VIEWER, HOSPITAL_EDITOR]) {
      const seen = (await ok(url, q, undefined, bearer)).communityPledge;
      expect(seen).toEqual({ memberName: maskName('张伟'), organization: '市财政局机关党支部' });
    }
    const list = await ok(url, `{ communityPartyMemberPointsEntries(regionCode: "${HANCHENG}", kind: EARNED) { edges { node { memberName } } } }`, undefined, VIEWER);
    expect(list.communityPartyMemberPointsEntries.edges.map((e: { node: { memberName: string } }) => e.node.memberName)).not.toContain('王建国');
    expect((await gql(url, `{ communityPledges { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('bad input is refused with the field at fault, and nothing is written', async () => {
    const before = (await ok(url, '{ communityPledges { totalCount } communityPartyMemberPointsEntries { totalCount } }', undefined, ADMIN));
    const cases: [Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>, string][] = [
      [createPoints(url, { regionCode: HANCHENG, memberName: '王建国', recordedOn: '2024-03-01', kind: 'EARNED', points: 0, reason: 'x' }), 'input.points'],
      [createPoints(url, { regionCode: HANCHENG, recordedOn: '2024-03-01', kind: 'EARNED', points: 5, reason: 'x' }), 'input.memberName'],
      [createPoints(url, { regionCode: HANCHENG, memberName: '王建国', recordedOn: '2999-03-01', kind: 'EARNED', points: 5, reason: 'x' }), 'input.recordedOn'],
      [createPledge(url, { regionCode: HANCHENG, organization: '党支部', pledgedOn: '2024-03-01', content: 'x', fulfilledOn: '2024-02-01' }), 'input.fulfilledOn'],
      [createPledge(url, { regionCode: HANCHENG, organization: '党支部', pledgedOn: '2024-03-01', content: 'x', dueOn: '2024-02-01' }), 'input.dueOn'],
      [createPledge(url, { regionCode: HANCHENG, pledgedOn: '2024-03-01', content: 'x' }), 'input.organization'],
    ];
    for (const [res, field] of cases) {
      const e = (await res).errors?.[0]?.extensions;
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await ok(url, '{ communityPledges { totalCount } communityPartyMemberPointsEntries { totalCount } }', undefined, ADMIN)).toEqual(before);
    const refused = await createPledge(url, { regionCode: HANCHENG, organization: '党支部', pledgedOn: '2024-03-01', content: 'x' }, HOSPITAL_EDITOR);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('statistics from the pre-aggregates: points earned and redeemed, pledges made and fulfilled, fulfilment rate', async () => {
    expect((await ok(url, STATS)).region.communityStats).toEqual({
      pointsEarned: 50,
      pointsRedeemed: 15,
      pledgesMade: 3,
      pledgesFulfilled: 2,
      pledgeFulfilmentRate: 2 / 4,
    });
    // 践诺: the overdue pledge is kept; a delete takes a pledge out of the figures.
    await ok(url, `mutation { updateCommunityPledge(id: "${pledgeIds.overdue}", input: { fulfilledOn: "2024-07-01" }) { status } }`, undefined, EDITOR);
    await ok(url, `mutation { deleteCommunityPledge(id: "${pledgeIds.open}") }`, undefined, EDITOR);
    expect((await ok(url, STATS)).region.communityStats).toMatchObject({ pledgesMade: 2, pledgesFulfilled: 3, pledgeFulfilmentRate: 1 });
  });
});
