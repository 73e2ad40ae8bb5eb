import DataLoader from 'dataloader';
import { In, type ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { isUuid } from '../validation.js';
import { withDeletedSql } from './soft-delete.js';

/**
 * Deleted records among `missing` that the record being updated already names: found from the
 * archive and reported as dangling, so an edit is not refused for a reference it did not make.
 */
async function keptDeleted<E extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: ClassType<E>, missing: string[]): Promise<E[]> {
  const kept = missing.filter((id) => ctx.write?.kept.has(id));
  if (!kept.length || !ctx.write) return [];
  const repo = ctx.db.getRepository(entity);
  const table = repo.metadata.tableName;
  const rows = await repo.createQueryBuilder('r').addCommonTableExpression(withDeletedSql(table, { live: false }), table).where('r.id IN (:...kept)', { kept }).getMany();
  for (const r of rows) ctx.write.dangling.push({ typeName: entity.name, id: r.id });
  return rows;
}

/** Records of one entity by id, batched per request; malformed ids simply find nothing. */
export function byIdLoader<E extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: ClassType<E>): DataLoader<string, E | null> {
  return ctx.loaders.get(`byId:${entity.name}`, () =>
    new DataLoader<string, E | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await ctx.db.getRepository(entity).findBy({ id: In(valid) } as never) : [];
      const live = new Set(rows.map((r) => r.id));
      rows.push(...(await keptDeleted(ctx, entity, valid.filter((id) => !live.has(id)))));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  );
}

/** `__resolveReference` for an entity type keyed by id, through the batching loader. */
export function referenceById<E extends ObjectLiteral & { id: string }>(typeName: string, entity: ClassType<E>) {
  return {
    [typeName]: {
      __resolveReference: (ref: { id: string }, ctx: RequestContext) => byIdLoader(ctx, entity).load(ref.id),
    },
  };
}
