import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, ok, startTestSubgraph } from '../../../test/support/harness';
import { ADMIN, createHospital, HANCHENG, JINCHENG, ZHIYANG } from './helpers';

const TREND = `query($code: ID!, $metric: HospitalTrendMetric!, $g: TrendGranularity, $p: PeriodInput) {
  region(code: $code) { hospitalTrend(metric: $metric, granularity: $g, period: $p) { label from to value } } }`;

/** Clinics of the test, by place, date and patients; expectations below are summed from it. */
const CLINICS = [
  { regionCode: ZHIYANG, heldOn: '2024-01-10', patients: 100 },
  { regionCode: ZHIYANG, heldOn: '2024-01-25', patients: 50 },
  { regionCode: JINCHENG, heldOn: '2024-03-02', patients: 70 },
  { regionCode: JINCHENG, heldOn: '2024-05-31', patients: 30 },
  { regionCode: ZHIYANG, heldOn: '2023-12-31', patients: 999 },
];

describe('hospital trends', () => {
  let sg: SubgraphProcess;
  const trend = async (code: string, metric: string, g: string, p: Record<string, string> | null) =>
    (await ok(sg.url, TREND, { code, metric, g, p })).region.hospitalTrend as { label: string; from: string; to: string; value: number }[];

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    const hospitalId = await createHospital(sg.url, ZHIYANG);
    for (const c of CLINICS) {
      await ok(
        sg.url,
        'mutation($input: CreateFreeClinicInput!) { createFreeClinic(input: $input) { id } }',
        { input: { hospitalId, teamSize: 5, partyMemberDoctors: 3, homeVisits: 0, followUpPatients: 0, referrals: 0, ...c } },
        ADMIN,
      );
    }
  });
  afterAll(() => sg?.stop());

  test('monthly free clinics over a half year: every month present, empty ones zero', async () => {
    const points = await trend(HANCHENG, 'FREE_CLINICS', 'MONTH', { from: '2024-01-01', to: '2024-06-30' });
    expect(points.map((p) => p.label)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(points.map((p) => p.value)).toEqual([2, 0, 1, 0, 1, 0]);
    expect(points[1]).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });

  test('quarterly patients roll up by region and stay inside the period', async () => {
    const inPeriod = CLINICS.filter((c) => c.heldOn >= '2024-01-01' && c.heldOn <= '2024-06-30');
    const sumWhere = (pred: (c: (typeof CLINICS)[number]) => boolean) => inPeriod.filter(pred).reduce((s, c) => s + c.patients, 0);
    const county = await trend(HANCHENG, 'FREE_CLINIC_PATIENTS', 'QUARTER', { from: '2024-01-01', to: '2024-06-30' });
    expect(county).toEqual([
      { label: '2024-Q1', from: '2024-01-01', to: '2024-03-31', value: sumWhere((c) => c.heldOn < '2024-04-01') },
      { label: '2024-Q2', from: '2024-04-01', to: '2024-06-30', value: sumWhere((c) => c.heldOn >= '2024-04-01') },
    ]);
    const township = await trend(ZHIYANG, 'FREE_CLINIC_PATIENTS', 'QUARTER', { from: '2024-01-01', to: '2024-06-30' });
    expect(township.map((p) => p.value)).toEqual([150, 0]);
  });

  test('without a period the series spans the first to the last event', async () => {
    const points = await trend(HANCHENG, 'FREE_CLINICS', 'YEAR', null);
    expect(points).toEqual([
      { label: '2023', from: '2023-01-01', to: '2023-12-31', value: 1 },
      { label: '2024', from: '2024-01-01', to: '2024-12-31', value: 4 },
    ]);
  });

  test('trends of many child regions cost one statement', async () => {
    const query = `{ region(code: "${HANCHENG}") { children { code hospitalTrend(metric: FREE_CLINICS, granularity: MONTH, period: { from: "2024-01-01", to: "2024-03-31" }) { value } } } }`;
    const res = await gql(sg.url, query);
    expect(res.errors).toBeUndefined();
    // the region and its children are cached by the first request: one statement for all the trends
    expect(await countStatements(sg.url, () => ok(sg.url, query))).toBe(1);
  });
});
