import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLScalarType, GraphQLString } from 'graphql';
import { type ClassType, getMetadataStorage } from 'type-graphql';
import { DateScalar } from '../scalars/date.js';
import type { LedgerType } from './registry.js';

/** The 台账编号 of the template's example row: rows carrying it are skipped on import. */
export const EXAMPLE_MARK = '示例（导入时跳过）';

export type ColumnKind = 'text' | 'id' | 'int' | 'float' | 'boolean' | 'date' | 'enum';

/** One ledger column, derived from one field of the type's create input (one declaration per field). */
export interface LedgerColumn {
  /** Input field name, also the template's second header row. */
  field: string;
  /** Chinese header (the term in the schema description), unique within the sheet. */
  header: string;
  description: string;
  kind: ColumnKind;
  required: boolean;
  /** A list in one cell, separated by 、 , ; or ，. */
  list: boolean;
  enumValues?: string[];
  /** Not an input field: the ledger number, or a parent's natural key. */
  extra?: 'externalId' | 'parentName' | 'parentRegion';
  /** For parent natural-key columns: the id field they fill. */
  parentField?: string;
}

const CJK_IN_PARENS = /[（(]([^）)]*[\u3400-\u9fff][^）)]*)[）)]/;
const CJK_RUN = /[\u3400-\u9fff][\u3400-\u9fff·/、]*/;

/** The Chinese term of a description: the first parenthesised term with Chinese, else the first Chinese run. */
export function chineseTerm(description: string | undefined): string | null {
  if (!description) return null;
  const inParens = CJK_IN_PARENS.exec(description);
  if (inParens) return inParens[1].split(/[,，/]/)[0].trim();
  return CJK_RUN.exec(description)?.[0] ?? null;
}

type FieldMeta = ReturnType<typeof getMetadataStorage>['fields'][number];

/** The fields type-graphql knows for a class and its ancestors, own fields winning. */
export function fieldsOf(cls: ClassType<object> | undefined): FieldMeta[] {
  const storage = getMetadataStorage();
  const chain: unknown[] = [];
  for (let c: unknown = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  const seen = new Map<string, FieldMeta>();
  for (const target of chain.reverse()) for (const f of storage.fields) if (f.target === target) seen.set(f.name, f);
  return [...seen.values()];
}

function kindOf(type: unknown): { kind: ColumnKind; enumValues?: string[] } | null {
  if (type === GraphQLInt) return { kind: 'int' };
  if (type === GraphQLFloat || type === Number) return { kind: 'float' };
  if (type === GraphQLBoolean || type === Boolean) return { kind: 'boolean' };
  if (type === GraphQLID) return { kind: 'id' };
  if (type === DateScalar) return { kind: 'date' };
  if (type === GraphQLString || type === String || type instanceof GraphQLScalarType) return { kind: 'text' };
  const en = getMetadataStorage().enums.find((e) => e.enumObj === type);
  if (en) return { kind: 'enum', enumValues: Object.values(en.enumObj as Record<string, string>) };
  return null; // a nested input (a nested create's parts): not a ledger column
}

/** Header from the input field's description, else the record type's field of the same name, else the field name. */
function headerFor(field: FieldMeta, entityFields: Map<string, FieldMeta>): string {
  return chineseTerm(field.description) ?? chineseTerm(entityFields.get(field.name)?.description) ?? field.name;
}

const cache = new WeakMap<object, LedgerColumn[]>();

/** The ledger columns of a record type: 台账编号, then the create input's fields, then parents' natural keys. */
export function ledgerColumns(type: LedgerType): LedgerColumn[] {
  const cached = cache.get(type);
  if (cached) return cached;
  const entityFields = new Map(fieldsOf(type.cfg.entity).map((f) => [f.name, f]));
  const parents = new Map((type.cfg.ledger?.parents ?? []).map((p) => [p.field, p]));
  const columns: LedgerColumn[] = [
    { field: 'externalId', header: '台账编号', description: 'Ledger number: a row with one updates the record imported under it', kind: 'text', required: false, list: false, extra: 'externalId' },
  ];
  for (const f of fieldsOf(type.cfg.createInput)) {
    if (f.name === 'externalId') continue; // the first column already
    const k = kindOf(f.getType());
    if (!k) continue;
    const parent = parents.get(f.name);
    const required = !f.typeOptions.nullable && !parent;
    columns.push({ field: f.name, header: headerFor(f, entityFields), description: f.description ?? entityFields.get(f.name)?.description ?? '', required, list: !!f.typeOptions.array, ...k });
    if (parent) {
      const base = f.name.replace(/Ids?$/, '');
      columns.push(
        { field: `${base}Name`, header: `${parent.term}名称`, description: `Name of the ${f.name} record, instead of its id`, kind: 'text', required: false, list: false, extra: 'parentName', parentField: f.name },
        { field: `${base}RegionCode`, header: `${parent.term}地区代码`, description: `Division code (or a prefix of it) where that record is`, kind: 'text', required: false, list: false, extra: 'parentRegion', parentField: f.name },
      );
    }
  }
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.header, (counts.get(c.header) ?? 0) + 1);
  for (const c of columns) if (counts.get(c.header)! > 1) c.header = `${c.header}（${c.field}）`;
  cache.set(type, columns);
  return columns;
}
