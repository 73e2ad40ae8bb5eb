import type { SubgraphProcess } from '@pb/gateway';
import { countStatements, gql, ok, startTestSubgraph, token } from './harness';

/** What every sector's unit type (Community, Hospital, School, Enterprise) must do. */
export interface UnitContract {
  subgraph: string;
  typeName: string;
  listName: string;
  /** A valid create input without name and regionCode. */
  attributes: Record<string, unknown>;
  /** Its stats field and the counts it must give for a set of units, computed here in JS. */
  statsField: string;
  statsSelection: string;
  expectedStats: (units: Record<string, unknown>[]) => Record<string, unknown>;
  /** Variations of `attributes` the stats distinguish (grade, public or not…). */
  variants: Record<string, unknown>[];
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** The shared contract, run against the subgraph alone over HTTP on a fresh database. */
export function describeUnitSubgraph(c: UnitContract): void {
  const T = c.typeName;
  const fields = `id name regionCode source createdAt updatedAt region { code name }`;
  const CREATE = `mutation($input: Create${T}Input!) { create${T}(input: $input) { ${fields} } }`;
  const UPDATE = `mutation($id: ID!, $input: Update${T}Input!) { update${T}(id: $id, input: $input) { ${fields} } }`;
  const DELETE = `mutation($id: ID!) { delete${T}(id: $id) }`;
  const BY_ID = `query($id: ID!) { ${lowerFirst(T)}(id: $id) { ${fields} } }`;
  const LIST = `query($first: Int, $after: String, $r: String, $since: DateTimeISO) {
    ${c.listName}(first: $first, after: $after, regionCode: $r, updatedSince: $since) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name region { name } } } } }`;
  const editor = token({ role: 'EDITOR', sectors: [c.subgraph], regions: ['6105'] });
  const admin = token({ role: 'ADMIN' });

  describe(`${c.subgraph} subgraph on its own: ${T}`, () => {
    let sub: SubgraphProcess;
    const create = (input: Record<string, unknown>, bearer = editor) => gql(sub.url, CREATE, { input }, bearer);
    const total = async (region = '61') => (await ok(sub.url, LIST, { r: region, first: 0 }))[c.listName].totalCount as number;

    beforeAll(async () => {
      sub = await startTestSubgraph(c.subgraph);
    });
    afterAll(() => sub?.stop());

    test('create, read, update and delete', async () => {
      const created = (await ok(sub.url, CREATE, { input: { ...c.attributes, name: `测试${T}`, regionCode: '610581000000' } }, editor))[`create${T}`];
      expect(created).toMatchObject({ name: `测试${T}`, regionCode: '610581', source: 'USER', region: { code: '610581', name: '韩城市' } });
      expect((await ok(sub.url, BY_ID, { id: created.id }))[lowerFirst(T)]).toEqual(created);
      const updated = (await ok(sub.url, UPDATE, { id: created.id, input: { name: '改名' } }, editor))[`update${T}`];
      expect(updated).toMatchObject({ id: created.id, name: '改名', regionCode: '610581' });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
      expect((await ok(sub.url, DELETE, { id: created.id }, editor))[`delete${T}`]).toBe(created.id);
      expect((await ok(sub.url, BY_ID, { id: created.id }))[lowerFirst(T)]).toBeNull();
    });

    test('rejected writes write nothing', async () => {
      const mine = (await ok(sub.url, CREATE, { input: { ...c.attributes, name: '本区', regionCode: '610581' } }, editor))[`create${T}`];
      const before = await total();
      const cases: [Promise<Awaited<ReturnType<typeof gql>>>, string, string?][] = [
        [create({ ...c.attributes, name: '', regionCode: '610581' }), 'BAD_USER_INPUT', 'input.name'],
        [create({ ...c.attributes, name: 'x', regionCode: '6105810' }), 'BAD_USER_INPUT', 'input.regionCode'],
        [create({ ...c.attributes, name: 'x', regionCode: '610581', establishedOn: '2999-01-01' }), 'BAD_USER_INPUT', 'input.establishedOn'],
        [create({ ...c.attributes, name: 'x', regionCode: '610724' }), 'FORBIDDEN'],
        [create({ ...c.attributes, name: 'x', regionCode: '610581' }, token({ role: 'EDITOR', sectors: ['other'], regions: ['61'] })), 'FORBIDDEN'],
        [create({ ...c.attributes, name: 'x', regionCode: '610581' }, token({ role: 'VIEWER', sectors: [c.subgraph], regions: ['61'] })), 'FORBIDDEN'],
        [gql(sub.url, CREATE, { input: { ...c.attributes, name: 'x', regionCode: '610581' } }), 'UNAUTHENTICATED'],
        // Moving a record out of the editor's regions is as forbidden as creating it there.
        [gql(sub.url, UPDATE, { id: mine.id, input: { regionCode: '610724' } }, editor), 'FORBIDDEN'],
        [gql(sub.url, UPDATE, { id: mine.id, input: { name: ' ' } }, editor), 'BAD_USER_INPUT', 'input.name'],
        [gql(sub.url, DELETE, { id: mine.id }, token({ role: 'EDITOR', sectors: [c.subgraph], regions: ['6107'] })), 'FORBIDDEN'],
        [gql(sub.url, DELETE, { id: '00000000-0000-4000-8000-000000000000' }, editor), 'NOT_FOUND'],
      ];
      for (const [pending, code, field] of cases) {
        const res = await pending;
        expect(res.errors?.[0].extensions?.code).toBe(code);
        if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
      }
      expect(await total()).toBe(before);
      expect((await ok(sub.url, BY_ID, { id: mine.id }))[lowerFirst(T)]).toMatchObject({ name: '本区', regionCode: '610581' });
    });

    test('an ADMIN writes anywhere', async () => {
      const res = await ok(sub.url, CREATE, { input: { ...c.attributes, name: '管理员建', regionCode: '1407' } }, admin);
      expect(res[`create${T}`].regionCode).toBe('1407');
    });

    test('stats roll up over region prefixes and respect the period end', async () => {
      const county = '610724'; // 西乡县: nothing else in this database
      const units = c.variants.flatMap((v, i) => [
        { ...c.attributes, ...v, name: `统计${i}a`, regionCode: '610724001007' },
        { ...c.attributes, ...v, name: `统计${i}b`, regionCode: county, establishedOn: '2020-06-01' },
      ]);
      for (const u of units) await ok(sub.url, CREATE, { input: u }, admin);
      const stats = async (code: string, period?: Record<string, string>) =>
        (await ok(sub.url, `query($p: PeriodInput) { region(code: "${code}") { ${c.statsField}(period: $p) { ${c.statsSelection} } } }`, { p: period ?? null })).region[c.statsField];
      expect(await stats(county)).toEqual(c.expectedStats(units));
      expect(await stats('610724001')).toEqual(c.expectedStats(units.filter((u) => u.regionCode.startsWith('610724001'))));
      // At the end of 2019 the units founded in 2020 did not exist yet.
      expect(await stats(county, { to: '2019-12-31' })).toEqual(c.expectedStats(units.filter((u) => !u.establishedOn)));
      expect(await stats('6501')).toEqual(c.expectedStats([]));
    });

    test('cursor paging, page size limit and incremental sync', async () => {
      const since = new Date().toISOString();
      for (let i = 0; i < 5; i++) await ok(sub.url, CREATE, { input: { ...c.attributes, name: `分页${i}`, regionCode: '610502' } }, admin);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } = (
          await ok(sub.url, LIST, { r: '610502', first: 2, after })
        )[c.listName];
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(5);
      expect((await ok(sub.url, LIST, { since, first: 100 }))[c.listName].totalCount).toBe(5);
      expect((await gql(sub.url, LIST, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect((await gql(sub.url, LIST, { after: 'bm9wZQ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    test('a page with regions costs the same SQL statements for 5 or 50 records', async () => {
      for (let i = 0; i < 50; i++) await ok(sub.url, CREATE, { input: { ...c.attributes, name: `批量${i}`, regionCode: i % 2 ? '610581001007' : '610581002004' } }, admin);
      const small = await countStatements(sub.url, () => ok(sub.url, LIST, { r: '610581', first: 5 }));
      const large = await countStatements(sub.url, () => ok(sub.url, LIST, { r: '610581', first: 50 }));
      expect(large).toBe(small);
    });
  });
}
