import 'reflect-metadata';
import { concepts } from './sector-concepts/sector-concepts.js';
import { AddParentDateIndexes1763000022000 } from './migrations/1763000022000-AddParentDateIndexes.js';
import { AddRegionDateIndexes1763000021000 } from './migrations/1763000021000-AddRegionDateIndexes.js';
import { schoolStatsDefinition } from './region-stats/school-stats.aggregates.js';
import { AddRecordSource1763000009000 } from './migrations/1763000009000-AddRecordSource.js';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { DemonstrationDesignation } from './designations/designation.entity.js';
import { DesignationResolver } from './designations/designation.resolver.js';
import { EnrollmentChange } from './enrollment/enrollment-change.entity.js';
import { EnrollmentChangeResolver } from './enrollment/enrollment-change.resolver.js';
import { CreateSchools1763000001000 } from './migrations/1763000001000-CreateSchools.js';
import { CreateSchoolRecords1763000005000 } from './migrations/1763000005000-CreateSchoolRecords.js';
import { CreateIncubationAndGuidance1763000005100 } from './migrations/1763000005100-CreateIncubationAndGuidance.js';
import { EnrollmentGuidanceSession } from './guidance-sessions/guidance-session.entity.js';
import { EnrollmentGuidanceSessionResolver } from './guidance-sessions/guidance-session.resolver.js';
import { IncubationStation } from './incubation/incubation-station.entity.js';
import { IncubationStationResolver } from './incubation/incubation-station.resolver.js';
import { seedSchools } from './reference-data/seed.js';
import { SchoolRegionResolver } from './region-stats/region-stats.resolver.js';
import { SchoolTrendResolver } from './trends/school-trend.resolver.js';
import { SecretaryProject } from './secretary-projects/secretary-project.entity.js';
import { SecretaryProjectResolver } from './secretary-projects/secretary-project.resolver.js';
import { School } from './schools/school.entity.js';
import { SchoolRelationsResolver } from './schools/school-relations.resolver.js';
import { SchoolResolver } from './schools/school.resolver.js';

/** The schools subgraph (教体): schools, demonstration schools, secretary projects, places. */
export const schoolsSubgraph: SubgraphDefinition = {
  name: 'schools',
  defaultPort: 4003,
  entities: [School, DemonstrationDesignation, SecretaryProject, EnrollmentChange, IncubationStation, EnrollmentGuidanceSession, ...concepts.entities],
  migrations: [CreateSchools1763000001000, CreateSchoolRecords1763000005000, CreateIncubationAndGuidance1763000005100, AddRecordSource1763000009000, AddRegionDateIndexes1763000021000, AddParentDateIndexes1763000022000, ...concepts.migrations],
  resolvers: [SchoolResolver, SchoolRelationsResolver, DesignationResolver, SecretaryProjectResolver, EnrollmentChangeResolver, IncubationStationResolver, EnrollmentGuidanceSessionResolver, SchoolRegionResolver, SchoolTrendResolver, ...concepts.resolvers],
  references: referenceById('School', School),
  seed: seedSchools,
  stats: schoolStatsDefinition,
};

export { School, SchoolResolver };

export { schoolsSubgraph as subgraph };
