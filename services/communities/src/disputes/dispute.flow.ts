import { StatusFlow } from '@pb/kit';
import { DisputeStatus } from './dispute.entity.js';

/** OPEN → MEDIATING → RESOLVED | ESCALATED, in one place. */
export const DISPUTE_FLOW = new StatusFlow<DisputeStatus>('dispute', {
  OPEN: [DisputeStatus.MEDIATING],
  MEDIATING: [DisputeStatus.RESOLVED, DisputeStatus.ESCALATED],
  RESOLVED: [],
  ESCALATED: [],
});
