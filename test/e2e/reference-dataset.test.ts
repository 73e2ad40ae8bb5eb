import type { Stack } from '@pb/gateway';
import { Client } from 'pg';
import { ok, startTestStack } from '../support/harness';

/**
 * The reference figures: every article figure comes out of the gateway exactly, on a stack loaded with the
 * reference dataset and nothing else. Each row: region, the stats it selects, the expected answer.
 * No period: stock figures at today, event figures over all time.
 */
type Row = [label: string, code: string, selection: string, expected: Record<string, unknown>];

/** Issue 14: the articles' other figures (population, organisations, volunteering, satisfaction, claims, places, visits) and the fillers made visible. */
const Y2021 = '(period: { from: "2021-01-01", to: "2021-12-31" })';
const Y2023 = '(period: { from: "2023-01-01", to: "2023-12-31" })';
const ISSUE_14_ROWS: Row[] = [
  ['韩城市 service claims 3000 (000)', '610581', 'communityStats { serviceClaims serviceClaimsCompleted }', { communityStats: { serviceClaims: 3000, serviceClaimsCompleted: 3000 } }],
  ['韩城市 households visited 5400 (000)', '610581', 'communityStats { serviceClaimHouseholdsVisited }', { communityStats: { serviceClaimHouseholdsVisited: 5400 } }],
  ['遵南社区 residents 36083 (000)', '520304004003', 'communityStats { residents }', { communityStats: { residents: 36083 } }],
  ['遵南社区 party members per 10,000 residents (000)', '520304004003', 'communityStats { partyMembersPer10kResidents }', { communityStats: { partyMembersPer10kResidents: 66.79 } }],
  ['遵南社区 党总支 and 8 党支部 with 241 members (000)', '520304004003', 'communityStats { partyOrganizations partyOrganizationMembers }', { communityStats: { partyOrganizations: 9, partyOrganizationMembers: 241 } }],
  ['遵南社区 帮办 volunteer services 70 (000)', '520304004003', 'communityStats { volunteerActivities }', { communityStats: { volunteerActivities: 70 } }],
  ['荔城社区 (利城半岛小区) residents 20000 (002)', '510522001009', 'communityStats { residents }', { communityStats: { residents: 20000 } }],
  ['合江县 业主满意度 before: 10.2% (002)', '510522', `communityStats${Y2021} { satisfactionRate }`, { communityStats: { satisfactionRate: 0.102 } }],
  ['合江县 业主满意度 after: 91.6% (002)', '510522', `communityStats${Y2023} { satisfactionRate }`, { communityStats: { satisfactionRate: 0.916 } }],
  ['西乡县 school places +360 (001)', '610724', 'schoolStats { placesAdded placesConverted }', { schoolStats: { placesAdded: 360, placesConverted: 360 } }],
  ['西乡县 service-centre visitors 10,000 (001)', '610724', 'soeStats { serviceCenterVisits }', { soeStats: { serviceCenterVisits: 10000 } }],
  [
    '运河区 partnership suggestions / resources / problems (004)',
    '130903',
    'communityStats { partnershipSuggestionsAdopted partnershipResourcesShared partnershipProblemsSolved }',
    { communityStats: { partnershipSuggestionsAdopted: 41, partnershipResourcesShared: 40, partnershipProblemsSolved: 89 } },
  ],
  [
    '芝阳镇 医养结合 residents by condition (002)',
    '610581106',
    'hospitalStats { elderCareSelfCareResidents elderCareSemiDisabledResidents elderCareDisabledResidents }',
    { hospitalStats: { elderCareSelfCareResidents: 24, elderCareSemiDisabledResidents: 19, elderCareDisabledResidents: 7 } },
  ],
  ['韩城市 6 医共体 (002)', '610581', 'hospitalStats { medicalCommunityPairings hospitalPairings }', { hospitalStats: { medicalCommunityPairings: 6, hospitalPairings: 6 } }],
  ['蓟州区 free clinics: how much is filler (000)', '120119', 'hospitalStats { provenance { article filler user synthetic } }', { hospitalStats: { provenance: { article: 0, filler: 67, user: 0, synthetic: 0 } } }],
  ['韩城市 community records by source (000, 002)', '610581', 'communityStats { provenance { article filler user synthetic } }', { communityStats: { provenance: { article: 17, filler: 3916, user: 0, synthetic: 0 } } }],
  ['韩城市 difficulties solved 3253 (000)', '610581', 'communityStats { serviceClaimProblemsSolved }', { communityStats: { serviceClaimProblemsSolved: 3253 } }],
  ['韩城市 积分超市 points redeemed 1000 (000)', '610581', `communityStats${Y2023} { pointsRedeemed pointsEarned }`, { communityStats: { pointsRedeemed: 1000, pointsEarned: 0 } }],
  ['晋中市 public hospitals developed 266 party members (004)', '1407', 'hospitalStats(period: { from: "2021-01-01", to: "2023-12-31" }) { partyMembersDeveloped }', { hospitalStats: { partyMembersDeveloped: 266 } }],
  // The 266 member-development report is one of the six ARTICLE records (five before it).
  ['晋中市 hospital records by source (004)', '1407', 'hospitalStats { provenance { article filler user synthetic } }', { hospitalStats: { provenance: { article: 6, filler: 51, user: 0, synthetic: 0 } } }],
];

