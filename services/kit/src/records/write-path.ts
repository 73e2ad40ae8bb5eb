import type { ClassType } from 'type-graphql';
import type { DeepPartial, EntityManager, SelectQueryBuilder } from 'typeorm';
import { assertCanWrite, requireClaims } from '../auth/access.js';
import type { RequestContext } from '../context.js';
import { badInput, forbidden, notFound } from '../errors/errors.js';
import type { ListArgs } from '../pagination/connection.js';
import { requireRegion } from '../regions/region.loader.js';
import { requireId } from '../validation.js';
import { auditChanges, type PersonalKind, writeAudit } from './audit.js';
import type { RegionalRecord } from './regional-record.js';
import { checkRemoteReferences, type RemoteReference } from './remote-references.js';
import { archiveAndDelete, findArchived, restoreBatch } from './soft-delete.js';

/** Inputs that place a record: create requires a region, update may move it. */
export interface RegionInput {
  regionCode?: string | null;
}

/** What the write path needs to know of a record type (the crud resolver's configuration). */
export interface WriteConfig<E extends RegionalRecord, C extends RegionInput> {
  /** Subgraph that owns the records: the `sectors` claim an EDITOR needs to write them. */
  sector: string;
  entity: ClassType<E>;
  /** GraphQL type name, e.g. `Hospital`. */
  typeName: string;
  /**
   * The record's own checks (throwing BAD_USER_INPUT naming `input.<field>`), returning the
   * fields to store. Called with the create input, and for an update with the stored record
   * overlaid by the fields the update sets, so a record is always checked whole.
   */
  check(values: C, ctx: RequestContext): DeepPartial<E> | Promise<DeepPartial<E>>;
  /**
   * Where the record is. Default: `input.regionCode`. A record that lives under a parent (a
   * ward round under a hospital) returns the parent's region instead, e.g. with `parentRegion`.
   */
  place?(values: C, ctx: RequestContext): Promise<string>;
  /** Records of other subgraphs the checked fields name: each must exist there (checked before writing). */
  remoteReferences?(fields: Record<string, unknown>): RemoteReference[];
  /** Personal fields, masked in the audit log (default: fields named `…Name` and `…Phone`). */
  personalFields?: Record<string, PersonalKind>;
}

/** Options of a write run inside a caller's transaction (batch and nested creates). */
export interface WriteOptions {
  em?: EntityManager;
}

/** The fields an update sets: absent (undefined) ones keep their stored value, null clears. */
export const definedOnly = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The canonical region a record goes to, checked to exist. */
export async function placeOf<C extends RegionInput>(cfg: { place?(values: C, ctx: RequestContext): Promise<string> }, values: C, ctx: RequestContext): Promise<string> {
  if (cfg.place) return cfg.place(values, ctx);
  return (await requireRegion(ctx, values.regionCode ?? '', 'input.regionCode')).code;
}

export async function loadForWrite<E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>, typeName: string, id: string, em?: EntityManager): Promise<E> {
  const found = await (em ?? ctx.db.manager).getRepository(entity).findOneBy({ id: requireId(id) } as never);
  if (!found) throw notFound(typeName, id, 'id');
  return found;
}

/** Runs `fn` in the caller's transaction, or in a new one. */
const inTransaction = <T>(ctx: RequestContext, opts: WriteOptions, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  opts.em ? fn(opts.em) : ctx.db.transaction(fn);

const tableOf = <E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>): string => ctx.db.getRepository(entity).metadata.tableName;

const actor = (ctx: RequestContext): string => {
  const c = ctx.auth.claims;
  return `${c?.sub ?? 'anonymous'} (${c?.role ?? 'none'})`;
};

/** Uuid-looking values a record holds (its references), for tolerating deleted ones on update. */
function referencedIds(record: object): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(record)) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)) out.add(x.toLowerCase());
  return out;
}

/**
 * The one write path of a create: checks, region, authorization, references to other subgraphs,
 * then the insert and its audit entry in one transaction. Authorization by role and sector
 * (`@Authorized`) is the resolver's; here the region prefix.
 */
