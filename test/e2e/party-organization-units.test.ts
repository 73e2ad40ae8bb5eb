import type { Stack } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';

/**
 * The sectors' older party structures on the shared PartyOrganization (a department branch, a grid
 * branch and a community's own organisation are organisations with the same id, kept in step both
 * ways), and organisations belonging to a real unit: deleting the unit archives them and their
 * activities, restoring it brings them back.
 */
const ADMIN = token({ role: 'ADMIN' });
const HOSPITAL_EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] });
const HANCHENG = '610581';
const VILLAGE = '610581002004';
const MISSING = '6f1c2a9e-5b7d-4e3f-a1c0-8d2e4b6a9c71';
const Y2024 = '(period: { from: "2024-01-01", to: "2024-12-31" })';
const ORG = 'id name kind members unitId parentId mirrorOf';

const mutate = async (url: string, mutation: string, inputType: string, input: Record<string, unknown>, bearer = ADMIN): Promise<string> =>
  (await ok(url, `mutation($input: ${inputType}!) { r: ${mutation}(input: $input) { id } }`, { input }, bearer)).r.id as string;
const byId = async (url: string, field: string, id: string, selection: string) =>
  (await ok(url, `query($id: ID!) { r: ${field}(id: $id) { ${selection} } }`, { id })).r;
const byIdMutation = (url: string, mutation: string, id: string, bearer = ADMIN) => gql(url, `mutation($id: ID!) { r: ${mutation}(id: $id) { __typename } }`, { id }, bearer);
const deleteMutation = (url: string, mutation: string, id: string, bearer = ADMIN) => gql(url, `mutation($id: ID!) { r: ${mutation}(id: $id) }`, { id }, bearer);

