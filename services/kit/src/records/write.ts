import { GraphQLError } from 'graphql';
import type { ClassType } from 'type-graphql';
import type { DeepPartial, EntityManager } from 'typeorm';
import { assertCanWrite, requireClaims } from '../auth/access.js';
import { LoaderCache, type RequestContext } from '../context.js';
import { ledgerType } from '../ledger/registry.js';
import { externalIdOf, findByLedgerNumbers, keyText, type LedgerKey, lockLedgerNumbers, ownerOfInput, saveLedgerNumbers } from '../ledger/numbers.js';
import { badInput, conflict, forbidden, notFound } from '../errors/errors.js';
import { requireRegion } from '../regions/region.loader.js';
import { requireId } from '../validation.js';
import { personalFieldsOf } from '../auth/read-access.js';
import { auditChanges, writeAudit, writeAudits } from './audit.js';
import { byIdLoader } from './by-id-loader.js';
import type { RegionalRecord } from './regional-record.js';
import { checkRemoteReferences, type RemoteReference } from './remote-references.js';
import { archiveAndDelete, findArchived, restoreBatch } from './soft-delete.js';
import { assertUnique, BatchKeys, type UniqueKey } from './unique.js';

/** Most records one `create<Type>s` takes (the mutation's documented cap). */
export const BATCH_MAX = 500;

/** Inputs that place a record: create requires a region, update may move it. */
export interface RegionInput {
  regionCode?: string | null;
}

/** Writes the parts created together with a record (a ward round's first items), in its transaction. */
export type PartsWriter<E> = (em: EntityManager, saved: E) => Promise<void>;

/**
 * How one record type is written: the only write path. The mutations, batch and nested
 * creates and the ledger import all go through `prepareCreate` / `prepareUpdate` (checks, place,
 * authorization) and then write in a transaction.
 */
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
  /**
   * Parts created with the record in one act (nested create): checks them (naming
   * `input.<list>.<i>.<field>`) before anything is written and returns their writer.
   */
  parts?(input: C, values: DeepPartial<E>, ctx: RequestContext): Promise<PartsWriter<E> | null>;
  /** Records of other subgraphs the checked fields name: each must exist there (checked before writing). */
  remoteReferences?(fields: Record<string, unknown>): RemoteReference[];
  /**
   * A record kept in step with an older record of another table, sharing its id and living under
   * it (a department branch's party organisation): the table whose row a delete archives, taking
   * this one along through its foreign key. Null or absent: the record's own table.
   */
  deleteRoot?(current: E): string | null;
  /** Refuses a delete the record's own rules forbid (BAD_USER_INPUT naming `id`); nothing is written. */
  checkDelete?(current: E, ctx: RequestContext): void | Promise<void>;
  /** A natural key no two live records share (refused as CONFLICT, also within a batch or ledger). */
  unique?: UniqueKey;
}

/**
 * Parts created with their parent in one act, declared by the parent: the input list `field`
 * holds the parts' create inputs without `parentKey`, and `type` names the part's record type,
 * whose own write path (checks, place, authorization) each part goes through — inside the
 * parent's transaction, after the parent is written, so the checks see it. A bad part (its
 * error naming `input.<field>.<i>.<its field>`) rolls the whole back.
 */
export interface NestedPart {
  field: string;
  parentKey: string;
  type: string;
}

/** A request context whose reads go through the transaction's manager (so they see its writes). */
export const transactionContext = (ctx: RequestContext, em: EntityManager): RequestContext => ({ ...ctx, db: em as unknown as RequestContext['db'], loaders: new LoaderCache() });

