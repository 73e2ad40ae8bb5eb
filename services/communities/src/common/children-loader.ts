import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '@pb/kit';

/**
 * The children of many parents in one statement, per request: `Community.grids` over a list of
 * 100 communities costs one query, not 100. `property` is the child's foreign-key property.
 * (Generic: belongs in the kit next to byIdLoader.)
 */
export function childrenLoader<E extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  entity: ClassType<E>,
  property: keyof E & string,
): DataLoader<string, E[]> {
  return ctx.loaders.get(`children:${entity.name}:${property}`, () =>
    new DataLoader<string, E[]>(async (parentIds) => {
      const rows = await ctx.db
        .getRepository(entity)
        .createQueryBuilder('r')
        .where(`r.${property} IN (:...ids)`, { ids: [...new Set(parentIds)] })
        .orderBy('r.id', 'ASC')
        .getMany();
      const byParent = new Map<string, E[]>();
      for (const row of rows) {
        const key = String(row[property]);
        byParent.set(key, [...(byParent.get(key) ?? []), row]);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    }),
  );
}
