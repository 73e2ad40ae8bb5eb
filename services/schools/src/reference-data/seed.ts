import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, seedRecords } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { checkSchool, type CreateSchoolInput } from '../schools/school.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

/** Loads the schools of the reference dataset (idempotent). */
export async function seedSchools(db: DataSource): Promise<void> {
  await seedRecords(db, School, checkSchool, readReferenceRecords<CreateSchoolInput>(resolve(DATA, 'schools.json'), 'school'));
}
