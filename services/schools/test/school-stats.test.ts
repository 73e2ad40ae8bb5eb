import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, ok, startTestSubgraph, token } from '../../../test/support/harness';

const ADMIN = token({ role: 'ADMIN' });

interface SchoolRow { key: string; regionCode: string; stage: string; isPublic: boolean; secretaryPrincipalCombined: boolean; establishedOn: string | null }
interface DesignationRow { school: string; level: string; year: number; status: 'CULTIVATING' | 'DESIGNATED' | 'REVOKED'; revokedOn?: string }
interface ProjectRow { school: string; startedOn: string; endedOn?: string; status: string }
interface ChangeRow { school: string; kind: 'ADDED' | 'CONVERTED'; places: number; effectiveOn: string }
interface Period { from?: string; to?: string }

// 安康市 (6109): 汉滨区 610902 (老城街道 610902001, 新城街道 610902002), 汉阴县 610921.
const SCHOOLS: SchoolRow[] = [
  { key: 'A', regionCode: '610902001', stage: 'PRIMARY', isPublic: true, secretaryPrincipalCombined: true, establishedOn: null },
  { key: 'B', regionCode: '610902002', stage: 'JUNIOR_SECONDARY', isPublic: true, secretaryPrincipalCombined: false, establishedOn: '2020-09-01' },
  { key: 'C', regionCode: '610921', stage: 'KINDERGARTEN', isPublic: true, secretaryPrincipalCombined: true, establishedOn: null },
  { key: 'D', regionCode: '610921', stage: 'SENIOR_SECONDARY', isPublic: false, secretaryPrincipalCombined: true, establishedOn: null },
  { key: 'E', regionCode: '610902001', stage: 'VOCATIONAL', isPublic: true, secretaryPrincipalCombined: true, establishedOn: '2022-03-01' },
  { key: 'F', regionCode: '610921', stage: 'NINE_YEAR', isPublic: true, secretaryPrincipalCombined: true, establishedOn: '2019-01-01' },
];
const DESIGNATIONS: DesignationRow[] = [
  { school: 'A', level: 'COUNTY', year: 2020, status: 'DESIGNATED' },
  { school: 'A', level: 'CITY', year: 2021, status: 'CULTIVATING' },
  { school: 'B', level: 'COUNTY', year: 2021, status: 'CULTIVATING' },
  { school: 'C', level: 'COUNTY', year: 2019, status: 'REVOKED', revokedOn: '2021-06-30' },
  { school: 'E', level: 'PROVINCE', year: 2023, status: 'DESIGNATED' },
];
const PROJECTS: ProjectRow[] = [
  { school: 'A', startedOn: '2020-03-01', status: 'IN_PROGRESS' },
  { school: 'B', startedOn: '2019-01-01', endedOn: '2020-12-31', status: 'COMPLETED' },
  { school: 'D', startedOn: '2021-05-01', endedOn: '2021-06-01', status: 'ABANDONED' },
  { school: 'F', startedOn: '2022-06-01', status: 'IN_PROGRESS' },
];
const CHANGES: ChangeRow[] = [
  { school: 'A', kind: 'ADDED', places: 120, effectiveOn: '2021-09-01' },
  { school: 'C', kind: 'CONVERTED', places: 180, effectiveOn: '2021-09-01' },
  { school: 'C', kind: 'CONVERTED', places: 60, effectiveOn: '2022-02-15' },
  { school: 'E', kind: 'ADDED', places: 45, effectiveOn: '2023-09-01' },
];

const STATIONS = [
  { host: 'A', incubated: ['B', 'F'], establishedOn: '2021-04-01' },
  { host: 'F', incubated: ['B', 'D'], establishedOn: null as string | null },
  { host: 'C', incubated: [] as string[], establishedOn: '2022-09-01' },
];
const SESSIONS = [
  { regionCode: '610902', heldOn: '2021-07-10', attendees: 120 },
  { regionCode: '610902001', heldOn: '2021-07-20', attendees: 80 },
  { regionCode: '610921', heldOn: '2022-06-15', attendees: 60 },
];

