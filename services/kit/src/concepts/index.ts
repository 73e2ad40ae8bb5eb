import type { ClassType } from 'type-graphql';
import { CreateSectorConcepts1764000140000 } from './1764000140000-CreateSectorConcepts.js';
import { partyOrganizationUnitsMigration } from './1764000190000-PartyOrganizationUnits.js';
import { partyLife, type SectorConceptOptions } from './party-life.module.js';
import { satisfaction } from './satisfaction.js';
import { volunteering } from './volunteering.js';
import { CreatePointsAndPledges1764000200000 } from './1764000200000-CreatePointsAndPledges.js';
import { memberPoints } from './member-points.js';
import { pledges } from './pledges.js';

export * from './party-life.types.js';
export * from './party-life.module.js';
export * from './volunteering.js';
export * from './satisfaction.js';
export * from './sector-stats.js';
export * from './unit-ref.js';
export * from './organization-mirror.js';
export * from './member-points.js';
export * from './pledges.js';
export * from './commitments-stats.js';
export { CreateSectorConcepts1764000140000, CreatePointsAndPledges1764000200000, partyOrganizationUnitsMigration };

/**
 * Everything a sector needs of the shared concepts, instantiated for it: entities, resolvers
 * and the migration. `volunteers: false` for a sector whose volunteer type predates the kit's
 * (the SOEs keep `VolunteerActivity`, which implements the same interface). `commitments: true`
 * for a sector that records 党员积分 (points) and 承诺践诺 (pledges): its stats type then extends
 * SectorCommitmentStats and its parts include commitmentParts().
 */
export function sectorConcepts(o: SectorConceptOptions & { volunteers?: boolean; commitments?: boolean }) {
  const party = partyLife(o);
  const survey = satisfaction(o);
  const volunteer = o.volunteers === false ? null : volunteering(o);
  const points = o.commitments ? memberPoints(o) : null;
  const pledge = o.commitments ? pledges(o) : null;
  const optional: ({ entities: ClassType[]; resolvers: unknown[] } | null)[] = [volunteer, points, pledge];
  return {
    party,
    survey,
    volunteer,
    points,
    pledge,
    entities: [...party.entities, ...survey.entities, ...optional.flatMap((c) => c?.entities ?? [])] as ClassType[],
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: [...party.resolvers, ...survey.resolvers, ...optional.flatMap((c) => c?.resolvers ?? [])] as Function[],
    migrations: [CreateSectorConcepts1764000140000, partyOrganizationUnitsMigration(o.unit.table), ...(o.commitments ? [CreatePointsAndPledges1764000200000] : [])],
  };
}
export * from './per-capita.js';
export * from './seed.js';
