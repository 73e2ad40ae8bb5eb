import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { readReferenceRecords, seedRecords } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { checkEnterprise, type CreateEnterpriseInput } from '../enterprises/enterprise.inputs.js';

const DATA = resolve(__dirname, '..', '..', 'reference-data');

/** Loads the enterprises of the reference dataset (idempotent). */
export async function seedEnterprises(db: DataSource): Promise<void> {
  await seedRecords(db, Enterprise, checkEnterprise, readReferenceRecords<CreateEnterpriseInput>(resolve(DATA, 'enterprises.json'), 'enterprise'));
}
