import { gql, ok, token } from '../../../test/support/harness';

/** Tokens of the hospitals tests: the 渭南 (6105) hospitals editor and the callers it is not. */
export const EDITOR = token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6105'] });
export const ADMIN = token({ role: 'ADMIN' });
export const REJECTED_CALLERS: [string, string | undefined, string][] = [
  ['a schools EDITOR', token({ role: 'EDITOR', sectors: ['schools'], regions: ['6105'] }), 'FORBIDDEN'],
  ['a hospitals EDITOR of 6107 (汉中)', token({ role: 'EDITOR', sectors: ['hospitals'], regions: ['6107'] }), 'FORBIDDEN'],
  ['a VIEWER', token({ role: 'VIEWER' }), 'FORBIDDEN'],
  ['no token', undefined, 'UNAUTHENTICATED'],
];

/** 韩城市 and two of its townships: 芝阳镇, 新城街道 and 金城街道. */
export const HANCHENG = '610581';
export const ZHIYANG = '610581106';
export const XINCHENG = '610581001';
export const JINCHENG = '610581002';

let hospitalNo = 0;
export async function createHospital(url: string, regionCode = ZHIYANG, extra: Record<string, unknown> = {}): Promise<string> {
  hospitalNo += 1;
  const input = {
    name: `测试医院${hospitalNo}`,
    regionCode,
    grade: 'SECONDARY',
    kind: 'GENERAL',
    isPublic: true,
    secretaryPresidentSeparated: true,
    partyOrganization: 'PARTY_COMMITTEE',
    ...extra,
  };
  const data = await ok(url, 'mutation($input: CreateHospitalInput!) { createHospital(input: $input) { id } }', { input }, EDITOR);
  return data.createHospital.id as string;
}

/** Runs a mutation, returns the named field of its data (failing the test on errors). */
export async function mutate<T = any>(url: string, mutation: string, variables: Record<string, unknown>, bearer = EDITOR): Promise<T> {
  const data = await ok(url, mutation, variables, bearer);
  return Object.values(data)[0] as T;
}

/**
 * Asserts a write is rejected with `code` (and `field`) and that `count` is unchanged by it:
 * the rejected write wrote nothing.
 */
export async function expectRejected(
  url: string,
  mutation: string,
  variables: Record<string, unknown>,
  bearer: string | undefined,
  expected: { code: string; field?: string },
  count: () => Promise<number>,
): Promise<void> {
  const before = await count();
  const res = await gql(url, mutation, variables, bearer);
  expect(res.errors?.[0]?.extensions).toMatchObject(expected.field ? { code: expected.code, field: expected.field } : { code: expected.code });
  expect(await count()).toBe(before);
}

/** totalCount of a list query, e.g. `total(url, 'hospitalPartyBranches')`. */
export async function total(url: string, list: string, args = ''): Promise<number> {
  const data = await ok(url, `{ ${list}${args ? `(${args})` : ''} { totalCount } }`);
  return data[list].totalCount as number;
}

export const sum = <T>(rows: T[], f: (r: T) => number): number => rows.reduce((s, r) => s + f(r), 0);
export const rateOf = (n: number, d: number): number | null => (d > 0 ? n / d : null);
