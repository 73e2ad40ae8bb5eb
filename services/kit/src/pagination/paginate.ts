import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { requireRegion } from '../regions/region.loader.js';
import { withinRegionSql } from '../regions/sql.js';
import { isUuid } from '../validation.js';
import { type Connection, decodeCursor, encodeCursor, type ListArgs, MAX_PAGE_SIZE } from './connection.js';

/** Applies the common filters (regionCode prefix, updatedSince) to a list query. */
export async function applyListFilters<E extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<E>, args: ListArgs): Promise<void> {
  const alias = qb.alias;
  if (args.regionCode) {
    const region = await requireRegion(ctx, args.regionCode, 'regionCode');
    qb.andWhere(withinRegionSql(`${alias}.region_code`, ':regionPrefix'), { regionPrefix: region.code });
  }
  if (args.updatedSince) qb.andWhere(`${alias}.updated_at >= :updatedSince`, { updatedSince: args.updatedSince });
}

/**
 * Keyset paging on the opaque id: stable under inserts, and a page costs one statement
 * (plus one count, only when totalCount is asked for).
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<E>,
  args: ListArgs,
): Promise<Connection<E>> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  await applyListFilters(ctx, qb, args);
  const countQuery = qb.clone();
  const alias = qb.alias;
  if (args.after) {
    const afterId = decodeCursor(args.after);
    if (!afterId || !isUuid(afterId)) throw badInput('after', 'is not a cursor from this list');
    qb.andWhere(`${alias}.id > :afterId`, { afterId });
  }
  const rows = first === 0 ? [] : await qb.orderBy(`${alias}.id`, 'ASC').limit(first + 1).getMany();
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return countQuery.getCount();
    },
  };
}
