import { PublicFigures, SectorConceptStats } from '@pb/kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/**
 * Keyed by `scope` (region and period) so that the communities subgraph can add the population
 * (`residents`) and the per-10,000-resident rates below can `@requires` it: the gateway fetches
 * the population from communities, then asks this subgraph for the rate.
 */
@Directive('@key(fields: "scope")')
@PublicFigures()
@ObjectType({ description: 'Hospital-sector party-building figures (卫健系统党建) of a region and period' })
export class HospitalStats extends SectorConceptStats {
  @Field(() => Int, { description: 'Hospitals and health institutions existing at the period end' })
  hospitals: number;

  @Field(() => Int, { description: 'Public hospitals of grade two or above (二级及以上公立医院)' })
  secondaryOrAboveHospitals: number;

  @Field(() => Int, { description: 'Of those, hospitals whose party secretary and president are separate people (书记、院长分设)' })
  secretaryPresidentSeparated: number;

  @Field(() => Float, { nullable: true, description: 'secretaryPresidentSeparated ÷ secondaryOrAboveHospitals; null when there are none' })
  secretaryPresidentSeparationRate: number | null;

  @Field(() => Int, { description: 'Department party branches (党支部建在科室) existing at the period end' })
  departmentBranches: number;

  @Field(() => Int, { description: 'Of those, branches whose secretary is the department head or a business backbone (双带头人)' })
  dualLeaderBranches: number;

  @Field(() => Float, { nullable: true, description: 'dualLeaderBranches ÷ departmentBranches; null when there are none' })
  dualLeaderRate: number | null;

  @Field(() => Int, { description: 'Party members in those department branches' })
  branchPartyMembers: number;

  @Field(() => Int, { description: 'Free clinics (义诊) held in the period' })
  freeClinics: number;

  @Field(() => Int, { description: 'Patients those free clinics served (服务群众)' })
  freeClinicPatients: number;

  @Field(() => Int, { description: 'Home visits (入户) made by those free clinics' })
  freeClinicHomeVisits: number;

  @Field(() => Int, { description: 'Patients those free clinics referred (转诊)' })
  freeClinicReferrals: number;

  @Field(() => Float, { nullable: true, description: 'freeClinicPatients ÷ the free clinics that reported their patients (an average, not a rate); null when none reported' })
  freeClinicPatientsPerEvent: number | null;

  @Field(() => Int, { description: 'Party-building ward rounds (党建查房) held in the period' })
  wardRounds: number;

  @Field({ description: 'The quarter wardRoundCoverage is about: the one the period ends in (today when open), e.g. 2024-Q2' })
  wardRoundQuarter: string;

  @Field(() => Int, { description: 'Department branches existing at the period end that a ward round visited in wardRoundQuarter (up to the period end)' })
  wardRoundBranchesVisited: number;

  @Field(() => Float, { nullable: true, description: 'Quarterly coverage (查房覆盖率): wardRoundBranchesVisited ÷ departmentBranches; null when there are no branches' })
  wardRoundCoverage: number | null;

  @Field(() => Int, { description: 'Rectification items (整改事项) not done at the period end, raised by rounds held by then' })
  openRectificationItems: number;

  @Field(() => Int, { description: 'Of those, items past their due date at the period end' })
  overdueRectificationItems: number;

  @Field(() => Int, { description: 'Health stations (健康驿站) open at the period end' })
  healthStations: number;

  @Field(() => Int, { description: 'Home visits (上门诊疗) the stations gave in the period' })
  stationHomeVisits: number;

  @Field(() => Int, { description: 'Basic medical services (基本医疗服务: blood pressure, blood sugar…) the stations gave in the period' })
  stationBasicServices: number;

  @Field(() => Int, { description: 'Health education services (健康宣教) the stations gave in the period' })
  stationHealthEducation: number;

  @Field(() => Int, { description: 'Policy consultations (政策咨询) the stations gave in the period' })
  stationPolicyConsultations: number;

  @Field(() => Int, { description: 'Elder-care centres (医养结合中心) open at the period end (opened on or before it, or opening date unknown)' })
  elderCareCenters: number;

  @Field(() => Int, { description: 'Beds (床位) of those centres' })
  elderCareBeds: number;

  @Field(() => Int, {
    description:
      'Residents (收住老人) of elder-care centres, a stock: for each centre open at the period end, the residents of its latest census dated on or before the period end (its latest census when the period has no end), summed; a centre without such a census adds 0. Equals the three elderCare…Residents fields added up.',
  })
  elderCareResidents: number;

  @Field(() => Int, { description: 'Of elderCareResidents, those who can look after themselves (可自理, SELF_CARE), from the same censuses' })
  elderCareSelfCareResidents: number;

  @Field(() => Int, { description: 'Of elderCareResidents, the partly disabled (半失能, SEMI_DISABLED), from the same censuses' })
  elderCareSemiDisabledResidents: number;

  @Field(() => Int, { description: 'Of elderCareResidents, the disabled (失能, DISABLED), from the same censuses' })
  elderCareDisabledResidents: number;

  @Field(() => Float, { nullable: true, description: 'Bed occupancy (床位使用率): elderCareResidents ÷ elderCareBeds; null when there are no beds' })
  elderCareOccupancyRate: number | null;

  @Field(() => Int, { description: 'Activities of the centres\' "四个一" routine (菜谱、查房、讲座、体检) held in the period' })
  elderCareActivities: number;

  @Field(() => Int, { description: 'Stock: pairings with grassroots units (结对帮扶 / 医共体 / 医联体) in force at the period end' })
  hospitalPairings: number;

  @Field(() => Int, { description: 'Stock: of those, 医共体 (medical community) pairings' })
  medicalCommunityPairings: number;

  @Field(() => Int, { description: 'Stock: of those, pairings with a seconded vice-president (挂职业务副院长)' })
  secondedVicePresidents: number;

  @Field(() => Int, { description: 'Stock: family-doctor teams (家庭医生团队) formed by the period end' })
  familyDoctorTeams: number;

  @Field(() => Int, { description: 'Stock: residents signed (签约居民) by those teams' })
  familyDoctorSignedResidents: number;

  @Field(() => Int, { description: 'Event: party members developed (发展党员): branches\' yearly records whose year ends inside the period, and reports for a region (MemberDevelopmentReport) whose period ends inside it' })
  partyMembersDeveloped: number;

  @Field(() => ID, { description: 'The region and period these figures are of, `<region code>@<from>..<to>` (an open end empty); the federation key' })
  scope: string;

  @Directive('@external')
  @Field(() => Int, { nullable: true, description: 'Resident population (常住人口) of exactly this division at the period end, from the communities subgraph (the latest record entered by an ADMIN on or before it); null when unknown' })
  residents: number | null;

  @Directive('@requires(fields: "residents")')
  @Field(() => Float, { nullable: true, description: 'Family-doctor signing rate (家庭医生签约) per 10,000 residents: familyDoctorSignedResidents × 10,000 ÷ residents; null where the population is unknown' })
  signedResidentsPer10kResidents: number | null;
}
