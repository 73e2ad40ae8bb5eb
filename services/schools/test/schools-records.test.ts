import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, mutateInChunks, ok, startTestSubgraph, token } from '../../../test/support/harness';

const ADMIN = token({ role: 'ADMIN' });
const EDITOR = token({ role: 'EDITOR', sectors: ['schools'], regions: ['610724'] }); // 西乡县
const OTHER_REGION = token({ role: 'EDITOR', sectors: ['schools'], regions: ['6105'] });
const OTHER_SECTOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['610724'] });

const SCHOOL = { name: '西乡县测试小学', regionCode: '610724001', stage: 'PRIMARY', isPublic: true, secretaryPrincipalCombined: true, partyOrganization: 'BRANCH' };

const CREATE_SCHOOL = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`;
const CREATE_DESIGNATION = `mutation($input: CreateDemonstrationDesignationInput!) { createDemonstrationDesignation(input: $input) { id status level year batch revokedOn regionCode school { id } } }`;
const UPDATE_DESIGNATION = `mutation($id: ID!, $input: UpdateDemonstrationDesignationInput!) { updateDemonstrationDesignation(id: $id, input: $input) { id status revokedOn } }`;
const CREATE_PROJECT = `mutation($input: CreateSecretaryProjectInput!) { createSecretaryProject(input: $input) { id title status startedOn endedOn regionCode school { id } } }`;
const UPDATE_PROJECT = `mutation($id: ID!, $input: UpdateSecretaryProjectInput!) { updateSecretaryProject(id: $id, input: $input) { id status endedOn outcome } }`;
const CREATE_CHANGE = `mutation($input: CreateEnrollmentChangeInput!) { createEnrollmentChange(input: $input) { id kind places effectiveOn regionCode school { id } } }`;
const UPDATE_CHANGE = `mutation($id: ID!, $input: UpdateEnrollmentChangeInput!) { updateEnrollmentChange(id: $id, input: $input) { id places } }`;

describe('schools subgraph: designations, secretary projects, places added', () => {
  let sg: SubgraphProcess;
  let url: string;
  let schoolId: string;

  const count = async (list: string) => (await ok(url, `{ ${list}(first: 0) { totalCount } }`))[list].totalCount as number;
  const createSchool = async (input: Record<string, unknown>) => (await ok(url, CREATE_SCHOOL, { input }, ADMIN)).createSchool.id as string;
  const expectError = (res: { errors?: { extensions?: Record<string, unknown> }[] }, code: string, field?: string) => {
    expect(res.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
  };

  beforeAll(async () => {
    sg = await startTestSubgraph('schools');
    url = sg.url;
    schoolId = await createSchool(SCHOOL);
  });
  afterAll(() => sg?.stop());

  describe('each mutation succeeds for an EDITOR of schools in the region', () => {
    test('designation: create, update, delete', async () => {
      const created = (await ok(url, CREATE_DESIGNATION, { input: { schoolId, level: 'COUNTY', batch: '首批', year: 2021 } }, EDITOR)).createDemonstrationDesignation;
      expect(created).toMatchObject({ status: 'CULTIVATING', level: 'COUNTY', year: 2021, batch: '首批', revokedOn: null, regionCode: '610724001', school: { id: schoolId } });
      const updated = (await ok(url, UPDATE_DESIGNATION, { id: created.id, input: { status: 'DESIGNATED' } }, EDITOR)).updateDemonstrationDesignation;
      expect(updated).toMatchObject({ status: 'DESIGNATED' });
      expect((await ok(url, `mutation($id: ID!) { deleteDemonstrationDesignation(id: $id) }`, { id: created.id }, EDITOR)).deleteDemonstrationDesignation).toBe(created.id);
      expect((await ok(url, `query($id: ID!) { demonstrationDesignation(id: $id) { id } }`, { id: created.id })).demonstrationDesignation).toBeNull();
    });

    test('secretary project: create, complete, delete', async () => {
      const input = { schoolId, title: '红烛先锋', goal: '每名党员教师结对一名学困生', startedOn: '2022-03-01' };
      const created = (await ok(url, CREATE_PROJECT, { input }, EDITOR)).createSecretaryProject;
      expect(created).toMatchObject({ title: '红烛先锋', status: 'IN_PROGRESS', startedOn: '2022-03-01', endedOn: null, regionCode: '610724001', school: { id: schoolId } });
      const done = (await ok(url, UPDATE_PROJECT, { id: created.id, input: { status: 'COMPLETED', endedOn: '2022-12-31', outcome: '结对 30 人' } }, EDITOR)).updateSecretaryProject;
      expect(done).toEqual({ id: created.id, status: 'COMPLETED', endedOn: '2022-12-31', outcome: '结对 30 人' });
      const back = await gql(url, UPDATE_PROJECT, { id: created.id, input: { status: 'IN_PROGRESS', endedOn: null } }, EDITOR);
      expectError(back, 'BAD_USER_INPUT', 'input.status');
      expect((await ok(url, `mutation($id: ID!) { deleteSecretaryProject(id: $id) }`, { id: created.id }, EDITOR)).deleteSecretaryProject).toBe(created.id);
    });

    test('places added: create, update, delete', async () => {
      const input = { schoolId, kind: 'CONVERTED', places: 180, effectiveOn: '2021-09-01', note: '部分校舍改建为公办幼儿园' };
      const created = (await ok(url, CREATE_CHANGE, { input }, EDITOR)).createEnrollmentChange;
      expect(created).toMatchObject({ kind: 'CONVERTED', places: 180, effectiveOn: '2021-09-01', regionCode: '610724001', school: { id: schoolId } });
      expect((await ok(url, UPDATE_CHANGE, { id: created.id, input: { places: 200 } }, EDITOR)).updateEnrollmentChange.places).toBe(200);
      expect((await ok(url, `mutation($id: ID!) { deleteEnrollmentChange(id: $id) }`, { id: created.id }, EDITOR)).deleteEnrollmentChange).toBe(created.id);
    });
  });

  test('incubation station: create, update, delete; relations both ways', async () => {
    const pupil = await createSchool({ ...SCHOOL, name: '被孵化学校' });
    const M = `mutation($input: CreateIncubationStationInput!) { createIncubationStation(input: $input) { id name regionCode hostSchool { id } incubatedSchools { id } } }`;
    const created = (await ok(url, M, { input: { name: '示范孵化驿站', hostSchoolId: schoolId, incubatedSchoolIds: [pupil] } }, EDITOR)).createIncubationStation;
    expect(created).toMatchObject({ regionCode: '610724001', hostSchool: { id: schoolId }, incubatedSchools: [{ id: pupil }] });
    const both = await ok(url, `query($a: ID!, $b: ID!) { a: school(id: $a) { incubationStations { id } } b: school(id: $b) { incubatedBy { id } } }`, { a: schoolId, b: pupil });
    expect(both).toEqual({ a: { incubationStations: [{ id: created.id }] }, b: { incubatedBy: [{ id: created.id }] } });
    const U = `mutation($id: ID!, $input: UpdateIncubationStationInput!) { updateIncubationStation(id: $id, input: $input) { incubatedSchoolIds } }`;
    expect((await ok(url, U, { id: created.id, input: { incubatedSchoolIds: [] } }, EDITOR)).updateIncubationStation.incubatedSchoolIds).toEqual([]);
    const bad = await gql(url, U, { id: created.id, input: { incubatedSchoolIds: [schoolId] } }, EDITOR);
    expectError(bad, 'BAD_USER_INPUT', 'input.incubatedSchoolIds');
    expectError(await gql(url, U, { id: created.id, input: { incubatedSchoolIds: [pupil] } }, OTHER_REGION), 'FORBIDDEN');
    expect((await ok(url, `mutation($id: ID!) { deleteIncubationStation(id: $id) }`, { id: created.id }, EDITOR)).deleteIncubationStation).toBe(created.id);
    await ok(url, `mutation($id: ID!) { deleteSchool(id: $id) }`, { id: pupil }, ADMIN);
  });

  test('parent guidance session: create, update, delete', async () => {
    const M = `mutation($input: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $input) { id regionCode heldOn attendees volunteers } }`;
    const created = (await ok(url, M, { input: { regionCode: '610724000000', title: '报名系统操作指南培训', heldOn: '2021-07-01', attendees: 150, volunteers: 8 } }, EDITOR)).createEnrollmentGuidanceSession;
    expect(created).toMatchObject({ regionCode: '610724', heldOn: '2021-07-01', attendees: 150, volunteers: 8 });
    const U = `mutation($id: ID!, $input: UpdateEnrollmentGuidanceSessionInput!) { updateEnrollmentGuidanceSession(id: $id, input: $input) { attendees } }`;
    expect((await ok(url, U, { id: created.id, input: { attendees: 160 } }, EDITOR)).updateEnrollmentGuidanceSession.attendees).toBe(160);
    expect((await ok(url, `mutation($id: ID!) { deleteEnrollmentGuidanceSession(id: $id) }`, { id: created.id }, EDITOR)).deleteEnrollmentGuidanceSession).toBe(created.id);
  });

  // [what, mutation, list, input, field]
  const invalid = (): [string, string, string, Record<string, unknown>, string][] => [
    ['a designation year before 1949', CREATE_DESIGNATION, 'demonstrationDesignations', { schoolId, level: 'CITY', year: 1900 }, 'input.year'],
    ['a designation created REVOKED', CREATE_DESIGNATION, 'demonstrationDesignations', { schoolId, level: 'CITY', year: 2021, status: 'REVOKED', revokedOn: '2022-01-01' }, 'input.status'],
    ['a revocation date on a live designation', CREATE_DESIGNATION, 'demonstrationDesignations', { schoolId, level: 'CITY', year: 2021, revokedOn: '2022-01-01' }, 'input.revokedOn'],
    ['a malformed school id', CREATE_DESIGNATION, 'demonstrationDesignations', { schoolId: 'nope', level: 'CITY', year: 2021 }, 'input.schoolId'],
    ['an empty project title', CREATE_PROJECT, 'secretaryProjects', { schoolId, title: ' ', goal: 'g', startedOn: '2022-01-01' }, 'input.title'],
    ['a project ended before it started', CREATE_PROJECT, 'secretaryProjects', { schoolId, title: 't', goal: 'g', startedOn: '2022-01-01', endedOn: '2021-01-01', status: 'COMPLETED' }, 'input.endedOn'],
    ['a project starting in the future', CREATE_PROJECT, 'secretaryProjects', { schoolId, title: 't', goal: 'g', startedOn: '2999-01-01' }, 'input.startedOn'],
    ['zero places', CREATE_CHANGE, 'enrollmentChanges', { schoolId, kind: 'ADDED', places: 0, effectiveOn: '2021-09-01' }, 'input.places'],
    ['an incubated school listed twice', `mutation($input: CreateIncubationStationInput!) { createIncubationStation(input: $input) { id } }`, 'incubationStations', { name: 'x', hostSchoolId: schoolId, incubatedSchoolIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'] }, 'input.incubatedSchoolIds'],
    ['an empty station name', `mutation($input: CreateIncubationStationInput!) { createIncubationStation(input: $input) { id } }`, 'incubationStations', { name: '', hostSchoolId: schoolId }, 'input.name'],
    ['negative attendees', `mutation($input: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $input) { id } }`, 'enrollmentGuidanceSessions', { regionCode: '610724', title: 't', heldOn: '2021-07-01', attendees: -1 }, 'input.attendees'],
    ['a session outside known regions', `mutation($input: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $input) { id } }`, 'enrollmentGuidanceSessions', { regionCode: '610799', title: 't', heldOn: '2021-07-01', attendees: 1 }, 'input.regionCode'],
    ['negative places', CREATE_CHANGE, 'enrollmentChanges', { schoolId, kind: 'ADDED', places: -5, effectiveOn: '2021-09-01' }, 'input.places'],
  ];
  test('invalid input is BAD_USER_INPUT naming the field, and writes nothing', async () => {
    for (const [what, mutation, list, input, field] of invalid()) {
      const before = await count(list);
      const res = await gql(url, mutation, { input }, EDITOR);
      expect({ what, code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field }).toEqual({ what, code: 'BAD_USER_INPUT', field });
      expect(await count(list)).toBe(before);
    }
  });

  test('an unknown school is NOT_FOUND naming input.schoolId', async () => {
    const res = await gql(url, CREATE_DESIGNATION, { input: { schoolId: '00000000-0000-4000-8000-000000000000', level: 'CITY', year: 2021 } }, EDITOR);
    expectError(res, 'NOT_FOUND', 'input.schoolId');
  });

  test('writes outside the sector or the region are FORBIDDEN and write nothing', async () => {
    const writes: [string, string, Record<string, unknown>][] = [
      [CREATE_DESIGNATION, 'demonstrationDesignations', { schoolId, level: 'COUNTY', year: 2021 }],
      [CREATE_PROJECT, 'secretaryProjects', { schoolId, title: 't', goal: 'g', startedOn: '2022-01-01' }],
      [CREATE_CHANGE, 'enrollmentChanges', { schoolId, kind: 'ADDED', places: 10, effectiveOn: '2021-09-01' }],
      [`mutation($input: CreateIncubationStationInput!) { createIncubationStation(input: $input) { id } }`, 'incubationStations', { name: 'x', hostSchoolId: schoolId }],
      [`mutation($input: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $input) { id } }`, 'enrollmentGuidanceSessions', { regionCode: '610724', title: 't', heldOn: '2021-07-01', attendees: 1 }],
    ];
    for (const [mutation, list, input] of writes) {
      for (const bearer of [OTHER_REGION, OTHER_SECTOR, token({ role: 'VIEWER' })]) {
        const before = await count(list);
        expectError(await gql(url, mutation, { input }, bearer), 'FORBIDDEN');
        expect(await count(list)).toBe(before);
      }
      expectError(await gql(url, mutation, { input }), 'UNAUTHENTICATED');
    }
    const mine = (await ok(url, CREATE_DESIGNATION, { input: { schoolId, level: 'COUNTY', year: 2021 } }, EDITOR)).createDemonstrationDesignation.id;
    expectError(await gql(url, UPDATE_DESIGNATION, { id: mine, input: { status: 'DESIGNATED' } }, OTHER_REGION), 'FORBIDDEN');
    expectError(await gql(url, `mutation($id: ID!) { deleteDemonstrationDesignation(id: $id) }`, { id: mine }, OTHER_REGION), 'FORBIDDEN');
    expect((await ok(url, `query($id: ID!) { demonstrationDesignation(id: $id) { status } }`, { id: mine })).demonstrationDesignation.status).toBe('CULTIVATING');
    await ok(url, `mutation($id: ID!) { deleteDemonstrationDesignation(id: $id) }`, { id: mine }, EDITOR);
  });

  test('a designation moves CULTIVATING → DESIGNATED → REVOKED and no other way', async () => {
    const id = (await ok(url, CREATE_DESIGNATION, { input: { schoolId, level: 'CITY', year: 2020 } }, EDITOR)).createDemonstrationDesignation.id;
    const move = (input: Record<string, unknown>) => gql(url, UPDATE_DESIGNATION, { id, input }, EDITOR);
    const status = async () => (await ok(url, `query($id: ID!) { demonstrationDesignation(id: $id) { status } }`, { id })).demonstrationDesignation.status;

    expectError(await move({ status: 'REVOKED', revokedOn: '2022-01-01' }), 'BAD_USER_INPUT', 'input.status');
    expect(await status()).toBe('CULTIVATING');
    expect((await move({ status: 'DESIGNATED' })).data?.updateDemonstrationDesignation.status).toBe('DESIGNATED');
    expectError(await move({ status: 'CULTIVATING' }), 'BAD_USER_INPUT', 'input.status');
    expectError(await move({ status: 'REVOKED' }), 'BAD_USER_INPUT', 'input.revokedOn');
    expect(await status()).toBe('DESIGNATED');
    expect((await move({ status: 'REVOKED', revokedOn: '2023-05-01' })).data?.updateDemonstrationDesignation).toEqual({ id, status: 'REVOKED', revokedOn: '2023-05-01' });
    for (const to of ['DESIGNATED', 'CULTIVATING']) expectError(await move({ status: to, revokedOn: null }), 'BAD_USER_INPUT', 'input.status');
    expect(await status()).toBe('REVOKED');
    await ok(url, `mutation($id: ID!) { deleteDemonstrationDesignation(id: $id) }`, { id }, EDITOR);
  });

  test('lists filter by school and status, and deleting a school deletes its records', async () => {
    const other = await createSchool({ ...SCHOOL, name: '临时学校' });
    await ok(url, CREATE_DESIGNATION, { input: { schoolId: other, level: 'COUNTY', year: 2021, status: 'DESIGNATED' } }, EDITOR);
    const q = `query($s: ID) { demonstrationDesignations(schoolId: $s, status: DESIGNATED) { totalCount } }`;
    expect((await ok(url, q, { s: other })).demonstrationDesignations.totalCount).toBe(1);
    await ok(url, `mutation($id: ID!) { deleteSchool(id: $id) }`, { id: other }, ADMIN);
    expect((await ok(url, q, { s: other })).demonstrationDesignations.totalCount).toBe(0);
  });

  test('100 schools with their records cost the same SQL statements as 10', async () => {
    const region = '611002'; // 商州区: used by no other test
    const schools = Array.from({ length: 100 }, (_, i) => `s${i}: createSchool(input: { name: "批量学校${i}", regionCode: "${region}", stage: PRIMARY, isPublic: true, secretaryPrincipalCombined: false, partyOrganization: BRANCH }) { id }`);
    const ids = Object.values((await mutateInChunks(url, schools, ADMIN)) as Record<string, { id: string }>).map((s) => s.id);
    const records = ids.map(
      (id, i) => `d${i}: createDemonstrationDesignation(input: { schoolId: "${id}", level: COUNTY, year: 2021 }) { id }
        p${i}: createSecretaryProject(input: { schoolId: "${id}", title: "项目${i}", goal: "目标", startedOn: "2022-01-01" }) { id }
        e${i}: createEnrollmentChange(input: { schoolId: "${id}", kind: ADDED, places: ${i + 1}, effectiveOn: "2021-09-01" }) { id }
        i${i}: createIncubationStation(input: { name: "驿站${i}", hostSchoolId: "${id}", incubatedSchoolIds: ["${ids[(i + 1) % ids.length]}"] }) { id }`,
    );
    await mutateInChunks(url, records, ADMIN);
    const list = (n: number) =>
      ok(url, `{ schools(regionCode: "${region}", first: ${n}) { totalCount edges { node { name region { name } designations { status } secretaryProjects { title } enrollmentChanges { places } incubationStations { name incubatedSchools { name } hostSchool { name } } incubatedBy { name } } } } }`);
    const page = await list(100);
    expect(page.schools.edges).toHaveLength(100);
    expect(page.schools.edges.every((e: any) => e.node.designations.length === 1 && e.node.secretaryProjects.length === 1 && e.node.enrollmentChanges.length === 1 && e.node.incubationStations.length === 1 && e.node.incubatedBy.length === 1)).toBe(true);
    const ten = await countStatements(url, () => list(10));
    const hundred = await countStatements(url, () => list(100));
    expect(hundred).toBe(ten);
    // page, totalCount, regions, designations, projects, places, hosted stations, incubating stations, their schools
    expect(hundred).toBeLessThanOrEqual(9);
  });
});
