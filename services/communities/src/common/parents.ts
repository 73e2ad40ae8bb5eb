import type { ClassType } from 'type-graphql';
import { byIdLoader, notFound, type RegionalRecord, type RequestContext, requireId } from '@pb/kit';

/**
 * The parent record an input names (`input.gridId`), through the request's by-id loader; a
 * missing one is NOT_FOUND naming the field. Checks use it to copy the parent's keys (a branch
 * stores its grid's community) so every level can be listed by community in one query.
 */
export async function requireParent<P extends RegionalRecord>(ctx: RequestContext, entity: ClassType<P>, typeName: string, id: string | null | undefined, field: string): Promise<P> {
  const found = id ? await byIdLoader(ctx, entity).load(requireId(id, field)) : null;
  if (!found) throw notFound(typeName, id ?? '(none)', field);
  return found;
}

/** Several parents named by a list input (`input.demandIds`), all of which must exist. */
export async function requireParents<P extends RegionalRecord>(ctx: RequestContext, entity: ClassType<P>, typeName: string, ids: readonly string[] | null | undefined, field: string): Promise<P[]> {
  return Promise.all((ids ?? []).map((id, i) => requireParent(ctx, entity, typeName, id, `${field}.${i}`)));
}
