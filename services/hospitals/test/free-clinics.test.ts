import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, ok, startTestSubgraph } from '../../../test/support/harness';
import { ADMIN, createHospital, EDITOR, expectRejected, mutate, REJECTED_CALLERS, sum, total, XINCHENG, ZHIYANG } from './helpers';

const CREATE = `mutation($input: CreateFreeClinicInput!) { createFreeClinic(input: $input) { id regionCode patients } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFreeClinicInput!) { updateFreeClinic(id: $id, input: $input) { id patients homeVisits } }`;
const DELETE = `mutation($id: ID!) { deleteFreeClinic(id: $id) }`;
const STATS = `query($code: ID!, $period: PeriodInput) { region(code: $code) { hospitalStats(period: $period) {
  freeClinics freeClinicPatients freeClinicHomeVisits freeClinicReferrals freeClinicPatientsPerEvent } } }`;
const COMMUNITY = '5b0c1f3e-8f7a-4c6e-9d41-2a6b7c8d9e01';

interface ClinicRow {
  regionCode: string;
  heldOn: string;
  patients: number;
  homeVisits: number;
  referrals: number;
}

describe('free clinics (义诊)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let hospitalId: string;
  let partnerId: string;
  const clinics = () => total(url, 'freeClinics');
  const clinic = (extra: Record<string, unknown> = {}) => ({
    hospitalId,
    heldOn: '2024-03-05',
    regionCode: ZHIYANG,
    teamSize: 12,
    partyMemberDoctors: 8,
    patients: 300,
    homeVisits: 15,
    followUpPatients: 20,
    referrals: 4,
    ...extra,
  });

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    url = sg.url;
    hospitalId = await createHospital(url, ZHIYANG);
    partnerId = await createHospital(url, XINCHENG);
  });
  afterAll(() => sg?.stop());

  test('a clinic is created with its hospitals and community, and listed under its hospital', async () => {
    const created = await mutate(url, CREATE, { input: clinic({ partnerHospitalIds: [partnerId], communityId: COMMUNITY, venue: '村委会广场' }) });
    expect(created).toMatchObject({ regionCode: ZHIYANG, patients: 300 });
    const data = await ok(
      url,
      `query($id: ID!) { freeClinic(id: $id) { venue hospital { id freeClinics { id } } partnerHospitals { id } community { id } region { code } } }`,
      { id: created.id },
    );
    expect(data.freeClinic).toEqual({
      venue: '村委会广场',
      hospital: { id: hospitalId, freeClinics: [{ id: created.id }] },
      partnerHospitals: [{ id: partnerId }],
      community: { id: COMMUNITY },
      region: { code: ZHIYANG },
    });
    expect(await total(url, 'freeClinics', `hospitalId: "${partnerId}"`)).toBe(1);
  });

  test('an update changes the counts; a delete removes the clinic', async () => {
    const { id } = await mutate(url, CREATE, { input: clinic() });
    expect(await mutate(url, UPDATE, { id, input: { patients: 320, homeVisits: 0 } })).toEqual({ id, patients: 320, homeVisits: 0 });
    await expectRejected(url, UPDATE, { id, input: { patients: -5 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.patients' }, clinics);
    await expectRejected(url, UPDATE, { id, input: { patients: 10 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.followUpPatients' }, clinics);
    expect((await ok(url, `query($id: ID!) { freeClinic(id: $id) { patients } }`, { id })).freeClinic.patients).toBe(320);
    const before = await clinics();
    expect(await mutate(url, DELETE, { id })).toBe(id);
    expect(await clinics()).toBe(before - 1);
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ['negative patients', { patients: -1 }, 'BAD_USER_INPUT', 'input.patients'],
    ['negative home visits', { homeVisits: -3 }, 'BAD_USER_INPUT', 'input.homeVisits'],
    ['a date in the future', { heldOn: '2999-05-01' }, 'BAD_USER_INPUT', 'input.heldOn'],
    ['more party-member doctors than the team', { partyMemberDoctors: 13 }, 'BAD_USER_INPUT', 'input.partyMemberDoctors'],
    ['more referrals than patients', { referrals: 301 }, 'BAD_USER_INPUT', 'input.referrals'],
    ['an unknown hospital', { hospitalId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.hospitalId'],
    ['the organizer as its own partner', { partnerHospitalIds: ['$self'] }, 'BAD_USER_INPUT', 'input.partnerHospitalIds'],
    ['an unknown region', { regionCode: '610599' }, 'BAD_USER_INPUT', 'input.regionCode'],
  ];
  test.each(invalid)('creating with %s is rejected and writes nothing', async (_what, extra, code, field) => {
    const input = clinic(extra);
    if (extra.partnerHospitalIds) input.partnerHospitalIds = [hospitalId];
    await expectRejected(url, CREATE, { input }, EDITOR, { code, field }, clinics);
  });

  test.each(REJECTED_CALLERS)('%s cannot create, update or delete a clinic', async (_who, bearer, code) => {
    const { id } = await mutate(url, CREATE, { input: clinic() });
    await expectRejected(url, CREATE, { input: clinic() }, bearer, { code }, clinics);
    expect((await gql(url, UPDATE, { id, input: { patients: 1 } }, bearer)).errors?.[0].extensions?.code).toBe(code);
    await expectRejected(url, DELETE, { id }, bearer, { code }, clinics);
    expect((await ok(url, `query($id: ID!) { freeClinic(id: $id) { patients } }`, { id })).freeClinic.patients).toBe(300);
  });

  test('the 渭南 editor cannot record a clinic held in 西乡县 (汉中)', async () => {
    await expectRejected(url, CREATE, { input: clinic({ regionCode: '610724' }) }, EDITOR, { code: 'FORBIDDEN' }, clinics);
  });

  test('the free-clinic figures match the records, per township and period', async () => {
    const [a, b] = ['610581101', '610581103'];
    const rows: ClinicRow[] = [
      { regionCode: a, heldOn: '2023-11-20', patients: 120, homeVisits: 6, referrals: 2 },
      { regionCode: a, heldOn: '2024-01-10', patients: 200, homeVisits: 12, referrals: 5 },
      { regionCode: a, heldOn: '2024-02-29', patients: 80, homeVisits: 0, referrals: 0 },
      { regionCode: b, heldOn: '2024-02-01', patients: 450, homeVisits: 30, referrals: 9 },
    ];
    for (const row of rows) await mutate(url, CREATE, { input: clinic({ ...row, followUpPatients: 0 }) });
    const expected = (code: string, from: string | null, to: string | null) => {
      const held = rows.filter((r) => r.regionCode.startsWith(code) && (!from || r.heldOn >= from) && (!to || r.heldOn <= to));
      const patients = sum(held, (r) => r.patients);
      return {
        freeClinics: held.length,
        freeClinicPatients: patients,
        freeClinicHomeVisits: sum(held, (r) => r.homeVisits),
        freeClinicReferrals: sum(held, (r) => r.referrals),
        freeClinicPatientsPerEvent: held.length ? patients / held.length : null,
      };
    };
    const periods: [string | null, string | null][] = [[null, null], ['2024-01-01', '2024-12-31'], ['2024-02-01', '2024-02-28'], ['2020-01-01', '2020-12-31']];
    for (const code of [a, b])
      for (const [from, to] of periods) {
        const data = await ok(url, STATS, { code, period: { from, to } });
        expect(data.region.hospitalStats).toEqual(expected(code, from, to));
      }
  });

  test('100 free clinics listed with their hospitals and stations issue a constant number of SQL statements', async () => {
    const region = '610581104';
    const hospitals: string[] = [];
    for (let i = 0; i < 20; i += 1) hospitals.push(await createHospital(url, ZHIYANG));
    const creations = Array.from({ length: 100 }, (_, i) =>
      `c${i}: createFreeClinic(input: { hospitalId: "${hospitals[i % 20]}", partnerHospitalIds: ["${hospitals[(i + 1) % 20]}"], heldOn: "2024-04-01",
        regionCode: "${region}", communityId: "${COMMUNITY}", teamSize: 5, partyMemberDoctors: 2, patients: ${i}, homeVisits: 0, followUpPatients: 0, referrals: 0 }) { id }`,
    );
    await ok(url, `mutation { ${creations.join('\n')} }`, {}, ADMIN);
    for (let i = 0; i < 20; i += 2) {
      const input = { name: `驿站${i}`, regionCode: region, openedOn: '2023-01-01', origin: 'NEW', staffHospitalIds: [hospitals[i], hospitals[i + 1]] };
      await ok(url, 'mutation($input: CreateHealthStationInput!) { createHealthStation(input: $input) { id } }', { input }, ADMIN);
    }
    const list = (first: number) =>
      ok(url, `{ freeClinics(regionCode: "${region}", first: ${first}) { totalCount edges { node { heldOn region { name }
        hospital { name branches { department } freeClinics { id } healthStations { name community { id } } } partnerHospitals { name } community { id } } } } }`);
    const ten = await countStatements(url, async () => expect((await list(10)).freeClinics.edges).toHaveLength(10));
    const hundred = await countStatements(url, async () => {
      const data = await list(100);
      expect(data.freeClinics.totalCount).toBe(100);
      expect(data.freeClinics.edges.every((e: any) => e.node.hospital.freeClinics.length === 5 && e.node.hospital.healthStations.length === 1)).toBe(true);
    });
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThan(12);
  });
});
