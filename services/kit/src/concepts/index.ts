import type { ClassType } from 'type-graphql';
import { CreateSectorConcepts1764000140000 } from './1764000140000-CreateSectorConcepts.js';
import { partyOrganizationUnitsMigration } from './1764000190000-PartyOrganizationUnits.js';
import { partyLife, type SectorConceptOptions } from './party-life.module.js';
import { satisfaction } from './satisfaction.js';
import { volunteering } from './volunteering.js';

export * from './party-life.types.js';
export * from './party-life.module.js';
export * from './volunteering.js';
export * from './satisfaction.js';
export * from './sector-stats.js';
export * from './unit-ref.js';
export * from './organization-mirror.js';
export { CreateSectorConcepts1764000140000, partyOrganizationUnitsMigration };

/**
 * Everything a sector needs of the shared concepts, instantiated for it: entities, resolvers
 * and the migration. `volunteers: false` for a sector whose volunteer type predates the kit's
 * (the SOEs keep `VolunteerActivity`, which implements the same interface).
 */
export function sectorConcepts(o: SectorConceptOptions & { volunteers?: boolean }) {
  const party = partyLife(o);
  const survey = satisfaction(o);
  const volunteer = o.volunteers === false ? null : volunteering(o);
  return {
    party,
    survey,
    volunteer,
    entities: [...party.entities, ...survey.entities, ...(volunteer?.entities ?? [])] as ClassType[],
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: [...party.resolvers, ...survey.resolvers, ...(volunteer?.resolvers ?? [])] as Function[],
    migrations: [CreateSectorConcepts1764000140000, partyOrganizationUnitsMigration(o.unit.table)],
  };
}
export * from './per-capita.js';
export * from './seed.js';
