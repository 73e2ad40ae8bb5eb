import 'reflect-metadata';
import { concepts } from './sector-concepts/sector-concepts.js';
import { AddParentDateIndexes1763000022000 } from './migrations/1763000022000-AddParentDateIndexes.js';
import { AddRegionDateIndexes1763000021000 } from './migrations/1763000021000-AddRegionDateIndexes.js';
import { soeStatsDefinition } from './region-stats/soe-stats.aggregates.js';
import { AddRecordSource1763000009000 } from './migrations/1763000009000-AddRecordSource.js';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { Enterprise } from './enterprises/enterprise.entity.js';
import { EnterpriseRelationsResolver } from './enterprises/enterprise-relations.resolver.js';
import { EnterpriseResolver } from './enterprises/enterprise.resolver.js';
import { CreateEnterprises1763000001000 } from './migrations/1763000001000-CreateEnterprises.js';
import { CreateServiceCenters1763000005000 } from './migrations/1763000005000-CreateServiceCenters.js';
import { seedEnterprises } from './reference-data/seed.js';
import { SoeRegionResolver } from './region-stats/region-stats.resolver.js';
import { SoeTrendResolver } from './trends/soe-trend.resolver.js';
import { ServiceCenter } from './service-centers/service-center.entity.js';
import { ServiceCenterResolver } from './service-centers/service-center.resolver.js';
import { ServiceItem } from './service-items/service-item.entity.js';
import { ServiceItemResolver } from './service-items/service-item.resolver.js';
import { ServiceCenterVisit } from './visits/service-center-visit.entity.js';
import { ServiceCenterVisitResolver } from './visits/service-center-visit.resolver.js';
import { VolunteerActivity } from './volunteer-activities/volunteer-activity.entity.js';
import { VolunteerActivityResolver } from './volunteer-activities/volunteer-activity.resolver.js';

/** The SOE subgraph (国资/企业党委): enterprises, service centres (初心驿站), volunteer activities. */
export const soesSubgraph: SubgraphDefinition = {
  name: 'soes',
  defaultPort: 4004,
  entities: [Enterprise, ServiceCenter, ServiceItem, ServiceCenterVisit, VolunteerActivity, ...concepts.entities],
  migrations: [CreateEnterprises1763000001000, CreateServiceCenters1763000005000, AddRecordSource1763000009000, AddRegionDateIndexes1763000021000, AddParentDateIndexes1763000022000, ...concepts.migrations],
  resolvers: [
    EnterpriseResolver,
    EnterpriseRelationsResolver,
    ServiceCenterResolver,
    ServiceItemResolver,
    ServiceCenterVisitResolver,
    VolunteerActivityResolver,
    SoeRegionResolver,
    SoeTrendResolver,
    ...concepts.resolvers,
  ],
  references: referenceById('Enterprise', Enterprise),
  seed: seedEnterprises,
  stats: soeStatsDefinition,
};

export { Enterprise, EnterpriseResolver };

export { soesSubgraph as subgraph };
