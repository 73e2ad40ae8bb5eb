import DataLoader from 'dataloader';
import { In, type ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { isUuid } from '../validation.js';

/** Records of one entity by id, batched per request; malformed ids simply find nothing. */
export function byIdLoader<E extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: ClassType<E>): DataLoader<string, E | null> {
  return ctx.loaders.get(`byId:${entity.name}`, () =>
    new DataLoader<string, E | null>(async (ids) => {
      const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = valid.length ? await ctx.db.getRepository(entity).findBy({ id: In(valid) } as never) : [];
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
