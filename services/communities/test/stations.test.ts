import type { SubgraphProcess } from '@pb/gateway';
import { ok, startTestSubgraph, token } from '../../../test/support/harness';
import {
  ADMIN,
  create,
  createCommunity,
  createMutation,
  deleteMutation,
  EDITOR_HC,
  EDITOR_XX,
  expectRejected,
  HANCHENG,
  HOSPITALS_EDITOR,
  JUHUI,
  stats,
  updateMutation,
  VIEWER,
  XIXIANG_VILLAGE,
  ZHUANGYUAN,
} from './fixtures';

const FIGURES = 'serviceStations serviceStationVisitors propertyCompanies redPropertyCompanies';

describe('service stations (党群服务驿站) and property companies (红色物业)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let zhuangyuan: string;
  let xixiang: string;

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI);
    zhuangyuan = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    xixiang = await createCommunity(url, '城内街社区', XIXIANG_VILLAGE);
  });
  afterAll(() => sg?.stop());

  const station = (communityId: string, extra: Record<string, unknown> = {}) => ({
    communityId,
    name: '五邻驿站',
    brand: '五邻驿站',
    windows: 3,
    serviceItems: ['政策咨询', '代办服务', '便民理发'],
    ...extra,
  });

  test('a station with its visits, in its community; update and delete', async () => {
    const id = await create(url, 'ServiceStation', station(juhui, { openedOn: '2023-03-01' }));
    await create(url, 'ServiceStationVisit', { stationId: id, visitedOn: '2024-01-05', visitors: 30 });
    const data = await ok(url, `{ community(id: "${juhui}") { serviceStations { name regionCode windows serviceItems visits { visitedOn visitors } community { name } } } }`);
    expect(data.community.serviceStations).toEqual([
      { name: '五邻驿站', regionCode: JUHUI, windows: 3, serviceItems: ['政策咨询', '代办服务', '便民理发'], visits: [{ visitedOn: '2024-01-05', visitors: 30 }], community: { name: '涺惠社区' } },
    ]);
    const updated = await ok(url, updateMutation('ServiceStation', 'windows'), { id, input: { windows: 5 } }, EDITOR_HC);
    expect(updated.r.windows).toBe(5);
    expect((await ok(url, deleteMutation('ServiceStation'), { id }, EDITOR_HC)).r).toBe(id);
    expect((await ok(url, `{ serviceStationVisits(first: 0, regionCode: "${JUHUI}") { totalCount } }`)).serviceStationVisits.totalCount).toBe(0);
  });

  test('rejected station and visit writes write nothing', async () => {
    const id = await create(url, 'ServiceStation', station(juhui, { openedOn: '2023-03-01' }));
    const S = createMutation('ServiceStation');
    const V = createMutation('ServiceStationVisit');
    await expectRejected(url, S, { input: station(juhui, { windows: -1 }) }, EDITOR_HC, 'serviceStations', 'BAD_USER_INPUT', 'input.windows');
    await expectRejected(url, S, { input: station(juhui, { serviceItems: ['理发', '理发'] }) }, EDITOR_HC, 'serviceStations', 'BAD_USER_INPUT', 'input.serviceItems');
    await expectRejected(url, S, { input: station(juhui, { openedOn: '2999-01-01' }) }, EDITOR_HC, 'serviceStations', 'BAD_USER_INPUT', 'input.openedOn');
    await expectRejected(url, S, { input: station('00000000-0000-4000-8000-000000000000') }, EDITOR_HC, 'serviceStations', 'NOT_FOUND', 'input.communityId');
    await expectRejected(url, S, { input: station(xixiang) }, EDITOR_HC, 'serviceStations', 'FORBIDDEN');
    await expectRejected(url, S, { input: station(juhui) }, HOSPITALS_EDITOR, 'serviceStations', 'FORBIDDEN');
    await expectRejected(url, S, { input: station(juhui) }, VIEWER, 'serviceStations', 'FORBIDDEN');
    await expectRejected(url, S, { input: station(juhui) }, undefined, 'serviceStations', 'UNAUTHENTICATED');
    await expectRejected(url, V, { input: { stationId: id, visitedOn: '2023-01-01', visitors: 5 } }, EDITOR_HC, 'serviceStationVisits', 'BAD_USER_INPUT', 'input.visitedOn');
    await expectRejected(url, V, { input: { stationId: id, visitedOn: '2024-01-01', visitors: -5 } }, EDITOR_HC, 'serviceStationVisits', 'BAD_USER_INPUT', 'input.visitors');
    await expectRejected(url, V, { input: { stationId: id, visitedOn: '2024-01-01', visitors: 5 } }, EDITOR_XX, 'serviceStationVisits', 'FORBIDDEN');
  });

  test('property companies: 红色物业 flag, the communities served, validation', async () => {
    const P = createMutation('PropertyCompany');
    const id = await create(url, 'PropertyCompany', { name: '金城物业', regionCode: HANCHENG, hasPartyBranch: true, communityIds: [juhui, zhuangyuan] });
    const data = await ok(url, `{ propertyCompany(id: "${id}") { name hasPartyBranch communities { name } } propertyCompanies(communityId: "${zhuangyuan}") { totalCount } }`);
    expect(data.propertyCompany).toEqual({ name: '金城物业', hasPartyBranch: true, communities: [{ name: '涺惠社区' }, { name: '状元街社区' }] });
    expect(data.propertyCompanies.totalCount).toBe(1);
    await expectRejected(url, P, { input: { name: 'x', regionCode: HANCHENG, hasPartyBranch: false, communityIds: [juhui, juhui] } }, EDITOR_HC, 'propertyCompanies', 'BAD_USER_INPUT', 'input.communityIds');
    await expectRejected(url, P, { input: { name: 'x', regionCode: '610724', hasPartyBranch: false, communityIds: [] } }, EDITOR_HC, 'propertyCompanies', 'FORBIDDEN');
    await expectRejected(url, P, { input: { name: ' ', regionCode: HANCHENG, hasPartyBranch: false, communityIds: [] } }, EDITOR_HC, 'propertyCompanies', 'BAD_USER_INPUT', 'input.name');
  });

  test('figures: stations open at the period end, visitors inside it, property companies', async () => {
    const region = '610581001'; // 新城街道: only what this test writes
    const open2022 = await create(url, 'ServiceStation', station(zhuangyuan, { openedOn: '2022-05-01' }), ADMIN);
    const open2024 = await create(url, 'ServiceStation', station(zhuangyuan, { name: '红星驿站', openedOn: '2024-02-01' }), ADMIN);
    const visits = [
      { stationId: open2022, visitedOn: '2023-06-01', visitors: 10 },
      { stationId: open2022, visitedOn: '2024-03-01', visitors: 20 },
      { stationId: open2024, visitedOn: '2024-03-02', visitors: 40 },
    ];
    for (const v of visits) await create(url, 'ServiceStationVisit', v, ADMIN);
    await create(url, 'PropertyCompany', { name: '红色物业', regionCode: ZHUANGYUAN, hasPartyBranch: true, communityIds: [zhuangyuan] }, ADMIN);
    await create(url, 'PropertyCompany', { name: '普通物业', regionCode: ZHUANGYUAN, hasPartyBranch: false, communityIds: [zhuangyuan] }, ADMIN);
    const visitorsIn = (from: string, to: string) => visits.filter((v) => v.visitedOn >= from && v.visitedOn <= to).reduce((s, v) => s + v.visitors, 0);
    expect(await stats(url, region, FIGURES, { from: '2023-01-01', to: '2023-12-31' })).toEqual({
      serviceStations: 1,
      serviceStationVisitors: visitorsIn('2023-01-01', '2023-12-31'),
      propertyCompanies: 2,
      redPropertyCompanies: 1,
    });
    expect(await stats(url, region, FIGURES)).toEqual({ serviceStations: 2, serviceStationVisitors: visitorsIn('0000', '9999'), propertyCompanies: 2, redPropertyCompanies: 1 });
  });

  test('a station editor of another region cannot touch it', async () => {
    const id = await create(url, 'ServiceStation', station(juhui));
    const other = token({ role: 'EDITOR', sectors: ['communities'], regions: ['610724'] });
    await expectRejected(url, deleteMutation('ServiceStation'), { id }, other, 'serviceStations', 'FORBIDDEN');
  });
});
