import { GRASSROOTS_PART } from '../grassroots/grassroots-stats.js';
import { sectorConceptParts } from '@pb/kit';
import { MEMBER_DEVELOPMENT_PART } from './member-development.stats.js';
import { composeStats, rate, type StatsPart, todayInShanghai, type BatchStats } from '@pb/kit';
import { freeClinicFigures } from '../free-clinics/free-clinic.stats.js';
import { branchFigures } from '../party-branches/party-branch.stats.js';
import { wardRoundFigures } from '../ward-rounds/ward-round.stats.js';
import { healthStationFigures } from '../health-stations/health-station.stats.js';
import { elderCareFigures } from '../elder-care/elder-care.stats.js';
import { hospitalFigures } from './hospital-figures.stats.js';
import type { HospitalStats } from './hospital-stats.type.js';

/**
 * HospitalStats in parts: each domain's figures from the rows (`raw`, the definition) and, where
 * they add up, from the pre-aggregates (hospital-stats.aggregates.ts). Only the parts asked for run.
 */
export const HOSPITAL_STATS_PARTS: StatsPart<HospitalStats>[] = [
  {
    fields: ['hospitals', 'secondaryOrAboveHospitals', 'secretaryPresidentSeparated', 'secretaryPresidentSeparationRate'],
    raw: hospitalFigures,
    aggregated: {
      stocks: ['hospital.count', 'hospital.secondaryOrAbove', 'hospital.separated'],
      figures: (get) => ({
        hospitals: get('hospital.count'),
        secondaryOrAboveHospitals: get('hospital.secondaryOrAbove'),
        secretaryPresidentSeparated: get('hospital.separated'),
        secretaryPresidentSeparationRate: rate(get('hospital.separated'), get('hospital.secondaryOrAbove')),
      }),
    },
  },
  {
    fields: ['departmentBranches', 'dualLeaderBranches', 'dualLeaderRate', 'branchPartyMembers'],
    raw: branchFigures,
    aggregated: {
      stocks: ['branch.count', 'branch.dualLeader', 'branch.members'],
      figures: (get) => ({
        departmentBranches: get('branch.count'),
        dualLeaderBranches: get('branch.dualLeader'),
        dualLeaderRate: rate(get('branch.dualLeader'), get('branch.count')),
        branchPartyMembers: get('branch.members'),
      }),
    },
  },
  {
    fields: ['freeClinics', 'freeClinicPatients', 'freeClinicHomeVisits', 'freeClinicReferrals', 'freeClinicPatientsPerEvent'],
    raw: freeClinicFigures,
    aggregated: {
      events: ['freeClinic.count', 'freeClinic.patientsReported', 'freeClinic.patients', 'freeClinic.homeVisits', 'freeClinic.referrals'],
      figures: (get) => ({
        freeClinics: get('freeClinic.count'),
        freeClinicPatients: get('freeClinic.patients'),
        freeClinicHomeVisits: get('freeClinic.homeVisits'),
        freeClinicReferrals: get('freeClinic.referrals'),
        freeClinicPatientsPerEvent: get('freeClinic.patientsReported') > 0 ? get('freeClinic.patients') / get('freeClinic.patientsReported') : null,
      }),
    },
  },
  {
    fields: ['wardRounds'],
    raw: wardRoundFigures,
    aggregated: { events: ['wardRound.held'], figures: (get) => ({ wardRounds: get('wardRound.held') }) },
  },
  // Coverage is a distinct count of branches visited in a quarter, over a small table: from the rows.
  { fields: ['wardRoundQuarter', 'wardRoundBranchesVisited', 'wardRoundCoverage'], raw: wardRoundFigures },
  {
    fields: ['openRectificationItems', 'overdueRectificationItems'],
    raw: wardRoundFigures,
    aggregated: {
      stocks: ['rectification.open', 'rectification.overdue'],
      // An open period ends today: items due later are not overdue yet.
      stockDate: (p) => p.to ?? todayInShanghai(),
      figures: (get) => ({ openRectificationItems: get('rectification.open'), overdueRectificationItems: get('rectification.overdue') }),
    },
  },
  {
    fields: ['healthStations', 'stationHomeVisits', 'stationBasicServices', 'stationHealthEducation', 'stationPolicyConsultations'],
    raw: healthStationFigures,
    aggregated: {
      stocks: ['healthStation.count'],
      events: ['stationService.homeVisits', 'stationService.basicCare', 'stationService.healthEducation', 'stationService.policyConsultation'],
      figures: (get) => ({
        healthStations: get('healthStation.count'),
        stationHomeVisits: get('stationService.homeVisits'),
        stationBasicServices: get('stationService.basicCare'),
        stationHealthEducation: get('stationService.healthEducation'),
        stationPolicyConsultations: get('stationService.policyConsultation'),
      }),
    },
  },
  {
    fields: [
      'elderCareCenters', 'elderCareBeds', 'elderCareResidents', 'elderCareSelfCareResidents', 'elderCareSemiDisabledResidents',
      'elderCareDisabledResidents', 'elderCareOccupancyRate', 'elderCareActivities',
    ],
    raw: elderCareFigures,
    aggregated: {
      stocks: ['elderCare.centers', 'elderCare.beds', 'elderCare.selfCare', 'elderCare.semiDisabled', 'elderCare.disabled'],
      events: ['elderCare.activities'],
      figures: (get) => {
        const residents = get('elderCare.selfCare') + get('elderCare.semiDisabled') + get('elderCare.disabled');
        return {
          elderCareCenters: get('elderCare.centers'),
          elderCareBeds: get('elderCare.beds'),
          elderCareResidents: residents,
          elderCareSelfCareResidents: get('elderCare.selfCare'),
          elderCareSemiDisabledResidents: get('elderCare.semiDisabled'),
          elderCareDisabledResidents: get('elderCare.disabled'),
          elderCareOccupancyRate: rate(residents, get('elderCare.beds')),
          elderCareActivities: get('elderCare.activities'),
        };
      },
    },
  },
];

export const computeHospitalStats: BatchStats<HospitalStats> = composeStats([...HOSPITAL_STATS_PARTS, GRASSROOTS_PART, MEMBER_DEVELOPMENT_PART, ...sectorConceptParts<HospitalStats>()]);
