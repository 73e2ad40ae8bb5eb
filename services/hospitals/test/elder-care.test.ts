import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, mutateInChunks, ok, startTestSubgraph, token } from '../../../test/support/harness';
import { ADMIN, createHospital, EDITOR, expectRejected, HANCHENG, mutate, rateOf, REJECTED_CALLERS, sum, total, XINCHENG, ZHIYANG } from './helpers';

const CENTER = `mutation($input: CreateElderCareCenterInput!) { createElderCareCenter(input: $input) { id regionCode beds } }`;
const UPDATE_CENTER = `mutation($id: ID!, $input: UpdateElderCareCenterInput!) { updateElderCareCenter(id: $id, input: $input) { id regionCode beds openedOn } }`;
const CENSUS = `mutation($input: CreateElderCareCensusInput!) { createElderCareCensus(input: $input) { id regionCode residents } }`;
const UPDATE_CENSUS = `mutation($id: ID!, $input: UpdateElderCareCensusInput!) { updateElderCareCensus(id: $id, input: $input) { selfCare residents } }`;
const ACTIVITY = `mutation($input: CreateElderCareActivityInput!) { createElderCareActivity(input: $input) { id regionCode kind } }`;
const STATS = `query($code: ID!, $period: PeriodInput) { region(code: $code) { hospitalStats(period: $period) {
  elderCareCenters elderCareBeds elderCareResidents elderCareSelfCareResidents elderCareSemiDisabledResidents elderCareDisabledResidents elderCareOccupancyRate elderCareActivities } } }`;
const TREND = `query($code: ID!, $p: PeriodInput) { region(code: $code) { hospitalTrend(metric: ELDER_CARE_ACTIVITIES, granularity: MONTH, period: $p) { label value } } }`;
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
/** A village of 芝阳镇: a centre may be placed down to a village. */
const ZHIYANG_VILLAGE = '610581106200';

