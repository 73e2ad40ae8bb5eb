import type { SubgraphProcess } from '@pb/gateway';
import { ok, startTestSubgraph } from '../../../test/support/harness';
import { create, createCommunity, HANCHENG, JUHUI, VIEWER, ZHUANGYUAN } from './fixtures';

describe('Region.communityTrend', () => {
  let sg: SubgraphProcess;
  let url: string;
  const meetings: string[] = ['2024-01-05', '2024-01-20', '2024-03-31', '2024-05-01', '2023-12-31'];
  const claims: string[] = ['2024-02-10', '2024-02-11', '2024-06-30'];
  const trend = async (metric: string, granularity: string, from: string, to: string, code = HANCHENG) =>
    (await ok(url, `query($p: PeriodInput) { region(code: "${code}") { communityTrend(metric: ${metric}, granularity: ${granularity}, period: $p) { label from to value } } }`, { p: { from, to } }, VIEWER)).region.communityTrend;
  /** Expected buckets, from the dates the test created. */
  const months = (dates: string[], year: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const m = `${year}-${String(i + 1).padStart(2, '0')}`;
      return { label: m, value: dates.filter((d) => d.startsWith(m)).length };
    });

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    const juhui = await createCommunity(url, '涺惠社区', JUHUI);
    const zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    for (const [i, heldOn] of meetings.entries()) await create(url, 'Meeting', { communityId: i % 2 ? juhui : zy, format: 'GRID_DAY', heldOn, attendees: 8, topics: '环境' });
    for (const claimedOn of claims) await create(url, 'ServiceClaim', { communityId: juhui, memberName: '张三', category: 'REPAIR', title: '修水管', claimedOn });
  });
  afterAll(() => sg?.stop());

  test('monthly meetings over the first half of 2024, zeros included', async () => {
    const points = await trend('MEETINGS_HELD', 'MONTH', '2024-01-01', '2024-06-30');
    expect(points.map((p: { label: string; value: number }) => ({ label: p.label, value: p.value }))).toEqual(months(meetings, '2024', 6));
    expect(points[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });

  test('quarterly service claims; a community region sees only its own', async () => {
    const q = await trend('SERVICE_CLAIMS', 'QUARTER', '2024-01-01', '2024-12-31');
    expect(q.map((p: { value: number }) => p.value)).toEqual([2, 1, 0, 0]);
    expect(q[0].label).toBe('2024-Q1');
    const zy = await trend('SERVICE_CLAIMS', 'YEAR', '2024-01-01', '2024-12-31', ZHUANGYUAN);
    expect(zy).toEqual([{ label: '2024', from: '2024-01-01', to: '2024-12-31', value: 0 }]);
  });
});