/**
 * The older party structures on PartyOrganization: the cross-sector organisation counts include
 * each community's own organisation, its grid branches and the hospitals' department branches.
 * (No earlier row had to change: 遵南社区's 党总支 is now the community's own organisation.)
 */
const ORGANISATION_ROWS: Row[] = [
  ['学生路社区 organisations: its 党委 and 13 grid branches (003)', '410802001004', 'communityStats { partyOrganizations gridPartyBranches }', { communityStats: { partyOrganizations: 14, gridPartyBranches: 13 } }],
  ['晋中市 organisations: the 20 department branches (004)', '1407', 'hospitalStats { partyOrganizations departmentBranches }', { hospitalStats: { partyOrganizations: 20, departmentBranches: 20 } }],
];

const ROWS: Row[] = [
  ['韩城市 双报到 units / members (000)', '610581', 'communityStats { registeredUnits registeredMembers }', { communityStats: { registeredUnits: 415, registeredMembers: 6278 } }],
  [
    '涺惠社区 板凳议事会 and disputes by category (000)',
    '610581002004',
    'communityStats { meetingsHeld disputesByCategory { category count } }',
    {
      communityStats: {
        meetingsHeld: 50,
        disputesByCategory: [
          { category: 'NEIGHBOR', count: 21 },
          { category: 'PROPERTY', count: 13 },
          { category: 'MARRIAGE_FAMILY', count: 12 },
          { category: 'OTHER', count: 0 },
        ],
      },
    },
  ],
  ['遵南社区 grids / party groups / party members (000)', '520304004003', 'communityStats { grids buildingPartyGroups partyMembers }', { communityStats: { grids: 44, buildingPartyGroups: 44, partyMembers: 241 } }],
  ['西乡县 双报到 units / members (001)', '610724', 'communityStats { registeredUnits registeredMembers }', { communityStats: { registeredUnits: 265, registeredMembers: 7759 } }],
  [
    '西乡县 public schools / 一肩挑 / demonstration schools (001)',
    '610724',
    'schoolStats { publicSchools secretaryPrincipalCombined demonstrationSchools }',
    { schoolStats: { publicSchools: 40, secretaryPrincipalCombined: 37, demonstrationSchools: 10 } },
  ],
  ['西乡县 初心驿站 and its services (001)', '610724', 'soeStats { serviceCenters serviceItems }', { soeStats: { serviceCenters: 1, serviceItems: 16 } }],
  ['韩城市 free-clinic patients / home visits (002)', '610581', 'hospitalStats { freeClinicPatients freeClinicHomeVisits }', { hospitalStats: { freeClinicPatients: 2400, freeClinicHomeVisits: 98 } }],
  [
    '韩城市 health stations / home visits / basic services (002)',
    '610581',
    'hospitalStats { healthStations stationHomeVisits stationBasicServices }',
    { hospitalStats: { healthStations: 6, stationHomeVisits: 610, stationBasicServices: 960 } },
  ],
  [
    '学生路社区 grids / branches / groups / households (003)',
    '410802001004',
    'communityStats { grids gridPartyBranches buildingPartyGroups partyMemberHouseholds }',
    { communityStats: { grids: 12, gridPartyBranches: 13, buildingPartyGroups: 26, partyMemberHouseholds: 35 } },
  ],
  [
    '晋中市 secondary-or-above hospitals / separated posts (004)',
    '1407',
    'hospitalStats { secondaryOrAboveHospitals secretaryPresidentSeparated secretaryPresidentSeparationRate }',
    { hospitalStats: { secondaryOrAboveHospitals: 36, secretaryPresidentSeparated: 30, secretaryPresidentSeparationRate: 0.833 } },
  ],
  ['晋中市 dual-leader rate (004)', '1407', 'hospitalStats { dualLeaderRate }', { hospitalStats: { dualLeaderRate: 0.7 } }],
  ['蓟州区 free clinics (000)', '120119', 'hospitalStats { freeClinics }', { hospitalStats: { freeClinics: 66 } }],
  ['芝阳镇 医养结合 residents (002)', '610581106', 'hospitalStats { elderCareResidents }', { hospitalStats: { elderCareResidents: 50 } }],
  ['运河区 paired communities (004)', '130903', 'communityStats { partnerships }', { communityStats: { partnerships: 6 } }],
  ...ISSUE_14_ROWS,
  ...ORGANISATION_ROWS,
];