describe('elder-care centres (医养结合), their censuses and "四个一" activities', () => {
  let sg: SubgraphProcess;
  let url: string;
  let hospitalId: string;
  const centers = () => total(url, 'elderCareCenters');
  const censuses = () => total(url, 'elderCareCensuses');
  const activities = () => total(url, 'elderCareActivities');
  const center = (extra: Record<string, unknown> = {}) => ({ hospitalId, name: '芝阳镇医养结合中心', regionCode: ZHIYANG, openedOn: '2022-06-01', beds: 60, ...extra });
  const census = (centerId: string, extra: Record<string, unknown> = {}) => ({ centerId, countedOn: '2024-01-01', selfCare: 24, semiDisabled: 19, disabled: 7, ...extra });

  beforeAll(async () => {
    sg = await startTestSubgraph('hospitals');
    url = sg.url;
    hospitalId = await createHospital(url, HANCHENG);
  });
  afterAll(() => sg?.stop());

  test('a hospital runs a centre in a township; censuses and activities are placed in the centre\'s region', async () => {
    const { id, regionCode } = await mutate(url, CENTER, { input: center() });
    expect(regionCode).toBe(ZHIYANG);
    expect(await mutate(url, CENSUS, { input: census(id, { countedOn: '2023-06-30', selfCare: 20, semiDisabled: 15, disabled: 5 }) })).toMatchObject({ regionCode: ZHIYANG, residents: 40 });
    expect(await mutate(url, CENSUS, { input: census(id) })).toMatchObject({ regionCode: ZHIYANG, residents: 50 });
    for (const [kind, heldOn] of [['WEEKLY_MENU', '2024-01-01'], ['WEEKLY_ROUND', '2024-01-03'], ['MONTHLY_LECTURE', '2024-01-15'], ['YEARLY_CHECKUP', '2024-03-01']])
      expect(await mutate(url, ACTIVITY, { input: { centerId: id, kind, heldOn, participants: 30, note: kind } })).toMatchObject({ regionCode: ZHIYANG, kind });
    const data = await ok(
      url,
      `query($id: ID!) { elderCareCenter(id: $id) { name beds region { name } hospital { id elderCareCenters { id } }
        latestCensus { countedOn selfCare semiDisabled disabled residents } censuses { countedOn residents }
        activities { kind heldOn } lectures: activities(kind: MONTHLY_LECTURE) { heldOn note } } }`,
      { id },
    );
    const c = data.elderCareCenter;
    expect(c).toMatchObject({ name: '芝阳镇医养结合中心', beds: 60, region: { name: '芝阳镇' }, hospital: { id: hospitalId, elderCareCenters: [{ id }] } });
    expect(c.latestCensus).toEqual({ countedOn: '2024-01-01', selfCare: 24, semiDisabled: 19, disabled: 7, residents: 50 });
    expect(c.censuses).toEqual([{ countedOn: '2024-01-01', residents: 50 }, { countedOn: '2023-06-30', residents: 40 }]);
    expect(c.activities.map((a: { kind: string }) => a.kind)).toEqual(['YEARLY_CHECKUP', 'MONTHLY_LECTURE', 'WEEKLY_ROUND', 'WEEKLY_MENU']);
    expect(c.lectures).toEqual([{ heldOn: '2024-01-15', note: 'MONTHLY_LECTURE' }]);
  });

  test('centres, censuses and activities are updated and deleted; a census correction is re-checked', async () => {
    const { id } = await mutate(url, CENTER, { input: center({ regionCode: ZHIYANG_VILLAGE }) });
    const { id: censusId } = await mutate(url, CENSUS, { input: census(id) });
    expect(await mutate(url, UPDATE_CENSUS, { id: censusId, input: { disabled: 10 } })).toEqual({ selfCare: 24, residents: 53 });
    await expectRejected(url, UPDATE_CENSUS, { id: censusId, input: { selfCare: 40 } }, EDITOR, { code: 'BAD_USER_INPUT', field: 'input.selfCare' }, async () =>
      (await ok(url, `{ elderCareCensus(id: "${censusId}") { selfCare } }`)).elderCareCensus.selfCare,
    );
    expect(await mutate(url, UPDATE_CENTER, { id, input: { beds: 80 } })).toMatchObject({ beds: 80, regionCode: ZHIYANG_VILLAGE });
    const { id: activityId } = await mutate(url, ACTIVITY, { input: { centerId: id, kind: 'WEEKLY_ROUND', heldOn: '2024-02-05' } });
    expect(await mutate(url, `mutation($id: ID!) { deleteElderCareActivity(id: $id) }`, { id: activityId })).toBe(activityId);
    const before = await censuses();
    expect(await mutate(url, `mutation($id: ID!) { deleteElderCareCenter(id: $id) }`, { id })).toBe(id);
    expect(await censuses()).toBe(before - 1);
  });

  test('invalid centres are rejected and write nothing', async () => {
    const reject = (input: Record<string, unknown>, code: string, field: string) => expectRejected(url, CENTER, { input }, EDITOR, { code, field }, centers);
    await reject(center({ beds: -1 }), 'BAD_USER_INPUT', 'input.beds');
    await reject(center({ beds: 0 }), 'BAD_USER_INPUT', 'input.beds');
    await reject(center({ regionCode: HANCHENG }), 'BAD_USER_INPUT', 'input.regionCode');
    await reject(center({ openedOn: '2999-01-01' }), 'BAD_USER_INPUT', 'input.openedOn');
    await reject(center({ name: ' ' }), 'BAD_USER_INPUT', 'input.name');
    await reject(center({ hospitalId: NO_SUCH }), 'NOT_FOUND', 'input.hospitalId');
  });

  test('an existing centre stays consistent with its records', async () => {
    const { id } = await mutate(url, CENTER, { input: center() });
    await mutate(url, CENSUS, { input: census(id) });
    const beds = async () => (await ok(url, `{ elderCareCenter(id: "${id}") { beds regionCode openedOn } }`)).elderCareCenter as Record<string, unknown>;
    const unchanged = await beds();
    for (const [input, field] of [[{ beds: 49 }, 'input.beds'], [{ regionCode: XINCHENG }, 'input.regionCode'], [{ openedOn: '2024-01-02' }, 'input.openedOn']] as const) {
      const res = await gql(url, UPDATE_CENTER, { id, input }, EDITOR);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await beds()).toEqual(unchanged);
    }
  });

  test('invalid censuses and activities are rejected and write nothing', async () => {
    const { id } = await mutate(url, CENTER, { input: center({ beds: 50 }) });
    const rejectCensus = (input: Record<string, unknown>, code: string, field: string) => expectRejected(url, CENSUS, { input }, EDITOR, { code, field }, censuses);
    await rejectCensus(census(id, { semiDisabled: -1 }), 'BAD_USER_INPUT', 'input.semiDisabled');
    await rejectCensus(census(id, { disabled: 8 }), 'BAD_USER_INPUT', 'input.selfCare');
    await rejectCensus(census(id, { countedOn: '2999-01-01' }), 'BAD_USER_INPUT', 'input.countedOn');
    await rejectCensus(census(id, { countedOn: '2022-05-31' }), 'BAD_USER_INPUT', 'input.countedOn');
    await rejectCensus(census(NO_SUCH), 'NOT_FOUND', 'input.centerId');
    await mutate(url, CENSUS, { input: census(id) });
    await rejectCensus(census(id, { selfCare: 1 }), 'BAD_USER_INPUT', 'input.countedOn');
    const activity = { centerId: id, kind: 'MONTHLY_LECTURE', heldOn: '2024-01-15' };
    const rejectActivity = (input: Record<string, unknown>, code: string, field: string) => expectRejected(url, ACTIVITY, { input }, EDITOR, { code, field }, activities);
    await rejectActivity({ ...activity, heldOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.heldOn');
    await rejectActivity({ ...activity, heldOn: '2020-01-01' }, 'BAD_USER_INPUT', 'input.heldOn');
    await rejectActivity({ ...activity, participants: -3 }, 'BAD_USER_INPUT', 'input.participants');
    await rejectActivity({ ...activity, centerId: NO_SUCH }, 'NOT_FOUND', 'input.centerId');
  });

  test.each(REJECTED_CALLERS)('%s cannot write centres, censuses or activities', async (_who, bearer, code) => {
    const { id } = await mutate(url, CENTER, { input: center() });
    await expectRejected(url, CENTER, { input: center() }, bearer, { code }, centers);
    await expectRejected(url, CENSUS, { input: census(id) }, bearer, { code }, censuses);
    await expectRejected(url, ACTIVITY, { input: { centerId: id, kind: 'WEEKLY_MENU', heldOn: '2024-01-01' } }, bearer, { code }, activities);
    await expectRejected(url, `mutation($id: ID!) { deleteElderCareCenter(id: $id) }`, { id }, bearer, { code }, centers);
  });

  test('an EDITOR of 芝阳镇 alone cannot place a centre in 新城街道', async () => {
    const zhiyangEditor = token({ role: 'EDITOR', sectors: ['hospitals'], regions: [ZHIYANG] });
    await expectRejected(url, CENTER, { input: center({ regionCode: XINCHENG }) }, zhiyangEditor, { code: 'FORBIDDEN' }, centers);
    const { id } = await mutate(url, CENTER, { input: center() }, zhiyangEditor);
    const regionOf = async () => (await ok(url, `{ elderCareCenter(id: "${id}") { regionCode } }`)).elderCareCenter.regionCode;
    const res = await gql(url, UPDATE_CENTER, { id, input: { regionCode: XINCHENG } }, zhiyangEditor);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await regionOf()).toBe(ZHIYANG);
  });

  test('100 centres listed with their hospitals, censuses and activities issue a constant number of SQL statements', async () => {
    const region = '610581104';
    const hospitals: string[] = [];
    for (let i = 0; i < 10; i += 1) hospitals.push(await createHospital(url, region));
    const created = await mutateInChunks(
      url,
      Array.from({ length: 100 }, (_, i) => `c${i}: createElderCareCenter(input: { hospitalId: "${hospitals[i % 10]}", name: "中心${i}", regionCode: "${region}", beds: 40 }) { id }`),
      ADMIN,
    );
    const ids = Object.values(created).map((c) => c.id as string);
    await mutateInChunks(
      url,
      ids.flatMap((id, i) => [
        `s${i}: createElderCareCensus(input: { centerId: "${id}", countedOn: "2024-01-01", selfCare: ${i % 10}, semiDisabled: 1, disabled: 1 }) { id }`,
        `a${i}: createElderCareActivity(input: { centerId: "${id}", kind: WEEKLY_ROUND, heldOn: "2024-01-08" }) { id }`,
      ]),
      ADMIN,
    );
    const list = (first: number) =>
      ok(url, `{ elderCareCenters(regionCode: "${region}", first: ${first}) { totalCount edges { node { name region { name }
        hospital { name elderCareCenters { id } } latestCensus { residents } censuses { countedOn } activities { kind } rounds: activities(kind: WEEKLY_ROUND) { heldOn } } } } }`);
    const ten = await countStatements(url, async () => expect((await list(10)).elderCareCenters.edges).toHaveLength(10));
    const hundred = await countStatements(url, async () => {
      const data = await list(100);
      expect(data.elderCareCenters.totalCount).toBe(100);
      expect(data.elderCareCenters.edges.every((e: any) => e.node.hospital.elderCareCenters.length === 10 && e.node.censuses.length === 1 && e.node.rounds.length === 1)).toBe(true);
    });
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThan(12);
  });

  describe('figures', () => {
    /** Two townships of 韩城 that no other test of this file writes in. */
    const A = '610581107';
    const B = '610581103';
    const CENTRES = [
      { key: 'a1', regionCode: A, openedOn: '2022-01-01', beds: 60 },
      { key: 'a2', regionCode: A, openedOn: '2023-07-01', beds: 30 },
      { key: 'a3', regionCode: A, openedOn: null, beds: 20 },
      { key: 'b1', regionCode: B, openedOn: '2021-05-01', beds: 40 },
    ];
    const CENSUSES = [
      { centre: 'a1', countedOn: '2022-12-31', selfCare: 10, semiDisabled: 5, disabled: 2 },
      { centre: 'a1', countedOn: '2023-06-30', selfCare: 20, semiDisabled: 10, disabled: 5 },
      { centre: 'a1', countedOn: '2024-03-31', selfCare: 24, semiDisabled: 19, disabled: 7 },
      { centre: 'a2', countedOn: '2023-08-01', selfCare: 5, semiDisabled: 5, disabled: 5 },
      { centre: 'a2', countedOn: '2024-02-01', selfCare: 8, semiDisabled: 6, disabled: 4 },
      { centre: 'b1', countedOn: '2021-06-01', selfCare: 10, semiDisabled: 10, disabled: 10 },
      { centre: 'b1', countedOn: '2024-01-15', selfCare: 12, semiDisabled: 8, disabled: 3 },
    ];
    const ACTIVITIES = [
      { centre: 'a1', kind: 'WEEKLY_MENU', heldOn: '2024-01-01' },
      { centre: 'a1', kind: 'WEEKLY_ROUND', heldOn: '2024-01-03' },
      { centre: 'a1', kind: 'MONTHLY_LECTURE', heldOn: '2024-01-15' },
      { centre: 'a1', kind: 'YEARLY_CHECKUP', heldOn: '2023-11-01' },
      { centre: 'a2', kind: 'MONTHLY_LECTURE', heldOn: '2024-02-15' },
      { centre: 'b1', kind: 'WEEKLY_ROUND', heldOn: '2023-12-30' },
    ];
    const regionOf = (key: string) => CENTRES.find((c) => c.key === key)!.regionCode;

    /** The stock and event rules of the field descriptions, applied to the rows above. */
    const expected = (code: string, from: string | null, to: string | null) => {
      const open = CENTRES.filter((c) => c.regionCode === code && (!c.openedOn || !to || c.openedOn <= to));
      const latest = open
        .map((c) => CENSUSES.filter((n) => n.centre === c.key && (!to || n.countedOn <= to)).sort((x, y) => y.countedOn.localeCompare(x.countedOn))[0])
        .filter((n) => n !== undefined);
      const residents = sum(latest, (n) => n.selfCare + n.semiDisabled + n.disabled);
      const beds = sum(open, (c) => c.beds);
      return {
        elderCareCenters: open.length,
        elderCareBeds: beds,
        elderCareResidents: residents,
        elderCareSelfCareResidents: sum(latest, (n) => n.selfCare),
        elderCareSemiDisabledResidents: sum(latest, (n) => n.semiDisabled),
        elderCareDisabledResidents: sum(latest, (n) => n.disabled),
        elderCareOccupancyRate: rateOf(residents, beds),
        elderCareActivities: ACTIVITIES.filter((a) => regionOf(a.centre) === code && (!from || a.heldOn >= from) && (!to || a.heldOn <= to)).length,
      };
    };

    beforeAll(async () => {
      const ids = new Map<string, string>();
      for (const { key, ...c } of CENTRES) ids.set(key, (await mutate(url, CENTER, { input: { hospitalId, name: `中心${key}`, ...c } }, ADMIN)).id);
      for (const { centre, ...n } of CENSUSES) await mutate(url, CENSUS, { input: { centerId: ids.get(centre), ...n } }, ADMIN);
      for (const { centre, ...a } of ACTIVITIES) await mutate(url, ACTIVITY, { input: { centerId: ids.get(centre), ...a } }, ADMIN);
    });

    test('every elder-care figure matches the records, per region and period', async () => {
      const periods: [string | null, string | null][] = [
        [null, null],
        ['2024-01-01', '2024-01-31'],
        [null, '2023-06-30'],
        ['2023-01-01', '2023-12-31'],
        ['2020-01-01', '2020-12-31'],
        ['2024-02-01', null],
      ];
      for (const code of [A, B])
        for (const [from, to] of periods) {
          const data = await ok(url, STATS, { code, period: { from, to } });
          expect({ code, from, to, ...data.region.hospitalStats }).toEqual({ code, from, to, ...expected(code, from, to) });
        }
    });

    test('the ELDER_CARE_ACTIVITIES trend counts activities per month', async () => {
      const points = (await ok(url, TREND, { code: A, p: { from: '2023-11-01', to: '2024-02-29' } })).region.hospitalTrend as { label: string; value: number }[];
      const months = ['2023-11', '2023-12', '2024-01', '2024-02'];
      expect(points).toEqual(months.map((label) => ({ label, value: ACTIVITIES.filter((a) => regionOf(a.centre) === A && a.heldOn.startsWith(label)).length })));
    });
  });
});
