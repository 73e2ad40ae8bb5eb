import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { type RequestContext, seedRecords } from '@pb/kit';
import { DemonstrationDesignation, DESIGNATION_FLOW, DesignationStatus } from '../designations/designation.entity.js';
import { checkDesignation, type CreateDemonstrationDesignationInput, placeDesignation } from '../designations/designation.inputs.js';
import { School } from '../schools/school.entity.js';
import { checkSchool, type CreateSchoolInput } from '../schools/school.inputs.js';
import { readReferenceFile, type ReferenceSection, referenceRows } from '@pb/kit';
import { EnrollmentChange } from '../enrollment/enrollment-change.entity.js';
import { checkEnrollmentChange, type CreateEnrollmentChangeInput, placeEnrollmentChange } from '../enrollment/enrollment-change.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');
const file = (name: string) => readReferenceFile(resolve(DATA, name));

/**
 * A reference designation as the API would leave it: created CULTIVATING (the create check),
 * then moved to its final status (the status flow, then the update's check of the merged record).
 */
async function checkDesignationReached(row: CreateDemonstrationDesignationInput, ctx: RequestContext): Promise<Partial<DemonstrationDesignation>> {
  // Checked as a new record (no id): the flow is asserted here, from its initial status.
  const input = { ...row, id: undefined };
  const created = await checkDesignation({ ...input, status: DesignationStatus.CULTIVATING }, ctx);
  DESIGNATION_FLOW.assert(created.status!, input.status, 'input.status');
  return checkDesignation(input, ctx);
}

/** Loads the schools' reference dataset (idempotent); schools before their designations. */
export async function seedSchools(db: DataSource): Promise<void> {
  await seedRecords(db, School, checkSchool, referenceRows<CreateSchoolInput>(file('schools.json'), 'school'));
  const designations = referenceRows<CreateDemonstrationDesignationInput>(file('designations.json'), 'designation', { school: ['schoolId', 'school'] });
  await seedRecords(db, DemonstrationDesignation, checkDesignationReached, designations, placeDesignation);
  const figures = readReferenceFile<{ enrollmentChanges: ReferenceSection }>(resolve(DATA, 'article-figures.json'));
  await seedRecords(db, EnrollmentChange, checkEnrollmentChange, referenceRows<CreateEnrollmentChangeInput>(figures.enrollmentChanges, 'enrollment-change', { school: ['schoolId', 'school'] }), placeEnrollmentChange);
}
