import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph, token } from '../../../test/support/harness';
import { createHospital, EDITOR, expectRejected, mutate, rateOf, REJECTED_CALLERS, sum, total, XINCHENG, ZHIYANG } from './helpers';

const CREATE = `mutation($input: CreateHospitalPartyBranchInput!) { createHospitalPartyBranch(input: $input) { id regionCode dualLeader } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateHospitalPartyBranchInput!) { updateHospitalPartyBranch(id: $id, input: $input) { id dualLeader members } }`;
const DELETE = `mutation($id: ID!) { deleteHospitalPartyBranch(id: $id) }`;
const DEVELOP = `mutation($input: CreateBranchMemberDevelopmentInput!) { createBranchMemberDevelopment(input: $input) { id year developed } }`;
const STATS = `query($code: ID!, $period: PeriodInput) { region(code: $code) { hospitalStats(period: $period) {
  departmentBranches dualLeaderBranches dualLeaderRate branchPartyMembers } } }`;

interface BranchRow {
  department: string;
  secretaryName: string;
  secretaryRole: 'DEPARTMENT_HEAD' | 'BUSINESS_BACKBONE' | 'OTHER';
  members: number;
  establishedOn: string | null;
}

describe('department party branches (党支部建在科室)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let hospitalId: string;
  const branches = () => total(url, 'hospitalPartyBranches');
  const branch = (extra: Partial<BranchRow> = {}) => ({
    hospitalId,
    department: '心内科',
    secretaryName: '张三',
    secretaryRole: 'DEPARTMENT_HEAD',
    members: 12,
    ...extra,
  });

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    url = sg.url;
    hospitalId = await createHospital(url, ZHIYANG);
  });
  afterAll(() => sg?.stop());

  test('a branch is created in its hospital region, with members developed by year; the secretary is masked for others', async () => {
    const created = await mutate(url, CREATE, { input: branch({ department: '儿科' }) });
    expect(created).toMatchObject({ regionCode: ZHIYANG, dualLeader: true });
    await mutate(url, DEVELOP, { input: { branchId: created.id, year: 2023, developed: 2 } });
    await mutate(url, DEVELOP, { input: { branchId: created.id, year: 2022, developed: 1 } });
    const query = `query($id: ID!) { hospital(id: $id) { branches { department secretaryName hospital { id } membersDeveloped { year developed } } } }`;
    const mine = await ok(url, query, { id: hospitalId }, EDITOR);
    expect(mine.hospital.branches).toContainEqual({
      department: '儿科',
      secretaryName: '张三',
      hospital: { id: hospitalId },
      membersDeveloped: [
        { year: 2022, developed: 1 },
        { year: 2023, developed: 2 },
      ],
    });
    const viewer = await ok(url, query, { id: hospitalId });
    expect(viewer.hospital.branches.find((b: BranchRow) => b.department === '儿科').secretaryName).toBe('张*');
    const anonymous = await gql(url, query, { id: hospitalId });
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous.data ?? null)).not.toContain('张');
  });

  test('an update changes the 双带头人 status; a delete removes the branch', async () => {
    const { id } = await mutate(url, CREATE, { input: branch({ department: '放射科' }) });
    expect(await mutate(url, UPDATE, { id, input: { secretaryRole: 'OTHER', members: 3 } })).toEqual({ id, dualLeader: false, members: 3 });
    const before = await branches();
    expect(await mutate(url, DELETE, { id })).toBe(id);
    expect(await branches()).toBe(before - 1);
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ['negative members', { members: -1 }, 'BAD_USER_INPUT', 'input.members'],
    ['an empty department', { department: ' ' }, 'BAD_USER_INPUT', 'input.department'],
    ['a set-up date in the future', { establishedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.establishedOn'],
    ['an unknown hospital', { hospitalId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.hospitalId'],
    ['a malformed hospital id', { hospitalId: 'x' }, 'BAD_USER_INPUT', 'input.hospitalId'],
  ];
  test.each(invalid)('creating with %s is rejected and writes nothing', async (_what, extra, code, field) => {
    await expectRejected(url, CREATE, { input: branch(extra) }, EDITOR, { code, field }, branches);
  });

  test('a second record of the same year for a branch is rejected; updating it is the way', async () => {
    const { id } = await mutate(url, CREATE, { input: branch() });
    const dev = await mutate(url, DEVELOP, { input: { branchId: id, year: 2021, developed: 4 } });
    const developments = () => total(url, 'branchMemberDevelopments', `branchId: "${id}"`);
    await expectRejected(url, DEVELOP, { input: { branchId: id, year: 2021, developed: 1 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.year' }, developments);
    await expectRejected(url, DEVELOP, { input: { branchId: id, year: 2020, developed: -2 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.developed' }, developments);
    const updated = await mutate(url, `mutation($id: ID!) { updateBranchMemberDevelopment(id: $id, input: { developed: 5 }) { year developed } }`, { id: dev.id });
    expect(updated).toEqual({ year: 2021, developed: 5 });
  });

  test.each(REJECTED_CALLERS)('%s cannot create, update or delete a branch', async (_who, bearer, code) => {
    const { id } = await mutate(url, CREATE, { input: branch() });
    await expectRejected(url, CREATE, { input: branch() }, bearer, { code }, branches);
    const res = await gql(url, UPDATE, { id, input: { members: 99 } }, bearer);
    expect(res.errors?.[0].extensions?.code).toBe(code);
    await expectRejected(url, DELETE, { id }, bearer, { code }, branches);
    const stored = await ok(url, `query($id: ID!) { hospitalPartyBranch(id: $id) { members } }`, { id });
    expect(stored.hospitalPartyBranch.members).toBe(12);
  });

  test('an editor of 6105 cannot move a branch to a hospital outside its region', async () => {
    const elsewhere = await createHospital(url, '610724', {}).catch(() => null);
    expect(elsewhere).toBeNull(); // the 渭南 editor cannot even create one in 汉中
    const admin = token({ role: 'ADMIN' });
    const hanzhong = await mutate(
      url,
      'mutation($input: CreateHospitalInput!) { createHospital(input: $input) { id } }',
      { input: { name: '西乡县医院', regionCode: '610724', grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: false, partyOrganization: 'PARTY_COMMITTEE' } },
      admin,
    );
    const { id } = await mutate(url, CREATE, { input: branch() });
    const res = await gql(url, UPDATE, { id, input: { hospitalId: hanzhong.id } }, EDITOR);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('departmentBranches, dualLeaderBranches, dualLeaderRate and branchPartyMembers match the records, at any period end', async () => {
    const hospital = await createHospital(url, XINCHENG);
    const rows: BranchRow[] = [
      { department: 'A', secretaryName: '甲', secretaryRole: 'DEPARTMENT_HEAD', members: 10, establishedOn: '2020-03-01' },
      { department: 'B', secretaryName: '乙', secretaryRole: 'BUSINESS_BACKBONE', members: 7, establishedOn: '2022-06-30' },
      { department: 'C', secretaryName: '丙', secretaryRole: 'OTHER', members: 5, establishedOn: null },
      { department: 'D', secretaryName: '丁', secretaryRole: 'OTHER', members: 9, establishedOn: '2023-01-01' },
      { department: 'E', secretaryName: '戊', secretaryRole: 'DEPARTMENT_HEAD', members: 4, establishedOn: '2024-05-05' },
    ];
    for (const row of rows) await mutate(url, CREATE, { input: { ...row, hospitalId: hospital } });
    const expected = (to: string | null) => {
      const existing = rows.filter((r) => !r.establishedOn || !to || r.establishedOn <= to);
      const dual = existing.filter((r) => r.secretaryRole !== 'OTHER').length;
      return {
        departmentBranches: existing.length,
        dualLeaderBranches: dual,
        dualLeaderRate: rateOf(dual, existing.length),
        branchPartyMembers: sum(existing, (r) => r.members),
      };
    };
    for (const to of [null, '2022-12-31', '2021-01-01']) {
      const data = await ok(url, STATS, { code: XINCHENG, period: to ? { to } : null });
      expect(data.region.hospitalStats).toEqual(expected(to));
    }
    const empty = await ok(url, STATS, { code: '610581100' });
    expect(empty.region.hospitalStats).toEqual({ departmentBranches: 0, dualLeaderBranches: 0, dualLeaderRate: null, branchPartyMembers: 0 });
  });
});
