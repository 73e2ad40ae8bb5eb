import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { seedRecords } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { checkEnterprise, type CreateEnterpriseInput } from '../enterprises/enterprise.inputs.js';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { checkServiceCenter, type CreateServiceCenterInput, placeServiceCenter } from '../service-centers/service-center.inputs.js';
import { ServiceItem } from '../service-items/service-item.entity.js';
import { checkServiceItem, type CreateServiceItemInput, placeServiceItem } from '../service-items/service-item.inputs.js';
import { ServiceCenterVisit } from '../visits/service-center-visit.entity.js';
import { checkServiceCenterVisit, type CreateServiceCenterVisitInput, placeServiceCenterVisit } from '../visits/service-center-visit.inputs.js';
import { readReferenceFile, type ReferenceSection, referenceRows } from '@pb/kit';

const DATA = resolve(__dirname, '..', '..', 'reference-data');
const file = <F>(name: string) => readReferenceFile<F>(resolve(DATA, name));

/** Loads the SOEs' reference dataset (idempotent); enterprises, then centres, then their services. */
export async function seedEnterprises(db: DataSource): Promise<void> {
  await seedRecords(db, Enterprise, checkEnterprise, referenceRows<CreateEnterpriseInput>(file('enterprises.json'), 'enterprise'));
  const centres = file<Record<'centers' | 'items', ReferenceSection>>('service-centers.json');
  await seedRecords(db, ServiceCenter, checkServiceCenter, referenceRows<CreateServiceCenterInput>(centres.centers, 'service-center', { enterprise: ['enterpriseId', 'enterprise'] }), placeServiceCenter);
  await seedRecords(db, ServiceItem, checkServiceItem, referenceRows<CreateServiceItemInput>(centres.items, 'service-item', { center: ['serviceCenterId', 'service-center'] }), placeServiceItem);
  const figures = file<{ visits: ReferenceSection }>('article-figures.json');
  await seedRecords(db, ServiceCenterVisit, checkServiceCenterVisit, referenceRows<CreateServiceCenterVisitInput>(figures.visits, 'service-center-visit', { center: ['serviceCenterId', 'service-center'] }), placeServiceCenterVisit);
}
