import { randomUUID } from 'node:crypto';
import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HANCHENG,
  JUHUI, stats, updateMutation, VIEWER, ZHUANGYUAN,
} from './fixtures';

const ADVANCE_DEMAND = `mutation($id: ID!, $input: AdvanceDemandInput!) { r: advanceDemand(id: $id, input: $input) { status collectedOn deliberatingOn inProgressOn resolvedOn feedbackOn satisfaction } }`;
const ADVANCE_DISPUTE = `mutation($id: ID!, $input: AdvanceDisputeInput!) { r: advanceDispute(id: $id, input: $input) { status mediatingOn closedOn settledLevel } }`;

interface DemandRec { collectedOn: string; resolvedOn: string | null; feedbackOn: string | null; satisfaction: number | null; regionCode: string }
interface DisputeRec { category: string; status: string; mediatingOn: string | null; closedOn: string | null; settledLevel: string | null; regionCode: string }

describe('the three lists, deliberation meetings and dispute mediation', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let zy: string;
  const demand = (communityId: string, collectedOn: string) => create(url, 'Demand', { communityId, title: '加装电梯', channel: 'DOOR_TO_DOOR', collectedOn });
  const advance = (id: string, status: string, on: string, extra: Record<string, unknown> = {}) => ok(url, ADVANCE_DEMAND, { id, input: { status, on, ...extra } }, EDITOR_HC);
  const dispute = (communityId: string, category: string, reportedOn: string) => create(url, 'Dispute', { communityId, category, reportedOn });
  const step = (id: string, status: string, on: string, settledLevel?: string) => ok(url, ADVANCE_DISPUTE, { id, input: { status, on, settledLevel } }, EDITOR_HC);

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI);
    zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    // Demands at different stages, in and out of 2024.
    const full = async (c: string, dates: string[], satisfaction: number) => {
      const id = await demand(c, dates[0]);
      for (const [i, s] of ['DELIBERATING', 'IN_PROGRESS', 'RESOLVED', 'FEEDBACK'].entries()) {
        if (dates[i + 1]) await advance(id, s, dates[i + 1], s === 'FEEDBACK' ? { satisfaction } : {});
      }
    };
    await full(juhui, ['2024-01-05', '2024-01-10', '2024-01-20', '2024-02-04', '2024-02-10'], 5);
    await full(juhui, ['2024-03-01', '2024-03-02', '2024-03-05', '2024-03-11', '2024-03-15'], 3);
    await full(zy, ['2023-12-20', '2023-12-28', '2024-01-02', '2024-01-09'], 0);
    await full(zy, ['2024-06-01', '2024-06-03'], 0);
    await demand(juhui, '2024-07-01');
    await demand(juhui, '2023-05-01');
    // Disputes.
    const d = async (c: string, category: string, dates: string[], end?: string, level?: string) => {
      const id = await dispute(c, category, dates[0]);
      if (dates[1]) await step(id, 'MEDIATING', dates[1]);
      if (end) await step(id, end, dates[2], level);
    };
    await d(juhui, 'NEIGHBOR', ['2024-02-01', '2024-02-02', '2024-02-05'], 'RESOLVED', 'GRID');
    await d(juhui, 'NEIGHBOR', ['2024-03-01', '2024-03-01', '2024-03-20'], 'RESOLVED', 'COMMUNITY');
    await d(juhui, 'PROPERTY', ['2024-04-01', '2024-04-03']);
    await d(zy, 'MARRIAGE_FAMILY', ['2023-12-01', '2023-12-05', '2024-01-03'], 'RESOLVED', 'GRID');
    await d(zy, 'OTHER', ['2024-05-01', '2024-05-02', '2024-05-30'], 'ESCALATED');
    await d(zy, 'PROPERTY', ['2024-08-01']);
    // Meetings.
    for (const heldOn of ['2023-11-11', '2024-02-02', '2024-09-09']) await create(url, 'Meeting', { communityId: juhui, format: 'BENCH', heldOn, attendees: 12, topics: '停车' });
    await create(url, 'Meeting', { communityId: zy, format: 'RED_HALL', heldOn: '2024-04-04', attendees: 30, topics: '电梯' });
  });
  afterAll(() => sg?.stop());

  test('a demand walks 收集—协商—落实—反馈 with a date at each step', async () => {
    const id = await demand(juhui, '2024-10-01');
    expect((await advance(id, 'DELIBERATING', '2024-10-02')).r).toMatchObject({ status: 'DELIBERATING', deliberatingOn: '2024-10-02' });
    expect((await advance(id, 'IN_PROGRESS', '2024-10-03')).r).toMatchObject({ status: 'IN_PROGRESS', inProgressOn: '2024-10-03' });
    expect((await advance(id, 'RESOLVED', '2024-10-04')).r).toMatchObject({ status: 'RESOLVED', resolvedOn: '2024-10-04' });
    expect((await advance(id, 'FEEDBACK', '2024-10-05', { satisfaction: 4 })).r).toEqual({
      status: 'FEEDBACK', collectedOn: '2024-10-01', deliberatingOn: '2024-10-02', inProgressOn: '2024-10-03', resolvedOn: '2024-10-04', feedbackOn: '2024-10-05', satisfaction: 4,
    });
    await ok(url, deleteMutation('Demand'), { id }, EDITOR_HC);
  });

  test.each([
    ['COLLECTED → FEEDBACK', 'FEEDBACK', {}, 'input.status'],
    ['COLLECTED → RESOLVED', 'RESOLVED', {}, 'input.status'],
    ['COLLECTED → COLLECTED', 'COLLECTED', {}, 'input.status'],
    ['a step dated before collection', 'DELIBERATING', { on: '2024-09-01' }, 'input.on'],
    ['a step in the future', 'DELIBERATING', { on: '2999-01-01' }, 'input.on'],
    ['satisfaction before feedback', 'DELIBERATING', { satisfaction: 5 }, 'input.satisfaction'],
  ])('an invalid move (%s) is BAD_USER_INPUT and changes nothing', async (_what, status, extra, field) => {
    const id = await demand(juhui, '2024-10-01');
    const res = await gql(url, ADVANCE_DEMAND, { id, input: { status, on: '2024-10-02', ...extra } }, EDITOR_HC);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const after = await ok(url, 'query($id: ID!) { demand(id: $id) { status deliberatingOn } }', { id });
    expect(after.demand).toEqual({ status: 'COLLECTED', deliberatingOn: null });
    await ok(url, deleteMutation('Demand'), { id }, EDITOR_HC);
  });

  test('satisfaction is 1..5, and a dispute needs its settlement level to resolve', async () => {
    const id = await demand(juhui, '2024-10-01');
    for (const s of ['DELIBERATING', 'IN_PROGRESS', 'RESOLVED']) await advance(id, s, '2024-10-02');
    const res = await gql(url, ADVANCE_DEMAND, { id, input: { status: 'FEEDBACK', on: '2024-10-03', satisfaction: 9 } }, EDITOR_HC);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.satisfaction' });
    await ok(url, deleteMutation('Demand'), { id }, EDITOR_HC);
    const dis = await dispute(juhui, 'OTHER', '2024-10-01');
    expect((await gql(url, ADVANCE_DISPUTE, { id: dis, input: { status: 'RESOLVED', on: '2024-10-02', settledLevel: 'GRID' } }, EDITOR_HC)).errors?.[0]?.extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    await step(dis, 'MEDIATING', '2024-10-02');
    expect((await gql(url, ADVANCE_DISPUTE, { id: dis, input: { status: 'RESOLVED', on: '2024-10-03' } }, EDITOR_HC)).errors?.[0]?.extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.settledLevel' });
    expect((await step(dis, 'RESOLVED', '2024-10-03', 'STREET')).r).toEqual({ status: 'RESOLVED', mediatingOn: '2024-10-02', closedOn: '2024-10-03', settledLevel: 'STREET' });
    expect((await gql(url, ADVANCE_DISPUTE, { id: dis, input: { status: 'ESCALATED' } }, EDITOR_HC)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ok(url, deleteMutation('Dispute'), { id: dis }, EDITOR_HC);
  });

  test('a meeting links demands of its own community; the community lists open demands and meetings', async () => {
    const d1 = await demand(juhui, '2024-11-01');
    const m = await create(url, 'Meeting', { communityId: juhui, format: 'GRID_DAY', heldOn: '2024-11-02', attendees: 8, topics: '电梯', demandIds: [d1] });
    const data = await ok(url, 'query($id: ID!) { meeting(id: $id) { format demands { title status } } }', { id: m }, VIEWER);
    expect(data.meeting).toEqual({ format: 'GRID_DAY', demands: [{ title: '加装电梯', status: 'COLLECTED' }] });
    const c = await ok(url, 'query($id: ID!) { community(id: $id) { demands(status: COLLECTED) { status } meetings { id } disputes { id } } }', { id: juhui });
    expect(c.community.demands.every((d: { status: string }) => d.status === 'COLLECTED')).toBe(true);
    expect(c.community.meetings.map((x: { id: string }) => x.id)).toContain(m);
    const other = await demand(zy, '2024-11-01');
    await expectRejected(url, createMutation('Meeting'), { input: { communityId: juhui, format: 'BENCH', heldOn: '2024-11-02', attendees: 1, topics: 'x', demandIds: [other] } }, EDITOR_HC, 'meetings', 'BAD_USER_INPUT', 'input.demandIds.0');
    await expectRejected(url, createMutation('Meeting'), { input: { communityId: juhui, format: 'BENCH', heldOn: '2024-11-02', attendees: 1, topics: 'x', demandIds: [randomUUID()] } }, EDITOR_HC, 'meetings', 'NOT_FOUND', 'input.demandIds.0');
    expect((await ok(url, updateMutation('Meeting', 'attendees'), { id: m, input: { attendees: 9 } }, EDITOR_HC)).r).toEqual({ attendees: 9 });
    expect((await ok(url, updateMutation('Demand', 'title status'), { id: d1, input: { title: '加装电梯二期' } }, EDITOR_HC)).r).toEqual({ title: '加装电梯二期', status: 'COLLECTED' });
    for (const [t, id] of [['Meeting', m], ['Demand', d1], ['Demand', other]]) await ok(url, deleteMutation(t), { id }, EDITOR_HC);
  });

  test('invalid or unauthorised writes are rejected and write nothing', async () => {
    await expectRejected(url, createMutation('Demand'), { input: { communityId: juhui, title: ' ', channel: 'HOTLINE', collectedOn: '2024-01-01' } }, EDITOR_HC, 'demands', 'BAD_USER_INPUT', 'input.title');
    await expectRejected(url, createMutation('Dispute'), { input: { communityId: juhui, category: 'OTHER', reportedOn: '2999-01-01' } }, EDITOR_HC, 'disputes', 'BAD_USER_INPUT', 'input.reportedOn');
    await expectRejected(url, createMutation('Meeting'), { input: { communityId: juhui, format: 'BENCH', heldOn: '2024-01-01', attendees: -3, topics: 'x' } }, EDITOR_HC, 'meetings', 'BAD_USER_INPUT', 'input.attendees');
    for (const [bearer, code] of [[EDITOR_XX, 'FORBIDDEN'], [VIEWER, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
      await expectRejected(url, createMutation('Demand'), { input: { communityId: juhui, title: 'x', channel: 'HOTLINE', collectedOn: '2024-01-01' } }, bearer, 'demands', code);
      await expectRejected(url, createMutation('Dispute'), { input: { communityId: juhui, category: 'OTHER', reportedOn: '2024-01-01' } }, bearer, 'disputes', code);
      const id = (await ok(url, '{ demands(first: 1) { edges { node { id } } } }')).demands.edges[0].node.id;
      expect((await gql(url, ADVANCE_DEMAND, { id, input: { status: 'DELIBERATING' } }, bearer)).errors?.[0]?.extensions?.code).toBe(code);
    }
  });

  test('stats of demands, meetings and disputes match what the test created', async () => {
    const all = await ok(url, `{ demands(first: 100) { edges { node { collectedOn resolvedOn feedbackOn satisfaction regionCode } } }
      disputes(first: 100) { edges { node { category status mediatingOn closedOn settledLevel regionCode } } }
      meetings(first: 100) { edges { node { heldOn regionCode } } } }`, {}, ADMIN);
    const demands: DemandRec[] = all.demands.edges.map((e: { node: DemandRec }) => e.node);
    const disputes: DisputeRec[] = all.disputes.edges.map((e: { node: DisputeRec }) => e.node);
    const meetings: { heldOn: string; regionCode: string }[] = all.meetings.edges.map((e: { node: unknown }) => e.node);
    const expected = (region: string, from?: string, to?: string) => {
      const inP = (d: string | null) => !!d && (!from || d >= from) && (!to || d <= to);
      const byEnd = (d: string | null) => !!d && (!to || d <= to);
      const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
      const ds = demands.filter((d) => d.regionCode.startsWith(region));
      const collected = ds.filter((d) => inP(d.collectedOn));
      const resolved = ds.filter((d) => inP(d.resolvedOn));
      const spans = resolved.map((d) => days(d.collectedOn, d.resolvedOn!)).sort((a, b) => a - b);
      const median = spans.length ? (spans.length % 2 ? spans[(spans.length - 1) / 2] : (spans[spans.length / 2 - 1] + spans[spans.length / 2]) / 2) : null;
      const sats = ds.filter((d) => inP(d.feedbackOn) && d.satisfaction != null).map((d) => d.satisfaction!);
      const dis = disputes.filter((d) => d.regionCode.startsWith(region));
      const mediated = dis.filter((d) => inP(d.mediatingOn));
      const disResolved = dis.filter((d) => d.status === 'RESOLVED' && inP(d.closedOn));
      const r = (n: number, d: number) => (d ? n / d : null);
      return {
        demandsCollected: collected.length,
        demandsResolved: resolved.length,
        demandResolutionRate: r(collected.filter((d) => byEnd(d.resolvedOn)).length, collected.length),
        demandMedianDaysToResolve: median,
        demandAverageSatisfaction: sats.length ? sats.reduce((a, b) => a + b, 0) / sats.length : null,
        meetingsHeld: meetings.filter((m) => m.regionCode.startsWith(region) && inP(m.heldOn)).length,
        disputesMediated: mediated.length,
        disputesResolved: disResolved.length,
        disputesByCategory: ['NEIGHBOR', 'PROPERTY', 'MARRIAGE_FAMILY', 'OTHER'].map((category) => ({ category, count: mediated.filter((d) => d.category === category).length })),
        disputeResolutionRate: r(mediated.filter((d) => d.status === 'RESOLVED' && byEnd(d.closedOn)).length, mediated.length),
        disputesSettledInGridRate: r(disResolved.filter((d) => d.settledLevel === 'GRID').length, disResolved.length),
      };
    };
    const FIELDS = `demandsCollected demandsResolved demandResolutionRate demandMedianDaysToResolve demandAverageSatisfaction meetingsHeld
      disputesMediated disputesResolved disputesByCategory { category count } disputeResolutionRate disputesSettledInGridRate`;
    const cases: [string, string?, string?][] = [[HANCHENG], [HANCHENG, '2024-01-01', '2024-12-31'], [JUHUI, '2024-01-01', '2024-03-31'], ['610581001', '2024-01-01', '2024-06-30'], ['6107']];
    for (const [region, from, to] of cases) {
      const got = await stats(url, region, FIELDS, from || to ? { from, to } : undefined);
      const want = expected(region, from, to);
      for (const [k, v] of Object.entries(want)) {
        if (typeof v === 'number' && !Number.isInteger(v)) expect(got[k]).toBeCloseTo(v, 9);
        else expect({ region, from, [k]: got[k] }).toEqual({ region, from, [k]: v });
      }
    }
    // The dataset really exercises the figures.
    const year = await stats(url, HANCHENG, 'demandsResolved disputesMediated meetingsHeld demandAverageSatisfaction', { from: '2024-01-01', to: '2024-12-31' });
    expect(year).toEqual({ demandsResolved: 3, disputesMediated: 4, meetingsHeld: 3, demandAverageSatisfaction: 4 });
  });
});