/** The `parts` of a WriteConfig for nested creates. */
export function nestedParts<E extends RegionalRecord, C extends RegionInput>(parts: NestedPart[]): NonNullable<WriteConfig<E, C>['parts']> {
  return async (input, _values, ctx) => {
    const lists = parts.map((p) => ({ part: p, items: ((input as Record<string, unknown>)[p.field] ?? []) as object[] })).filter((l) => l.items.length);
    if (!lists.length) return null;
    return async (em, saved) => {
      const tx = transactionContext(ctx, em);
      for (const { part, items } of lists) {
        const type = ledgerType(part.type);
        if (!type) throw new Error(`nested part type ${part.type} is not a record type`);
        for (const [i, item] of items.entries()) {
          let prepared: PreparedCreate<RegionalRecord>;
          try {
            prepared = await prepareCreate(type.cfg, { ...item, [part.parentKey]: saved.id }, tx);
          } catch (err) {
            throw withFieldPrefix(err, `input.${part.field}.${i}`);
          }
          await insertPrepared(em, type.cfg, [prepared], tx);
        }
      }
    };
  };
}

/** A create that passed every check: the row to insert and its parts. */
export interface PreparedCreate<E> {
  values: DeepPartial<E>;
  parts: PartsWriter<E> | null;
}

/** The fields an update sets: absent (undefined) ones keep their stored value, null clears. */
export const definedOnly = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The canonical region a record goes to, checked to exist. */
export async function placeOf<C extends RegionInput>(
  cfg: { place?(values: C, ctx: RequestContext): Promise<string> },
  values: C,
  ctx: RequestContext,
): Promise<string> {
  if (cfg.place) return cfg.place(values, ctx);
  return (await requireRegion(ctx, values.regionCode ?? '', 'input.regionCode')).code;
}

/**
 * The region of the parent a record is placed under; a missing parent is NOT_FOUND naming the
 * input field (`input.hospitalId`).
 */
export async function parentRegion<P extends RegionalRecord>(ctx: RequestContext, parent: ClassType<P>, typeName: string, id: string | null | undefined, field: string): Promise<string> {
  const found = id ? await byIdLoader(ctx, parent).load(requireId(id, field)) : null;
  if (!found) throw notFound(typeName, id ?? '(none)', field);
  return found.regionCode;
}

export async function loadForWrite<E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>, typeName: string, id: string, em?: EntityManager): Promise<E> {
  const found = await (em ?? ctx.db.manager).getRepository(entity).findOneBy({ id: requireId(id) } as never);
  if (!found) throw notFound(typeName, id, 'id');
  return found;
}

/** Checks, places and authorizes a create; nothing is written. */
export async function prepareCreate<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, given: C, ctx: RequestContext): Promise<PreparedCreate<E>> {
  const input = withoutExternalId(given);
  const fields = await cfg.check(input, ctx);
  const regionCode = await placeOf(cfg, input, ctx);
  assertCanWrite(ctx, cfg.sector, regionCode);
  await checkRemoteReferences(ctx, cfg.remoteReferences?.(fields as Record<string, unknown>) ?? []);
  const values = { ...fields, regionCode } as DeepPartial<E>;
  if (cfg.unique) await assertUnique(ctx, cfg.entity, cfg.unique, values);
  return { values, parts: cfg.parts ? await cfg.parts(input, values, ctx) : null };
}

/** An input without its ledger number, which is not a field of the record. */
export const withoutExternalId = <T>(input: T): T => {
  if (!input || typeof input !== 'object' || !('externalId' in input)) return input;
  const { externalId: _, ...rest } = input as T & { externalId?: unknown };
  return rest as T;
};

/** A create's 台账编号 and the owner it is unique under, or null when it gives none. */
export async function ledgerKeyOf<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, input: C, ctx: RequestContext): Promise<LedgerKey | null> {
  const externalId = externalIdOf(input);
  const type = externalId ? ledgerType(cfg.typeName) : undefined;
  if (!externalId || !type) return null;
  return { externalId, owner: await ownerOfInput(type.cfg, input, ctx, (v) => placeOf(cfg, v as C, ctx)) };
}

