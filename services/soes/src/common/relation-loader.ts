import DataLoader from 'dataloader';
import { In, type ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '@pb/kit';

/**
 * Child records of many parents in one statement per request tick (`School.designations` for
 * a page of 100 schools costs one query). Generic: belongs in the kit (`childrenLoader`).
 */
export function childrenLoader<E extends ObjectLiteral>(
  ctx: RequestContext,
  entity: ClassType<E>,
  foreignKey: keyof E & string,
  order: Partial<Record<keyof E & string, 'ASC' | 'DESC'>> = {},
): DataLoader<string, E[]> {
  return ctx.loaders.get(`children:${entity.name}.${foreignKey}`, () =>
    new DataLoader<string, E[]>(async (parentIds) => {
      const rows = await ctx.db.getRepository(entity).find({ where: { [foreignKey]: In([...parentIds]) } as never, order: order as never });
      const byParent = new Map<string, E[]>();
      for (const row of rows) {
        const key = row[foreignKey] as string;
        byParent.set(key, [...(byParent.get(key) ?? []), row]);
      }
      return parentIds.map((id) => byParent.get(id) ?? []);
    }),
  );
}
