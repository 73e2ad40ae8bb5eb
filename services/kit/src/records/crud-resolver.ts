import { Arg, Args, Authorized, type ClassType, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DeepPartial, SelectQueryBuilder } from 'typeorm';
import { assertCanWrite } from '../auth/access.js';
import { Public, ViewerOnly, WriteTag } from '../auth/read-access.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors/errors.js';
import { type Connection, connectionType, type ListArgs } from '../pagination/connection.js';
import { paginate } from '../pagination/paginate.js';
import { Region } from '../regions/region.entity.js';
import { regionLoader, requireRegion } from '../regions/region.loader.js';
import { requireId } from '../validation.js';
import { byIdLoader } from './by-id-loader.js';
import type { RegionalRecord } from './regional-record.js';

/** Inputs that place a record: create requires a region, update may move it. */
export interface RegionInput {
  regionCode?: string | null;
}

export interface CrudConfig<E extends RegionalRecord, C extends RegionInput, U extends RegionInput, A extends ListArgs> {
  /** Subgraph that owns the records: the `sectors` claim an EDITOR needs to write them. */
  sector: string;
  entity: ClassType<E>;
  /** GraphQL type name, e.g. `Hospital`: gives `hospital`, `createHospital`, `HospitalConnection`… */
  typeName: string;
  /** List query name, e.g. `hospitals`. */
  listName: string;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  listArgs: ClassType<A>;
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
   * A unit directory (communities, hospitals, schools, enterprises): the list and lookup are open
   * to anonymous callers, who see the type's own attributes but none of its relations. Any other
   * record type is for authenticated callers only.
   */
  directory?: boolean;
  /** The list's own filters, beyond regionCode and updatedSince. */
  filter?(qb: SelectQueryBuilder<E>, args: A): void;
}

/** The fields an update sets: absent (undefined) ones keep their stored value, null clears. */
const definedOnly = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The canonical region a record goes to, checked to exist. */
async function placeOf<C extends RegionInput>(
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

async function loadForWrite<E extends RegionalRecord>(ctx: RequestContext, entity: ClassType<E>, typeName: string, id: string): Promise<E> {
  const found = await ctx.db.getRepository(entity).findOneBy({ id: requireId(id) } as never);
  if (!found) throw notFound(typeName, id, 'id');
  return found;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/**
 * The list / by-id / create / update / delete resolver every record type needs, so that a
 * subgraph writes only its domain (fields, validation, filters). Writes are authorized in
 * three steps: `@Authorized` (role and sector), the input's checks, then the region prefix
 * against both the stored and the new region, all before one transaction writes.
 */
export function crudResolver<E extends RegionalRecord, C extends RegionInput, U extends RegionInput, A extends ListArgs>(
  cfg: CrudConfig<E, C, U, A>,
) {
  const Conn = connectionType(cfg.entity, cfg.typeName);
  const write = `write:${cfg.sector}`;
  const readable = cfg.directory ? Public : ViewerOnly;

  @Resolver(() => cfg.entity)
  abstract class CrudResolver {
    @readable()
    @Query(() => Conn, { name: cfg.listName, description: `A page of ${cfg.typeName} records` })
    async list(@Args(() => cfg.listArgs) args: A, @Ctx() ctx: RequestContext): Promise<Connection<E>> {
      const qb = ctx.db.getRepository(cfg.entity).createQueryBuilder('r');
      cfg.filter?.(qb, args);
      return paginate(ctx, qb, args);
    }

    @readable()
    @Query(() => cfg.entity, { name: lowerFirst(cfg.typeName), nullable: true, description: `One ${cfg.typeName} by id` })
    async byId(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<E | null> {
      return byIdLoader(ctx, cfg.entity).load(requireId(id));
    }

    @FieldResolver(() => Region, { description: 'The division the record is in' })
    async region(@Root() record: E, @Ctx() ctx: RequestContext): Promise<Region | null> {
      return regionLoader(ctx).load(record.regionCode);
    }

    @Authorized(write)
    @WriteTag(cfg.sector)
    @Mutation(() => cfg.entity, { name: `create${cfg.typeName}` })
    async create(@Arg('input', () => cfg.createInput) input: C, @Ctx() ctx: RequestContext): Promise<E> {
      const fields = await cfg.check(input, ctx);
      const regionCode = await placeOf(cfg, input, ctx);
      assertCanWrite(ctx, cfg.sector, regionCode);
      return ctx.db.transaction((em) => em.save(em.create(cfg.entity, { ...fields, regionCode } as DeepPartial<E>)));
    }

    @Authorized(write)
    @WriteTag(cfg.sector)
    @Mutation(() => cfg.entity, { name: `update${cfg.typeName}` })
    async update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => cfg.updateInput) input: U,
      @Ctx() ctx: RequestContext,
    ): Promise<E> {
      const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
      assertCanWrite(ctx, cfg.sector, current.regionCode);
      const merged = { ...current, ...definedOnly(input) } as unknown as C;
      const changes = await cfg.check(merged, ctx);
      const moved = cfg.place !== undefined || input.regionCode != null;
      const regionCode = moved ? await placeOf(cfg, merged, ctx) : current.regionCode;
      assertCanWrite(ctx, cfg.sector, regionCode);
      return ctx.db.transaction((em) => em.save(em.merge(cfg.entity, current, { ...changes, regionCode } as DeepPartial<E>)));
    }

    @Authorized(write)
    @WriteTag(cfg.sector)
    @Mutation(() => ID, { name: `delete${cfg.typeName}`, description: 'Deletes the record; returns its id' })
    async remove(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
      const current = await loadForWrite(ctx, cfg.entity, cfg.typeName, id);
      assertCanWrite(ctx, cfg.sector, current.regionCode);
      await ctx.db.transaction((em) => em.delete(cfg.entity, { id: current.id } as never));
      return current.id;
    }

  }
  return CrudResolver;
}
