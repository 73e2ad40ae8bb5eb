import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, mutateInChunks, ok, startTestSubgraph, token } from '../../../test/support/harness';

const ADMIN = token({ role: 'ADMIN' });
const EDITOR = token({ role: 'EDITOR', sectors: ['soes'], regions: ['610724'] }); // 西乡县
const OTHER_REGION = token({ role: 'EDITOR', sectors: ['soes'], regions: ['6105'] });
const OTHER_SECTOR = token({ role: 'EDITOR', sectors: ['schools'], regions: ['610724'] });
const ENTERPRISE = { name: '西乡县测试国企', regionCode: '610724', level: 'COUNTY', industry: '烟草', partyOrganization: 'BRANCH' };
const SOMEONE = '11111111-1111-4111-8111-111111111111';

const M = {
  center: `mutation($input: CreateServiceCenterInput!) { createServiceCenter(input: $input) { id enterpriseId name openedOn openToPublic functionalZones regionCode enterprise { id } } }`,
  updateCenter: `mutation($id: ID!, $input: UpdateServiceCenterInput!) { updateServiceCenter(id: $id, input: $input) { id functionalZones openToPublic } }`,
  item: `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id kind name regionCode serviceCenter { id } } }`,
  updateItem: `mutation($id: ID!, $input: UpdateServiceItemInput!) { updateServiceItem(id: $id, input: $input) { id name } }`,
  visit: `mutation($input: CreateServiceCenterVisitInput!) { createServiceCenterVisit(input: $input) { id visitedOn span visitors regionCode } }`,
  updateVisit: `mutation($id: ID!, $input: UpdateServiceCenterVisitInput!) { updateServiceCenterVisit(id: $id, input: $input) { id visitors } }`,
  activity: `mutation($input: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $input) { id title organizerSector organizerId regionCode volunteers peopleServed organizingEnterprise { id } serviceCenter { id } } }`,
  updateActivity: `mutation($id: ID!, $input: UpdateVolunteerActivityInput!) { updateVolunteerActivity(id: $id, input: $input) { id peopleServed } }`,
};