/** Inserts prepared creates (and their parts) with the given transaction's manager, each audited. */
export async function insertPrepared<E extends RegionalRecord, C extends RegionInput>(em: EntityManager, cfg: WriteConfig<E, C>, prepared: PreparedCreate<E>[], ctx: RequestContext): Promise<E[]> {
  const saved: E[] = [];
  for (const p of prepared) {
    const record = await em.save(em.create(cfg.entity, p.values));
    await writeAudit(em, ctx, { operation: 'CREATE', typeName: cfg.typeName, recordId: record.id, changes: auditChanges(null, record, personalFieldsOf(cfg.typeName)) });
    if (p.parts) await p.parts(em, record);
    saved.push(record);
  }
  return saved;
}

/**
 * Inserts many prepared creates in one statement (the ledger import's chunks); returns their ids
 * in order. The rows travel as one JSON parameter (`jsonb_populate_recordset`), which PostgreSQL
 * parses far faster than thousands of bind parameters; columns are the entity's, by its metadata.
 */
export async function insertMany<E extends RegionalRecord, C extends RegionInput>(em: EntityManager, cfg: WriteConfig<E, C>, prepared: PreparedCreate<E>[], ctx: RequestContext): Promise<string[]> {
  if (!prepared.length) return [];
  if (prepared.some((p) => p.parts)) return (await insertPrepared(em, cfg, prepared, ctx)).map((r) => r.id);
  const meta = em.connection.getMetadata(cfg.entity);
  const given = new Set(prepared.flatMap((p) => Object.keys(p.values as object)));
  const columns = meta.columns.filter((c) => given.has(c.propertyName));
  const rows = prepared.map((p) => Object.fromEntries(columns.map((c) => [c.databaseName, (p.values as Record<string, unknown>)[c.propertyName] ?? null])));
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const inserted: { id: string }[] = await em.query(
    `INSERT INTO "${meta.tableName}" (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb) RETURNING id`,
    [JSON.stringify(rows)],
  );
  const ids = inserted.map((r) => r.id);
  await writeAudits(em, ctx, ids.map((recordId, i) => ({ operation: 'CREATE', typeName: cfg.typeName, recordId, changes: auditChanges(null, prepared[i].values, personalFieldsOf(cfg.typeName)) })));
  return ids;
}

/**
 * The single create: checks, then one transaction for the record and its parts. A create giving a
 * 台账编号 that its owner already used updates that record instead (an idempotent, retry-safe
 * upsert, as the ledger import does): the fields it gives replace the stored ones.
 */
export async function createRecord<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, input: C, ctx: RequestContext): Promise<E> {
  const [saved] = await createOrUpdate(cfg, [input], ctx, 'input');
  return saved;
}

/** Renames an error's field from `input.x` to `<prefix>.x` (a batch's `inputs.3.x`, a ledger column). */
export function withFieldPrefix(err: unknown, prefix: string): unknown {
  if (!(err instanceof GraphQLError)) return err;
  const field = err.extensions.field;
  if (typeof field !== 'string' || !field.startsWith('input')) return err;
  const renamed = prefix + field.slice('input'.length);
  return new GraphQLError(err.message.replace(field, renamed), { extensions: { ...err.extensions, field: renamed } });
}

/** Many creates as one act: every input checked first (errors name `inputs.<i>.<field>`), then one transaction. */
export async function createRecords<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, inputs: C[], ctx: RequestContext, max: number): Promise<E[]> {
  if (inputs.length > max) throw badInput('inputs', `must hold at most ${max} records`);
  return createOrUpdate(cfg, inputs, ctx, 'inputs');
}

/** Runs `fn`, renaming an error's `input.x` field to `<prefix>.x`. */
async function prefixed<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw prefix === 'input' ? err : withFieldPrefix(err, prefix);
  }
}

/** One create of a batch: a new record, or the update of the one its 台账编号 names. */
type Step<E> = { create: PreparedCreate<E> } | { current: E; changes: DeepPartial<E> };

