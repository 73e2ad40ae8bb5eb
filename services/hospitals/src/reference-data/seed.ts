import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, type RecordSource, seedRecords, stableId } from '@pb/kit';
import { ElderCareCenter } from '../elder-care/elder-care-center.entity.js';
import { checkElderCareCenter, type CreateElderCareCenterInput, placeUnderCenter } from '../elder-care/elder-care-center.inputs.js';
import { ElderCareCensus } from '../elder-care/elder-care-census.entity.js';
import { checkElderCareCensus, type CreateElderCareCensusInput } from '../elder-care/elder-care-census.inputs.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { checkHospital, type CreateHospitalInput } from '../hospitals/hospital.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

/** A centre of elder-care.json: its hospital by key, its censuses nested (keyed by date). */
interface CentreRecord extends Omit<CreateElderCareCenterInput, 'hospitalId'> {
  hospitalKey: string;
  source?: RecordSource;
  censuses?: (Omit<CreateElderCareCensusInput, 'centerId'> & { source?: RecordSource })[];
}

/** Centres after the hospitals that run them, censuses after their centres; same checks as the mutations. */
async function seedElderCare(db: DataSource): Promise<void> {
  const file = resolve(DATA, 'elder-care.json');
  const centres = readReferenceRecords<CentreRecord>(file, 'elder-care-center');
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

/** Loads the hospitals of the reference dataset, then their elder-care centres (idempotent). */
export async function seedHospitals(db: DataSource): Promise<void> {
  await seedRecords(db, Hospital, checkHospital, readReferenceRecords<CreateHospitalInput>(resolve(DATA, 'hospitals.json'), 'hospital'));
  await seedElderCare(db);
}
