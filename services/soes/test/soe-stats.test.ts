import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, ok, startTestSubgraph, token } from '../../../test/support/harness';

const ADMIN = token({ role: 'ADMIN' });
const OUTSIDE = '22222222-2222-4222-8222-222222222222';

interface Period { from?: string; to?: string }
// 安康市 (6109): 汉滨区 610902 (老城街道 610902001), 汉阴县 610921.
const ENTERPRISES = [
  { key: 'X', regionCode: '610902001', establishedOn: null as string | null },
  { key: 'Y', regionCode: '610921', establishedOn: '2020-06-01' },
];
const CENTERS = [
  { key: 'c1', enterprise: 'X', openedOn: '2021-03-01' },
  { key: 'c2', enterprise: 'Y', openedOn: '2022-07-01' },
  { key: 'c3', enterprise: 'X', openedOn: '2019-05-20' },
];
const ITEMS = [
  { center: 'c1', offeredSince: null as string | null },
  { center: 'c1', offeredSince: '2022-01-01' },
  { center: 'c1', offeredSince: null },
  { center: 'c2', offeredSince: null },
  { center: 'c3', offeredSince: '2021-01-01' },
];
const VISITS = [
  { center: 'c1', visitedOn: '2021-03-01', span: 'MONTH', visitors: 800 },
  { center: 'c1', visitedOn: '2021-12-31', span: 'DAY', visitors: 45 },
  { center: 'c2', visitedOn: '2022-08-01', span: 'MONTH', visitors: 1200 },
  { center: 'c3', visitedOn: '2020-01-15', span: 'DAY', visitors: 30 },
];
const ACTIVITIES = [
  { regionCode: '610902001', sector: 'SOE', organizer: 'X', heldOn: '2021-06-01', volunteers: 10, peopleServed: 200 },
  { regionCode: '610902', sector: 'AGENCY', organizer: null, heldOn: '2021-12-31', volunteers: 5, peopleServed: 60 },
  { regionCode: '610921', sector: 'SOE', organizer: 'Y', heldOn: '2022-03-10', volunteers: 8, peopleServed: 150 },
  { regionCode: '610921100', sector: 'HOSPITAL', organizer: null, heldOn: '2020-02-02', volunteers: 4, peopleServed: 90 },
];

/** The definitions of SoeStats, written independently of the SQL. */
function expected(code: string, p: Period) {
  const enterpriseRegion = new Map(ENTERPRISES.map((e) => [e.key, e.regionCode]));
  const centerRegion = new Map(CENTERS.map((c) => [c.key, enterpriseRegion.get(c.enterprise)!]));
  const existed = (date: string | null) => !date || !p.to || date <= p.to;
  const within = (date: string) => (!p.from || date >= p.from) && (!p.to || date <= p.to);
  const openCenters = CENTERS.filter((c) => centerRegion.get(c.key)!.startsWith(code) && existed(c.openedOn)).map((c) => c.key);
  const activities = ACTIVITIES.filter((a) => a.regionCode.startsWith(code) && within(a.heldOn));
  return {
    enterprises: ENTERPRISES.filter((e) => e.regionCode.startsWith(code) && existed(e.establishedOn)).length,
    serviceCenters: openCenters.length,
    serviceItems: ITEMS.filter((i) => openCenters.includes(i.center) && existed(i.offeredSince)).length,
    serviceCenterVisits: VISITS.filter((v) => centerRegion.get(v.center)!.startsWith(code) && within(v.visitedOn)).reduce((s, v) => s + v.visitors, 0),
    volunteerActivities: activities.length,
    volunteers: activities.reduce((s, a) => s + a.volunteers, 0),
    peopleServedByVolunteers: activities.reduce((s, a) => s + a.peopleServed, 0),
  };
}
const FIELDS = 'enterprises serviceCenters serviceItems serviceCenterVisits volunteerActivities volunteers peopleServedByVolunteers';

