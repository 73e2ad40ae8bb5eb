import { existedBySql, type RequestContext, rollUpByRegion, type RowSource, type Period, type StatsPart } from '@pb/kit';
import type { HospitalStats } from '../region-stats/hospital-stats.type.js';

/** Stock at the period end ($2): started by then (or unknown) and not yet ended. */
const activeAt = `${existedBySql('p.started_on', '$2')} AND (p.ended_on IS NULL OR ($2::date IS NOT NULL AND p.ended_on > $2::date) OR ($2::date IS NULL AND p.ended_on > (now() AT TIME ZONE 'Asia/Shanghai')::date))`;

async function grassrootsFigures(ctx: RequestContext, codes: readonly string[], period: Period) {
  const [pairings, teams] = await Promise.all([
    rollUpByRegion<{ n: number; mc: number; seconded: number }>(ctx, codes, {
      from: 'hospital_pairing p',
      regionColumn: 'p.region_code',
      aggregates: `count(p.id)::int AS n, count(p.id) FILTER (WHERE p.kind = 'MEDICAL_COMMUNITY')::int AS mc, count(p.seconded_vice_president)::int AS seconded`,
      where: activeAt,
      params: [period.to],
    }),
    rollUpByRegion<{ n: number; signed: number }>(ctx, codes, {
      from: 'family_doctor_team t',
      regionColumn: 't.region_code',
      aggregates: 'count(t.id)::int AS n, coalesce(sum(t.signed_residents), 0)::int AS signed',
      where: existedBySql('t.formed_on', '$2'),
      params: [period.to],
    }),
  ]);
  return new Map(codes.map((code) => [code, {
    hospitalPairings: pairings.get(code)!.n,
    medicalCommunityPairings: pairings.get(code)!.mc,
    secondedVicePresidents: pairings.get(code)!.seconded,
    familyDoctorTeams: teams.get(code)!.n,
    familyDoctorSignedResidents: teams.get(code)!.signed,
  }]));
}

/** Pre-aggregates of pairings (stocks over [started_on, ended_on)) and family-doctor teams. */
export const GRASSROOTS_ROWS: RowSource[] = [
  {
    table: 'hospital_pairing',
    measures: [
      { metric: 'pairing.count', from: 'r.started_on', until: 'r.ended_on' },
      { metric: 'pairing.medicalCommunity', from: 'r.started_on', until: 'r.ended_on', when: `r.kind = 'MEDICAL_COMMUNITY'` },
      { metric: 'pairing.seconded', from: 'r.started_on', until: 'r.ended_on', when: 'r.seconded_vice_president IS NOT NULL' },
    ],
  },
  {
    table: 'family_doctor_team',
    measures: [
      { metric: 'familyDoctor.teams', from: 'r.formed_on' },
      { metric: 'familyDoctor.signed', from: 'r.formed_on', value: 'r.signed_residents' },
    ],
  },
];

export const GRASSROOTS_PART: StatsPart<HospitalStats> = {
  fields: ['hospitalPairings', 'medicalCommunityPairings', 'secondedVicePresidents', 'familyDoctorTeams', 'familyDoctorSignedResidents'],
  raw: grassrootsFigures,
  aggregated: {
    stocks: ['pairing.count', 'pairing.medicalCommunity', 'pairing.seconded', 'familyDoctor.teams', 'familyDoctor.signed'],
    figures: (get) => ({
      hospitalPairings: get('pairing.count'),
      medicalCommunityPairings: get('pairing.medicalCommunity'),
      secondedVicePresidents: get('pairing.seconded'),
      familyDoctorTeams: get('familyDoctor.teams'),
      familyDoctorSignedResidents: get('familyDoctor.signed'),
    }),
  },
};
