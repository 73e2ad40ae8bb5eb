import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Stack } from '@pb/gateway';
import { gql, ok, startTestStack, token } from '../support/harness';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['61'] });
const VIEWER = token({ role: 'VIEWER' });

/** The gateway's base URL (the GraphQL URL without /graphql). */
const baseOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function upload(base: string, type: string, file: Buffer, name: string, query = '', bearer = EDITOR): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([file]), name);
  return fetch(`${base}/import/${type}${query}`, { method: 'POST', body: form, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

async function workbookOf(data: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('ledger');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER = ['主办医院', '义诊日期', '行政区划代码', '主题', '服务群众', '医疗队人数'];
const clinicRow = (hospitalId: string, i: number) => [hospitalId, '2024-05-01', '610581', `台账义诊 ${i}`, 10 + (i % 7), 3];

describe('ledger import through the gateway (real PostgreSQL)', () => {
  let stack: Stack;
  let url: string;
  let base: string;
  let hospitalId: string;
  const clinicsOf = async (theme: string, from: string, to = from) => (await ok(url, `query($h: ID, $f: Date, $t: Date) { freeClinics(hospitalId: $h, heldFrom: $f, heldTo: $t, first: 100) { totalCount edges { node { id theme patients teamSize updatedAt } } } }`, { h: hospitalId, f: from, t: to })).freeClinics.edges.map((e: { node: Record<string, unknown> }) => e.node).filter((n: { theme: string }) => String(n.theme).startsWith(theme));
  const clinicCount = async () => (await ok(url, `query($h: ID) { freeClinics(hospitalId: $h) { totalCount } }`, { h: hospitalId })).freeClinics.totalCount as number;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    url = stack.gatewayUrl;
    base = baseOf(url);
    const data = await ok(url, '{ hospitals(regionCode: "610581", first: 100) { edges { node { id name } } } }');
    hospitalId = data.hospitals.edges.find((e: { node: { name: string } }) => e.node.name === '韩城市人民医院').node.id;
  });
  afterAll(() => stack?.stop());

  test('template round trip: download, fill three rows (one naming its hospital by name and region), import, the records exist', async () => {
    const res = await fetch(`${base}/import/FreeClinic/template.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const wb = await workbookOf(await res.arrayBuffer());
    const sheet = wb.worksheets[0];
    const fields = (sheet.getRow(2).values as string[]).slice(1);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(fields).toEqual(expect.arrayContaining(['externalId', 'hospitalId', 'hospitalName', 'hospitalRegionCode', 'heldOn', 'regionCode', 'patients', 'teamSize']));
    expect(headers[fields.indexOf('externalId')]).toBe('台账编号');
    expect(headers[fields.indexOf('heldOn')]).toBe('义诊日期 *');
    expect(headers[fields.indexOf('patients')]).toBe('服务群众');
    expect(sheet.getColumn(fields.indexOf('heldOn') + 1).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.rowCount).toBe(3); // two header rows and the example row
    const col = (f: string) => fields.indexOf(f) + 1;
    const fill = (r: number, values: Record<string, unknown>) => {
      for (let c = 1; c <= fields.length; c++) sheet.getCell(r, c).value = null;
      for (const [f, v] of Object.entries(values)) sheet.getCell(r, col(f)).value = v as ExcelJS.CellValue;
    };
    fill(3, { hospitalId, heldOn: new Date('2024-03-01T00:00:00Z'), regionCode: '610581', theme: '模板义诊 1', patients: 40, teamSize: 5 });
    fill(4, { hospitalName: '韩城市人民医院', hospitalRegionCode: '610581', heldOn: '2024/3/2', regionCode: '610581001', theme: '模板义诊 2', patients: 12 });
    fill(5, { hospitalId, heldOn: '2024-03-03', regionCode: '610581', theme: '模板义诊 3' });
    const up = await upload(base, 'FreeClinic', Buffer.from(await wb.xlsx.writeBuffer()), 'filled.xlsx');
    const summary = await up.json();
    expect(up.status).toBe(200);
    expect(summary).toMatchObject({ rowsRead: 3, created: 3, updated: 0, unchanged: 0, rejected: 0, committed: true, errors: [] });
    const made = await clinicsOf('模板义诊', '2024-03-01', '2024-03-03');
    expect(made.map((c: { theme: string }) => c.theme).sort()).toEqual(['模板义诊 1', '模板义诊 2', '模板义诊 3']);
    // Counts the ledger left empty are stored as null, never as invented zeros.
    expect(made.find((c: { theme: string }) => c.theme === '模板义诊 3')).toMatchObject({ patients: null, teamSize: null });
  });

  test('the Hospital template has a dropdown for enums; unknown types are 404', async () => {
    const wb = await workbookOf(await (await fetch(`${base}/import/hospital/template.xlsx`)).arrayBuffer());
    const sheet = wb.worksheets[0];
    const fields = (sheet.getRow(2).values as string[]).slice(1);
    const validation = sheet.getCell(3, fields.indexOf('grade') + 1).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    expect(String(validation.formulae?.[0])).toContain('SECONDARY');
    expect((await fetch(`${base}/import/NoSuchType/template.xlsx`)).status).toBe(404);
  });

  test('1000 rows with 2 bad ones write nothing and report exactly those rows and columns; --skip-invalid writes the rest', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => clinicRow(hospitalId, i));
    rows[136][4] = 'abc'; // 服务群众 not a number
    rows[802][1] = '2999-01-01'; // 义诊日期 in the future
    const file = await xlsxOf([HEADER, ...rows]);
    const before = await clinicCount();
    const res = await upload(base, 'free-clinic', file, 'ledger.xlsx');
    expect(res.status).toBe(422);
    const summary = await res.json();
    expect(summary).toMatchObject({ rowsRead: 1000, rejected: 2, committed: false });
    expect(summary.errors).toEqual([
      { row: 138, column: 'patients', header: '服务群众', value: 'abc', message: 'must be a whole number', code: 'BAD_USER_INPUT' },
      { row: 804, column: 'heldOn', header: '义诊日期', value: '2999-01-01', message: 'must not be in the future', code: 'BAD_USER_INPUT' },
    ]);
    expect(await clinicCount()).toBe(before);

    const asWorkbook = await upload(base, 'free-clinic', file, 'ledger.xlsx', '?format=xlsx');
    expect(asWorkbook.status).toBe(422);
    const errSheet = (await workbookOf(await asWorkbook.arrayBuffer())).worksheets[0];
    expect(String(errSheet.getCell(138, HEADER.length + 1).value)).toContain('服务群众');
    expect(errSheet.getCell(138, 5).fill).toMatchObject({ type: 'pattern' });
    expect(errSheet.getCell(137, 5).fill).toBeUndefined();

    const skipped = await upload(base, 'FreeClinic', file, 'ledger.xlsx', '?skipInvalid=1');
    expect(skipped.status).toBe(200);
    expect(await skipped.json()).toMatchObject({ rowsRead: 1000, created: 998, rejected: 2, committed: true });
    expect(await clinicCount()).toBe(before + 998);
  });

  test('re-importing a ledger with ledger numbers changes nothing; a changed row updates its record', async () => {
    const rows = [['台账编号', ...HEADER], ...[1, 2, 3].map((i) => [`HC-2024-${i}`, hospitalId, '2024-08-01', '610581', `重复导入 ${i}`, 20, 4])];
    const first = await (await upload(base, 'FreeClinic', await xlsxOf(rows), 'a.xlsx')).json();
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const stored = await clinicsOf('重复导入', '2024-08-01');
    const again = await (await upload(base, 'FreeClinic', await xlsxOf(rows), 'a.xlsx')).json();
    expect(again).toMatchObject({ rowsRead: 3, created: 0, updated: 0, unchanged: 3, committed: true });
    expect(await clinicsOf('重复导入', '2024-08-01')).toEqual(stored); // same ids, same updatedAt
    rows[2][5] = 21;
    const changed = await (await upload(base, 'FreeClinic', await xlsxOf(rows), 'a.xlsx')).json();
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
  });

  test('GB18030 CSV (what Chinese Excel saves) is read, and columns may be named by field', async () => {
    const csv = ['hospitalId,heldOn,regionCode,theme,服务群众', `${hospitalId},2024-06-11,610581,国标编码义诊（韩城）,15`].join('\r\n');
    const res = await upload(base, 'FreeClinic', iconv.encode(csv, 'gb18030'), 'ledger.csv');
    expect(await res.json()).toMatchObject({ created: 1, rejected: 0 });
    expect((await clinicsOf('国标编码义诊', '2024-06-11'))[0]).toMatchObject({ theme: '国标编码义诊（韩城）', patients: 15 });
    const bom = await upload(base, 'FreeClinic', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv.replace('国标', 'UTF8'))]), 'ledger.csv');
    expect(await bom.json()).toMatchObject({ created: 1 });
  });

  test('formula cells are refused (400), and neutralised in the workbook sent back', async () => {
    const rows = [HEADER, [hospitalId, '2024-05-01', '610581', { formula: 'HYPERLINK("http://evil.example","点我")' }, 5, 2], [hospitalId, '2024-05-01', '610581', '=1+2', 5, 2]];
    const file = await xlsxOf(rows);
    const before = await clinicCount();
    const res = await upload(base, 'FreeClinic', file, 'evil.xlsx');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('FORMULA_CELL');
    expect(body.error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([[2, 'theme'], [3, 'theme']]);
    const back = await upload(base, 'FreeClinic', file, 'evil.xlsx', '?format=xlsx');
    expect(back.status).toBe(400);
    const sheet = (await workbookOf(await back.arrayBuffer())).worksheets[0];
    for (const r of [2, 3]) {
      const cell = sheet.getCell(r, 4);
      expect(cell.formula).toBeUndefined();
      expect(String(cell.value).startsWith("'=")).toBe(true);
    }
    expect(await clinicCount()).toBe(before);
  });

  test('bad files are a clear 400; imports need a writer token', async () => {
    const notWorkbook = await upload(base, 'FreeClinic', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'old.xls');
    expect(notWorkbook.status).toBe(400);
    expect((await notWorkbook.json()).error.code).toBe('NOT_A_WORKBOOK');
    const unknown = await upload(base, 'FreeClinic', Buffer.from('主办医院,颜色,尺寸\r\nx,y,z\r\n'), 'x.csv');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ code: 'UNKNOWN_COLUMNS', details: { unknown: ['颜色', '尺寸'] } });
    const empty = await upload(base, 'FreeClinic', await xlsxOf([]), 'empty.xlsx');
    expect((await empty.json()).error.code).toBe('EMPTY_SHEET');
    expect((await upload(base, 'FreeClinic', Buffer.from('a'), 'x.csv', '', VIEWER)).status).toBe(403);
    expect((await upload(base, 'FreeClinic', Buffer.from('a'), 'x.csv', '', '')).status).toBe(401);
    const outside = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['11'] });
    const res = await upload(base, 'FreeClinic', Buffer.from(`hospitalId,heldOn,regionCode\r\n${hospitalId},2024-01-01,610581\r\n`), 'x.csv', '', outside);
    expect(await res.json()).toMatchObject({ rejected: 1, errors: [{ row: 2, code: 'FORBIDDEN' }] });
  });

  test('a ward round with its rectification items is one act: a bad item rolls back the whole', async () => {
    const branch = (
      await ok(url, `mutation($i: CreateHospitalPartyBranchInput!) { createHospitalPartyBranch(input: $i) { id } }`, { i: { hospitalId, department: '心内科', secretaryName: '李书记', secretaryRole: 'DEPARTMENT_HEAD', members: 12 } }, EDITOR)
    ).createHospitalPartyBranch.id;
    const rounds = async () => (await ok(url, `query($b: ID) { wardRounds(branchId: $b) { totalCount } }`, { b: branch })).wardRounds.totalCount as number;
    const before = await rounds();
    const create = `mutation($i: CreateWardRoundInput!) { createWardRound(input: $i) { id rectifications { description dueOn status } } }`;
    const input = { branchId: branch, heldOn: '2024-04-10', leaderName: '张书记', completedSteps: ['LISTEN', 'VISIT'], rectifications: [{ description: '台账补齐', dueOn: '2024-05-01' }, { description: '早于查房', dueOn: '2024-04-01' }] };
    const bad = await gql(url, create, { i: input }, EDITOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rectifications.1.dueOn' });
    expect(await rounds()).toBe(before);
    const good = await ok(url, create, { i: { ...input, rectifications: [input.rectifications[0], { description: '制度上墙', dueOn: '2024-06-01' }] } }, EDITOR);
    expect(good.createWardRound.rectifications).toEqual([
      { description: '台账补齐', dueOn: '2024-05-01', status: 'OPEN' },
      { description: '制度上墙', dueOn: '2024-06-01', status: 'OPEN' },
    ]);
    expect(await rounds()).toBe(before + 1);
  });

  test('a health station with its first service records, and an elder-care centre with its first census, are one act each', async () => {
    const stations = async () => (await ok(url, '{ healthStations(regionCode: "610581") { totalCount } }')).healthStations.totalCount as number;
    const before = await stations();
    const create = `mutation($i: CreateHealthStationInput!) { createHealthStation(input: $i) { id serviceRecords { services } } }`;
    const station = { name: '台账测试服务站', regionCode: '610581001', openedOn: '2024-01-02', origin: 'NEW', staffHospitalIds: [hospitalId] };
    const bad = await gql(url, create, { i: { ...station, serviceRecords: [{ servedOn: '2024-02-01', kind: 'HOME_VISIT', services: 3 }, { servedOn: '2024-02-02', kind: 'HOME_VISIT', services: 0 }] } }, EDITOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceRecords.1.services' });
    expect(await stations()).toBe(before);
    const good = await gql(url, create, { i: { ...station, serviceRecords: [{ servedOn: '2024-02-01', kind: 'HOME_VISIT', services: 3 }] } }, EDITOR);
    expect(good.errors).toBeUndefined();
    expect(good.data?.createHealthStation.serviceRecords).toEqual([{ services: 3 }]);
    expect(await stations()).toBe(before + 1);

    const centre = `mutation($i: CreateElderCareCenterInput!) { createElderCareCenter(input: $i) { id censuses { countedOn selfCare } } }`;
    const input = { hospitalId, name: '台账测试医养中心', regionCode: '610581001', beds: 10, censuses: [{ countedOn: '2024-03-01', selfCare: 20, semiDisabled: 0, disabled: 0 }] };
    const tooMany = await gql(url, centre, { i: input }, EDITOR);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.censuses.0.selfCare' });
    const made = await ok(url, centre, { i: { ...input, censuses: [{ countedOn: '2024-03-01', selfCare: 4, semiDisabled: 2, disabled: 1 }] } }, EDITOR);
    expect(made.createElderCareCenter.censuses).toEqual([{ countedOn: '2024-03-01', selfCare: 4 }]);
  });

  test('npm run import: the command uploads, reports the rows and fails on bad ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-import-'));
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, `hospitalId,heldOn,regionCode,theme,服务群众\r\n${hospitalId},2024-09-09,610581,命令行义诊,8\r\n${hospitalId},2024-09-10,610581,命令行义诊,x\r\n`);
    // Asynchronously: the gateway answers from this very process.
    const run = (...args: string[]) =>
      new Promise<{ status: number; stdout: string }>((resolve) =>
        execFile(process.execPath, [join(__dirname, '../../gateway/dist/import/main.js'), ...args, '--url', url, '--token', EDITOR], { encoding: 'utf8' }, (err, stdout) =>
          resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
        ),
      );
    const bad = await run('FreeClinic', file);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('2 rows read, 1 created, 0 updated, 0 unchanged, 1 rejected');
    expect(bad.stdout).toContain('row 3 【服务群众】 "x": must be a whole number');
    const skipped = await run('FreeClinic', file, '--skip-invalid');
    expect(skipped.stdout).toContain('1 created');
    expect(await clinicsOf('命令行义诊', '2024-09-09', '2024-09-10')).toHaveLength(1);
    const template = await run('FreeClinic', '--template', '--out', join(dir, 't.xlsx'));
    expect(template.status).toBe(0);
    expect((await workbookOf(readFileSync(join(dir, 't.xlsx')))).worksheets[0].getRow(2).values).toContain('heldOn');
    rmSync(dir, { recursive: true, force: true });
  });

  test('createFreeClinics is atomic; in a request with several mutations a failed one does not hide the others', async () => {
    const clinic = (theme: string, patients: number) => ({ hospitalId, heldOn: '2024-07-01', regionCode: '610581', theme, patients });
    const batch = `mutation($i: [CreateFreeClinicInput!]!) { createFreeClinics(inputs: $i) { id theme } }`;
    const before = await clinicCount();
    const bad = await gql(url, batch, { i: [clinic('批量 1', 3), clinic('批量 2', -1)] }, EDITOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs.1.patients' });
    expect(await clinicCount()).toBe(before);
    const made = await ok(url, batch, { i: [clinic('批量 1', 3), clinic('批量 2', 4)] }, EDITOR);
    expect(made.createFreeClinics.map((c: { theme: string }) => c.theme)).toEqual(['批量 1', '批量 2']);

    const two = await gql(
      url,
      `mutation($a: CreateFreeClinicInput!, $b: CreateFreeClinicInput!) { good: createFreeClinic(input: $a) { id } bad: createFreeClinic(input: $b) { id } }`,
      { a: clinic('两个变更 好', 1), b: clinic('两个变更 坏', -5) },
      EDITOR,
    );
    expect(two.data?.good).toMatchObject({ id: expect.any(String) });
    expect(two.data?.bad).toBeNull();
    expect(two.errors).toHaveLength(1);
    expect(two.errors?.[0]).toMatchObject({ path: ['bad'], extensions: { code: 'BAD_USER_INPUT' } });
  });
});
