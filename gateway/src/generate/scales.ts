/**
 * The sizes of a generated dataset. NATIONAL holds the row targets of the whole country (the
 * issue's figures: 100k communities, 2M dual registrations, 1M meetings/disputes/demands, 30k
 * hospitals with 3M station service records, 200k schools, 20k enterprises with 1M visits, the
 * other types in proportion); a smaller scale takes one division and a fraction of each target.
 */
export type ScaleName = 'county' | 'city' | 'province' | 'national';
export const SCALE_NAMES: readonly ScaleName[] = ['county', 'city', 'province', 'national'];

export interface Scale {
  name: ScaleName;
  /** Division code prefix the records are placed in ('' = all provinces). */
  prefix: string;
  /** Fraction of the national targets. */
  factor: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  national: { name: 'national', prefix: '', factor: 1 },
  province: { name: 'province', prefix: '41', factor: 1 / 15 }, // 河南省
  city: { name: 'city', prefix: '4101', factor: 1 / 150 }, // 郑州市
  county: { name: 'county', prefix: '410105', factor: 1 / 2000 }, // 金水区: a few thousand records
};

/**
 * National targets of the tables whose size is chosen directly. Tables sized by their parents
 * (branch_member_development: up to one row a branch and year; elder_care_census: up to one a
 * centre and quarter) are not listed. Other subgraphs' sizes are listed too because a
 * registration or a clinic refers to a hospital, school or enterprise by its generated id.
 */
export const NATIONAL_TARGETS = {
  // communities
  community: 100_000,
  grid: 300_000,
  grid_party_branch: 200_000,
  building_party_group: 300_000,
  party_member_household: 400_000,
  agency: 50_000,
  dual_registration: 2_000_000,
  demand: 1_000_000,
  meeting: 1_000_000,
  dispute: 1_000_000,
  community_partnership: 30_000,
  service_claim: 300_000,
  resource: 200_000,
  service_project: 100_000,
  service_station: 50_000,
  service_station_visit: 500_000,
  property_company: 20_000,
  // hospitals
  hospital: 30_000,
  hospital_party_branch: 150_000,
  free_clinic: 200_000,
  ward_round: 200_000,
  rectification_item: 300_000,
  health_station: 60_000,
  station_service_record: 3_000_000,
  station_wish: 200_000,
  elder_care_center: 10_000,
  elder_care_activity: 200_000,
  // schools
  school: 200_000,
  demonstration_designation: 20_000,
  secretary_project: 60_000,
  enrollment_change: 100_000,
  incubation_station: 5_000,
  enrollment_guidance_session: 50_000,
  // soes
  enterprise: 20_000,
  service_center: 30_000,
  service_item: 120_000,
  service_center_visit: 1_000_000,
  volunteer_activity: 100_000,
  // every subgraph (the kit's shared concepts); volunteer_activity above is per subgraph too
  party_organization: 100_000,
  party_activity: 500_000,
  satisfaction_survey: 30_000,
  region_population: 40_000,
  // sectors recording 党员积分 and 承诺践诺 (communities)
  party_member_points: 300_000,
  pledge: 60_000,
  // hospitals' ties to the grassroots
  hospital_pairing: 60_000,
  family_doctor_team: 90_000,
  member_development_report: 5_000,
} as const;

export type TargetTable = keyof typeof NATIONAL_TARGETS;

/** Rows to generate for a table at a scale; at least a few, so every type is there in a county. */
export function target(scale: Scale, table: TargetTable): number {
  return Math.max(4, Math.round(NATIONAL_TARGETS[table] * scale.factor));
}
