/**
 * The screen's one GraphQL request: the region with its ancestors (breadcrumb), each sector's
 * figures for the period, the previous period and the same period last year (aliases, so the
 * comparisons cost no second request), every child region's figures, and monthly trends.
 */
export const SCREEN_QUERY = `query Screen($code: ID!, $period: PeriodInput!, $previous: PeriodInput!, $lastYear: PeriodInput!) {
  region(code: $code) {
    code name level
    parent { code name parent { code name parent { code name parent { code name } } } }
    community: communityStats(period: $period) { ...CommunityKpis registeredUnitsBySector { sector count } }
    communityPrevious: communityStats(period: $previous) { ...CommunityKpis }
    communityLastYear: communityStats(period: $lastYear) { ...CommunityKpis }
    hospital: hospitalStats(period: $period) { ...HospitalKpis }
    hospitalPrevious: hospitalStats(period: $previous) { ...HospitalKpis }
    hospitalLastYear: hospitalStats(period: $lastYear) { ...HospitalKpis }
    school: schoolStats(period: $period) { ...SchoolKpis }
    schoolPrevious: schoolStats(period: $previous) { ...SchoolKpis }
    schoolLastYear: schoolStats(period: $lastYear) { ...SchoolKpis }
    soe: soeStats(period: $period) { ...SoeKpis }
    soePrevious: soeStats(period: $previous) { ...SoeKpis }
    soeLastYear: soeStats(period: $lastYear) { ...SoeKpis }
    children {
      code name
      community: communityStats(period: $period) { registeredUnits registeredMembers meetingsHeld disputesResolved }
      hospital: hospitalStats(period: $period) { freeClinics freeClinicPatients stationHomeVisits }
      school: schoolStats(period: $period) { schools demonstrationSchools }
      soe: soeStats(period: $period) { serviceCenters serviceCenterVisits }
    }
    meetingsHeld: communityTrend(period: $period, granularity: MONTH, metric: MEETINGS_HELD) { label value }
    disputesResolved: communityTrend(period: $period, granularity: MONTH, metric: DISPUTES_RESOLVED) { label value }
    freeClinicPatients: hospitalTrend(period: $period, granularity: MONTH, metric: FREE_CLINIC_PATIENTS) { label value }
    stationHomeVisits: hospitalTrend(period: $period, granularity: MONTH, metric: STATION_HOME_VISITS) { label value }
    guidanceAttendees: schoolTrend(period: $period, granularity: MONTH, metric: ENROLLMENT_GUIDANCE_ATTENDEES) { label value }
    serviceCenterVisits: soeTrend(period: $period, granularity: MONTH, metric: SERVICE_CENTER_VISITS) { label value }
  }
}
fragment CommunityKpis on CommunityStats { communities registeredUnits registeredMembers meetingsHeld disputesResolved }
fragment HospitalKpis on HospitalStats { freeClinics freeClinicPatients stationHomeVisits secretaryPresidentSeparationRate dualLeaderRate }
fragment SchoolKpis on SchoolStats { schools publicSchools secretaryPrincipalCombinedRate demonstrationSchools }
fragment SoeKpis on SoeStats { enterprises serviceCenters serviceCenterVisits volunteerActivities }`;

export type SectorKey = 'community' | 'hospital' | 'school' | 'soe';
export type Figures = Record<string, number | null>;
export interface TrendPoint {
  label: string;
  value: number;
}
export interface RegionRef {
  code: string;
  name: string;
  parent?: RegionRef | null;
}
export interface ChildRegion extends RegionRef {
  community: Figures | null;
  hospital: Figures | null;
  school: Figures | null;
  soe: Figures | null;
}

export type ScreenRegion = RegionRef & {
  level: string;
  children: ChildRegion[];
} & Record<string, unknown>;

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; serviceName?: string };
}

export interface ScreenAnswer {
  data?: { region: ScreenRegion | null } | null;
  errors?: GraphQLError[];
}

/** The screen's request: POST to the gateway it was served from (same origin). */
export async function fetchScreen(variables: Record<string, unknown>): Promise<ScreenAnswer> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SCREEN_QUERY, variables }),
  });
  return (await res.json()) as ScreenAnswer;
}