describe('older party structures are PartyOrganization records; organisations go with their unit', () => {
  let stack: Stack;
  let url: string;
  let hospital: string;
  let branch: string;
  let committee: string;

  const hospitalFigures = async (code = HANCHENG) =>
    (await ok(url, `{ region(code: "${code}") { hospitalStats${Y2024} { partyOrganizations partyOrganizationMembers partyActivities departmentBranches branchPartyMembers } } }`)).region.hospitalStats;

  beforeAll(async () => {
    stack = await startTestStack();
    url = stack.gatewayUrl;
    hospital = await mutate(url, 'createHospital', 'CreateHospitalInput', {
      name: '韩城市人民医院', regionCode: HANCHENG, grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: true, partyOrganization: 'PARTY_COMMITTEE',
    });
    branch = await mutate(url, 'createHospitalPartyBranch', 'CreateHospitalPartyBranchInput', {
      hospitalId: hospital, department: '内科', secretaryName: '王建国', secretaryRole: 'DEPARTMENT_HEAD', members: 12, establishedOn: '2020-01-01',
    }, HOSPITAL_EDITOR);
    committee = await mutate(url, 'createHospitalPartyOrganization', 'CreatePartyOrganizationInput', {
      regionCode: HANCHENG, name: '韩城市人民医院党委', kind: 'COMMITTEE', members: 30, unitId: hospital, establishedOn: '2010-01-01',
    });
    for (const organizationId of [branch, committee]) {
      await mutate(url, 'createHospitalPartyActivity', 'CreatePartyActivityInput', { organizationId, kind: 'THEME_PARTY_DAY', heldOn: '2024-05-01', attendees: 10, topic: '主题党日' });
    }
  });
  afterAll(() => stack?.stop());

  test('a department branch written through its old mutation is an organisation with the same id, counted in the shared figures', async () => {
    expect(await byId(url, 'hospitalPartyOrganization', branch, `${ORG} secretaryName`)).toEqual({
      id: branch, name: '内科党支部', kind: 'BRANCH', members: 12, unitId: hospital, parentId: null, mirrorOf: 'HospitalPartyBranch', secretaryName: '王**',
    });
    // The secretary is copied over, and masked for a viewer as everywhere.
    expect((await byId(url, 'hospitalPartyBranch', branch, 'organization { id kind }')).organization).toEqual({ id: branch, kind: 'BRANCH' });
    expect(await hospitalFigures()).toEqual({ partyOrganizations: 2, partyOrganizationMembers: 42, partyActivities: 2, departmentBranches: 1, branchPartyMembers: 12 });
  });

  test('writes keep both in step: the old mutation changes the organisation, the organisation\'s own mutation the branch', async () => {
    await ok(url, `mutation($id: ID!) { updateHospitalPartyBranch(id: $id, input: { department: "外科", members: 15 }) { id } }`, { id: branch }, HOSPITAL_EDITOR);
    expect(await byId(url, 'hospitalPartyOrganization', branch, 'name members')).toEqual({ name: '外科党支部', members: 15 });
    await ok(url, `mutation($id: ID!) { updateHospitalPartyOrganization(id: $id, input: { members: 16 }) { id } }`, { id: branch }, HOSPITAL_EDITOR);
    expect(await byId(url, 'hospitalPartyBranch', branch, 'members department')).toEqual({ members: 16, department: '外科' });
    expect(await hospitalFigures()).toMatchObject({ partyOrganizationMembers: 46, branchPartyMembers: 16 });
    // What the branch owns is changed through the branch.
    for (const [field, value] of [['kind', 'GENERAL_BRANCH'], ['name', '"改名"'], ['unitId', `"${MISSING}"`]] as const) {
      const refused = await gql(url, `mutation($id: ID!) { updateHospitalPartyOrganization(id: $id, input: { ${field}: ${value} }) { id } }`, { id: branch }, ADMIN);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    }
    expect(await byId(url, 'hospitalPartyOrganization', branch, 'name kind members')).toEqual({ name: '外科党支部', kind: 'BRANCH', members: 16 });
  });

  test('an organisation names a unit that exists (NOT_FOUND names the field)', async () => {
    const created = await gql(url, `mutation { createHospitalPartyOrganization(input: { regionCode: "${HANCHENG}", name: "x", kind: BRANCH, members: 1, unitId: "${MISSING}" }) { id } }`, undefined, ADMIN);
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
    const updated = await gql(url, `mutation($id: ID!) { updateHospitalPartyOrganization(id: $id, input: { unitId: "${MISSING}" }) { id } }`, { id: committee }, ADMIN);
    expect(updated.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
    expect((await byId(url, 'hospitalPartyOrganization', committee, 'unitId')).unitId).toBe(hospital);
  });

  test('deleting the branch (either way) deletes its organisation and activities; restoring brings both back', async () => {
    expect((await deleteMutation(url, 'deleteHospitalPartyBranch', branch, HOSPITAL_EDITOR)).errors).toBeUndefined();
    expect(await byId(url, 'hospitalPartyOrganization', branch, 'id')).toBeNull();
    expect(await hospitalFigures()).toEqual({ partyOrganizations: 1, partyOrganizationMembers: 30, partyActivities: 1, departmentBranches: 0, branchPartyMembers: 0 });
    expect((await byIdMutation(url, 'restoreHospitalPartyBranch', branch)).errors).toBeUndefined();
    expect(await hospitalFigures()).toMatchObject({ partyOrganizations: 2, partyActivities: 2, departmentBranches: 1 });

    expect((await deleteMutation(url, 'deleteHospitalPartyOrganization', branch, HOSPITAL_EDITOR)).errors).toBeUndefined();
    expect(await byId(url, 'hospitalPartyBranch', branch, 'id')).toBeNull();
    expect(await hospitalFigures()).toMatchObject({ partyOrganizations: 1, departmentBranches: 0 });
    expect((await byIdMutation(url, 'restoreHospitalPartyOrganization', branch)).errors).toBeUndefined();
    expect(await byId(url, 'hospitalPartyBranch', branch, 'members organization { members }')).toEqual({ members: 16, organization: { members: 16 } });
  });

  test('deleting a hospital archives its organisations and their activities; restoring it brings them back', async () => {
    const lists = async () =>
      ok(url, `query($u: ID!) { orgs: hospitalPartyOrganizations(unitId: $u) { totalCount } acts: hospitalPartyActivities(regionCode: "${HANCHENG}") { totalCount } }`, { u: hospital });
    const before = await hospitalFigures();
    expect(await lists()).toEqual({ orgs: { totalCount: 2 }, acts: { totalCount: 2 } });
    expect((await deleteMutation(url, 'deleteHospital', hospital)).errors).toBeUndefined();
    expect(await lists()).toEqual({ orgs: { totalCount: 0 }, acts: { totalCount: 0 } });
    expect(await byId(url, 'hospitalPartyOrganization', committee, 'id')).toBeNull();
    const gone = { partyOrganizations: 0, partyOrganizationMembers: 0, partyActivities: 0, departmentBranches: 0, branchPartyMembers: 0 };
    expect(await hospitalFigures()).toEqual(gone);
    // The province reads the pre-aggregates: the same.
    expect(await hospitalFigures('61')).toEqual(gone);

    expect((await byIdMutation(url, 'restoreHospital', hospital)).errors).toBeUndefined();
    expect(await lists()).toEqual({ orgs: { totalCount: 2 }, acts: { totalCount: 2 } });
    expect(await hospitalFigures()).toEqual(before);
    expect(await hospitalFigures('61')).toEqual(before);
    expect(await byId(url, 'hospitalPartyOrganization', branch, 'mirrorOf unitId')).toEqual({ mirrorOf: 'HospitalPartyBranch', unitId: hospital });
  });
});

describe('a community\'s own organisation and its grid branches are PartyOrganization records', () => {
  let stack: Stack;
  let url: string;
  let community: string;
  let grid: string;
  let gridBranch: string;

  const communityFigures = async (code = VILLAGE) =>
    (await ok(url, `{ region(code: "${code}") { communityStats { partyOrganizations partyOrganizationMembers gridPartyBranches partyMembers } } }`)).region.communityStats;

  beforeAll(async () => {
    stack = await startTestStack();
    url = stack.gatewayUrl;
    community = await mutate(url, 'createCommunity', 'CreateCommunityInput', { name: '涺惠社区', regionCode: VILLAGE, partyOrganization: 'GENERAL_BRANCH', partyMembers: 50, establishedOn: '2019-01-01' });
    grid = await mutate(url, 'createGrid', 'CreateGridInput', { communityId: community, number: 1, name: '第一网格', workers: 2 });
    gridBranch = await mutate(url, 'createGridPartyBranch', 'CreateGridPartyBranchInput', { gridId: grid, name: '第一网格党支部', partyMembers: 10, establishedOn: '2021-01-01' });
    await mutate(url, 'createCommunityPartyActivity', 'CreatePartyActivityInput', { organizationId: gridBranch, kind: 'PARTY_LECTURE', heldOn: '2024-03-01', attendees: 9, topic: '党课' });
  });
  afterAll(() => stack?.stop());

  test('the community\'s 党总支 (the community\'s id) and the grid branch under it', async () => {
    expect(await byId(url, 'communityPartyOrganization', community, ORG)).toEqual({
      id: community, name: '涺惠社区党总支', kind: 'GENERAL_BRANCH', members: 50, unitId: community, parentId: null, mirrorOf: 'Community',
    });
    expect(await byId(url, 'communityPartyOrganization', gridBranch, ORG)).toEqual({
      id: gridBranch, name: '第一网格党支部', kind: 'BRANCH', members: 10, unitId: community, parentId: community, mirrorOf: 'GridPartyBranch',
    });
    expect((await byId(url, 'community', community, 'partyOrganizationRecord { kind }')).partyOrganizationRecord).toEqual({ kind: 'GENERAL_BRANCH' });
    expect((await byId(url, 'gridPartyBranch', gridBranch, 'organization { parent { id } }')).organization).toEqual({ parent: { id: community } });
    // The branch's members are inside the community's: counted once, at the top.
    expect(await communityFigures()).toEqual({ partyOrganizations: 2, partyOrganizationMembers: 50, gridPartyBranches: 1, partyMembers: 50 });
  });

  test('the community and its organisation stay in step both ways; the organisation goes only with the community', async () => {
    await ok(url, `mutation($id: ID!) { updateCommunity(id: $id, input: { partyOrganization: PARTY_COMMITTEE, partyMembers: 60 }) { id } }`, { id: community }, ADMIN);
    expect(await byId(url, 'communityPartyOrganization', community, 'name kind members')).toEqual({ name: '涺惠社区党委', kind: 'COMMITTEE', members: 60 });
    await ok(url, `mutation($id: ID!) { updateCommunityPartyOrganization(id: $id, input: { members: 70, secretaryName: "李梅" }) { id } }`, { id: community }, ADMIN);
    expect(await byId(url, 'community', community, 'partyMembers partyOrganization')).toEqual({ partyMembers: 70, partyOrganization: 'PARTY_COMMITTEE' });
    await ok(url, `mutation($id: ID!) { updateCommunityPartyOrganization(id: $id, input: { name: "第一网格党支部（红色物业）", members: 11 }) { id } }`, { id: gridBranch }, ADMIN);
    expect(await byId(url, 'gridPartyBranch', gridBranch, 'name partyMembers')).toEqual({ name: '第一网格党支部（红色物业）', partyMembers: 11 });
    const refused = await deleteMutation(url, 'deleteCommunityPartyOrganization', community);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const reparent = await gql(url, `mutation($id: ID!) { updateCommunityPartyOrganization(id: $id, input: { parentId: null }) { id } }`, { id: gridBranch }, ADMIN);
    expect(reparent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    expect(await communityFigures()).toEqual({ partyOrganizations: 2, partyOrganizationMembers: 70, gridPartyBranches: 1, partyMembers: 70 });
  });

  test('deleting the grid archives its branch\'s organisation; deleting the community archives both; restores bring them back', async () => {
    const before = await communityFigures();
    expect((await deleteMutation(url, 'deleteGrid', grid)).errors).toBeUndefined();
    expect(await byId(url, 'communityPartyOrganization', gridBranch, 'id')).toBeNull();
    expect(await communityFigures()).toMatchObject({ partyOrganizations: 1, gridPartyBranches: 0 });
    expect((await byIdMutation(url, 'restoreGrid', grid)).errors).toBeUndefined();
    expect(await communityFigures()).toEqual(before);

    expect((await deleteMutation(url, 'deleteCommunity', community)).errors).toBeUndefined();
    const listed = await ok(url, `{ communityPartyOrganizations(regionCode: "${VILLAGE}") { totalCount } communityPartyActivities(regionCode: "${VILLAGE}") { totalCount } }`);
    expect(listed).toEqual({ communityPartyOrganizations: { totalCount: 0 }, communityPartyActivities: { totalCount: 0 } });
    expect(await communityFigures()).toEqual({ partyOrganizations: 0, partyOrganizationMembers: 0, gridPartyBranches: 0, partyMembers: 0 });
    expect(await communityFigures(HANCHENG)).toMatchObject({ partyOrganizations: 0 });

    expect((await byIdMutation(url, 'restoreCommunity', community)).errors).toBeUndefined();
    expect(await communityFigures()).toEqual(before);
    expect(await communityFigures(HANCHENG)).toEqual(before);
    expect(await byId(url, 'communityPartyOrganization', gridBranch, 'parentId members secretaryName')).toEqual({ parentId: community, members: 11, secretaryName: null });
    expect(await byId(url, 'communityPartyOrganization', community, 'secretaryName')).toEqual({ secretaryName: '李*' });
  });
});
