import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { ListOrder } from './order.js';

export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Arguments every list takes: cursor paging plus the two filters integrators sync with. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE_SIZE}` })
  first: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already read (pageInfo.endCursor)' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only records inside this region (a record belongs to every prefix of its code)' })
  regionCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only records created, changed or restored at or after this instant (incremental sync: pass the previous sync\'s `syncedAt`)' })
  updatedSince?: Date | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also list deleted records (their `deletedAt` is set)' })
  includeDeleted?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'The deletions feed: only records deleted at or after this instant (and still deleted)' })
  deletedSince?: Date | null;

  @Field(() => ListOrder, { nullable: true, description: 'Order of the list (default ID ascending); cursors are keyset cursors on (field, id)' })
  orderBy?: ListOrder | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A page; `totalCount` is a getter so the count query runs only when the field is asked for. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
  /** The sync watermark (see paginate); a getter like totalCount. */
  readonly syncedAt: Promise<Date>;
}

const connectionTypes = new Map<string, ClassType>();

/** `HospitalConnection` / `HospitalEdge` for a node type; one class per name. */
export function connectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<Connection<T>>;

  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (Relay connection)` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'Records matching the filters, over all pages' })
    totalCount: number;

    @Field(() => Date, {
      description:
        'Sync watermark: every change (write, delete, restore) not yet visible when this paging started has an updatedAt / deletedAt at or after it. Keep the value of a sync\'s first page and pass it as the next `updatedSince` and `deletedSince`',
    })
    syncedAt: Date;
  }
  connectionTypes.set(name, ConnectionType);
  return ConnectionType as unknown as ClassType<Connection<T>>;
}

export const encodeCursor = (id: string): string => Buffer.from(`id:${id}`).toString('base64url');

export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  return text.startsWith('id:') ? text.slice(3) : null;
}