describe('SoeStats: every field against the records the test created', () => {
  let sg: SubgraphProcess;
  let url: string;

  beforeAll(async () => {
    sg = await startTestSubgraph('soes');
    url = sg.url;
    const run = async (mutation: string, input: Record<string, unknown>) => Object.values(await ok(url, mutation, { i: input }, ADMIN))[0].id as string;
    const ids = new Map<string, string>();
    for (const e of ENTERPRISES) {
      ids.set(e.key, await run(`mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id } }`, { name: `国企${e.key}`, regionCode: e.regionCode, level: 'COUNTY', industry: '烟草', partyOrganization: 'BRANCH', establishedOn: e.establishedOn }));
    }
    for (const c of CENTERS) {
      ids.set(c.key, await run(`mutation($i: CreateServiceCenterInput!) { createServiceCenter(input: $i) { id } }`, { enterpriseId: ids.get(c.enterprise), name: `驿站${c.key}`, openedOn: c.openedOn }));
    }
    for (const i of ITEMS) await run(`mutation($i: CreateServiceItemInput!) { createServiceItem(input: $i) { id } }`, { serviceCenterId: ids.get(i.center), kind: 'OTHER', name: '便民服务', offeredSince: i.offeredSince });
    for (const v of VISITS) await run(`mutation($i: CreateServiceCenterVisitInput!) { createServiceCenterVisit(input: $i) { id } }`, { serviceCenterId: ids.get(v.center), visitedOn: v.visitedOn, span: v.span, visitors: v.visitors });
    for (const a of ACTIVITIES) {
      await run(`mutation($i: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $i) { id } }`, {
        regionCode: a.regionCode, title: '志愿服务', organizerSector: a.sector, organizerId: a.organizer ? ids.get(a.organizer) : OUTSIDE, heldOn: a.heldOn, volunteers: a.volunteers, peopleServed: a.peopleServed,
      });
    }
  });
  afterAll(() => sg?.stop());

  const periods: Period[] = [{}, { from: '2021-01-01', to: '2021-12-31' }, { to: '2021-06-30' }, { from: '2022-01-01' }, { to: '2019-12-31' }];
  const codes = ['6109', '610902', '610902001', '610921', '610921100', '610922'];

  test.each(periods)('period %j: every region and child region', async (period) => {
    const query = `query($p: PeriodInput) { ${codes.map((c, i) => `r${i}: region(code: "${c}") { soeStats(period: $p) { ${FIELDS} } }`).join(' ')} }`;
    const data = await ok(url, query, { p: period });
    for (const [i, code] of codes.entries()) expect({ code, stats: data[`r${i}`].soeStats }).toEqual({ code, stats: expected(code, period) });
  });

  test('the fixture exercises every field (no vacuous zeros)', () => {
    for (const value of Object.values(expected('6109', {}))) expect(value).toBeGreaterThan(0);
  });

  test('a drill-down costs the same statements over 1 or many children', async () => {
    const drill = (code: string) => ok(url, `{ region(code: "${code}") { children { code soeStats { ${FIELDS} } } } }`);
    // Children of the same level (here counties, read from pre-aggregates; townships read rows),
    // once the regions are in the process cache.
    for (const code of ['6109', '6101', '610902', '610502']) await drill(code);
    expect(await countStatements(url, () => drill('6109'))).toBe(await countStatements(url, () => drill('6101')));
    expect(await countStatements(url, () => drill('610902'))).toBe(await countStatements(url, () => drill('610502')));
    const children = (await drill('6109')).region.children as { code: string; soeStats: unknown }[];
    for (const child of children) expect(child.soeStats).toEqual(expected(child.code, {}));
  });
});

describe('Region.soeTrend', () => {
  let sg: SubgraphProcess;
  let url: string;
  const EVENTS = [
    { date: '2021-01-10', visitors: 40, volunteers: 3, served: 30 },
    { date: '2021-01-31', visitors: 15, volunteers: 2, served: 20 },
    { date: '2021-03-01', visitors: 100, volunteers: 6, served: 50 },
    { date: '2021-05-05', visitors: 7, volunteers: 1, served: 9 },
  ];
  beforeAll(async () => {
    sg = await startTestSubgraph('soes');
    url = sg.url;
    const enterprise = (await ok(url, `mutation { createEnterprise(input: { name: "趋势国企", regionCode: "610921", level: COUNTY, industry: "电力", partyOrganization: BRANCH }) { id } }`, {}, ADMIN)).createEnterprise.id;
    const center = (await ok(url, `mutation($e: ID!) { createServiceCenter(input: { enterpriseId: $e, name: "驿站", openedOn: "2020-01-01" }) { id } }`, { e: enterprise }, ADMIN)).createServiceCenter.id;
    for (const e of EVENTS) {
      await ok(url, `mutation($i: CreateServiceCenterVisitInput!) { createServiceCenterVisit(input: $i) { id } }`, { i: { serviceCenterId: center, visitedOn: e.date, visitors: e.visitors } }, ADMIN);
      await ok(url, `mutation($i: CreateVolunteerActivityInput!) { createVolunteerActivity(input: $i) { id } }`, {
        i: { regionCode: '610921', title: '志愿服务', organizerSector: 'SOE', organizerId: enterprise, heldOn: e.date, volunteers: e.volunteers, peopleServed: e.served },
      }, ADMIN);
    }
  });
  afterAll(() => sg?.stop());

  type Ev = { date: string; visitors: number; volunteers: number; served: number };
  test.each([
    ['SERVICE_CENTER_VISITS', (e: Ev) => e.visitors],
    ['VOLUNTEER_ACTIVITIES', () => 1],
    ['VOLUNTEERS', (e: Ev) => e.volunteers],
    ['PEOPLE_SERVED_BY_VOLUNTEERS', (e: Ev) => e.served],
  ] as const)('%s by month over 2021-01..2021-04, zeros included', async (metric, value) => {
    const data = await ok(url, `{ region(code: "61") { soeTrend(metric: ${metric}, period: { from: "2021-01-01", to: "2021-04-30" }) { label from to value } } }`);
    const months = ['2021-01', '2021-02', '2021-03', '2021-04'];
    expect(data.region.soeTrend.map((p: { label: string }) => p.label)).toEqual(months);
    expect(data.region.soeTrend[1]).toMatchObject({ from: '2021-02-01', to: '2021-02-28' });
    expect(data.region.soeTrend.map((p: { value: number }) => p.value)).toEqual(months.map((m) => EVENTS.filter((e) => e.date.startsWith(m)).reduce((s, e) => s + value(e), 0)));
  });
});
