import DataLoader from 'dataloader';
import { type FindOptionsOrder, type FindOptionsWhere, In, type ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../context.js';

/** Narrows the children (e.g. one quarter's ward rounds); `name` tells the loaders apart. */
export interface ChildrenFilter<E> {
  name: string;
  where: FindOptionsWhere<E>;
}

/**
 * The children of many parents in one statement per request tick (`Hospital.branches`…):
 * rows whose `key` property is one of the requested parent ids, grouped back per parent.
 */
export function childrenLoader<E extends ObjectLiteral & { id: string }, K extends keyof E & string>(
  ctx: RequestContext,
  entity: ClassType<E>,
  key: K,
  order: FindOptionsOrder<E> = { id: 'ASC' } as FindOptionsOrder<E>,
  filter?: ChildrenFilter<E>,
): DataLoader<string, E[]> {
  return ctx.loaders.get(`children:${entity.name}:${key}:${filter?.name ?? ''}`, () =>
    new DataLoader<string, E[]>(async (ids) => {
      const where = { ...filter?.where, [key]: In([...ids]) } as FindOptionsWhere<E>;
      const rows = await ctx.db.getRepository(entity).find({ where, order });
      const byParent = new Map<string, E[]>();
      for (const row of rows) {
        const parent = String(row[key]);
        byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
      }
      return ids.map((id) => byParent.get(id) ?? []);
    }),
  );
}
