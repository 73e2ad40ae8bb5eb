import type { SubgraphProcess } from '@pb/gateway';
import { ok, startTestSubgraph } from '../../../test/support/harness';
import {
  ADMIN, create, createCommunity, createMutation, deleteMutation, EDITOR_HC, EDITOR_XX, expectRejected, HANCHENG, HOSPITALS_EDITOR,
  JUHUI, stats, updateMutation, VIEWER, XIXIANG_VILLAGE, ZHUANGYUAN,
} from './fixtures';

const FIELDS = 'resources serviceProjects serviceProjectsCompleted';

interface Res { regionCode: string; listedOn: string }
interface Proj { regionCode: string; startedOn: string; completedOn: string | null }

describe('resources (资源清单) and service projects (项目清单)', () => {
  let sg: SubgraphProcess;
  let url: string;
  let juhui: string;
  let zy: string;
  const ids: Record<string, string> = {};
  const resources: Res[] = [];
  const projects: Proj[] = [];
  const resource = async (communityId: string, regionCode: string, listedOn: string, extra: Record<string, unknown> = {}, bearer = EDITOR_HC) => {
    resources.push({ regionCode, listedOn });
    return create(url, 'Resource', { communityId, title: '法律咨询', category: 'LEGAL_AID', listedOn, ...extra }, bearer);
  };
  const project = async (communityId: string, regionCode: string, demandId: string, resourceIds: string[], startedOn: string, completedOn: string | null = null, bearer = EDITOR_HC) => {
    projects.push({ regionCode, startedOn, completedOn });
    return create(url, 'ServiceProject', { communityId, demandId, resourceIds, title: '法律进社区', startedOn, completedOn }, bearer);
  };
  const within = (d: string | null, from?: string, to?: string) => d !== null && (!from || d >= from) && (!to || d <= to);
  const expected = (code: string, from?: string, to?: string) => ({
    resources: resources.filter((r) => r.regionCode.startsWith(code) && (!to || r.listedOn <= to)).length,
    serviceProjects: projects.filter((p) => p.regionCode.startsWith(code) && within(p.startedOn, from, to)).length,
    serviceProjectsCompleted: projects.filter((p) => p.regionCode.startsWith(code) && within(p.completedOn, from, to)).length,
  });

  beforeAll(async () => {
    sg = await startTestSubgraph('communities');
    url = sg.url;
    juhui = await createCommunity(url, '涺惠社区', JUHUI);
    zy = await createCommunity(url, '状元街社区', ZHUANGYUAN);
    const xx = await createCommunity(url, '城内街社区', XIXIANG_VILLAGE);
    const bureau = await create(url, 'Agency', { name: '韩城市司法局', regionCode: HANCHENG, kind: 'GOVERNMENT', partyOrganization: 'PARTY_COMMITTEE' });
    ids.reg = await create(url, 'DualRegistration', { communityId: juhui, unitSector: 'AGENCY', unitId: bureau, members: 20, registeredOn: '2023-03-01' });
    const demand = (communityId: string, bearer = EDITOR_HC) => create(url, 'Demand', { communityId, title: '法律咨询', channel: 'QR_SURVEY', collectedOn: '2023-01-01' }, bearer);
    ids.juhuiDemand = await demand(juhui);
    ids.zyDemand = await demand(zy);
    ids.r1 = await resource(juhui, JUHUI, '2023-05-01', { dualRegistrationId: ids.reg });
    ids.r2 = await resource(juhui, JUHUI, '2024-04-01', { provider: '志愿者协会', category: 'TUTORING' });
    ids.r3 = await resource(zy, ZHUANGYUAN, '2024-08-01');
    const rx = await resource(xx, XIXIANG_VILLAGE, '2022-01-01', {}, ADMIN);
    await project(juhui, JUHUI, ids.juhuiDemand, [ids.r1, ids.r2], '2024-04-10', '2024-06-01');
    await project(juhui, JUHUI, ids.juhuiDemand, [ids.r1], '2023-11-01', '2024-01-15');
    await project(zy, ZHUANGYUAN, ids.zyDemand, [ids.r3], '2024-08-05');
    await project(xx, XIXIANG_VILLAGE, await demand(xx, ADMIN), [rx], '2024-02-02', null, ADMIN);
  });
  afterAll(() => sg?.stop());

  test('a project shows its demand and resources; a resource its offering unit; the community both lists', async () => {
    const data = await ok(url, `query($id: ID!) { community(id: $id) {
      resources { title provider dualRegistration { unit { ... on Agency { name } } } }
      serviceProjects { startedOn demand { title } resources { title } } } }`, { id: juhui }, VIEWER);
    expect(data.community.resources).toEqual(expect.arrayContaining([
      { title: '法律咨询', provider: null, dualRegistration: { unit: { name: '韩城市司法局' } } },
      { title: '法律咨询', provider: '志愿者协会', dualRegistration: null },
    ]));
    expect(data.community.serviceProjects).toEqual(expect.arrayContaining([{ startedOn: '2024-04-10', demand: { title: '法律咨询' }, resources: [{ title: '法律咨询' }, { title: '法律咨询' }] }]));
    expect((await ok(url, `query($d: ID!) { serviceProjects(demandId: $d) { totalCount } }`, { d: ids.juhuiDemand })).serviceProjects.totalCount).toBe(2);
  });

  test('update and delete', async () => {
    const r = await create(url, 'Resource', { communityId: zy, title: '活动室', category: 'OTHER', listedOn: '2024-01-01' });
    expect((await ok(url, updateMutation('Resource', 'title'), { id: r, input: { title: '党群活动室' } }, EDITOR_HC)).r.title).toBe('党群活动室');
    const p = await create(url, 'ServiceProject', { communityId: zy, demandId: ids.zyDemand, resourceIds: [r], title: '活动室开放', startedOn: '2024-01-02' });
    expect((await ok(url, updateMutation('ServiceProject', 'completedOn'), { id: p, input: { completedOn: '2024-01-30' } }, EDITOR_HC)).r.completedOn).toBe('2024-01-30');
    expect((await ok(url, deleteMutation('ServiceProject'), { id: p }, EDITOR_HC)).r).toBe(p);
    expect((await ok(url, deleteMutation('Resource'), { id: r }, EDITOR_HC)).r).toBe(r);
  });

  test.each([
    ['an empty resource title', 'Resource', () => ({ communityId: juhui, title: '', category: 'OTHER', listedOn: '2024-01-01' }), 'input.title'],
    ['a registration with another community', 'Resource', () => ({ communityId: zy, title: 'x', category: 'OTHER', listedOn: '2024-01-01', dualRegistrationId: ids.reg }), 'input.dualRegistrationId'],
    ['a future listing date', 'Resource', () => ({ communityId: juhui, title: 'x', category: 'OTHER', listedOn: '2999-01-01' }), 'input.listedOn'],
    ['a project without resources', 'ServiceProject', () => ({ communityId: juhui, demandId: ids.juhuiDemand, resourceIds: [], title: 'x', startedOn: '2024-01-01' }), 'input.resourceIds'],
    ["another community's demand", 'ServiceProject', () => ({ communityId: juhui, demandId: ids.zyDemand, resourceIds: [ids.r1], title: 'x', startedOn: '2024-01-01' }), 'input.demandId'],
    ["another community's resource", 'ServiceProject', () => ({ communityId: juhui, demandId: ids.juhuiDemand, resourceIds: [ids.r1, ids.r3], title: 'x', startedOn: '2024-01-01' }), 'input.resourceIds.1'],
    ['completion before start', 'ServiceProject', () => ({ communityId: juhui, demandId: ids.juhuiDemand, resourceIds: [ids.r1], title: 'x', startedOn: '2024-02-01', completedOn: '2024-01-01' }), 'input.completedOn'],
  ])('%s is BAD_USER_INPUT and writes nothing', async (_what, type, input, field) => {
    const list = type === 'Resource' ? 'resources' : 'serviceProjects';
    await expectRejected(url, createMutation(type), { input: input() }, EDITOR_HC, list, 'BAD_USER_INPUT', field);
  });

  test('an unknown resource is NOT_FOUND; writers outside the sector or region are FORBIDDEN', async () => {
    const p = () => ({ communityId: juhui, demandId: ids.juhuiDemand, resourceIds: [ids.r1], title: 'x', startedOn: '2024-01-01' });
    await expectRejected(url, createMutation('ServiceProject'), { input: { ...p(), resourceIds: ['00000000-0000-4000-8000-000000000000'] } }, EDITOR_HC, 'serviceProjects', 'NOT_FOUND', 'input.resourceIds.0');
    await expectRejected(url, createMutation('ServiceProject'), { input: p() }, EDITOR_XX, 'serviceProjects', 'FORBIDDEN');
    await expectRejected(url, createMutation('ServiceProject'), { input: p() }, HOSPITALS_EDITOR, 'serviceProjects', 'FORBIDDEN');
    const r = { communityId: juhui, title: 'x', category: 'OTHER', listedOn: '2024-01-01' };
    await expectRejected(url, createMutation('Resource'), { input: r }, EDITOR_XX, 'resources', 'FORBIDDEN');
    await expectRejected(url, createMutation('Resource'), { input: r }, HOSPITALS_EDITOR, 'resources', 'FORBIDDEN');
  });

  test.each([['61'], [HANCHENG], [JUHUI], [ZHUANGYUAN], ['610724']])('stats of %s: resources listed by the end, projects started and completed in the period', async (code) => {
    expect(await stats(url, code, FIELDS)).toEqual(expected(code));
    expect(await stats(url, code, FIELDS, { from: '2024-01-01', to: '2024-06-30' })).toEqual(expected(code, '2024-01-01', '2024-06-30'));
    expect(await stats(url, code, FIELDS, { to: '2023-12-31' })).toEqual(expected(code, undefined, '2023-12-31'));
  });
});
