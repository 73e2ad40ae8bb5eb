import { MirrorHospitalPartyBranches1764000193000 } from './migrations/1764000193000-MirrorHospitalPartyBranches.js';
import 'reflect-metadata';
import { concepts } from './sector-concepts/sector-concepts.js';
import { CreateGrassrootsTies1764000142000 } from './migrations/1764000142000-CreateGrassrootsTies.js';
import { FamilyDoctorTeam } from './grassroots/family-doctor-team.entity.js';
import { HospitalPairing } from './grassroots/pairing.entity.js';
import { FamilyDoctorTeamResolver, HospitalPairingResolver } from './grassroots/grassroots.resolver.js';
import { AddRegionDateIndexes1763000021000 } from './migrations/1763000021000-AddRegionDateIndexes.js';
import { UniqueStationServiceRecords1764000181000 } from './migrations/1764000181000-UniqueStationServiceRecords.js';
import { OptionalFreeClinicCounts1764000131000 } from './migrations/1764000131000-OptionalFreeClinicCounts.js';
import { hospitalStatsDefinition } from './region-stats/hospital-stats.aggregates.js';
import { AddRecordSource1763000009000 } from './migrations/1763000009000-AddRecordSource.js';
import { referenceById, type SubgraphDefinition } from '@pb/kit';
import { CommunityRef } from './common/community-ref.js';
import { FreeClinic } from './free-clinics/free-clinic.entity.js';
import { FreeClinicResolver } from './free-clinics/free-clinic.resolver.js';
import { HospitalRelationsResolver } from './hospitals/hospital-relations.resolver.js';
import { Hospital } from './hospitals/hospital.entity.js';
import { HospitalResolver } from './hospitals/hospital.resolver.js';
import { CreateHospitals1763000001000 } from './migrations/1763000001000-CreateHospitals.js';
import { CreatePartyBranches1763000002000 } from './migrations/1763000002000-CreatePartyBranches.js';
import { CreateFreeClinics1763000003000 } from './migrations/1763000003000-CreateFreeClinics.js';
import { BranchMemberDevelopment } from './party-branches/member-development.entity.js';
import { BranchMemberDevelopmentResolver } from './party-branches/member-development.resolver.js';
import { MemberDevelopmentReport } from './party-branches/member-development-report.entity.js';
import { MemberDevelopmentReportResolver } from './party-branches/member-development-report.resolver.js';
import { CreateMemberDevelopmentReports1764000201000 } from './migrations/1764000201000-CreateMemberDevelopmentReports.js';
import { HospitalPartyBranch } from './party-branches/party-branch.entity.js';
import { HospitalPartyBranchResolver } from './party-branches/party-branch.resolver.js';
import { CreateWardRounds1763000004000 } from './migrations/1763000004000-CreateWardRounds.js';
import { RectificationItem } from './ward-rounds/rectification.entity.js';
import { RectificationItemResolver } from './ward-rounds/rectification.resolver.js';
import { WardRound } from './ward-rounds/ward-round.entity.js';
import { WardRoundResolver } from './ward-rounds/ward-round.resolver.js';
import { CreateHealthStations1763000005000 } from './migrations/1763000005000-CreateHealthStations.js';
import { HealthStation } from './health-stations/health-station.entity.js';
import { HealthStationResolver } from './health-stations/health-station.resolver.js';
import { StationServiceRecord } from './health-stations/service-record.entity.js';
import { StationServiceRecordResolver } from './health-stations/service-record.resolver.js';
import { StationWish } from './health-stations/wish.entity.js';
import { StationWishResolver } from './health-stations/wish.resolver.js';
import { CreateElderCare1763000010000 } from './migrations/1763000010000-CreateElderCare.js';
import { ElderCareActivity } from './elder-care/elder-care-activity.entity.js';
import { ElderCareActivityResolver } from './elder-care/elder-care-activity.resolver.js';
import { ElderCareCenter } from './elder-care/elder-care-center.entity.js';
import { ElderCareCenterResolver } from './elder-care/elder-care-center.resolver.js';
import { ElderCareCensus } from './elder-care/elder-care-census.entity.js';
import { ElderCareCensusResolver } from './elder-care/elder-care-census.resolver.js';
import { seedHospitals } from './reference-data/seed.js';
import { hospitalStatsReferences } from './region-stats/hospital-stats.reference.js';
import { HospitalRegionResolver, HospitalStatsResolver } from './region-stats/region-stats.resolver.js';
import { HospitalTrendResolver } from './region-trends/hospital-trend.js';

/** The hospitals subgraph (卫健): hospitals, department branches, ward rounds, free clinics, stations, elder care. */
export const hospitalsSubgraph: SubgraphDefinition = {
  name: 'hospitals',
  defaultPort: 4002,
  entities: [Hospital, HospitalPartyBranch, BranchMemberDevelopment, MemberDevelopmentReport, FreeClinic, WardRound, RectificationItem, HealthStation, StationServiceRecord, StationWish, ElderCareCenter, ElderCareCensus, ElderCareActivity, HospitalPairing, FamilyDoctorTeam, ...concepts.entities],
  migrations: [CreateHospitals1763000001000, CreatePartyBranches1763000002000, CreateFreeClinics1763000003000, CreateWardRounds1763000004000, CreateHealthStations1763000005000, AddRecordSource1763000009000, CreateElderCare1763000010000, AddRegionDateIndexes1763000021000, OptionalFreeClinicCounts1764000131000, ...concepts.migrations, CreateGrassrootsTies1764000142000, MirrorHospitalPartyBranches1764000193000, UniqueStationServiceRecords1764000181000, CreateMemberDevelopmentReports1764000201000],
  resolvers: [
    HospitalResolver,
    HospitalRelationsResolver,
    HospitalPartyBranchResolver,
    BranchMemberDevelopmentResolver,
    MemberDevelopmentReportResolver,
    FreeClinicResolver,
    WardRoundResolver,
    RectificationItemResolver,
    HealthStationResolver,
    StationServiceRecordResolver,
    StationWishResolver,
    ElderCareCenterResolver,
    ElderCareCensusResolver,
    ElderCareActivityResolver,
    HospitalRegionResolver,
    HospitalStatsResolver,
    HospitalTrendResolver,
    HospitalPairingResolver,
    FamilyDoctorTeamResolver,
    ...concepts.resolvers,
  ],
  orphanedTypes: [CommunityRef],
  references: { ...referenceById('Hospital', Hospital), ...hospitalStatsReferences },
  seed: seedHospitals,
  stats: hospitalStatsDefinition,
};

export { Hospital, HospitalResolver };

export { hospitalsSubgraph as subgraph };
