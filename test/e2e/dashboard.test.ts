import { writeFileSync } from 'node:fs';
import type { Stack } from '@pb/gateway';
import { countStatements, ok, startTestStack } from '../support/harness';

/**
 * The dashboard query (docs/dashboard.md): one request for a region and a period with the four
 * sectors' stats, the same for every child region, and monthly trends.
 */
export const DASHBOARD = `query Dashboard($code: ID!, $period: PeriodInput) {
  region(code: $code) {
    code name level
    communityStats(period: $period) {
      communities grids partyMembers registeredUnits registeredMembers
      registeredUnitsBySector { sector count }
      meetingsHeld disputesMediated disputesResolved
    }
    hospitalStats(period: $period) {
      hospitals secondaryOrAboveHospitals secretaryPresidentSeparationRate
      freeClinics freeClinicPatients freeClinicHomeVisits
      healthStations stationHomeVisits stationBasicServices
    }
    schoolStats(period: $period) { schools publicSchools secretaryPrincipalCombinedRate demonstrationSchools }
    soeStats(period: $period) { enterprises serviceCenters serviceItems volunteerActivities }
    children {
      code name
      communityStats(period: $period) { communities registeredUnits meetingsHeld disputesResolved }
      hospitalStats(period: $period) { hospitals freeClinics freeClinicPatients healthStations stationHomeVisits }
      schoolStats(period: $period) { schools }
      soeStats(period: $period) { enterprises serviceCenters }
    }
    freeClinicPatients: hospitalTrend(period: $period, granularity: MONTH, metric: FREE_CLINIC_PATIENTS) { label value }
    stationHomeVisits: hospitalTrend(period: $period, granularity: MONTH, metric: STATION_HOME_VISITS) { label value }
    placesAdded: schoolTrend(period: $period, granularity: MONTH, metric: PLACES_ADDED) { label value }
    serviceCenterVisits: soeTrend(period: $period, granularity: MONTH, metric: SERVICE_CENTER_VISITS) { label value }
  }
}`;

const YEAR_2023 = { from: '2023-01-01', to: '2023-12-31' };
/** 韩城市 (8 townships) and its 新城街道 (29 residents' committees). */
const FEW = '610581';
const MANY = '610581001';

describe('the dashboard query through the gateway', () => {
  let stack: Stack;
  const dashboard = (code: string) => ok(stack.gatewayUrl, DASHBOARD, { code, period: YEAR_2023 }, null);

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack?.stop());

  test('answers all four sectors, every child and the monthly trends on the reference dataset', async () => {
    const { region } = await dashboard(FEW);
    if (process.env.PB_DASHBOARD_ANSWER) writeFileSync(process.env.PB_DASHBOARD_ANSWER, JSON.stringify({ data: { region } }, null, 2));
    expect(region.communityStats).toMatchObject({ registeredUnits: 415, registeredMembers: 6278, meetingsHeld: 50, disputesResolved: 46 });
    expect(region.communityStats.registeredUnitsBySector).toEqual([
      { sector: 'AGENCY', count: 414 },
      { sector: 'HOSPITAL', count: 1 },
      { sector: 'SCHOOL', count: 0 },
      { sector: 'SOE', count: 0 },
    ]);
    expect(region.hospitalStats).toMatchObject({ freeClinicPatients: 2400, freeClinicHomeVisits: 98, healthStations: 6, stationHomeVisits: 610, stationBasicServices: 960 });
    expect(region.children).toHaveLength(8);
    // The children's figures add up to the county's (every record lies in some township).
    const sum = (f: (c: (typeof region.children)[number]) => number) => region.children.reduce((n: number, c: (typeof region.children)[number]) => n + f(c), 0);
    expect(sum((c) => c.communityStats.registeredUnits)).toBe(415);
    expect(sum((c) => c.hospitalStats.freeClinicPatients)).toBe(2400);
    expect(sum((c) => c.hospitalStats.stationHomeVisits)).toBe(610);
    expect(region.freeClinicPatients).toHaveLength(12);
    expect(region.freeClinicPatients.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(2400);
    expect(region.stationHomeVisits.reduce((n: number, p: { value: number }) => n + p.value, 0)).toBe(610);
  });

  // Same-level pairs: a county's children (townships) read pre-aggregates, a township's
  // children (villages, a handful of records each) read rows; either way the count does not
  // grow with the number of children.
  test.each([
    ['counties', '610581', 8, '610502', 27],
    ['townships', '610581107', 14, '610581001', 29],
  ])('costs the same SQL statements per subgraph for %s with %s (%i children) and %s (%i children)', async (_level, few, fewChildren, many, manyChildren) => {
    await dashboard(few); // warm: per-process caches (regions) filled once, not per request
    await dashboard(many);
    expect((await dashboard(few)).region.children).toHaveLength(fewChildren);
    expect((await dashboard(many)).region.children).toHaveLength(manyChildren);
    for (const sub of Object.values(stack.subgraphs)) {
      const fewCount = await countStatements(sub.url, () => dashboard(few));
      const manyCount = await countStatements(sub.url, () => dashboard(many));
      expect({ subgraph: sub.name, statements: manyCount }).toEqual({ subgraph: sub.name, statements: fewCount });
      expect(fewCount).toBeGreaterThan(0);
    }
  });
});
