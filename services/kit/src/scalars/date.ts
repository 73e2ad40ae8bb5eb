import { GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) throw new TypeError(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** A calendar date in Asia/Shanghai, YYYY-MM-DD; carried as a string so no time zone shifts it. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date YYYY-MM-DD (Asia/Shanghai)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : parse(v)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date must be a string YYYY-MM-DD');
    return parse(ast.value);
  },
});

/** Today's date in Asia/Shanghai, the zone every period is expressed in. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
