import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, seedRecords } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import { checkHospital, type CreateHospitalInput } from '../hospitals/hospital.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

/** Loads the hospitals of the reference dataset (idempotent). */
export async function seedHospitals(db: DataSource): Promise<void> {
  await seedRecords(db, Hospital, checkHospital, readReferenceRecords<CreateHospitalInput>(resolve(DATA, 'hospitals.json'), 'hospital'));
}
