import { Field, InputType, registerEnumType } from 'type-graphql';

export enum ListOrderField {
  ID = 'ID',
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
}
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(ListOrderField, { name: 'ListOrderField', description: 'What a list is ordered by (ties broken by id)' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@InputType({ description: 'Order of a list; paging is keyset on (field, id), so a changing table is neither skipped nor repeated within the order' })
export class ListOrder {
  @Field(() => ListOrderField, { defaultValue: ListOrderField.ID })
  field: ListOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction: OrderDirection;
}

/** The column an order field sorts on. */
export const ORDER_COLUMNS: Record<ListOrderField, string | null> = {
  [ListOrderField.ID]: null,
  [ListOrderField.UPDATED_AT]: 'updated_at',
  [ListOrderField.CREATED_AT]: 'created_at',
};

/** What a cursor carries: where the page ended in the order, and the watermark of its first page. */
export interface CursorState {
  field: ListOrderField;
  direction: OrderDirection;
  /** The timestamp column's value as PostgreSQL prints it (microseconds kept), null for ID. */
  value: string | null;
  id: string;
  syncedAt: string | null;
}

export const encodeOrderCursor = (c: CursorState): string =>
  Buffer.from(`k:${JSON.stringify([c.field, c.direction, c.value, c.id, c.syncedAt])}`).toString('base64url');

/** The state of a cursor, or null when it is not one of ours. Plain `id:` cursors are ID ascending. */
export function decodeOrderCursor(cursor: string): CursorState | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith('id:')) return { field: ListOrderField.ID, direction: OrderDirection.ASC, value: null, id: text.slice(3), syncedAt: null };
  if (!text.startsWith('k:')) return null;
  try {
    const [field, direction, value, id, syncedAt] = JSON.parse(text.slice(2)) as unknown[];
    if (!(Object.values(ListOrderField) as unknown[]).includes(field) || !(Object.values(OrderDirection) as unknown[]).includes(direction)) return null;
    if (typeof id !== 'string' || (value !== null && typeof value !== 'string') || (syncedAt !== null && typeof syncedAt !== 'string')) return null;
    return { field: field as ListOrderField, direction: direction as OrderDirection, value, id, syncedAt };
  } catch {
    return null;
  }
}
