import { GraphQLID } from 'graphql';
import { type ClassType, Field } from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import type { RegionalRecord } from '../records/regional-record.js';
import { requireId } from '../validation.js';
import { fieldsOf } from './columns.js';
import type { LedgerOptions } from './registry.js';

export const EXTERNAL_ID_DESCRIPTION =
  'Ledger number (台账编号): unique per record type and owning unit; a create giving one that exists updates that record instead of adding another';

/** What the ledger numbers need of a record type. */
export interface NumberedType {
  typeName: string;
  entity: ClassType<RegionalRecord>;
  createInput: ClassType<object>;
  ledger?: LedgerOptions;
  place?(values: never, ctx: RequestContext): Promise<string>;
}

/** A ledger number under its owner: the owning unit's id, or the region code. */
export interface LedgerKey {
  externalId: string;
  owner: string;
}

const MAX_LENGTH = 100;

/** Gives a create input the optional `externalId` field (once per class), so no input declares it by hand. */
export function addExternalIdField(input: ClassType<object>): void {
  if (fieldsOf(input).some((f) => f.name === 'externalId')) return;
  Field(() => String, { nullable: true, description: EXTERNAL_ID_DESCRIPTION })(input.prototype, 'externalId');
}

const owners = new WeakMap<object, string | null>();

/** The field naming a record's owning unit, or null when the owner is its region (see LedgerOptions.owner). */
export function ownerField(type: NumberedType): string | null {
  if (owners.has(type.entity)) return owners.get(type.entity)!;
  let field = type.ledger?.owner !== undefined ? type.ledger.owner : (type.ledger?.parents?.[0]?.field ?? null);
  if (type.ledger?.owner === undefined && !field) {
    const id = fieldsOf(type.createInput).find((f) => f.getType() === GraphQLID && !f.typeOptions.nullable && !f.typeOptions.array);
    field = id?.name ?? null;
  }
  owners.set(type.entity, field);
  return field;
}

/** The checked ledger number of an input, or null when it gives none (blank counts as none). */
export function externalIdOf(input: object, field = 'input.externalId'): string | null {
  const raw = (input as { externalId?: unknown }).externalId;
  if (raw === undefined || raw === null) return null;
  const text = String(raw).trim();
  if (!text) return null;
  if (text.length > MAX_LENGTH) throw badInput(field, `must be at most ${MAX_LENGTH} characters`);
  return text;
}

/** The owner a create input names: its owning unit's id, or the region it goes to. */
export async function ownerOfInput(type: NumberedType, input: object, ctx: RequestContext, placeOf: (values: object) => Promise<string>): Promise<string> {
  const field = ownerField(type);
  if (!field) return placeOf(input);
  return requireId(String((input as Record<string, unknown>)[field] ?? ''), `input.${field}`);
}

export const ownerOfRecord = (type: NumberedType, record: RegionalRecord): string => {
  const field = ownerField(type);
  return field ? String((record as unknown as Record<string, unknown>)[field] ?? '').toLowerCase() : record.regionCode;
};

export const keyText = (k: LedgerKey): string => `${k.owner}\u001f${k.externalId}`;

/**
 * Serialises writes of the same ledger numbers (a retried create racing the first attempt):
 * transaction-scoped advisory locks, taken in one order so two batches cannot deadlock.
 */
export async function lockLedgerNumbers(em: EntityManager, typeName: string, keys: LedgerKey[]): Promise<void> {
  if (!keys.length) return;
  const texts = [...new Set(keys.map((k) => `ledger\u001f${typeName}\u001f${keyText(k)}`))].sort();
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS t(k) ORDER BY k', [texts]);
}

/**
 * The live records the given ledger numbers were created (or imported) as, by `keyText`. An entry
 * whose record was deleted, or now belongs to another owner, finds nothing: the number is free.
 * Entries from before owners were kept (owner '') match by their record's owner.
 */
export async function findByLedgerNumbers<E extends RegionalRecord>(em: EntityManager, type: NumberedType & { entity: ClassType<E> }, keys: LedgerKey[]): Promise<Map<string, E>> {
  const out = new Map<string, E>();
  if (!keys.length) return out;
  const entries: { owner: string; external_id: string; record_id: string }[] = await em.query(
    `SELECT owner, external_id, record_id FROM ledger_entry WHERE record_type = $1 AND external_id = ANY($2) AND owner = ANY($3) ORDER BY owner = ''`,
    [type.typeName, [...new Set(keys.map((k) => k.externalId))], [...new Set(keys.map((k) => k.owner)), '']],
  );
  if (!entries.length) return out;
  const stored = await em.getRepository(type.entity).findBy({ id: In(entries.map((e) => e.record_id)) } as never);
  const byId = new Map(stored.map((r) => [r.id, r]));
  const wanted = new Set(keys.map(keyText));
  for (const e of entries) {
    const record = byId.get(e.record_id);
    if (!record) continue;
    const owner = ownerOfRecord(type, record);
    const key = keyText({ owner, externalId: e.external_id });
    if ((e.owner === '' || e.owner === owner) && wanted.has(key) && !out.has(key)) out.set(key, record);
  }
  return out;
}

/** Records (or re-records) which record each ledger number names; a legacy owner-less entry of it goes. */
export async function saveLedgerNumbers(em: EntityManager, typeName: string, rows: (LedgerKey & { recordId: string })[]): Promise<void> {
  if (!rows.length) return;
  const params = [typeName, rows.map((r) => r.externalId), rows.map((r) => r.owner), rows.map((r) => r.recordId)];
  await em.query(
    `INSERT INTO ledger_entry (record_type, external_id, owner, record_id) SELECT $1, e, o, r FROM unnest($2::text[], $3::text[], $4::uuid[]) AS t(e, o, r)
     ON CONFLICT (record_type, owner, external_id) DO UPDATE SET record_id = EXCLUDED.record_id`,
    params,
  );
  await em.query(`DELETE FROM ledger_entry l USING unnest($2::text[], $3::text[], $4::uuid[]) AS t(e, o, r) WHERE l.record_type = $1 AND l.owner = '' AND l.external_id = t.e AND l.record_id = t.r`, params);
}
