import { GraphQLError } from 'graphql';
import type { ClassType } from 'type-graphql';
import type { DeepPartial, EntityManager } from 'typeorm';
import { assertCanWrite } from '../auth/access.js';
import { LoaderCache, type RequestContext } from '../context.js';
import { ledgerType } from '../ledger/registry.js';
import { badInput, notFound } from '../errors/errors.js';
import { requireRegion } from '../regions/region.loader.js';
import { requireId } from '../validation.js';
import { byIdLoader } from './by-id-loader.js';
import type { RegionalRecord } from './regional-record.js';

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
          await insertPrepared(em, type.cfg.entity, [prepared]);
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

export async function loadForWrite<E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>, typeName: string, id: string): Promise<E> {
  const found = await ctx.db.getRepository(entity).findOneBy({ id: requireId(id) } as never);
  if (!found) throw notFound(typeName, id, 'id');
  return found;
}

/** Checks, places and authorizes a create; nothing is written. */
export async function prepareCreate<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, input: C, ctx: RequestContext): Promise<PreparedCreate<E>> {
  const fields = await cfg.check(input, ctx);
  const regionCode = await placeOf(cfg, input, ctx);
  assertCanWrite(ctx, cfg.sector, regionCode);
  const values = { ...fields, regionCode } as DeepPartial<E>;
  return { values, parts: cfg.parts ? await cfg.parts(input, values, ctx) : null };
}

/** Inserts prepared creates (and their parts) with the given transaction's manager. */
export async function insertPrepared<E extends RegionalRecord>(em: EntityManager, entity: ClassType<E>, prepared: PreparedCreate<E>[]): Promise<E[]> {
  const saved: E[] = [];
  for (const p of prepared) {
    const record = await em.save(em.create(entity, p.values));
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
export async function insertMany<E extends RegionalRecord>(em: EntityManager, entity: ClassType<E>, prepared: PreparedCreate<E>[]): Promise<string[]> {
  if (!prepared.length) return [];
  if (prepared.some((p) => p.parts)) return (await insertPrepared(em, entity, prepared)).map((r) => r.id);
  const meta = em.connection.getMetadata(entity);
  const given = new Set(prepared.flatMap((p) => Object.keys(p.values as object)));
  const columns = meta.columns.filter((c) => given.has(c.propertyName));
  const rows = prepared.map((p) => Object.fromEntries(columns.map((c) => [c.databaseName, (p.values as Record<string, unknown>)[c.propertyName] ?? null])));
  const names = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const inserted: { id: string }[] = await em.query(
    `INSERT INTO "${meta.tableName}" (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb) RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.map((r) => r.id);
}

/** The single create: checks, then one transaction for the record and its parts. */
export async function createRecord<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, input: C, ctx: RequestContext): Promise<E> {
  const prepared = await prepareCreate(cfg, input, ctx);
  const [saved] = await ctx.db.transaction((em) => insertPrepared(em, cfg.entity, [prepared]));
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
  const prepared: PreparedCreate<E>[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      prepared.push(await prepareCreate(cfg, input, ctx));
    } catch (err) {
      throw withFieldPrefix(err, `inputs.${i}`);
    }
  }
  return ctx.db.transaction((em) => insertPrepared(em, cfg.entity, prepared));
}

/** Checks and authorizes an update of `current` (its region and the new one); nothing is written. */
export async function prepareUpdate<E extends RegionalRecord, C extends RegionInput, U extends RegionInput>(
  cfg: WriteConfig<E, C>,
  current: E,
  input: U,
  ctx: RequestContext,
): Promise<DeepPartial<E>> {
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  const merged = { ...current, ...definedOnly(input) } as unknown as C;
  const changes = await cfg.check(merged, ctx);
  const moved = cfg.place !== undefined || input.regionCode != null;
  const regionCode = moved ? await placeOf(cfg, merged, ctx) : current.regionCode;
  assertCanWrite(ctx, cfg.sector, regionCode);
  return { ...changes, regionCode } as DeepPartial<E>;
}

export async function updateRecord<E extends RegionalRecord, C extends RegionInput, U extends RegionInput>(cfg: WriteConfig<E, C>, id: string, input: U, ctx: RequestContext): Promise<E> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
  const changes = await prepareUpdate(cfg, current, input, ctx);
  return ctx.db.transaction((em) => em.save(em.merge(cfg.entity, current, changes)));
}

export async function deleteRecord<E extends RegionalRecord, C extends RegionInput>(cfg: WriteConfig<E, C>, id: string, ctx: RequestContext): Promise<string> {
  const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
  assertCanWrite(ctx, cfg.sector, current.regionCode);
  await ctx.db.transaction((em) => em.delete(cfg.entity, { id: current.id } as never));
  return current.id;
}
