import { StatusFlow } from '@pb/kit';
import { ServiceClaimStatus } from './service-claim.entity.js';

/** A claim is claimed, then completed; nothing else. */
export const SERVICE_CLAIM_FLOW = new StatusFlow<ServiceClaimStatus>('service claim', {
  CLAIMED: [ServiceClaimStatus.COMPLETED],
  COMPLETED: [],
});
