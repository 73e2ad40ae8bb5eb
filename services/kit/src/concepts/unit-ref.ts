import { type ClassType, Field, ID } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors/errors.js';
import { byIdLoader } from '../records/by-id-loader.js';
import { type RegionalRecord, RecordSource } from '../records/regional-record.js';
import { requireId } from '../validation.js';

/** The sector's unit a shared record may belong to (a Community, Hospital, School, Enterprise). */
export interface SectorUnit {
  entity: ClassType<RegionalRecord & { name?: string }>;
  typeName: string;
  /** Its table: a party organisation's `unit_id` references it (deleting the unit deletes its organisations). */
  table: string;
}

/** An optional reference to a record of this subgraph, checked to exist; NOT_FOUND names the field. */
export async function optionalRef(ctx: RequestContext, entity: ClassType<RegionalRecord>, typeName: string, id: string | null | undefined, field: string): Promise<string | null> {
  if (id === null || id === undefined) return null;
  const found = await byIdLoader(ctx, entity).load(requireId(id, field));
  if (!found) throw notFound(typeName, id, field);
  return found.id;
}

/** Names a class (loader keys and TypeORM metadata use class names; factories make several). */
export function named<T extends object>(cls: T, name: string): T {
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/**
 * type-graphql does not carry an object type's fields into an interface extending it, so the
 * shared interfaces get RegionalRecord's fields (id, regionCode, source, timestamps) here.
 */
export function withRecordFields(iface: object): void {
  const proto = (iface as { prototype: object }).prototype;
  Field(() => ID)(proto, 'id');
  Field({ description: 'Division code where the record is (行政区划代码), canonical form' })(proto, 'regionCode');
  Field(() => RecordSource, { description: 'Where the record comes from; reference-dataset fillers are FILLER' })(proto, 'source');
  Field(() => Date)(proto, 'createdAt');
  Field(() => Date)(proto, 'updatedAt');
}
