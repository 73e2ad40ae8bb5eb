import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { HospitalPairing } from '../grassroots/pairing.entity.js';
import { MemberDevelopmentReport } from '../party-branches/member-development-report.entity.js';
import { checkMemberDevelopmentReport, type CreateMemberDevelopmentReportInput } from '../party-branches/member-development-report.inputs.js';
import { checkHospitalPairing, type CreateHospitalPairingInput, inHospital } from '../grassroots/grassroots.inputs.js';
import { readReferenceRecords, type RecordSource, seedRecords, stableId } from '@pb/kit';
import { ElderCareCenter } from '../elder-care/elder-care-center.entity.js';
import { checkElderCareCenter, type CreateElderCareCenterInput, placeUnderCenter } from '../elder-care/elder-care-center.inputs.js';
import { ElderCareCensus } from '../elder-care/elder-care-census.entity.js';
import { checkElderCareCensus, type CreateElderCareCensusInput } from '../elder-care/elder-care-census.inputs.js';
import { FreeClinic } from '../free-clinics/free-clinic.entity.js';
import { checkFreeClinic, type CreateFreeClinicInput } from '../free-clinics/free-clinic.inputs.js';
import { HealthStation } from '../health-stations/health-station.entity.js';
import { checkHealthStation, type CreateHealthStationInput } from '../health-stations/health-station.inputs.js';
import { StationServiceRecord } from '../health-stations/service-record.entity.js';
import { checkServiceRecord, type CreateStationServiceRecordInput, placeServiceRecord } from '../health-stations/service-record.inputs.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { checkHospital, type CreateHospitalInput } from '../hospitals/hospital.inputs.js';
import { HospitalPartyBranch } from '../party-branches/party-branch.entity.js';
import { checkBranch, type CreateHospitalPartyBranchInput, placeBranch } from '../party-branches/party-branch.inputs.js';
import { readReferenceFile, type ReferenceSection, referenceRows } from '@pb/kit';

const DATA = resolve(__dirname, '..', '..', 'reference-data');
const file = <F>(name: string) => readReferenceFile<F>(resolve(DATA, name));

/** A centre of elder-care.json: its hospital by key, its censuses nested (keyed by date). */
interface CentreRecord extends Omit<CreateElderCareCenterInput, 'hospitalId'> {
  hospitalKey: string;
  source?: RecordSource;
  censuses?: (Omit<CreateElderCareCensusInput, 'centerId'> & { source?: RecordSource })[];
}

/** Centres after the hospitals that run them, censuses after their centres; same checks as the mutations. */
async function seedElderCare(db: DataSource): Promise<void> {
  const centres = readReferenceRecords<CentreRecord>(resolve(DATA, 'elder-care.json'), 'elder-care-center');
  await seedRecords(
    db,
    ElderCareCenter,
    checkElderCareCenter,
    centres.map(({ hospitalKey, censuses: _censuses, ...c }) => ({ ...c, hospitalId: stableId(`hospital:${hospitalKey}`) })),
  );
  const censuses = centres.flatMap((c) =>
    (c.censuses ?? []).map((n) => ({ ...n, centerId: c.id, id: stableId(`elder-care-census:${c.id}@${n.countedOn}`) })),
  );
  await seedRecords(db, ElderCareCensus, checkElderCareCensus, censuses, placeUnderCenter);
}

/** Reference fields naming a hospital, or a community of the communities subgraph (by its key there). */
const HOSPITAL = { hospital: ['hospitalId', 'hospital'] } as const;
const COMMUNITY = { community: ['communityId', 'community'] } as const;

/** Loads the hospitals' reference dataset (idempotent); hospitals before what lives under them. */
export async function seedHospitals(db: DataSource): Promise<void> {
  await seedRecords(db, Hospital, checkHospital, referenceRows<CreateHospitalInput>(file('hospitals.json'), 'hospital'));
  await seedRecords(db, HospitalPartyBranch, checkBranch, referenceRows<CreateHospitalPartyBranchInput>(file('party-branches.json'), 'hospital-party-branch', HOSPITAL), placeBranch);
  await seedRecords(db, FreeClinic, checkFreeClinic, referenceRows<CreateFreeClinicInput>(file('free-clinics.json'), 'free-clinic', { ...HOSPITAL, ...COMMUNITY }));

  const stations = file<Record<'stations' | 'serviceRecords', ReferenceSection>>('health-stations.json');
  const stationRefs = { ...COMMUNITY, staffHospitals: ['staffHospitalIds', 'hospital'] } as const;
  await seedRecords(db, HealthStation, checkHealthStation, referenceRows<CreateHealthStationInput>(stations.stations, 'health-station', stationRefs));
  const recordRefs = { station: ['stationId', 'health-station'] } as const;
  await seedRecords(db, StationServiceRecord, checkServiceRecord, referenceRows<CreateStationServiceRecordInput>(stations.serviceRecords, 'station-service-record', recordRefs), placeServiceRecord);
  await seedElderCare(db);
  const figures = readReferenceFile<{ pairings: ReferenceSection; memberDevelopmentReports: ReferenceSection }>(resolve(DATA, 'article-figures.json'));
  await seedRecords(db, HospitalPairing, checkHospitalPairing, referenceRows<CreateHospitalPairingInput>(figures.pairings, 'hospital-pairing', { hospital: ['hospitalId', 'hospital'] }), inHospital);
  const reports = referenceRows<CreateMemberDevelopmentReportInput>(figures.memberDevelopmentReports, 'member-development-report', HOSPITAL);
  await seedRecords(db, MemberDevelopmentReport, checkMemberDevelopmentReport, reports);
}