/** The ledger keys of a batch, each checked; two items with the same key are a CONFLICT. */
async function ledgerKeysOf<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, inputs: C[], ctx: RequestContext, at: (i: number) => string): Promise<(LedgerKey | null)[]> {
  const keys: (LedgerKey | null)[] = [];
  const seen = new Map<string, number>();
  for (const [i, input] of inputs.entries()) {
    const key = await prefixed(at(i), () => ledgerKeyOf(cfg, input, ctx));
    const earlier = key ? seen.get(keyText(key)) : undefined;
    if (earlier !== undefined) throw conflict(`${at(i)}.externalId`, `the same ledger number (台账编号) under the same owner is on inputs.${earlier}`, { duplicateOf: earlier });
    if (key) seen.set(keyText(key), i);
    keys.push(key);
  }
  return keys;
}

/**
 * Creates (batch or single, `at` naming the input) in one transaction; an input whose 台账编号 names
 * a live record of its owner updates that record instead. Ledger numbers are locked first, so a
 * retry racing the first attempt waits for it and then updates.
 */
async function createOrUpdate<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, inputs: C[], ctx: RequestContext, root: 'input' | 'inputs'): Promise<E[]> {
  const at = (i: number) => (root === 'input' ? 'input' : `inputs.${i}`);
  const keys = await ledgerKeysOf(cfg, inputs, ctx, at);
  const numbered = keys.filter((k): k is LedgerKey => !!k);
  const type = ledgerType(cfg.typeName);
  // Under the lock the checks read through the transaction: waiting creates hold pool connections.
  const checkAll = async (em: EntityManager | null) => {
    const current = em && type && numbered.length ? await findByLedgerNumbers(em, { ...type.cfg, entity: cfg.entity }, numbered) : new Map<string, E>();
    const cx = em ? transactionContext(ctx, em) : ctx;
    const batch = new BatchKeys(cfg.unique);
    const plan: Step<E>[] = [];
    for (const [i, input] of inputs.entries()) {
      const existing = keys[i] ? current.get(keyText(keys[i]!)) : undefined;
      const step = await prefixed(at(i), async (): Promise<Step<E>> => (existing ? { current: existing, changes: await prepareUpdate(cfg, existing, input, cx) } : { create: await prepareCreate(cfg, input, cx) }));
      batch.add('create' in step ? step.create.values : { ...step.current, ...step.changes }, i, at(i), 'inputs.');
      plan.push(step);
    }
    return plan;
  };
  const write = async (em: EntityManager, plan: Awaited<ReturnType<typeof checkAll>>) => {
    const saved: E[] = [];
    for (const step of plan) saved.push('create' in step ? (await insertPrepared(em, cfg, [step.create], ctx))[0] : await saveUpdate(em, cfg, step.current, step.changes, ctx));
    await saveLedgerNumbers(em, cfg.typeName, keys.flatMap((k, i) => (k ? [{ ...k, recordId: saved[i].id }] : [])));
    return saved;
  };
  // Without ledger numbers everything is checked before the transaction opens, as it always was.
  if (!numbered.length) {
    const plan = await checkAll(null);
    return uniqueRace(cfg, () => ctx.db.transaction((em) => write(em, plan)));
  }
  return uniqueRace(cfg, () =>
    ctx.db.transaction(async (em) => {
      await lockLedgerNumbers(em, cfg.typeName, numbered);
      return write(em, await checkAll(em));
    }),
  );
}

/** A natural-key duplicate that slipped between check and insert (two concurrent creates): CONFLICT, not a database error. */
async function uniqueRace<E extends RegionalRecord, C extends RegionInput, T>(cfg: WriteConfig<E, C>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (cfg.unique && (err as { code?: string }).code === '23505') throw conflict(`input.${cfg.unique.field}`, `${cfg.unique.what} exists already`);
    throw err;
  }
}

/** Uuid-looking values a record holds (its references), for tolerating deleted ones on update. */
function referencedIds(record: object): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(record)) for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)) out.add(x.toLowerCase());
  return out;
}

