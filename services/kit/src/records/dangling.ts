import DataLoader from 'dataloader';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { isUuid } from '../validation.js';

@Directive('@shareable')
@ObjectType({ description: 'A reference a record holds to a record that has since been deleted' })
export class DanglingReference {
  @Field({ description: 'The field holding it, e.g. partnerHospitalIds' })
  field: string;

  @Field({ description: 'Type of the deleted record, e.g. Hospital' })
  typeName: string;

  @Field(() => ID)
  id: string;
}

/**
 * Which of the requested ids are deleted records (their type), batched per request: records of
 * this subgraph, and records of others known deleted there (`remote_deletion`, the owners'
 * deletions feeds).
 */
function deletedTypeLoader(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('deletedType', () =>
    new DataLoader<string, string | null>(async (ids) => {
      const rows: { record_id: string; table_name: string | null; type_name: string | null }[] = await ctx.db.query(
        `SELECT * FROM (SELECT DISTINCT ON (record_id) record_id, table_name, NULL AS type_name FROM deleted_record WHERE kind = 'row' AND record_id = ANY($1::uuid[]) ORDER BY record_id, seq DESC) l
         UNION ALL SELECT record_id, NULL, type_name FROM remote_deletion WHERE record_id = ANY($1::uuid[])`,
        [ids],
      );
      const typeOf = new Map(ctx.db.entityMetadatas.map((m) => [m.tableName, m.targetName]));
      const found = new Map(rows.map((r) => [r.record_id, r.type_name ?? typeOf.get(r.table_name!) ?? r.table_name!]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  );
}

/** The record's references (uuid values of its fields, other than its id) to deleted records. */
export async function danglingReferences(ctx: RequestContext, record: object): Promise<DanglingReference[]> {
  const refs: { field: string; id: string }[] = [];
  for (const [field, value] of Object.entries(record)) {
    if (field === 'id') continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && isUuid(v)) refs.push({ field, id: v.toLowerCase() });
  }
  const types = await deletedTypeLoader(ctx).loadMany(refs.map((r) => r.id));
  return refs.flatMap((r, i) => (typeof types[i] === 'string' ? [{ ...r, typeName: types[i] as string }] : []));
}
