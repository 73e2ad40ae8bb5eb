import type { ClassType } from 'type-graphql';
import type { DeepPartial } from 'typeorm';
import { assertCanWrite } from '../auth/access.js';
import type { RequestContext } from '../context.js';
import type { RegionalRecord } from './regional-record.js';
import { notFound } from '../errors/errors.js';
import { loadForWrite, saveUpdate } from './write.js';

/** The record type a transition moves: who may write it and how the audit log names it. */
export interface TransitionTarget<E extends RegionalRecord> {
  sector: string;
  entity: ClassType<E>;
  typeName: string;
}

/**
 * A status step (advanceDemand, completeServiceClaim…) through the same write path as an update:
 * the record is read with a row lock inside the transaction, so two clerks advancing the same
 * demand at once cannot both pass the flow check; `step` checks the move against the locked row
 * (throwing BAD_USER_INPUT) and returns the fields to set; the change is audited like any update.
 */
export async function transitionRecord<E extends RegionalRecord>(
  target: TransitionTarget<E>,
  id: string,
  ctx: RequestContext,
  step: (current: E) => DeepPartial<E>,
): Promise<E> {
  // Authorize before locking anything: a writer of another region learns nothing and waits for nothing.
  const seen = await loadForWrite(ctx, target.entity, target.typeName, id);
  assertCanWrite(ctx, target.sector, seen.regionCode);
  return ctx.db.transaction(async (em) => {
    const current = await em.getRepository(target.entity).findOne({ where: { id: seen.id } as never, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound(target.typeName, id, 'id');
    assertCanWrite(ctx, target.sector, current.regionCode); // moved meanwhile: judged where it is now
    return saveUpdate(em, target, current, step(current), ctx);
  });
}
