/**
 * The family-doctor signing rate per 10,000 residents: hospitals own the signings, communities
 * the population. HospitalStats is keyed by region and period; the communities subgraph adds
 * `residents`, and `signedResidentsPer10kResidents @requires(fields: "residents")`, so the
 * gateway fetches the population from communities before asking hospitals for the rate.
 */
import type { Stack } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';

const ADMIN = token({ role: 'ADMIN' });
const LICHENG = '510522001009'; // 荔城社区: 20000 residents as of 2023-12-31 in the reference data
const HANCHENG = '610581'; // no population entered

const STATS = (code: string, to: string) =>
  `{ region(code: "${code}") { hospitalStats(period: { to: "${to}" }) { scope familyDoctorSignedResidents residents signedResidentsPer10kResidents } } }`;

describe('family-doctor signings per 10,000 residents, across subgraphs', () => {
  let stack: Stack;
  let url: string;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    url = stack.gatewayUrl;
    for (const [code, signed] of [[LICHENG, 300], [HANCHENG, 500]] as const) {
      const hospital = (await ok(url, `mutation($i: CreateHospitalInput!) { r: createHospital(input: $i) { id } }`, {
        i: { name: `${code} 社区卫生服务中心`, regionCode: code, grade: 'PRIMARY', kind: 'COMMUNITY_HEALTH_CENTER', isPublic: true, secretaryPresidentSeparated: false, partyOrganization: 'BRANCH' },
      }, ADMIN)).r.id;
      await ok(url, `mutation($i: CreateFamilyDoctorTeamInput!) { r: createFamilyDoctorTeam(input: $i) { id } }`, {
        i: { hospitalId: hospital, name: '家庭医生签约团队', members: 5, signedResidents: signed, formedOn: '2023-01-01' },
      }, ADMIN);
    }
  }, 300_000);
  afterAll(() => stack?.stop());

  test('a region with its population loaded: signings × 10,000 ÷ residents, for anonymous callers too', async () => {
    const s = (await ok(url, STATS(LICHENG, '2024-06-30'))).region.hospitalStats;
    expect(s).toEqual({ scope: `${LICHENG}@..2024-06-30`, familyDoctorSignedResidents: 300, residents: 20000, signedResidentsPer10kResidents: 150 });
  });

  test('null where the population is unknown: a region without one, or a period ending before it was recorded', async () => {
    const hancheng = (await ok(url, STATS(HANCHENG, '2024-06-30'))).region.hospitalStats;
    expect(hancheng).toMatchObject({ familyDoctorSignedResidents: 500, residents: null, signedResidentsPer10kResidents: null });
    const before = (await ok(url, STATS(LICHENG, '2023-06-30'))).region.hospitalStats;
    expect(before).toMatchObject({ familyDoctorSignedResidents: 300, residents: null, signedResidentsPer10kResidents: null });
  });

  test('children in one request: the population and the rates are batched, each child its own', async () => {
    const data = await ok(url, `{ region(code: "510522001") { children { code hospitalStats(period: { to: "2024-06-30" }) { residents signedResidentsPer10kResidents } } } }`);
    const licheng = data.region.children.find((c: { code: string }) => c.code === LICHENG);
    expect(licheng.hospitalStats).toEqual({ residents: 20000, signedResidentsPer10kResidents: 150 });
    expect(data.region.children.filter((c: { hospitalStats: { residents: number | null } }) => c.hospitalStats.residents === null).length).toBe(data.region.children.length - 1);
  });

  test('the stats object by its key through the subgraphs: a bad scope is bad input', async () => {
    const res = await gql(stack.subgraphs.hospitals.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on HospitalStats { familyDoctorSignedResidents } } }', { r: [{ __typename: 'HospitalStats', scope: 'x' }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