/** Rates to three decimals, as the table gives them. */
const rounded = (v: unknown): unknown =>
  typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : Array.isArray(v) ? v.map(rounded) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v;

/** Rows and last change of every table holding reference records, per subgraph database. */
async function snapshot(urls: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const tables: { table_name: string }[] = (await client.query(`SELECT table_name FROM information_schema.columns WHERE column_name = 'source' AND table_schema = 'public' ORDER BY 1`)).rows;
      for (const { table_name: t } of tables) {
        const r = (await client.query(`SELECT count(*)::int AS n, max(updated_at)::text AS last FROM "${t}" WHERE source IN ('ARTICLE', 'FILLER')`)).rows[0];
        out[`${name}.${t}`] = `${r.n} @ ${r.last}`;
      }
    } finally {
      await client.end();
    }
  }
  return out;
}

describe('the reference dataset through the gateway', () => {
  let stack: Stack;
  const region = async (code: string, selection: string) => (await ok(stack.gatewayUrl, `query($code: ID!) { region(code: $code) { ${selection} } }`, { code }, null)).region;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack?.stop());

  test.each(ROWS)('%s', async (_label, code, selection, expected) => {
    expect(rounded(await region(code, selection))).toEqual(expected);
  });

  test('records say where they come from: named in an article, or a filler', async () => {
    const data = await ok(stack.gatewayUrl, '{ hospitals(regionCode: "1407", first: 100) { totalCount edges { node { name source } } } }', undefined, null);
    expect(data.hospitals.totalCount).toBe(36);
    expect(data.hospitals.edges).toContainEqual({ node: { name: '晋中市第二人民医院', source: 'ARTICLE' } });
    expect(data.hospitals.edges.filter((e: { node: { source: string } }) => e.node.source === 'FILLER')).toHaveLength(32);
  });

  test('reference disputes reached RESOLVED through the dispute flow, and designations DESIGNATED', async () => {
    expect(await region('610581002004', 'communityStats { disputesMediated disputesResolved }')).toEqual({ communityStats: { disputesMediated: 46, disputesResolved: 46 } });
    expect(await region('610724', 'schoolStats { designatedDemonstrationSchools }')).toEqual({ schoolStats: { designatedDemonstrationSchools: 10 } });
  });

  test('loading again on the same databases changes nothing', async () => {
    const before = await snapshot(stack.databases.urls);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // A restart runs each subgraph's loader again (PB_SEED=1) on the databases it already filled.
    for (const s of Object.values(stack.subgraphs)) await s.restart();
    expect(await snapshot(stack.databases.urls)).toEqual(before);
    expect(rounded(await region(ROWS[0][1], ROWS[0][2]))).toEqual(ROWS[0][3]);
  });
});
