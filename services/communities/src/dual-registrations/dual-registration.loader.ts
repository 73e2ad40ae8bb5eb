import DataLoader from 'dataloader';
import { isUuid, type RequestContext, type Sector } from '@pb/kit';
import { DualRegistration } from './dual-registration.entity.js';

/** The registrations of many units of one sector, in one statement per request (Hospital.dualRegistrations…). */
export const registrationsOfUnit = (ctx: RequestContext, sector: Sector) =>
  ctx.loaders.get(`registrationsOfUnit:${sector}`, () =>
    new DataLoader<string, DualRegistration[]>(async (unitIds) => {
      // A malformed id (from another subgraph's key) simply has no registrations.
      const ids = [...new Set(unitIds.filter(isUuid).map((id) => id.toLowerCase()))];
      const rows = ids.length
        ? await ctx.db
            .getRepository(DualRegistration)
            .createQueryBuilder('r')
            .where('r.unit_sector = :sector AND r.unit_id IN (:...ids)', { sector, ids })
            .orderBy('r.id', 'ASC')
            .getMany()
        : [];
      return unitIds.map((id) => rows.filter((r) => r.unitId === id.toLowerCase()));
    }),
  );
