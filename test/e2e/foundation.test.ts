import type { Stack } from '@pb/gateway';
import { countStackStatements, gql, ok, startTestStack, token } from '../support/harness';
import { countWithin, referenceRecords } from '../support/reference';

const HANCHENG = '610581';
const NEW_HOSPITAL = {
  name: '韩城市测试医院',
  regionCode: '610581000000',
  grade: 'SECONDARY',
  kind: 'GENERAL',
  isPublic: true,
  secretaryPresidentSeparated: true,
  partyOrganization: 'PARTY_COMMITTEE',
};
const CREATE = `mutation($input: CreateHospitalInput!) { createHospital(input: $input) { id name regionCode region { name } } }`;
const COUNT_HOSPITALS = `query($r: String) { hospitals(regionCode: $r) { totalCount } }`;

describe('the supergraph through the gateway (real HTTP, real PostgreSQL)', () => {
  let stack: Stack;
  let url: string;
  const hospitalsIn = async (region: string) => (await ok(url, COUNT_HOSPITALS, { r: region })).hospitals.totalCount as number;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    url = stack.gatewayUrl;
  });
  afterAll(() => stack?.stop());

  test('one query reads a county with all four sectors, from the reference data', async () => {
    const data = await ok(
      url,
      `{ region(code: "${HANCHENG}") { name level parent { name } communityStats { communities } hospitalStats { hospitals } schoolStats { schools } soeStats { enterprises } } }`,
    );
    expect(data.region).toEqual({
      name: '韩城市',
      level: 'COUNTY',
      parent: { name: '渭南市' },
      communityStats: { communities: countWithin(referenceRecords('communities', 'communities.json'), HANCHENG) },
      hospitalStats: { hospitals: countWithin(referenceRecords('hospitals', 'hospitals.json'), HANCHENG) },
      schoolStats: { schools: countWithin(referenceRecords('schools', 'schools.json'), HANCHENG) },
      soeStats: { enterprises: countWithin(referenceRecords('soes', 'enterprises.json'), HANCHENG) },
    });
    expect(data.region.communityStats.communities).toBeGreaterThan(0);
  });

  test('reference records say where they come from', async () => {
    const data = await ok(url, '{ hospitals(regionCode: "610581", first: 100) { edges { node { name source } } } }');
    expect(data.hospitals.edges).toContainEqual({ node: { name: '韩城市人民医院', source: 'ARTICLE' } });
  });

  test('padded codes are normalized; malformed and unknown codes are BAD_USER_INPUT', async () => {
    expect((await ok(url, '{ region(code: "610000") { code name level } }')).region).toEqual({ code: '61', name: '陕西省', level: 'PROVINCE' });
    expect((await ok(url, '{ region(code: "610581002004") { name level parent { code } } }')).region).toEqual({
      name: '涺惠社区居委会',
      level: 'VILLAGE',
      parent: { code: '610581002' },
    });
    for (const code of ['61x', '999999', '']) {
      const res = await gql(url, `{ region(code: "${code}") { name } }`);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    }
  });

  test('an EDITOR of hospitals for 6105 creates a hospital in 韩城市', async () => {
    const before = await hospitalsIn(HANCHENG);
    const data = await ok(url, CREATE, { input: NEW_HOSPITAL }, token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] }));
    expect(data.createHospital).toMatchObject({ name: NEW_HOSPITAL.name, regionCode: HANCHENG, region: { name: '韩城市' } });
    expect(await hospitalsIn(HANCHENG)).toBe(before + 1);
    const stats = await ok(url, `{ region(code: "${HANCHENG}") { hospitalStats { hospitals } } }`);
    expect(stats.region.hospitalStats.hospitals).toBe(before + 1);
  });

  // Every row has all five values: a shorter row would make Jest pass `done` as the last one.
  const rejected: [string, string | undefined, Record<string, unknown>, string, string | null][] = [
    ['a schools EDITOR', token({ role: 'EDITOR', sectors: ['schools'], regions: ['6105'] }), NEW_HOSPITAL, 'FORBIDDEN', null],
    ['a hospitals EDITOR of 6107 (汉中)', token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6107'] }), NEW_HOSPITAL, 'FORBIDDEN', null],
    ['a VIEWER', token({ role: 'VIEWER' }), NEW_HOSPITAL, 'FORBIDDEN', null],
    ['no token', undefined, NEW_HOSPITAL, 'UNAUTHENTICATED', null],
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiQURNSU4ifQ.c2lnbmF0dXJl', NEW_HOSPITAL, 'UNAUTHENTICATED', null],
    ['a bad region code', token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] }), { ...NEW_HOSPITAL, regionCode: '61058' }, 'BAD_USER_INPUT', 'input.regionCode'],
    ['an unknown region code', token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] }), { ...NEW_HOSPITAL, regionCode: '610599' }, 'BAD_USER_INPUT', 'input.regionCode'],
    ['an empty name', token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] }), { ...NEW_HOSPITAL, name: '  ' }, 'BAD_USER_INPUT', 'input.name'],
  ];
  test.each(rejected)('creating with %s is rejected and writes nothing', async (_who, bearer, input, code, field) => {
    const before = await hospitalsIn('61');
    const res = await gql(url, CREATE, { input }, bearer);
    expect(res.data?.createHospital ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(await hospitalsIn('61')).toBe(before);
  });

  test('a drill-down costs the same SQL statements whatever the number of children', async () => {
    const drill = (code: string) => `{ region(code: "${code}") { children { name hospitalStats { hospitals } communityStats { communities } } } }`;
    const statements = async (code: string) => {
      let children = 0;
      const total = await countStackStatements(stack, async () => {
        children = (await ok(url, drill(code))).region.children.length;
      });
      return { total, children };
    };
    for (const code of ['61', '1407', '610581', '610502']) await ok(url, drill(code)); // regions cached per process
    const province = await statements('61'); // 陕西省: 10 cities
    const city = await statements('1407'); // 晋中市: 11 counties
    const county = await statements('610581'); // 韩城市: 8 townships
    const bigCounty = await statements('610502'); // 临渭区: 27 townships
    expect(province.children).toBe(10);
    expect(county.children).toBe(8);
    expect(bigCounty.children).toBe(27);
    // Cities and counties are read from pre-aggregates, townships from their rows: the count
    // depends on the children's level, never on how many there are.
    expect(city.total).toBe(province.total);
    expect(bigCounty.total).toBe(county.total);
  });

  test('the gateway answers /health', async () => {
    const res = await fetch(new URL('/health', url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('a stopped subgraph fails only its own fields, names its sector but not its address, and comes back', async () => {
    const query = `{ region(code: "${HANCHENG}") { name hospitalStats { hospitals } schoolStats { schools } } }`;
    await stack.subgraphs.schools.stop();
    try {
      const res = await gql(url, query);
      expect(res.data?.region).toMatchObject({ name: '韩城市', hospitalStats: { hospitals: expect.any(Number) }, schoolStats: null });
      expect(res.errors?.length).toBeGreaterThan(0);
      const text = JSON.stringify(res.errors);
      expect(text).toContain('schools');
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|http:\/\/|ECONNREFUSED/);
      expect(res.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      await stack.subgraphs.schools.restart();
    }
    const again = await ok(url, query);
    expect(again.region.schoolStats.schools).toEqual(expect.any(Number));
  });

  test('internal failures do not leak: a malformed id is a clean BAD_USER_INPUT', async () => {
    const res = await gql(url, '{ hospital(id: "not-an-id") { name } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(JSON.stringify(res)).not.toMatch(/stack|QueryFailedError|postgres/i);
  });
});

describe('query depth limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  test('a drill-down through every level passes; a query built to exhaust the servers is refused', async () => {
    const five = await gql(stack.gatewayUrl, '{ region(code: "61") { children { children { children { code } } } } }');
    expect(five.errors).toBeUndefined();
    const nested = `{ region(code: "61") { ${'parent { '.repeat(20)}code${' }'.repeat(20)} } }`;
    const res = await gql(stack.gatewayUrl, nested);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 15 });
    expect(res.errors?.[0].message).toMatch(/at most 15/);
  });
});
