import type { DeepPartial } from 'typeorm';
import type { RequestContext } from '../context.js';
import { conflict } from '../errors/errors.js';
import type { RegionalRecord } from './regional-record.js';

/**
 * A natural key of a record type: no two live records share these fields (a partial unique index
 * backs it). A write that would duplicate one is CONFLICT naming `input.<field>` (the field a
 * caller would change), checked before anything is written so the error is the caller's, not the
 * database's.
 */
export interface UniqueKey {
  /** Entity properties forming the key, e.g. stationId, servedOn, kind. */
  fields: string[];
  /** The input field the error names. */
  field: string;
  /** What is duplicated, e.g. "a service record of this station, day and kind". */
  what: string;
}

/** The key's values of a record (or checked create), as one comparable text; null when a part is missing. */
export function uniqueKeyText(key: UniqueKey, values: object): string | null {
  const parts = key.fields.map((f) => (values as Record<string, unknown>)[f]);
  if (parts.some((p) => p === undefined || p === null)) return null;
  return JSON.stringify(parts.map((p) => (p instanceof Date ? p.toISOString().slice(0, 10) : String(p))));
}

/** Refuses values duplicating another live record (not `selfId`, the record being updated). */
export async function assertUnique<E extends RegionalRecord>(ctx: RequestContext, entity: new () => E, key: UniqueKey, values: DeepPartial<E>, selfId?: string): Promise<void> {
  if (uniqueKeyText(key, values) === null) return;
  const repo = ctx.db.getRepository(entity);
  const meta = repo.metadata;
  const qb = repo.createQueryBuilder('r').select('r.id', 'id').limit(1);
  key.fields.forEach((f, i) => qb.andWhere(`r.${meta.findColumnWithPropertyName(f)!.databaseName} = :k${i}`, { [`k${i}`]: (values as Record<string, unknown>)[f] }));
  if (selfId) qb.andWhere('r.id <> :selfId', { selfId });
  const found = await qb.getRawOne<{ id: string }>();
  if (found) throw conflict(`input.${key.field}`, `${key.what} exists already (id ${found.id}): update that record instead`, { existingId: found.id });
}

/** Within one batch: the index of an earlier item with the same key, by key text. */
export class BatchKeys {
  private readonly seen = new Map<string, number>();
  constructor(private readonly key: UniqueKey | undefined) {}

  /** Throws CONFLICT naming `<prefix>.<field>` when an earlier item (reported as `<label> <i>`) has the same key. */
  add(values: object, index: number, prefix: string, label: string): void {
    const text = this.key ? uniqueKeyText(this.key, values) : null;
    if (text === null || !this.key) return;
    const earlier = this.seen.get(text);
    if (earlier !== undefined) throw conflict(`${prefix}.${this.key.field}`, `${this.key.what} is already in this batch (${label}${earlier})`, { duplicateOf: earlier });
    this.seen.set(text, index);
  }
}
