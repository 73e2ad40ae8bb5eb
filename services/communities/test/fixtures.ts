import { gql, ok, token } from '../../../test/support/harness';

/** Communities of 韩城市 (editable by EDITOR_HC) and one of 西乡县 (outside its region). */
export const HANCHENG = '610581';
export const JUHUI = '610581002004';
export const ZHUANGYUAN = '610581001007';
export const XIXIANG_VILLAGE = '610724001007';

export const ADMIN = token({ role: 'ADMIN' });
export const EDITOR_HC = token({ role: 'EDITOR', sectors: ['communities'], regions: [HANCHENG] });
export const EDITOR_XX = token({ role: 'EDITOR', sectors: ['communities'], regions: ['610724'] });
export const HOSPITALS_EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['61'] });
export const VIEWER = token({ role: 'VIEWER' });

/** `createX(input)` returning the new record's id. */
export async function create(url: string, type: string, input: Record<string, unknown>, bearer = EDITOR_HC): Promise<string> {
  const data = await ok(url, `mutation($input: Create${type}Input!) { r: create${type}(input: $input) { id } }`, { input }, bearer);
  return data.r.id as string;
}

export const createCommunity = (url: string, name: string, regionCode: string, partyMembers = 10, extra: Record<string, unknown> = {}) =>
  create(url, 'Community', { name, regionCode, partyOrganization: 'BRANCH', partyMembers, ...extra }, ADMIN);

/** totalCount of a list, read as ADMIN (so personal-data rules do not matter). */
export async function total(url: string, list: string): Promise<number> {
  return (await ok(url, `{ l: ${list}(first: 0) { totalCount } }`, {}, ADMIN)).l.totalCount as number;
}

/**
 * A rejected write: the expected error code (and field), and the list it would have written to
 * unchanged.
 */
export async function expectRejected(
  url: string,
  mutation: string,
  variables: Record<string, unknown>,
  bearer: string | undefined,
  list: string,
  code: string,
  field?: string,
): Promise<void> {
  const before = await total(url, list);
  const res = await gql(url, mutation, variables, bearer);
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
  expect(await total(url, list)).toBe(before);
}

export const createMutation = (type: string) => `mutation($input: Create${type}Input!) { r: create${type}(input: $input) { id } }`;
export const updateMutation = (type: string, fields = 'id') => `mutation($id: ID!, $input: Update${type}Input!) { r: update${type}(id: $id, input: $input) { ${fields} } }`;
export const deleteMutation = (type: string) => `mutation($id: ID!) { r: delete${type}(id: $id) }`;

/** The figures of one region (and period), as ADMIN. */
export async function stats(url: string, code: string, fields: string, period?: { from?: string; to?: string }): Promise<Record<string, unknown>> {
  const data = await ok(url, `query($p: PeriodInput) { region(code: "${code}") { communityStats(period: $p) { ${fields} } } }`, { p: period ?? null });
  return data.region.communityStats;
}