export async function createRecord<E extends RegionalRecord, C extends RegionInput>(ctx: RequestContext, cfg: WriteConfig<E, C>, input: C, opts: WriteOptions = {}): Promise<E> {
  const fields = await cfg.check(input, ctx);
  const regionCode = await placeOf(cfg, input, ctx);
  assertCanWrite(ctx, cfg.sector, regionCode);
  await checkRemoteReferences(ctx, cfg.remoteReferences?.(fields as Record<string, unknown>) ?? []);
  return inTransaction(ctx, opts, async (em) => {
    const saved = await em.save(em.create(cfg.entity, { ...fields, regionCode } as DeepPartial<E>));
    await writeAudit(em, ctx, { operation: 'CREATE', typeName: cfg.typeName, recordId: saved.id, changes: auditChanges(null, saved, cfg.personalFields) });
    return saved;
  });
}

/** Update: the stored record overlaid by the set fields, checked whole, authorized on both regions. */
export async function updateRecord<E extends RegionalRecord, C extends RegionInput, U extends RegionInput>(
  ctx: RequestContext,
  cfg: WriteConfig<E, C>,
  id: string,
  input: U,
  opts: WriteOptions = {},
): Promise<E> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id, opts.em);
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  const before = { ...current };
  const set = definedOnly(input);
  const merged = { ...current, ...set } as unknown as C;
  // References the record already had may point at deleted records: kept, reported.
  // (Not those the update itself sets: a new reference must exist.)
  const setIds = referencedIds(set);
  ctx.write = { kept: new Set([...referencedIds(current)].filter((x) => !setIds.has(x))), dangling: [] };
  let changes: DeepPartial<E>;
  try {
    changes = await cfg.check(merged, ctx);
  } finally {
    ctx.write.kept.clear();
  }
  const moved = cfg.place !== undefined || input.regionCode != null;
  const regionCode = moved ? await placeOf(cfg, merged, ctx) : current.regionCode;
  assertCanWrite(ctx, cfg.sector, regionCode);
  const remote = (cfg.remoteReferences?.(changes as Record<string, unknown>) ?? []).filter((r) => r.field.replace(/^input\./, '') in set);
  await checkRemoteReferences(ctx, remote);
  return inTransaction(ctx, opts, async (em) => {
    const saved = await em.save(em.merge(cfg.entity, current, { ...changes, regionCode } as DeepPartial<E>));
    await writeAudit(em, ctx, { operation: 'UPDATE', typeName: cfg.typeName, recordId: saved.id, changes: auditChanges(before, saved, cfg.personalFields) });
    return saved;
  });
}

/** Soft delete: the record and everything under it go to the archive, in one transaction. */
export async function deleteRecord<E extends RegionalRecord, C extends RegionInput>(ctx: RequestContext, cfg: WriteConfig<E, C>, id: string, opts: WriteOptions = {}): Promise<string> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id, opts.em);
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  return inTransaction(ctx, opts, async (em) => {
    const { records } = await archiveAndDelete(em, tableOf(ctx, cfg.entity), current.id, actor(ctx));
    const changes = { ...auditChanges(current, null, cfg.personalFields), recordsDeleted: { before: null, after: records } };
    await writeAudit(em, ctx, { operation: 'DELETE', typeName: cfg.typeName, recordId: current.id, changes });
    return current.id;
  });
}

/** Restore (ADMIN): the record and everything deleted with it, as they were. */
export async function restoreRecord<E extends RegionalRecord, C extends RegionInput>(ctx: RequestContext, cfg: WriteConfig<E, C>, id: string, opts: WriteOptions = {}): Promise<E> {
  if (requireClaims(ctx).role !== 'ADMIN') throw forbidden('Restoring deleted records needs an ADMIN token');
  const recordId = requireId(id);
  const table = tableOf(ctx, cfg.entity);
  return inTransaction(ctx, opts, async (em) => {
    const archived = await findArchived(em, table, recordId);
    if (!archived) throw notFound(`Deleted ${cfg.typeName}`, recordId, 'id');
    let records: number;
    try {
      records = await restoreBatch(em, archived.batchId);
    } catch (err) {
      if ((err as { code?: string }).code === '23503') throw badInput('id', 'was deleted together with, or under, a record that is itself deleted: restore that one first');
      if ((err as { code?: string }).code === '23505') throw badInput('id', 'a record with the same identity exists again');
      throw err;
    }
    const restored = await loadForWrite(ctx, cfg.entity, cfg.typeName, recordId, em);
    await writeAudit(em, ctx, { operation: 'RESTORE', typeName: cfg.typeName, recordId, changes: { ...auditChanges(null, restored, cfg.personalFields), recordsRestored: { before: null, after: records } } });
    return restored;
  });
}

/** The list's own filters, beyond the common ones. */
export type ListFilter<E extends RegionalRecord, A extends ListArgs> = (qb: SelectQueryBuilder<E>, args: A) => void;
