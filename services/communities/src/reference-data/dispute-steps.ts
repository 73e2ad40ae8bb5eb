import type { RequestContext } from '@pb/kit';
import { stepDate } from '../common/steps.js';
import { type Dispute, DisputeStatus, type SettlementLevel } from '../disputes/dispute.entity.js';
import { DISPUTE_FLOW } from '../disputes/dispute.flow.js';
import { checkDispute, checkSettledLevel, type CreateDisputeInput } from '../disputes/dispute.inputs.js';

/** A step of a reference dispute: the status it moves to, some days after the previous step. */
export interface DisputeStep {
  status: DisputeStatus;
  afterDays: number;
  settledLevel?: SettlementLevel | null;
}

export type DisputeRow = CreateDisputeInput & { steps?: DisputeStep[] };

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A reference dispute as `createDispute` then `advanceDispute` for each step would leave it: the
 * same checks, the same status flow (OPEN → MEDIATING → RESOLVED | ESCALATED), the same step-date
 * rule. Done before the insert, so the record is written once, in its final state, and loading
 * again finds it present and leaves it alone.
 */
export async function checkDisputeWithSteps(row: DisputeRow, ctx: RequestContext): Promise<Partial<Dispute>> {
  const dispute = await checkDispute({ ...row, regionCode: undefined }, ctx);
  let last = dispute.reportedOn!;
  for (const [i, step] of (row.steps ?? []).entries()) {
    const field = `steps.${i}`;
    DISPUTE_FLOW.assert(dispute.status!, step.status, `${field}.status`);
    const settledLevel = checkSettledLevel({ status: step.status, settledLevel: step.settledLevel });
    const mediating = step.status === DisputeStatus.MEDIATING;
    const on = stepDate(plusDays(last, step.afterDays), mediating ? dispute.reportedOn! : (dispute.mediatingOn ?? null), `${field}.on`);
    Object.assign(dispute, mediating ? { status: step.status, mediatingOn: on } : { status: step.status, closedOn: on, settledLevel });
    last = on;
  }
  return dispute;
}
