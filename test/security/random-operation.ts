import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/**
 * Schema-driven random operations: a walk from Query (or Mutation) choosing fields, arguments
 * (sometimes valid, sometimes hostile: huge or negative numbers, odd strings, wrong region
 * codes), fragments on unions, nesting up to a few levels. The walk is driven by a random
 * tape from fast-check, so failures shrink and replay with the seed.
 */
class Tape {
  private i = 0;
  constructor(private readonly ints: number[]) {}
  next(n: number): number {
    const v = this.ints[this.i++ % this.ints.length] ?? 0;
    return n <= 0 ? 0 : Math.abs(v) % n;
  }
}

const STRINGS = ['61', '610581', '610581002004', '000000', '99', '', 'x'.repeat(300), "'; DROP TABLE region; --", '\u0000', '𠜎'.repeat(10), '2024-13-45', '../../etc/passwd', '%s%s%n', 'null'];
const INTS = [0, 1, 5, 100, 101, -1, 2147483647, -2147483648, 20];

function literal(type: GraphQLInputType, tape: Tape, depth: number): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (!isNonNullType(type) && tape.next(6) === 0) return 'null';
  if (isListType(t)) return `[${Array.from({ length: tape.next(3) }, () => literal(t.ofType, tape, depth + 1)).join(', ')}]`;
  if (isEnumType(t)) {
    const values = t.getValues();
    return values[tape.next(values.length)].name;
  }
  if (isInputObjectType(t)) {
    if (depth > 2) return '{}';
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) || tape.next(3) === 0);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, tape, depth + 1)}`).join(', ')} }`;
  }
  switch (t.name) {
    case 'Int':
      return String(INTS[tape.next(INTS.length)]);
    case 'Float':
      return ['0.5', '-1', '1e308', '0'][tape.next(4)];
    case 'Boolean':
      return tape.next(2) ? 'true' : 'false';
    case 'Date':
      return JSON.stringify(['2024-01-01', '2024-12-31', '1900-01-01', '2024-02-30', 'yesterday'][tape.next(5)]);
    case 'DateTimeISO':
      return JSON.stringify(['2024-01-01T00:00:00Z', 'not a date', '9999-12-31T23:59:59Z'][tape.next(3)]);
    case 'ID':
      return JSON.stringify(['00000000-0000-0000-0000-000000000000', 'not-an-id', '61', '610581'][tape.next(4)]);
    default:
      return JSON.stringify(STRINGS[tape.next(STRINGS.length)]);
  }
}

function args(field: GraphQLField<unknown, unknown>, tape: Tape): string {
  const chosen = field.args.filter((a) => isNonNullType(a.type) || tape.next(3) === 0);
  return chosen.length ? `(${chosen.map((a) => `${a.name}: ${literal(a.type, tape, 0)}`).join(', ')})` : '';
}

function selection(schema: GraphQLSchema, type: GraphQLNamedType, tape: Tape, depth: number): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const options = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    const pick = options[tape.next(options.length)];
    return `{ __typename ... on ${pick.name} ${selection(schema, pick, tape, depth)} }`;
  }
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields());
  const count = 1 + tape.next(3);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) {
    const field = fields[tape.next(fields.length)];
    const target = getNamedType(field.type);
    const leaf = !isObjectType(target) && !isUnionType(target) && !isInterfaceType(target);
    if (!leaf && depth >= 4) {
      parts.push('__typename');
      continue;
    }
    const alias = tape.next(5) === 0 ? `a${k}: ` : '';
    parts.push(`${alias}${field.name}${args(field, tape)} ${leaf ? '' : selection(schema, target, tape, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** An arbitrary operation over `schema` (mostly queries, some mutations). */
export function arbitraryOperation(schema: GraphQLSchema): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 8, maxLength: 64 }).map((ints) => {
    const tape = new Tape(ints);
    const mutation = tape.next(5) === 0 && schema.getMutationType();
    const root = mutation ? schema.getMutationType()! : schema.getQueryType()!;
    return `${mutation ? 'mutation' : 'query'} ${selection(schema, root, tape, 0)}`;
  });
}
