import type { Stack } from '@pb/gateway';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { UniqueStationServiceRecords1764000181000 } from '@pb/hospitals/dist/migrations/1764000181000-UniqueStationServiceRecords.js';
import { gql, ok, startTestStack, token } from '../support/harness';

const EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['61'] });
const CSV = (rows: string[]) => Buffer.from(rows.join('\n'), 'utf8');

/** 台账编号 on GraphQL creates, and one health-station service record per station, day and kind. */
describe('ledger numbers and service-record identity through the gateway (real PostgreSQL)', () => {
  let stack: Stack;
  let url: string;
  let hospitals: string[];
  let stationId: string;

  const createClinic = `mutation($i: CreateFreeClinicInput!) { createFreeClinic(input: $i) { id externalId theme patients hospitalId } }`;
  const clinic = (hospitalId: string, theme: string, patients: number, externalId?: string) => ({ hospitalId, heldOn: '2024-06-01', regionCode: '610581', theme, patients, externalId });
  const themed = async (theme: string) => (await ok(url, `{ freeClinics(first: 100) { edges { node { id theme hospitalId externalId } } } }`)).freeClinics.edges.map((e: { node: { theme: string } }) => e.node).filter((n: { theme: string }) => n.theme === theme);

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    url = stack.gatewayUrl;
    const data = await ok(url, '{ hospitals(regionCode: "610581", first: 100) { edges { node { id } } } }');
    hospitals = data.hospitals.edges.map((e: { node: { id: string } }) => e.node.id);
    const station = await ok(url, `mutation($i: CreateHealthStationInput!) { createHealthStation(input: $i) { id } }`, { i: { name: '编号测试服务站', regionCode: '610581001', openedOn: '2024-01-02', origin: 'NEW', staffHospitalIds: [hospitals[0]] } }, EDITOR);
    stationId = station.createHealthStation.id;
  });
  afterAll(() => stack?.stop());

  test('a create with a ledger number its owner used updates that record: one record, retry-safe', async () => {
    const first = await ok(url, createClinic, { i: clinic(hospitals[0], '编号义诊', 10, 'YZ-2024-001') }, EDITOR);
    expect(first.createFreeClinic).toMatchObject({ externalId: 'YZ-2024-001', patients: 10 });
    const again = await ok(url, createClinic, { i: clinic(hospitals[0], '编号义诊', 12, 'YZ-2024-001') }, EDITOR);
    expect(again.createFreeClinic).toMatchObject({ id: first.createFreeClinic.id, externalId: 'YZ-2024-001', patients: 12 });
    // Two concurrent retries of the same create still make one record.
    const racing = await Promise.all([1, 2, 3].map(() => ok(url, createClinic, { i: clinic(hospitals[0], '编号义诊', 12, 'YZ-2024-001') }, EDITOR)));
    expect(new Set(racing.map((r) => r.createFreeClinic.id))).toEqual(new Set([first.createFreeClinic.id]));
    expect(await themed('编号义诊')).toHaveLength(1);
  });

  test('the same ledger number under two owning units is two records; lookups show each its number', async () => {
    await ok(url, createClinic, { i: clinic(hospitals[0], '两院同号', 5, 'NO-1') }, EDITOR);
    await ok(url, createClinic, { i: clinic(hospitals[1], '两院同号', 6, 'NO-1') }, EDITOR);
    const both = await themed('两院同号');
    expect(both).toHaveLength(2);
    expect(new Set(both.map((c: { hospitalId: string }) => c.hospitalId))).toEqual(new Set([hospitals[0], hospitals[1]]));
    expect(both.every((c: { externalId: string }) => c.externalId === 'NO-1')).toBe(true);
    // A record kept under a region (a health station) is owned by its region: same number and region is one record, another region another.
    const createStation = `mutation($i: CreateHealthStationInput!) { createHealthStation(input: $i) { id externalId regionCode } }`;
    const station = (regionCode: string) => ({ name: '编号驿站', regionCode, openedOn: '2024-01-02', origin: 'NEW', staffHospitalIds: [hospitals[0]], externalId: 'ZD-1' });
    const a = await ok(url, createStation, { i: station('610581001') }, EDITOR);
    const same = await ok(url, createStation, { i: station('610581001') }, EDITOR);
    const other = await ok(url, createStation, { i: station('610581002') }, EDITOR);
    expect(same.createHealthStation.id).toBe(a.createHealthStation.id);
    expect(other.createHealthStation.id).not.toBe(a.createHealthStation.id);
    expect(other.createHealthStation.externalId).toBe('ZD-1');
  });

  test('a batch naming one ledger number twice is refused, naming the later input', async () => {
    const res = await gql(url, `mutation($i: [CreateFreeClinicInput!]!) { createFreeClinics(inputs: $i) { id } }`, { i: [clinic(hospitals[0], '批量同号', 1, 'B-1'), clinic(hospitals[0], '批量同号', 2, 'B-1')] }, EDITOR);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'inputs.1.externalId' });
    expect(await themed('批量同号')).toHaveLength(0);
  });

  test('a second service record for the same station, day and kind is CONFLICT naming input.kind; nothing written', async () => {
    const create = `mutation($i: CreateStationServiceRecordInput!) { createStationServiceRecord(input: $i) { id services } }`;
    const record = { stationId, servedOn: '2024-03-01', kind: 'HOME_VISIT', services: 3 };
    const first = await ok(url, create, { i: record }, EDITOR);
    const again = await gql(url, create, { i: { ...record, services: 4 } }, EDITOR);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kind', existingId: first.createStationServiceRecord.id });
    // Another kind, or another day, is fine; moving one onto an existing day and kind is not.
    const other = await ok(url, create, { i: { ...record, kind: 'BASIC_CARE' } }, EDITOR);
    const moved = await gql(url, `mutation($id: ID!) { updateStationServiceRecord(id: $id, input: { kind: HOME_VISIT }) { id } }`, { id: other.createStationServiceRecord.id }, EDITOR);
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kind' });
    // Updating a record onto itself is no conflict.
    await ok(url, `mutation($id: ID!) { updateStationServiceRecord(id: $id, input: { services: 9 }) { id } }`, { id: first.createStationServiceRecord.id }, EDITOR);
    // With a ledger number, a repeated create updates the record instead of being refused.
    const numbered = { ...record, servedOn: '2024-03-02', externalId: 'FW-1' };
    const a = await ok(url, create, { i: numbered }, EDITOR);
    const b = await ok(url, create, { i: { ...numbered, services: 7 } }, EDITOR);
    expect(b.createStationServiceRecord).toEqual({ id: a.createStationServiceRecord.id, services: 7 });
    const list = await ok(url, `query($s: ID) { stationServiceRecords(stationId: $s, first: 50) { totalCount } }`, { s: stationId });
    expect(list.stationServiceRecords.totalCount).toBe(3);
  });

  test('a batch with two equal service records is refused, naming the second row', async () => {
    const res = await gql(url, `mutation($i: [CreateStationServiceRecordInput!]!) { createStationServiceRecords(inputs: $i) { id } }`, {
      i: [{ stationId, servedOn: '2024-04-01', kind: 'HOME_VISIT', services: 1 }, { stationId, servedOn: '2024-04-02', kind: 'HOME_VISIT', services: 1 }, { stationId, servedOn: '2024-04-01', kind: 'HOME_VISIT', services: 2 }],
    }, EDITOR);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'inputs.2.kind' });
    const list = await ok(url, `query($s: ID) { stationServiceRecords(stationId: $s, first: 50) { totalCount } }`, { s: stationId });
    expect(list.stationServiceRecords.totalCount).toBe(3);
  });

  test('a ledger import with a repeated station, day and kind reports the later row', async () => {
    const base = url.replace(/\/graphql$/, '');
    const form = new FormData();
    const file = CSV(['stationId,servedOn,kind,services', `${stationId},2024-05-01,BASIC_CARE,2`, `${stationId},2024-05-01,BASIC_CARE,3`, `${stationId},2024-03-01,HOME_VISIT,3`]);
    form.append('file', new Blob([file]), 'records.csv');
    const res = await fetch(`${base}/import/StationServiceRecord`, { method: 'POST', body: form, headers: { authorization: `Bearer ${EDITOR}`, accept: 'application/json' } });
    const summary = (await res.json()) as { committed: boolean; errors: { row: number; column: string; code: string }[] };
    expect(summary.committed).toBe(false);
    expect(summary.errors).toEqual([expect.objectContaining({ row: 3, column: 'kind', code: 'CONFLICT' }), expect.objectContaining({ row: 4, column: 'kind', code: 'CONFLICT' })]);
  });

  test('the migration merges service records stored twice before it: one record, the services summed, the removed rows in the audit log', async () => {
    const db = new Client({ connectionString: stack.databases.urls.hospitals });
    await db.connect();
    try {
      await db.query('DROP INDEX station_service_record_station_day_kind_key');
      const rows = await db.query(
        `INSERT INTO station_service_record (region_code, station_id, served_on, kind, services) SELECT '610581001', $1, '2024-07-01', 'HOME_VISIT', s FROM unnest(ARRAY[2, 3, 5]) s RETURNING id`,
        [stationId],
      );
      await db.query('BEGIN');
      await new UniqueStationServiceRecords1764000181000().up({ query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as QueryRunner);
      await db.query('COMMIT');
      const left = await db.query(`SELECT id, services FROM station_service_record WHERE station_id = $1 AND served_on = '2024-07-01'`, [stationId]);
      // One statement, one created_at: the kept record is the first by id.
      const [kept, ...removed] = rows.rows.map((r: { id: string }) => r.id).sort();
      expect(left.rows).toEqual([{ id: kept, services: 10 }]);
      const audit = await db.query(`SELECT changes FROM audit_log WHERE record_id = $1 AND changes ? 'mergedRecords'`, [kept]);
      expect(audit.rows[0].changes.mergedRecords.before.map((r: { id: string }) => r.id).sort()).toEqual(removed);
      const index = await db.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'station_service_record_station_day_kind_key'`);
      expect(index.rowCount).toBe(1);
    } finally {
      await db.end();
    }
  });
});
