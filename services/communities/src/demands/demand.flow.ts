import { StatusFlow } from '@pb/kit';
import { type Demand, DemandStatus } from './demand.entity.js';

/** 收集—协商—落实—反馈: the only moves a demand can make, in one place. */
export const DEMAND_FLOW = new StatusFlow<DemandStatus>('demand', {
  COLLECTED: [DemandStatus.DELIBERATING],
  DELIBERATING: [DemandStatus.IN_PROGRESS],
  IN_PROGRESS: [DemandStatus.RESOLVED],
  RESOLVED: [DemandStatus.FEEDBACK],
  FEEDBACK: [],
});

/** The column each status stamps, and the one stamped by the step before it. */
export const STEP_DATE: Record<DemandStatus, keyof Demand> = {
  COLLECTED: 'collectedOn',
  DELIBERATING: 'deliberatingOn',
  IN_PROGRESS: 'inProgressOn',
  RESOLVED: 'resolvedOn',
  FEEDBACK: 'feedbackOn',
};
