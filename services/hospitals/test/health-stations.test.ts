import type { SubgraphProcess } from '@pb/gateway';
import { gql, ok, startTestSubgraph } from '../../../test/support/harness';
import { createHospital, EDITOR, expectRejected, mutate, REJECTED_CALLERS, sum, total, XINCHENG, ZHIYANG } from './helpers';

const CREATE = `mutation($input: CreateHealthStationInput!) { createHealthStation(input: $input) { id regionCode } }`;
const RECORD = `mutation($input: CreateStationServiceRecordInput!) { createStationServiceRecord(input: $input) { id regionCode } }`;
const WISH = `mutation($input: CreateStationWishInput!) { createStationWish(input: $input) { id status } }`;
const UPDATE_WISH = `mutation($id: ID!, $input: UpdateStationWishInput!) { updateStationWish(id: $id, input: $input) { status fulfilledOn } }`;
const STATS = `query($code: ID!, $period: PeriodInput) { region(code: $code) { hospitalStats(period: $period) {
  healthStations stationHomeVisits stationBasicServices stationHealthEducation stationPolicyConsultations } } }`;

describe('health stations (健康驿站), their service records and wish walls', () => {
  let sg: SubgraphProcess;
  let url: string;
  let hospitalId: string;
  const stations = () => total(url, 'healthStations');
  const records = () => total(url, 'stationServiceRecords');
  const station = (extra: Record<string, unknown> = {}) => ({
    name: '芝阳健康驿站',
    regionCode: ZHIYANG,
    openedOn: '2023-03-01',
    origin: 'CONVERTED_TESTING_BOOTH',
    staffHospitalIds: [hospitalId],
    ...extra,
  });

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    url = sg.url;
    hospitalId = await createHospital(url, ZHIYANG);
  });
  afterAll(() => sg?.stop());

  test('a station is staffed by hospitals, records services by kind and keeps a wish wall', async () => {
    const other = await createHospital(url, XINCHENG);
    const { id } = await mutate(url, CREATE, { input: station({ staffHospitalIds: [hospitalId, other], communityId: '5b0c1f3e-8f7a-4c6e-9d41-2a6b7c8d9e01' }) });
    expect(await mutate(url, RECORD, { input: { stationId: id, servedOn: '2024-01-05', kind: 'HOME_VISIT', services: 7 } })).toMatchObject({ regionCode: ZHIYANG });
    await mutate(url, WISH, { input: { stationId: id, postedOn: '2024-01-06', request: '希望上门测血糖', residentName: '孙大娘' } });
    const data = await ok(
      url,
      `query($id: ID!) { healthStation(id: $id) { staffHospitals { id healthStations { id } } community { id } serviceRecords { kind services } wishes { request residentName status } } }`,
      { id },
    );
    expect(data.healthStation.staffHospitals.map((h: { id: string }) => h.id)).toEqual([hospitalId, other]);
    expect(data.healthStation.staffHospitals[1].healthStations).toEqual([{ id }]);
    expect(data.healthStation.community).toEqual({ id: '5b0c1f3e-8f7a-4c6e-9d41-2a6b7c8d9e01' });
    expect(data.healthStation.serviceRecords).toEqual([{ kind: 'HOME_VISIT', services: 7 }]);
    expect(data.healthStation.wishes).toEqual([{ request: '希望上门测血糖', residentName: '孙**', status: 'POSTED' }]);
  });

  test('a wish goes POSTED → CLAIMED → FULFILLED and never back', async () => {
    const { id: stationId } = await mutate(url, CREATE, { input: station() });
    const wish = await mutate(url, WISH, { input: { stationId, postedOn: '2024-02-01', request: '健康讲座' } });
    expect(await mutate(url, UPDATE_WISH, { id: wish.id, input: { status: 'CLAIMED' } })).toEqual({ status: 'CLAIMED', fulfilledOn: null });
    expect(await mutate(url, UPDATE_WISH, { id: wish.id, input: { status: 'FULFILLED', fulfilledOn: '2024-02-10' } })).toEqual({ status: 'FULFILLED', fulfilledOn: '2024-02-10' });
    const back = await gql(url, UPDATE_WISH, { id: wish.id, input: { status: 'POSTED' } }, EDITOR);
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
  });

  test('invalid stations and service records are rejected and write nothing', async () => {
    await expectRejected(url, CREATE, { input: station({ openedOn: '2999-01-01' }) }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.openedOn' }, stations);
    await expectRejected(url, CREATE, { input: station({ staffHospitalIds: [] }) }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.staffHospitalIds' }, stations);
    await expectRejected(url, CREATE, { input: station({ staffHospitalIds: ['00000000-0000-4000-8000-000000000000'] }) }, EDITOR, { code: 'NOT_FOUND', field: 'input.staffHospitalIds' }, stations);
    const { id: stationId } = await mutate(url, CREATE, { input: station() });
    const record = { stationId, servedOn: '2024-01-05', kind: 'BASIC_CARE', services: 3 };
    await expectRejected(url, RECORD, { input: { ...record, services: -1 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.services' }, records);
    await expectRejected(url, RECORD, { input: { ...record, servedOn: '2999-01-01' } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.servedOn' }, records);
  });

  test.each(REJECTED_CALLERS)('%s cannot write stations or their records', async (_who, bearer, code) => {
    const { id: stationId } = await mutate(url, CREATE, { input: station() });
    await expectRejected(url, CREATE, { input: station() }, bearer, { code }, stations);
    await expectRejected(url, RECORD, { input: { stationId, servedOn: '2024-01-05', kind: 'BASIC_CARE', services: 3 } }, bearer, { code }, records);
    await expectRejected(url, `mutation($id: ID!) { deleteHealthStation(id: $id) }`, { id: stationId }, bearer, { code }, stations);
  });

  test('station figures match the records, per period', async () => {
    const town = '610581107';
    const opened = ['2022-01-01', '2023-06-01', '2024-03-01'];
    const ids: string[] = [];
    for (const openedOn of opened) ids.push((await mutate(url, CREATE, { input: station({ regionCode: town, openedOn }) })).id);
    const rows = [
      { station: 0, servedOn: '2023-12-30', kind: 'HOME_VISIT', services: 10 },
      { station: 0, servedOn: '2024-01-15', kind: 'HOME_VISIT', services: 4 },
      { station: 1, servedOn: '2024-02-01', kind: 'BASIC_CARE', services: 25 },
      { station: 2, servedOn: '2024-03-10', kind: 'BASIC_CARE', services: 8 },
      { station: 2, servedOn: '2024-03-11', kind: 'HEALTH_EDUCATION', services: 40 },
      { station: 1, servedOn: '2024-04-02', kind: 'POLICY_CONSULTATION', services: 6 },
    ];
    for (const r of rows) await mutate(url, RECORD, { input: { stationId: ids[r.station], servedOn: r.servedOn, kind: r.kind, services: r.services } });
    const expected = (from: string | null, to: string | null) => {
      const inPeriod = rows.filter((r) => (!from || r.servedOn >= from) && (!to || r.servedOn <= to));
      const of = (kind: string) => sum(inPeriod.filter((r) => r.kind === kind), (r) => r.services);
      return {
        healthStations: opened.filter((d) => !to || d <= to).length,
        stationHomeVisits: of('HOME_VISIT'),
        stationBasicServices: of('BASIC_CARE'),
        stationHealthEducation: of('HEALTH_EDUCATION'),
        stationPolicyConsultations: of('POLICY_CONSULTATION'),
      };
    };
    const periods: [string | null, string | null][] = [[null, null], ['2024-01-01', '2024-03-31'], [null, '2023-12-31'], ['2024-03-11', '2024-12-31']];
    for (const [from, to] of periods) {
      const data = await ok(url, STATS, { code: town, period: { from, to } });
      expect(data.region.hospitalStats).toEqual(expected(from, to));
    }
  });
});
