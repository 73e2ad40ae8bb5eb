import type { EntityManager, DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/errors.js';
import { requireRegion } from '../regions/region.loader.js';
import { withinRegionSql } from '../regions/sql.js';
import { withDeletedSql } from '../records/soft-delete.js';
import { isUuid } from '../validation.js';
import { type Connection, type ListArgs, MAX_PAGE_SIZE } from './connection.js';
import { type CursorState, decodeOrderCursor, encodeOrderCursor, ListOrderField, ORDER_COLUMNS, OrderDirection } from './order.js';

/**
 * Reads deleted records too (`includeDeleted`), or only them (`deletedSince`): the table's name
 * is shadowed by a CTE of live and archived rows, so every filter applies unchanged.
 */
function applyDeletedScope<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, args: ListArgs): void {
  if (!args.includeDeleted && !args.deletedSince) return;
  const table = qb.expressionMap.mainAlias!.metadata.tableName;
  if (args.deletedSince) qb.setParameter('pbDeletedSince', args.deletedSince);
  qb.addCommonTableExpression(withDeletedSql(table, { live: !args.deletedSince, deletedSinceParam: args.deletedSince ? 'pbDeletedSince' : undefined }), table);
  qb.addSelect(`${qb.alias}.deletedAt`).addSelect(`${qb.alias}.deletedBy`);
}

/** Applies the common filters (regionCode prefix, updatedSince, deleted records) to a list query. */
export async function applyListFilters<E extends ObjectLiteral>(ctx: RequestContext, qb: SelectQueryBuilder<E>, args: ListArgs): Promise<void> {
  const alias = qb.alias;
  if (args.regionCode) {
    const region = await requireRegion(ctx, args.regionCode, 'regionCode');
    qb.andWhere(withinRegionSql(`${alias}.region_code`, ':regionPrefix'), { regionPrefix: region.code });
  }
  if (args.updatedSince) qb.andWhere(`${alias}.updated_at >= :updatedSince`, { updatedSince: args.updatedSince });
  applyDeletedScope(qb, args);
}

/** Margin subtracted from the watermark, for clock adjustments of the database host. */
const SYNC_MARGIN = '1 second';

/**
 * The sync watermark: the start of the oldest transaction still open on this database (any
 * write it makes carries `updated_at` = its start, and becomes visible only when it commits),
 * or now, minus a margin. Every change not yet visible now is stamped at or after it.
 */
export async function syncWatermark(db: DataSource | EntityManager): Promise<Date> {
  const [row] = (await db.query(
    `SELECT least(clock_timestamp(), min(xact_start)) - interval '${SYNC_MARGIN}' AS at
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  )) as { at: Date }[];
  return row.at;
}

const TS_TEXT = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function parseAfter(after: string | null | undefined, field: ListOrderField, direction: OrderDirection): CursorState | null {
  if (!after) return null;
  const c = decodeOrderCursor(after);
  if (!c || !isUuid(c.id) || c.field !== field || c.direction !== direction || (field !== ListOrderField.ID && (!c.value || Number.isNaN(Date.parse(c.value))))) {
    throw badInput('after', 'is not a cursor from this list and order');
  }
  return c;
}

/**
 * Keyset paging on (order field, id): stable under inserts and updates, and a page costs one
 * statement (plus one count, only when totalCount is asked for, and one watermark read on the
 * first page, only when syncedAt is).
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  qb: SelectQueryBuilder<E>,
  args: ListArgs,
): Promise<Connection<E>> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  const field = args.orderBy?.field ?? ListOrderField.ID;
  const direction = args.orderBy?.direction ?? OrderDirection.ASC;
  const after = parseAfter(args.after, field, direction);
  // Taken before the page is read, so nothing committed after the read is older than it.
  const watermark = after?.syncedAt ? Promise.resolve(new Date(after.syncedAt)) : null;
  let firstWatermark: Promise<Date> | null = null;
  const syncedAt = () => watermark ?? (firstWatermark ??= syncWatermark(ctx.db));
  // The watermark is read before the page, so that whatever the page misses is stamped after it.
  if (!after) await syncedAt();
  await applyListFilters(ctx, qb, args);
  const countQuery = qb.clone();
  const alias = qb.alias;
  const column = ORDER_COLUMNS[field];
  const cmp = direction === OrderDirection.ASC ? '>' : '<';
  if (after) {
    if (column) qb.andWhere(`(${alias}.${column}, ${alias}.id) ${cmp} (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid))`, { afterValue: after.value, afterId: after.id });
    else qb.andWhere(`${alias}.id ${cmp} :afterId`, { afterId: after.id });
  }
  if (column) qb.orderBy(`${alias}.${column}`, direction).addOrderBy(`${alias}.id`, direction).addSelect(TS_TEXT(`${alias}.${column}`), 'pb_cursor_value');
  else qb.orderBy(`${alias}.id`, direction);
  const { entities, raw } = first === 0 ? { entities: [] as E[], raw: [] as Record<string, unknown>[] } : await qb.limit(first + 1).getRawAndEntities();
  const page = entities.slice(0, first);
  const startAt = await (after ? watermark : syncedAt());
  const edges = page.map((node, i) => ({
    cursor: encodeOrderCursor({ field, direction, value: column ? String(raw[i].pb_cursor_value) : null, id: node.id, syncedAt: startAt?.toISOString() ?? null }),
    node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: entities.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return countQuery.getCount();
    },
    get syncedAt() {
      return syncedAt();
    },
  };
}
