import type { Stack } from '@pb/gateway';
import { aggregatesDigest, openSubgraphDatabase, rebuildStats } from '@pb/kit';
import { subgraph as communities } from '@pb/communities';
import { gql, ok, startTestStack, token } from '../support/harness';

/**
 * 双报到 statistics count only registrations whose unit exists: a hospital deleted in its own
 * subgraph reaches the communities subgraph through the hospitals' deletions feed (polled every
 * PB_DELETIONS_POLL_MS), its registrations stop counting, and count again once it is restored.
 */
const ADMIN = token({ role: 'ADMIN', sub: 'admin-1' });
const HANCHENG = '610581';
const TOWNSHIP = '610581002';
const JUHUI = '610581002004';
const POLL_MS = 300;

type Figures = { registeredUnits: number; registeredMembers: number; registeredUnitsBySector: { sector: string; count: number }[] };

describe('registrations of a deleted unit leave the statistics, and come back with it', () => {
  let stack: Stack;
  const ids: Record<string, string> = {};
  const mutate = (query: string, variables: Record<string, unknown>) => ok(stack.gatewayUrl, query, variables, ADMIN);
  const create = async (type: string, input: Record<string, unknown>): Promise<string> =>
    (await mutate(`mutation($input: Create${type}Input!) { r: create${type}(input: $input) { id } }`, { input })).r.id as string;
  /** The county (pre-aggregates) and the township (from the rows) figures. */
  const figures = async (): Promise<Figures[]> => {
    const sel = 'communityStats { registeredUnits registeredMembers registeredUnitsBySector { sector count } }';
    const data = await ok(stack.gatewayUrl, `{ county: region(code: "${HANCHENG}") { ${sel} } township: region(code: "${TOWNSHIP}") { ${sel} } }`);
    return [data.county.communityStats, data.township.communityStats];
  };
  const hospitals = (f: Figures) => f.registeredUnitsBySector.find((s) => s.sector === 'HOSPITAL')?.count;
  /** Both levels, once the figures settle on `units` (the poll runs in the background). */
  async function until(units: number, members: number, timeoutMs = 20_000): Promise<Figures[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = await figures();
      if (f.every((x) => x.registeredUnits === units && x.registeredMembers === members) || Date.now() > deadline) return f;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const syncState = async () => {
    const db = await openSubgraphDatabase(communities, stack.databases.urls.communities);
    try {
      return ((await db.query(`SELECT error, synced_to FROM remote_deletion_sync WHERE type_name = 'Hospital'`)) as { error: string | null; synced_to: Date | null }[])[0] ?? null;
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    stack = await startTestStack({ env: { PB_DELETIONS_POLL_MS: String(POLL_MS) } });
    ids.hospital = await create('Hospital', {
      name: '韩城市人民医院', regionCode: HANCHENG, grade: 'SECONDARY', kind: 'GENERAL', isPublic: true, secretaryPresidentSeparated: true, partyOrganization: 'PARTY_COMMITTEE',
    });
    ids.agency = await create('Agency', { name: '韩城市税务局', regionCode: HANCHENG, kind: 'GOVERNMENT', partyOrganization: 'PARTY_COMMITTEE' });
    ids.juhui = await create('Community', { name: '涺惠社区', regionCode: JUHUI, partyOrganization: 'PARTY_COMMITTEE', partyMembers: 120 });
    ids.hospitalRegistration = await create('DualRegistration', { communityId: ids.juhui, unitSector: 'HOSPITAL', unitId: ids.hospital, members: 25, registeredOn: '2024-03-01' });
    ids.agencyRegistration = await create('DualRegistration', { communityId: ids.juhui, unitSector: 'AGENCY', unitId: ids.agency, members: 40, registeredOn: '2024-03-01' });
  });
  afterAll(() => stack?.stop());

  test('a hospital deleted in the hospitals subgraph stops counting; restored, it counts again; the registration stays listed', async () => {
    for (const f of await figures()) expect(f).toMatchObject({ registeredUnits: 2, registeredMembers: 65 });

    await mutate(`mutation($id: ID!) { deleteHospital(id: $id) }`, { id: ids.hospital });
    for (const f of await until(1, 40)) {
      expect(f).toMatchObject({ registeredUnits: 1, registeredMembers: 40 });
      expect(hospitals(f)).toBe(0);
    }
    // Nothing lost: the registration is listed, its unit reported as a dangling reference.
    const listed = await ok(stack.gatewayUrl, `query($c: ID!) { dualRegistrations(communityId: $c) { totalCount edges { node { id unitSector danglingReferences { field typeName id } } } } }`, { c: ids.juhui });
    expect(listed.dualRegistrations.totalCount).toBe(2);
    expect(listed.dualRegistrations.edges.find((e: { node: { id: string } }) => e.node.id === ids.hospitalRegistration).node.danglingReferences).toEqual([{ field: 'unitId', typeName: 'Hospital', id: ids.hospital }]);

    // The pre-aggregates were adjusted, not left for a rebuild: a rebuild changes nothing.
    const db = await openSubgraphDatabase(communities, stack.databases.urls.communities);
    try {
      const before = await aggregatesDigest(db);
      await rebuildStats(db, communities.stats!);
      expect(await aggregatesDigest(db)).toEqual(before);
    } finally {
      await db.destroy();
    }

    await mutate(`mutation($id: ID!) { restoreHospital(id: $id) { id } }`, { id: ids.hospital });
    for (const f of await until(2, 65)) {
      expect(f).toMatchObject({ registeredUnits: 2, registeredMembers: 65 });
      expect(hospitals(f)).toBe(1);
    }
    const back = await ok(stack.gatewayUrl, `query($id: ID!) { dualRegistration(id: $id) { danglingReferences { id } } }`, { id: ids.hospitalRegistration });
    expect(back.dualRegistration.danglingReferences).toEqual([]);
  });

  test('a deletion made while the communities subgraph is down is caught up from the watermark', async () => {
    await stack.subgraphs.communities.stop();
    await mutate(`mutation($id: ID!) { deleteHospital(id: $id) }`, { id: ids.hospital });
    await stack.subgraphs.communities.restart();
    for (const f of await until(1, 40)) expect(f).toMatchObject({ registeredUnits: 1, registeredMembers: 40 });
  });

  test('an owner that does not answer is a warning and a retry: the communities subgraph keeps serving, and catches up when it is back', async () => {
    await stack.subgraphs.hospitals.stop();
    const deadline = Date.now() + 20_000;
    let state = await syncState();
    while (!state?.error && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      state = await syncState();
    }
    expect(state?.error).toBeTruthy();
    for (const f of await figures()) expect(f).toMatchObject({ registeredUnits: 1, registeredMembers: 40 });

    await stack.subgraphs.hospitals.restart();
    await mutate(`mutation($id: ID!) { restoreHospital(id: $id) { id } }`, { id: ids.hospital });
    for (const f of await until(2, 65)) expect(f).toMatchObject({ registeredUnits: 2, registeredMembers: 65 });
    expect((await syncState())?.error).toBeNull();
  });

  test('an agency, deleted in the communities subgraph itself, leaves the figures at once and comes back restored', async () => {
    await mutate(`mutation($id: ID!) { deleteAgency(id: $id) }`, { id: ids.agency });
    for (const f of await figures()) expect(f).toMatchObject({ registeredUnits: 1, registeredMembers: 25 });
    await mutate(`mutation($id: ID!) { restoreAgency(id: $id) { id } }`, { id: ids.agency });
    for (const f of await figures()) expect(f).toMatchObject({ registeredUnits: 2, registeredMembers: 65 });
  });

  test('a registration naming a deleted unit is refused, as before', async () => {
    await mutate(`mutation($id: ID!) { deleteHospital(id: $id) }`, { id: ids.hospital });
    const res = await gql(stack.gatewayUrl, `mutation($i: CreateDualRegistrationInput!) { createDualRegistration(input: $i) { id } }`, { i: { communityId: ids.juhui, unitSector: 'HOSPITAL', unitId: ids.hospital, members: 5, registeredOn: '2024-03-01' } }, ADMIN);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
  });
});