/**
 * Checks and authorizes an update of `current` (its region and the new one); nothing is written.
 * References the record already had may point at deleted records: kept, and reported as
 * dangling. A reference the update itself sets must exist (also in another subgraph).
 */
export async function prepareUpdate<E extends RegionalRecord, C extends RegionInput, U extends RegionInput>(
  cfg: WriteConfig<E, C>,
  current: E,
  input: U,
  ctx: RequestContext,
): Promise<DeepPartial<E>> {
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  const set = definedOnly(withoutExternalId(input));
  const merged = { ...current, ...set } as unknown as C;
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
  if (cfg.unique) await assertUnique(ctx, cfg.entity, cfg.unique, { ...current, ...changes } as DeepPartial<E>, current.id);
  return { ...changes, regionCode } as DeepPartial<E>;
}

/** Writes a prepared update of `current` and its audit entry with the transaction's manager. */
export async function saveUpdate<E extends RegionalRecord>(em: EntityManager, cfg: Pick<WriteConfig<E, RegionInput>, 'entity' | 'typeName'>, current: E, changes: DeepPartial<E>, ctx: RequestContext): Promise<E> {
  const before = { ...current };
  const saved = await em.save(em.merge(cfg.entity, current, changes));
  await writeAudit(em, ctx, { operation: 'UPDATE', typeName: cfg.typeName, recordId: saved.id, changes: auditChanges(before, saved, personalFieldsOf(cfg.typeName)) });
  return saved;
}

export async function updateRecord<E extends RegionalRecord, C extends RegionInput, U extends RegionInput>(cfg: WriteConfig<E, C>, id: string, input: U, ctx: RequestContext): Promise<E> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
  const changes = await prepareUpdate(cfg, current, input, ctx);
  return ctx.db.transaction((em) => saveUpdate(em, cfg, current, changes, ctx));
}

const tableOf = <E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>): string => ctx.db.getRepository(entity).metadata.tableName;

const actor = (ctx: RequestContext): string => {
  const c = ctx.auth.claims;
  return `${c?.sub ?? 'anonymous'} (${c?.role ?? 'none'})`;
};

/** The table whose row a delete archives: the older record's when the record lives under one, else its own. */
async function deletedTable<E extends RegionalRecord, C extends RegionInput>(em: EntityManager, cfg: WriteConfig<E, C>, ctx: RequestContext, current: E): Promise<string> {
  const root = cfg.deleteRoot?.(current);
  if (root) {
    const found: unknown[] = await em.query(`SELECT 1 FROM "${root.replace(/"/g, '')}" WHERE id = $1`, [current.id]);
    if (found.length) return root;
  }
  return tableOf(ctx, cfg.entity);
}

/** Soft delete: the record and everything under it go to the archive, in one transaction. */
export async function deleteRecord<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, id: string, ctx: RequestContext): Promise<string> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  await cfg.checkDelete?.(current, ctx);
  return ctx.db.transaction(async (em) => {
    const { records } = await archiveAndDelete(em, await deletedTable(em, cfg, ctx, current), current.id, actor(ctx));
    const changes = { ...auditChanges(current, null, personalFieldsOf(cfg.typeName)), recordsDeleted: { before: null, after: records } };
    await writeAudit(em, ctx, { operation: 'DELETE', typeName: cfg.typeName, recordId: current.id, changes });
    return current.id;
  });
}

/** Restore (ADMIN): the record and everything deleted with it, as they were. */
export async function restoreRecord<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, id: string, ctx: RequestContext): Promise<E> {
  if (requireClaims(ctx).role !== 'ADMIN') throw forbidden('Restoring deleted records needs an ADMIN token');
  const recordId = requireId(id);
  const table = tableOf(ctx, cfg.entity);
  return ctx.db.transaction(async (em) => {
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
    await writeAudit(em, ctx, { operation: 'RESTORE', typeName: cfg.typeName, recordId, changes: { ...auditChanges(null, restored, personalFieldsOf(cfg.typeName)), recordsRestored: { before: null, after: records } } });
    return restored;
  });
}