describe('soes subgraph: service centres, services, visits, volunteer activities', () => {
  let sg: SubgraphProcess;
  let url: string;
  let enterpriseId: string;
  let centerId: string;

  const count = async (list: string) => (await ok(url, `{ ${list}(first: 0) { totalCount } }`))[list].totalCount as number;
  const expectError = (res: { errors?: { extensions?: Record<string, unknown> }[] }, code: string, field?: string) => {
    expect(res.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
  };
  const del = async (type: string, id: string) => expect((await ok(url, `mutation($id: ID!) { delete${type}(id: $id) }`, { id }, EDITOR))[`delete${type}`]).toBe(id);

  beforeAll(async () => {
    sg = await startTestSubgraph('soes');
    url = sg.url;
    enterpriseId = (await ok(url, `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`, { input: ENTERPRISE }, ADMIN)).createEnterprise.id;
    centerId = (await ok(url, M.center, { input: { enterpriseId, name: '初心驿站', openedOn: '2021-03-01', functionalZones: ['READING_REST'] } }, EDITOR)).createServiceCenter.id;
  });
  afterAll(() => sg?.stop());

  test('service centre: create, update, delete', async () => {
    const input = { enterpriseId, name: '国企党群服务中心', openedOn: '2021-05-01', openToPublic: true, functionalZones: ['READING_REST', 'FARM_PRODUCT_SHOWCASE', 'VOLUNTEER_SERVICE'] };
    const created = (await ok(url, M.center, { input }, EDITOR)).createServiceCenter;
    expect(created).toMatchObject({ ...input, regionCode: '610724', enterprise: { id: enterpriseId } });
    const updated = (await ok(url, M.updateCenter, { id: created.id, input: { functionalZones: ['PARTY_ACTIVITY'], openToPublic: false } }, EDITOR)).updateServiceCenter;
    expect(updated).toEqual({ id: created.id, functionalZones: ['PARTY_ACTIVITY'], openToPublic: false });
    await del('ServiceCenter', created.id);
  });

  test('service item: create, update, delete', async () => {
    const created = (await ok(url, M.item, { input: { serviceCenterId: centerId, kind: 'FOOD_HEATING', name: '餐食加热' } }, EDITOR)).createServiceItem;
    expect(created).toMatchObject({ kind: 'FOOD_HEATING', name: '餐食加热', regionCode: '610724', serviceCenter: { id: centerId } });
    expect((await ok(url, M.updateItem, { id: created.id, input: { name: '微波炉加热' } }, EDITOR)).updateServiceItem.name).toBe('微波炉加热');
    await del('ServiceItem', created.id);
  });

  test('visit record: create, update, delete', async () => {
    const created = (await ok(url, M.visit, { input: { serviceCenterId: centerId, visitedOn: '2022-04-01', span: 'MONTH', visitors: 900 } }, EDITOR)).createServiceCenterVisit;
    expect(created).toMatchObject({ visitedOn: '2022-04-01', span: 'MONTH', visitors: 900, regionCode: '610724' });
    expect((await ok(url, M.updateVisit, { id: created.id, input: { visitors: 950 } }, EDITOR)).updateServiceCenterVisit.visitors).toBe(950);
    await del('ServiceCenterVisit', created.id);
  });

  test('volunteer activity: create (SOE and other-sector organisers), update, delete', async () => {
    const input = { regionCode: '610724001', title: '助农直播', organizerSector: 'SOE', organizerId: enterpriseId, serviceCenterId: centerId, heldOn: '2022-06-01', volunteers: 12, peopleServed: 300 };
    const created = (await ok(url, M.activity, { input }, EDITOR)).createVolunteerActivity;
    expect(created).toMatchObject({ regionCode: '610724001', organizerSector: 'SOE', organizingEnterprise: { id: enterpriseId }, serviceCenter: { id: centerId } });
    expect((await ok(url, M.updateActivity, { id: created.id, input: { peopleServed: 320 } }, EDITOR)).updateVolunteerActivity.peopleServed).toBe(320);
    const school = (await ok(url, M.activity, { input: { ...input, organizerSector: 'SCHOOL', organizerId: SOMEONE, serviceCenterId: null } }, EDITOR)).createVolunteerActivity;
    expect(school).toMatchObject({ organizerSector: 'SCHOOL', organizerId: SOMEONE, organizingEnterprise: null, serviceCenter: null });
    const mine = await ok(url, `query($id: ID!) { enterprise(id: $id) { volunteerActivities { id } serviceCenters { id } } }`, { id: enterpriseId });
    expect(mine.enterprise.volunteerActivities).toEqual([{ id: created.id }]);
    await del('VolunteerActivity', created.id);
    await del('VolunteerActivity', school.id);
  });

  const invalid = (): [string, string, string, Record<string, unknown>, string, string][] => [
    ['an empty centre name', M.center, 'serviceCenters', { enterpriseId, name: '', openedOn: '2021-01-01' }, 'BAD_USER_INPUT', 'input.name'],
    ['a centre opening in the future', M.center, 'serviceCenters', { enterpriseId, name: 'x', openedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.openedOn'],
    ['a zone listed twice', M.center, 'serviceCenters', { enterpriseId, name: 'x', openedOn: '2021-01-01', functionalZones: ['READING_REST', 'READING_REST'] }, 'BAD_USER_INPUT', 'input.functionalZones'],
    ['an unknown enterprise', M.center, 'serviceCenters', { enterpriseId: SOMEONE, name: 'x', openedOn: '2021-01-01' }, 'NOT_FOUND', 'input.enterpriseId'],
    ['an empty item name', M.item, 'serviceItems', { serviceCenterId: centerId, kind: 'OTHER', name: ' ' }, 'BAD_USER_INPUT', 'input.name'],
    ['a malformed centre id', M.item, 'serviceItems', { serviceCenterId: 'x', kind: 'OTHER', name: 'y' }, 'BAD_USER_INPUT', 'input.serviceCenterId'],
    ['a monthly visit not on the 1st', M.visit, 'serviceCenterVisits', { serviceCenterId: centerId, visitedOn: '2022-04-15', span: 'MONTH', visitors: 5 }, 'BAD_USER_INPUT', 'input.visitedOn'],
    ['negative visitors', M.visit, 'serviceCenterVisits', { serviceCenterId: centerId, visitedOn: '2022-04-15', visitors: -1 }, 'BAD_USER_INPUT', 'input.visitors'],
    ['an unknown SOE organiser', M.activity, 'volunteerActivities', { regionCode: '610724', title: 't', organizerSector: 'SOE', organizerId: SOMEONE, heldOn: '2022-01-01', volunteers: 1, peopleServed: 1 }, 'NOT_FOUND', 'input.organizerId'],
    ['a malformed organiser id', M.activity, 'volunteerActivities', { regionCode: '610724', title: 't', organizerSector: 'HOSPITAL', organizerId: 'abc', heldOn: '2022-01-01', volunteers: 1, peopleServed: 1 }, 'BAD_USER_INPUT', 'input.organizerId'],
    ['fractional volunteers', M.activity, 'volunteerActivities', { regionCode: '610724', title: 't', organizerSector: 'HOSPITAL', organizerId: SOMEONE, heldOn: '2022-01-01', volunteers: -3, peopleServed: 1 }, 'BAD_USER_INPUT', 'input.volunteers'],
    ['an unknown region', M.activity, 'volunteerActivities', { regionCode: '610799', title: 't', organizerSector: 'HOSPITAL', organizerId: SOMEONE, heldOn: '2022-01-01', volunteers: 1, peopleServed: 1 }, 'BAD_USER_INPUT', 'input.regionCode'],
  ];
  test('invalid input is rejected naming the field, and writes nothing', async () => {
    for (const [what, mutation, list, input, code, field] of invalid()) {
      const before = await count(list);
      const res = await gql(url, mutation, { input }, EDITOR);
      expect({ what, code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field }).toEqual({ what, code, field });
      expect(await count(list)).toBe(before);
    }
  });

  test('writes outside the sector or the region are FORBIDDEN and write nothing', async () => {
    const writes: [string, string, Record<string, unknown>][] = [
      [M.center, 'serviceCenters', { enterpriseId, name: 'x', openedOn: '2021-01-01' }],
      [M.item, 'serviceItems', { serviceCenterId: centerId, kind: 'OTHER', name: 'y' }],
      [M.visit, 'serviceCenterVisits', { serviceCenterId: centerId, visitedOn: '2022-04-15', visitors: 5 }],
      [M.activity, 'volunteerActivities', { regionCode: '610724', title: 't', organizerSector: 'SOE', organizerId: enterpriseId, heldOn: '2022-01-01', volunteers: 1, peopleServed: 1 }],
    ];
    for (const [mutation, list, input] of writes) {
      for (const bearer of [OTHER_REGION, OTHER_SECTOR, token({ role: 'VIEWER' })]) {
        const before = await count(list);
        expectError(await gql(url, mutation, { input }, bearer), 'FORBIDDEN');
        expect(await count(list)).toBe(before);
      }
    }
    expectError(await gql(url, M.updateCenter, { id: centerId, input: { openToPublic: false } }, OTHER_REGION), 'FORBIDDEN');
    expectError(await gql(url, `mutation($id: ID!) { deleteServiceCenter(id: $id) }`, { id: centerId }, OTHER_SECTOR), 'FORBIDDEN');
    expect((await ok(url, `query($id: ID!) { serviceCenter(id: $id) { openToPublic } }`, { id: centerId })).serviceCenter.openToPublic).toBe(true);
  });

  test('100 enterprises with their centres, services, visits and activities cost the same SQL statements as 10', async () => {
    const region = '611002';
    const make = Array.from({ length: 100 }, (_, i) => `e${i}: createEnterprise(input: { name: "批量国企${i}", regionCode: "${region}", level: COUNTY, industry: "电力", partyOrganization: BRANCH }) { id }`);
    const ids = Object.values((await mutateInChunks(url, make, ADMIN)) as Record<string, { id: string }>).map((e) => e.id);
    const centres = ids.map((id, i) => `c${i}: createServiceCenter(input: { enterpriseId: "${id}", name: "驿站${i}", openedOn: "2021-01-01" }) { id }`);
    const centreIds = Object.values((await mutateInChunks(url, centres, ADMIN)) as Record<string, { id: string }>).map((c) => c.id);
    const records = centreIds.map(
      (c, i) => `i${i}: createServiceItem(input: { serviceCenterId: "${c}", kind: HOT_WATER, name: "饮用热水" }) { id }
        v${i}: createServiceCenterVisit(input: { serviceCenterId: "${c}", visitedOn: "2022-01-03", visitors: ${i} }) { id }
        a${i}: createVolunteerActivity(input: { regionCode: "${region}", title: "志愿服务", organizerSector: SOE, organizerId: "${ids[i]}", serviceCenterId: "${c}", heldOn: "2022-01-03", volunteers: 3, peopleServed: 30 }) { id }`,
    );
    await mutateInChunks(url, records, ADMIN);
    const list = (n: number) =>
      ok(url, `{ enterprises(regionCode: "${region}", first: ${n}) { edges { node { name region { name } serviceCenters { name enterprise { name } items { name } visits { visitors } } volunteerActivities { title serviceCenter { name } organizingEnterprise { name } } } } } }`);
    const page = await list(100);
    expect(page.enterprises.edges.every((e: any) => e.node.serviceCenters[0].items.length === 1 && e.node.volunteerActivities.length === 1)).toBe(true);
    const ten = await countStatements(url, () => list(10));
    const hundred = await countStatements(url, () => list(100));
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(10);
  });
});
