import { SECTOR_CONCEPT_ROWS } from '@pb/kit';
import { parentRegionSource, type StatsDefinition } from '@pb/kit';

/** The SOE sector's pre-aggregates. */
export const soeStatsDefinition: StatsDefinition = {
  rows: [
    ...SECTOR_CONCEPT_ROWS,
    { table: 'enterprise', measures: [{ metric: 'enterprise.count', from: 'r.established_on' }] },
    { table: 'service_center', measures: [{ metric: 'serviceCenter.count', from: 'r.opened_on' }] },
  ],
  groups: [
    // A centre's services count once both the centre is open and the service is offered.
    parentRegionSource({
      name: 'soes.serviceItems',
      child: 'service_item',
      foreignKey: 'service_center_id',
      parent: 'service_center',
      measures: [{ metric: 'serviceItem.count', from: `greatest(coalesce(r.offered_since, '-infinity'::date), p.opened_on)` }],
    }),
    // Visits count in the centre's region.
    parentRegionSource({
      name: 'soes.visits',
      child: 'service_center_visit',
      foreignKey: 'service_center_id',
      parent: 'service_center',
      measures: [{ metric: 'serviceCenter.visitors', event: 'r.visited_on', value: 'r.visitors' }],
    }),
  ],
};