/** The definitions of SchoolStats, written independently of the SQL. */
function expected(code: string, p: Period) {
  const regionOf = new Map(SCHOOLS.map((s) => [s.key, s.regionCode]));
  const inside = (key: string) => regionOf.get(key)!.startsWith(code);
  const within = (date: string) => (!p.from || date >= p.from) && (!p.to || date <= p.to);
  const schools = SCHOOLS.filter((s) => s.regionCode.startsWith(code) && (!s.establishedOn || !p.to || s.establishedOn <= p.to));
  const publicSchools = schools.filter((s) => s.isPublic && s.stage !== 'KINDERGARTEN');
  const combined = publicSchools.filter((s) => s.secretaryPrincipalCombined).length;
  const held = DESIGNATIONS.filter(
    (d) => inside(d.school) && (!p.to || d.year <= Number(p.to.slice(0, 4))) && (d.status !== 'REVOKED' || (p.to !== undefined && d.revokedOn! > p.to)),
  );
  const changes = CHANGES.filter((c) => inside(c.school) && within(c.effectiveOn));
  const stations = STATIONS.filter((st) => inside(st.host) && (!st.establishedOn || !p.to || st.establishedOn <= p.to));
  const sessions = SESSIONS.filter((g) => g.regionCode.startsWith(code) && within(g.heldOn));
  return {
    schools: schools.length,
    publicSchools: publicSchools.length,
    secretaryPrincipalCombined: combined,
    secretaryPrincipalCombinedRate: publicSchools.length ? combined / publicSchools.length : null,
    demonstrationSchools: new Set(held.map((d) => d.school)).size,
    designatedDemonstrationSchools: new Set(held.filter((d) => d.status !== 'CULTIVATING').map((d) => d.school)).size,
    secretaryProjects: PROJECTS.filter((x) => inside(x.school) && (!p.to || x.startedOn <= p.to) && (!p.from || !x.endedOn || x.endedOn >= p.from)).length,
    placesAdded: changes.reduce((sum, c) => sum + c.places, 0),
    incubationStations: stations.length,
    incubatedSchools: new Set(stations.flatMap((st) => st.incubated)).size,
    enrollmentGuidanceSessions: sessions.length,
    enrollmentGuidanceAttendees: sessions.reduce((sum, g) => sum + g.attendees, 0),
    placesConverted: changes.filter((c) => c.kind === 'CONVERTED').reduce((sum, c) => sum + c.places, 0),
  };
}

const FIELDS = 'schools publicSchools secretaryPrincipalCombined secretaryPrincipalCombinedRate demonstrationSchools designatedDemonstrationSchools secretaryProjects placesAdded placesConverted incubationStations incubatedSchools enrollmentGuidanceSessions enrollmentGuidanceAttendees';

