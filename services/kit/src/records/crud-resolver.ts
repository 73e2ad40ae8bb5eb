import { Arg, Args, Authorized, type ClassType, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { requireClaims } from '../auth/access.js';
import { AdminOnly, Public, ViewerOnly, WriteTag } from '../auth/read-access.js';
import { forbidden } from '../errors/errors.js';
import type { RequestContext } from '../context.js';
import { type LedgerOptions, registerLedgerType } from '../ledger/registry.js';
import { addExternalIdField, EXTERNAL_ID_DESCRIPTION } from '../ledger/numbers.js';
import { externalIdLoader } from '../ledger/external-id-loader.js';
import { type Connection, connectionType, type ListArgs } from '../pagination/connection.js';
import { paginate } from '../pagination/paginate.js';
import { Region } from '../regions/region.entity.js';
import { regionLoader } from '../regions/region.loader.js';
import { requireId } from '../validation.js';
import { registerExportType } from '../export/export.js';
import { byIdLoader } from './by-id-loader.js';
import { DanglingReference, danglingReferences } from './dangling.js';
import type { RegionalRecord } from './regional-record.js';
import { createRecord, createRecords, deleteRecord, type RegionInput, restoreRecord, updateRecord, type WriteConfig } from './write.js';

export type { RegionInput } from './write.js';
export { parentRegion } from './write.js';

export interface CrudConfig<E extends RegionalRecord, C extends RegionInput, U extends RegionInput, A extends ListArgs> extends WriteConfig<E, C> {
  /** List query name, e.g. `hospitals`. */
  listName: string;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  listArgs: ClassType<A>;
  /**
   * A unit directory (communities, hospitals, schools, enterprises): the list and lookup are open
   * to anonymous callers, who see the type's own attributes but none of its relations. Any other
   * record type is for authenticated callers only.
   */
  directory?: boolean;
  /** Every write of the type is ADMIN's (region population): tagged so, and checked by `check`. */
  adminOnly?: boolean;
  /** The list's own filters, beyond regionCode, updatedSince and the deleted-record ones. */
  filter?(qb: SelectQueryBuilder<E>, args: A): void;
  /** Adds `create<Type>s(inputs: [...])`, atomic, taking at most this many records. */
  batchMax?: number;
  /** Ledger import: parents a row may name by name and region instead of id (see kit ledger/). */
  ledger?: LedgerOptions;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** An ADMIN-only type refuses everyone else before a record is even looked up. */
function adminGate(cfg: { adminOnly?: boolean; typeName: string }, ctx: RequestContext): void {
  if (cfg.adminOnly && requireClaims(ctx).role !== 'ADMIN') throw forbidden(`Only an ADMIN writes ${cfg.typeName} records`);
}

/**
 * The list / by-id / create / update / delete / restore resolver every record type needs, so
 * that a subgraph writes only its domain (fields, validation, filters). The writes go through
 * the kit's write path (write.ts: checks, region authorization, references to other
 * subgraphs, audit, soft delete), which batch and nested writes reuse; `@Authorized` here checks
 * role and sector.
 */
export function crudResolver<E extends RegionalRecord, C extends RegionInput, U extends RegionInput, A extends ListArgs>(
  cfg: CrudConfig<E, C, U, A>,
) {
  const Conn = connectionType(cfg.entity, cfg.typeName);
  // Every record type with a create is kept in ledgers: its create input takes a 台账编号.
  addExternalIdField(cfg.createInput);
  registerExportType({ listName: cfg.listName, typeName: cfg.typeName, sector: cfg.sector, entity: cfg.entity });
  const write = `write:${cfg.sector}`;
  const readable = cfg.directory ? Public : ViewerOnly;
  const writeTag = (): MethodDecorator => (cfg.adminOnly ? AdminOnly() : WriteTag(cfg.sector));

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
    @Query(() => cfg.entity, { name: lowerFirst(cfg.typeName), nullable: true, description: `One ${cfg.typeName} by id (null when deleted)` })
    async byId(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<E | null> {
      return byIdLoader(ctx, cfg.entity).load(requireId(id));
    }

    @FieldResolver(() => Region, { description: 'The division the record is in' })
    async region(@Root() record: E, @Ctx() ctx: RequestContext): Promise<Region | null> {
      return regionLoader(ctx).load(record.regionCode);
    }

    @FieldResolver(() => String, { nullable: true, description: EXTERNAL_ID_DESCRIPTION })
    async externalId(@Root() record: E, @Ctx() ctx: RequestContext): Promise<string | null> {
      return externalIdLoader(ctx, cfg.typeName).load(record.id);
    }

    @FieldResolver(() => [DanglingReference], { description: 'References this record holds to records deleted since (reported, not fatal: the record can still be edited)' })
    async danglingReferences(@Root() record: E, @Ctx() ctx: RequestContext): Promise<DanglingReference[]> {
      return danglingReferences(ctx, record);
    }

    @Authorized(write)
    @writeTag()
    @Mutation(() => cfg.entity, { name: `create${cfg.typeName}`, nullable: true })
    async create(@Arg('input', () => cfg.createInput) input: C, @Ctx() ctx: RequestContext): Promise<E> {
      adminGate(cfg, ctx);
      return createRecord(cfg, input, ctx);
    }

    @Authorized(write)
    @writeTag()
    @Mutation(() => cfg.entity, { name: `update${cfg.typeName}`, nullable: true })
    async update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => cfg.updateInput) input: U,
      @Ctx() ctx: RequestContext,
    ): Promise<E> {
      adminGate(cfg, ctx);
      return updateRecord(cfg, id, input, ctx);
    }

    @Authorized(write)
    @writeTag()
    @Mutation(() => ID, { name: `delete${cfg.typeName}`, nullable: true, description: 'Marks the record and the records under it deleted (restore with restore…); returns its id' })
    async remove(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
      adminGate(cfg, ctx);
      return deleteRecord(cfg, id, ctx);
    }

    @Authorized(write)
    @AdminOnly()
    @Mutation(() => cfg.entity, { name: `restore${cfg.typeName}`, nullable: true, description: 'ADMIN: brings a deleted record back, with everything deleted together with it' })
    async restore(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<E> {
      return restoreRecord(cfg, id, ctx);
    }

    async createMany(inputs: C[], ctx: RequestContext): Promise<E[]> {
      adminGate(cfg, ctx);
      return createRecords(cfg, inputs, ctx, cfg.batchMax ?? 0);
    }
  }
  if (cfg.batchMax) addBatchCreate(CrudResolver.prototype, cfg, write);
  registerLedgerType(cfg);
  return CrudResolver;
}

/**
 * `create<Type>s(inputs: [...]): [<Type>!]`, decorated by hand so only the types that ask for it
 * (high-volume events) have it.
 */
function addBatchCreate<E extends RegionalRecord, C extends RegionInput>(proto: object, cfg: WriteConfig<E, C> & { createInput: ClassType<C>; batchMax?: number; adminOnly?: boolean }, write: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'createMany')!;
  Arg('inputs', () => [cfg.createInput])(proto, 'createMany', 0);
  Ctx()(proto, 'createMany', 1);
  Mutation(() => [cfg.entity], {
    name: `create${cfg.typeName}s`,
    nullable: true,
    description: `Creates up to ${cfg.batchMax} ${cfg.typeName} records as one act: all are checked first, then written in one transaction (none if any fails)`,
  })(proto, 'createMany', descriptor);
  Authorized(write)(proto, 'createMany', descriptor);
  (cfg.adminOnly ? AdminOnly() : WriteTag(cfg.sector))(proto, 'createMany', descriptor);
}
