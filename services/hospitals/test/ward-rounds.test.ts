import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph } from '../../../test/support/harness';
import { createHospital, EDITOR, expectRejected, JINCHENG, mutate, rateOf, REJECTED_CALLERS, total, ZHIYANG } from './helpers';

const BRANCH = `mutation($input: CreateHospitalPartyBranchInput!) { createHospitalPartyBranch(input: $input) { id } }`;
const CREATE = `mutation($input: CreateWardRoundInput!) { createWardRound(input: $input) { id regionCode quarter completedSteps steps { step completed } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWardRoundInput!) { updateWardRound(id: $id, input: $input) { id heldOn } }`;
const ITEM = `mutation($input: CreateRectificationItemInput!) { createRectificationItem(input: $input) { id status doneOn } }`;
const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateRectificationItemInput!) { updateRectificationItem(id: $id, input: $input) { id status doneOn } }`;
const STATS = `query($code: ID!, $period: PeriodInput) { region(code: $code) { hospitalStats(period: $period) {
  wardRounds wardRoundQuarter wardRoundBranchesVisited wardRoundCoverage openRectificationItems overdueRectificationItems departmentBranches } } }`;

const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const quarterStart = (d: string) => `${d.slice(0, 4)}-${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const quarterLabel = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;

describe('party-building ward rounds (党建查房) and rectification items', () => {
  let sg: SubgraphProcess;
  let url: string;
  let hospitalId: string;
  let branchId: string;
  const rounds = () => total(url, 'wardRounds');
  const items = () => total(url, 'rectificationItems');
  const round = (extra: Record<string, unknown> = {}) => ({ branchId, heldOn: '2024-04-10', leaderName: '王书记', completedSteps: ['LISTEN', 'VISIT'], ...extra });

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    url = sg.url;
    hospitalId = await createHospital(url, ZHIYANG);
    branchId = (await mutate(url, BRANCH, { input: { hospitalId, department: '内科', secretaryName: '李四', secretaryRole: 'DEPARTMENT_HEAD', members: 8 } })).id;
  });
  afterAll(() => sg?.stop());

  test('a ward round records its quarter and which of the five steps were completed', async () => {
    const created = await mutate(url, CREATE, { input: round({ completedSteps: ['RECTIFY', 'LISTEN', 'LISTEN', 'INSPECT'], findings: '台账不全' }) });
    expect(created).toMatchObject({ regionCode: ZHIYANG, quarter: '2024-Q2', completedSteps: ['LISTEN', 'INSPECT', 'RECTIFY'] });
    expect(created.steps).toEqual([
      { step: 'LISTEN', completed: true },
      { step: 'VISIT', completed: false },
      { step: 'INSPECT', completed: true },
      { step: 'EVALUATE', completed: false },
      { step: 'RECTIFY', completed: true },
    ]);
  });

  test('a hospital reads a quarter of ward rounds with their steps and open rectifications', async () => {
    const { id } = await mutate(url, CREATE, { input: round({ heldOn: '2023-11-02', completedSteps: ['EVALUATE'] }) });
    const open = await mutate(url, ITEM, { input: { wardRoundId: id, description: '完善三会一课记录', dueOn: '2023-12-31' } });
    const done = await mutate(url, ITEM, { input: { wardRoundId: id, description: '更新党员信息', dueOn: '2023-11-30' } });
    await mutate(url, UPDATE_ITEM, { id: done.id, input: { status: 'DONE', doneOn: '2023-11-20' } });
    const data = await ok(
      url,
      `query($id: ID!) { hospital(id: $id) { branches { department } wardRounds(quarter: "2023-Q4") { id quarter branch { department }
        steps { step completed } rectifications(status: OPEN) { id status } all: rectifications { id } } } }`,
      { id: hospitalId },
    );
    expect(data.hospital.branches).toEqual([{ department: '内科' }]);
    expect(data.hospital.wardRounds).toHaveLength(1);
    expect(data.hospital.wardRounds[0]).toMatchObject({ id, quarter: '2023-Q4', branch: { department: '内科' }, rectifications: [{ id: open.id, status: 'OPEN' }] });
    expect(data.hospital.wardRounds[0].all).toHaveLength(2);
    expect(data.hospital.wardRounds[0].steps.filter((s: { completed: boolean }) => s.completed)).toEqual([{ step: 'EVALUATE', completed: true }]);
  });

  test('a rectification item goes OPEN → DONE (today by default) and DONE is final', async () => {
    const { id: roundId } = await mutate(url, CREATE, { input: round() });
    const item = await mutate(url, ITEM, { input: { wardRoundId: roundId, description: '整改A', dueOn: '2024-05-01' } });
    expect(item).toMatchObject({ status: 'OPEN', doneOn: null });
    expect(await mutate(url, UPDATE_ITEM, { id: item.id, input: { status: 'DONE' } })).toEqual({ id: item.id, status: 'DONE', doneOn: todayInShanghai() });
    const back = await gql(url, UPDATE_ITEM, { id: item.id, input: { status: 'OPEN' } }, EDITOR);
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    expect((await ok(url, `query($id: ID!) { rectificationItem(id: $id) { status } }`, { id: item.id })).rectificationItem.status).toBe('DONE');
    const other = await mutate(url, ITEM, { input: { wardRoundId: roundId, description: '整改B', dueOn: '2024-05-01' } });
    const early = await gql(url, UPDATE_ITEM, { id: other.id, input: { status: 'DONE', doneOn: '2024-04-01' } }, EDITOR);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.doneOn' });
    expect((await ok(url, `query($id: ID!) { rectificationItem(id: $id) { status } }`, { id: other.id })).rectificationItem.status).toBe('OPEN');
  });

  test('invalid ward rounds and rectifications are rejected and write nothing', async () => {
    await expectRejected(url, CREATE, { input: round({ heldOn: '2999-01-01' }) }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.heldOn' }, rounds);
    await expectRejected(url, CREATE, { input: round({ leaderName: '' }) }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.leaderName' }, rounds);
    await expectRejected(url, CREATE, { input: round({ branchId: '00000000-0000-4000-8000-000000000000' }) }, EDITOR, { code: 'NOT_FOUND', field: 'input.branchId' }, rounds);
    const { id: roundId } = await mutate(url, CREATE, { input: round({ heldOn: '2024-04-10' }) });
    const dueBefore = { wardRoundId: roundId, description: '整改', dueOn: '2024-04-09' };
    await expectRejected(url, ITEM, { input: dueBefore }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.dueOn' }, items);
    await mutate(url, ITEM, { input: { ...dueBefore, dueOn: '2024-04-20' } });
    const moved = await gql(url, UPDATE, { id: roundId, input: { heldOn: '2024-04-25' } }, EDITOR);
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
    expect((await ok(url, `query($id: ID!) { wardRound(id: $id) { heldOn } }`, { id: roundId })).wardRound.heldOn).toBe('2024-04-10');
    expect(await mutate(url, UPDATE, { id: roundId, input: { heldOn: '2024-04-15' } })).toEqual({ id: roundId, heldOn: '2024-04-15' });
  });

  test.each(REJECTED_CALLERS)('%s cannot write ward rounds or rectification items', async (_who, bearer, code) => {
    const { id: roundId } = await mutate(url, CREATE, { input: round() });
    const item = await mutate(url, ITEM, { input: { wardRoundId: roundId, description: '整改', dueOn: '2024-06-01' } });
    await expectRejected(url, CREATE, { input: round() }, bearer, { code }, rounds);
    await expectRejected(url, ITEM, { input: { wardRoundId: roundId, description: 'x', dueOn: '2024-06-01' } }, bearer, { code }, items);
    expect((await gql(url, UPDATE_ITEM, { id: item.id, input: { status: 'DONE' } }, bearer)).errors?.[0].extensions?.code).toBe(code);
    await expectRejected(url, `mutation($id: ID!) { deleteWardRound(id: $id) }`, { id: roundId }, bearer, { code }, rounds);
    expect((await ok(url, `query($id: ID!) { rectificationItem(id: $id) { status } }`, { id: item.id })).rectificationItem.status).toBe('OPEN');
  });

  test('ward-round figures (count, quarterly coverage, open and overdue rectifications) match the records', async () => {
    const hospital = await createHospital(url, JINCHENG);
    const branchDates = ['2020-01-01', '2021-06-01', null, '2024-05-20'];
    const branches: { id: string; establishedOn: string | null }[] = [];
    for (const [i, establishedOn] of branchDates.entries()) {
      const input = { hospitalId: hospital, department: `科室${i}`, secretaryName: '赵', secretaryRole: 'OTHER', members: 3, establishedOn };
      branches.push({ id: (await mutate(url, BRANCH, { input })).id, establishedOn });
    }
    type Item = { dueOn: string; doneOn: string | null };
    const plan: { branch: number; heldOn: string; items: Item[] }[] = [
      { branch: 0, heldOn: '2024-01-15', items: [{ dueOn: '2024-02-15', doneOn: '2024-02-10' }, { dueOn: '2024-03-01', doneOn: null }] },
      { branch: 0, heldOn: '2024-04-03', items: [{ dueOn: '2024-05-01', doneOn: '2024-06-10' }] },
      { branch: 1, heldOn: '2024-05-10', items: [{ dueOn: '2024-07-01', doneOn: null }] },
      { branch: 2, heldOn: '2024-06-28', items: [] },
      { branch: 1, heldOn: '2023-12-20', items: [{ dueOn: '2024-01-10', doneOn: '2024-01-05' }] },
    ];
    for (const r of plan) {
      const { id } = await mutate(url, CREATE, { input: { branchId: branches[r.branch].id, heldOn: r.heldOn, leaderName: '钱', completedSteps: ['LISTEN'] } });
      for (const it of r.items) {
        const item = await mutate(url, ITEM, { input: { wardRoundId: id, description: '整改', dueOn: it.dueOn } });
        if (it.doneOn) await mutate(url, UPDATE_ITEM, { id: item.id, input: { status: 'DONE', doneOn: it.doneOn } });
      }
    }
    const expected = (from: string | null, to: string | null) => {
      const end = to ?? todayInShanghai();
      const existing = branches.filter((b) => !b.establishedOn || b.establishedOn <= end);
      const visited = existing.filter((b) => plan.some((r) => branches[r.branch] === b && r.heldOn >= quarterStart(end) && r.heldOn <= end));
      const open = plan.filter((r) => r.heldOn <= end).flatMap((r) => r.items).filter((it) => !it.doneOn || it.doneOn > end);
      return {
        wardRounds: plan.filter((r) => (!from || r.heldOn >= from) && (!to || r.heldOn <= to)).length,
        wardRoundQuarter: quarterLabel(end),
        wardRoundBranchesVisited: visited.length,
        wardRoundCoverage: rateOf(visited.length, existing.length),
        openRectificationItems: open.length,
        overdueRectificationItems: open.filter((it) => it.dueOn < end).length,
        departmentBranches: existing.length,
      };
    };
    const periods: [string | null, string | null][] = [[null, null], ['2024-04-01', '2024-06-30'], [null, '2024-05-15'], ['2024-01-01', '2024-03-31'], [null, '2023-12-31']];
    for (const [from, to] of periods) {
      const data = await ok(url, STATS, { code: JINCHENG, period: { from, to } });
      expect(data.region.hospitalStats).toEqual(expected(from, to));
    }
  });
});