describe('SchoolStats: every field against the records the test created', () => {
  let sg: SubgraphProcess;
  let url: string;

  beforeAll(async () => {
    sg = await startTestSubgraph('schools');
    url = sg.url;
    const ids = new Map<string, string>();
    for (const { key, ...input } of SCHOOLS) {
      const res = await ok(url, `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, { i: { ...input, name: `学校${key}`, partyOrganization: 'BRANCH' } }, ADMIN);
      ids.set(key, res.createSchool.id);
    }
    for (const d of DESIGNATIONS) {
      const input = { schoolId: ids.get(d.school), level: d.level, year: d.year, status: d.status === 'CULTIVATING' ? 'CULTIVATING' : 'DESIGNATED' };
      const { id } = (await ok(url, `mutation($i: CreateDemonstrationDesignationInput!) { createDemonstrationDesignation(input: $i) { id } }`, { i: input }, ADMIN)).createDemonstrationDesignation;
      if (d.status === 'REVOKED') {
        await ok(url, `mutation($id: ID!, $i: UpdateDemonstrationDesignationInput!) { updateDemonstrationDesignation(id: $id, input: $i) { id } }`, { id, i: { status: 'REVOKED', revokedOn: d.revokedOn } }, ADMIN);
      }
    }
    for (const x of PROJECTS) {
      const input = { schoolId: ids.get(x.school), title: '书记项目', goal: '目标', startedOn: x.startedOn, endedOn: x.endedOn ?? null, status: x.status };
      await ok(url, `mutation($i: CreateSecretaryProjectInput!) { createSecretaryProject(input: $i) { id } }`, { i: input }, ADMIN);
    }
    for (const c of CHANGES) {
      const input = { schoolId: ids.get(c.school), kind: c.kind, places: c.places, effectiveOn: c.effectiveOn };
      await ok(url, `mutation($i: CreateEnrollmentChangeInput!) { createEnrollmentChange(input: $i) { id } }`, { i: input }, ADMIN);
    }
    for (const st of STATIONS) {
      const input = { name: `孵化驿站${st.host}`, hostSchoolId: ids.get(st.host), incubatedSchoolIds: st.incubated.map((k) => ids.get(k)), establishedOn: st.establishedOn };
      await ok(url, `mutation($i: CreateIncubationStationInput!) { createIncubationStation(input: $i) { id } }`, { i: input }, ADMIN);
    }
    for (const g of SESSIONS) {
      await ok(url, `mutation($i: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $i) { id } }`, { i: { ...g, title: '报名系统实操培训', volunteers: 6 } }, ADMIN);
    }
  });
  afterAll(() => sg?.stop());

  const periods: Period[] = [{}, { from: '2021-01-01', to: '2021-12-31' }, { to: '2020-12-31' }, { from: '2022-01-01' }, { to: '2019-06-30' }];
  const codes = ['6109', '610902', '610902001', '610902002', '610921', '610922'];

  test.each(periods)('period %j: every region and child region', async (period) => {
    const query = `query($p: PeriodInput) { ${codes.map((c, i) => `r${i}: region(code: "${c}") { code schoolStats(period: $p) { ${FIELDS} } }`).join(' ')} }`;
    const data = await ok(url, query, { p: period });
    for (const [i, code] of codes.entries()) {
      expect({ code, stats: data[`r${i}`].schoolStats }).toEqual({ code, stats: expected(code, period) });
    }
  });

  test('the fixture exercises every field (no vacuous zeros)', () => {
    const all = expected('6109', {});
    for (const value of Object.values(all)) expect(value).toBeGreaterThan(0);
    expect(expected('610922', {}).secretaryPrincipalCombinedRate).toBeNull();
  });

  test('a drill-down costs the same statements over 1 or many children', async () => {
    const drill = (code: string) => ok(url, `{ region(code: "${code}") { children { code schoolStats { ${FIELDS} } } } }`);
    // Children of the same level: counties (pre-aggregates) of two cities, townships (rows) of two
    // counties, once the regions are in the process cache.
    for (const code of ['6109', '6101', '610902', '610502']) await drill(code);
    expect(await countStatements(url, () => drill('6109'))).toBe(await countStatements(url, () => drill('6101')));
    expect(await countStatements(url, () => drill('610902'))).toBe(await countStatements(url, () => drill('610502')));
    const children = (await drill('6109')).region.children as { code: string; schoolStats: unknown }[];
    for (const child of children) expect(child.schoolStats).toEqual(expected(child.code, {}));
  });
});

describe('Region.schoolTrend', () => {
  let sg: SubgraphProcess;
  let url: string;
  const EVENTS = [
    { date: '2021-02-10', places: 40, attendees: 30 },
    { date: '2021-03-31', places: 15, attendees: 20 },
    { date: '2021-08-01', places: 100, attendees: 50 },
    { date: '2022-01-05', places: 7, attendees: 9 },
  ];
  beforeAll(async () => {
    sg = await startTestSubgraph('schools');
    url = sg.url;
    const school = (await ok(url, `mutation { createSchool(input: { name: "趋势学校", regionCode: "610921", stage: PRIMARY, isPublic: true, secretaryPrincipalCombined: true, partyOrganization: BRANCH }) { id } }`, {}, ADMIN)).createSchool.id;
    for (const e of EVENTS) {
      await ok(url, `mutation($i: CreateEnrollmentChangeInput!) { createEnrollmentChange(input: $i) { id } }`, { i: { schoolId: school, kind: 'ADDED', places: e.places, effectiveOn: e.date } }, ADMIN);
      await ok(url, `mutation($i: CreateEnrollmentGuidanceSessionInput!) { createEnrollmentGuidanceSession(input: $i) { id } }`, { i: { regionCode: '610921', title: '培训', heldOn: e.date, attendees: e.attendees } }, ADMIN);
    }
  });
  afterAll(() => sg?.stop());

  const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
  test.each([
    ['PLACES_ADDED', (e: (typeof EVENTS)[number]) => e.places],
    ['ENROLLMENT_GUIDANCE_SESSIONS', () => 1],
    ['ENROLLMENT_GUIDANCE_ATTENDEES', (e: (typeof EVENTS)[number]) => e.attendees],
  ] as const)('%s by quarter over 2021, zeros included', async (metric, value) => {
    const data = await ok(url, `{ region(code: "6109") { schoolTrend(metric: ${metric}, granularity: QUARTER, period: { from: "2021-01-01", to: "2021-12-31" }) { label value } } }`);
    const expected = ['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4'].map((label) => ({
      label,
      value: EVENTS.filter((e) => quarterOf(e.date) === label).reduce((s, e) => s + value(e), 0),
    }));
    expect(data.region.schoolTrend).toEqual(expected);
  });
});
