import type { Stack } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';

/**
 * The integrator's sync against a live writer: writers update, delete and create records at
 * random while a client pages (small pages, orderBy UPDATED_AT) and re-syncs in a loop with the
 * previous `syncedAt` as `updatedSince` and `deletedSince`. When the writers stop, one more sync
 * must leave the client's copy equal to the server's, deletions included.
 */
const admin = token({ role: 'ADMIN', sub: 'sync-writer' });
const REGION = '110101';

interface Node {
  id: string;
  name: string;
  updatedAt: string;
}

describe('incremental sync under concurrent writes', () => {
  let stack: Stack;
  const run = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, bearer?: string) => ok<T>(stack.gatewayUrl, query, variables, bearer);

  beforeAll(async () => {
    stack = await startTestStack({ seed: false });
  });
  afterAll(() => stack?.stop());

  const create = async (n: number): Promise<string> =>
    (await run(`mutation($i: CreateHospitalInput!) { createHospital(input: $i) { id } }`, { i: { name: `同步医院${n}`, regionCode: REGION, grade: 'PRIMARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: false, partyOrganization: 'PARTY_COMMITTEE' } }, admin)).createHospital.id;

  /** Every live record, read in id order (the server's state once writes have stopped). */
  async function serverCopy(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let after: string | null = null;
    for (;;) {
      const page: any = (await run(`query($a: String) { hospitals(regionCode: "${REGION}", first: 100, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id name } } } }`, { a: after })).hospitals;
      for (const e of page.edges) out.set(e.node.id, e.node.name);
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  test('a client syncing while records change ends with the server copy', async () => {
    const live: string[] = [];
    for (let i = 0; i < 40; i++) live.push(await create(i));

    let stop = false;
    let writes = 0;
    const writer = async (seed: number) => {
      let k = seed;
      while (!stop) {
        k = (k * 1103515245 + 12345) % 2 ** 31;
        const roll = k % 100;
        const id = live[k % live.length];
        if (roll < 10 && live.length > 10) {
          live.splice(live.indexOf(id), 1);
          await run(`mutation($id: ID!) { deleteHospital(id: $id) }`, { id }, admin);
        } else if (roll < 20) {
          live.push(await create(1000 + writes));
        } else {
          await run(`mutation($id: ID!, $n: String!) { updateHospital(id: $id, input: { name: $n }) { id } }`, { id, n: `改${seed}-${writes}` }, admin).catch((err) => {
            // The other writer may have deleted it meanwhile.
            if (!String(err).includes('NOT_FOUND')) throw err;
          });
        }
        writes++;
      }
    };

    const client = new Map<string, string>();
    let watermark: string | null = null;
    let passes = 0;
    const sync = async () => {
      let after: string | null = null;
      let next: string | null = null;
      for (;;) {
        const page: any = (
          await run(
            `query($a: String, $s: DateTimeISO) { hospitals(regionCode: "${REGION}", first: 7, after: $a, updatedSince: $s, orderBy: { field: UPDATED_AT, direction: ASC }) {
              syncedAt pageInfo { hasNextPage endCursor } edges { node { id name updatedAt } } } }`,
            { a: after, s: watermark },
          )
        ).hospitals;
        next ??= page.syncedAt as string;
        for (const e of page.edges as { node: Node }[]) client.set(e.node.id, e.node.name);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        await new Promise((r) => setTimeout(r, 5));
      }
      if (watermark) {
        let dAfter: string | null = null;
        for (;;) {
          const page: any = (await run(`query($a: String, $s: DateTimeISO) { hospitals(regionCode: "${REGION}", first: 50, after: $a, deletedSince: $s) { pageInfo { hasNextPage endCursor } edges { node { id deletedAt } } } }`, { a: dAfter, s: watermark })).hospitals;
          for (const e of page.edges) client.delete(e.node.id);
          if (!page.pageInfo.hasNextPage) break;
          dAfter = page.pageInfo.endCursor;
        }
      }
      watermark = next;
      passes++;
    };

    const writers = Promise.all([writer(7), writer(11)]);
    const deadline = Date.now() + 6000;
    while (Date.now() < deadline) await sync();
    stop = true;
    await writers;
    await sync();

    const server = await serverCopy();
    expect(writes).toBeGreaterThan(50);
    expect(passes).toBeGreaterThan(3);
    expect(server.size).toBe(live.length);
    expect(new Map([...client].sort())).toEqual(new Map([...server].sort()));
  });

  test('orderBy pages neither skip nor repeat, in both directions, and bad cursors are refused', async () => {
    const read = async (field: string, direction: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await run(`query($a: String) { hospitals(regionCode: "${REGION}", first: 6, after: $a, orderBy: { field: ${field}, direction: ${direction} }) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt createdAt } } } }`, { a: after })).hospitals;
        seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
    };
    const all = [...(await serverCopy()).keys()].sort();
    for (const [f, d] of [['UPDATED_AT', 'ASC'], ['UPDATED_AT', 'DESC'], ['CREATED_AT', 'DESC'], ['ID', 'DESC']]) {
      const ids = await read(f, d);
      expect([...ids].sort()).toEqual(all);
    }
    const first: any = (await run(`{ hospitals(first: 1, orderBy: { field: UPDATED_AT }) { pageInfo { endCursor } } }`)).hospitals;
    const res = await gql(stack.gatewayUrl, `query($a: String) { hospitals(first: 1, after: $a, orderBy: { field: CREATED_AT }) { totalCount } }`, { a: first.pageInfo.endCursor });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
