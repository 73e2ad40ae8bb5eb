import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context.js';
import { readReferenceFile, type ReferenceSection, referenceRows } from '../records/reference-file.js';
import { seedRecords } from '../records/seed.js';
import type { sectorConcepts } from './index.js';
import type { CreatePartyActivityInput, CreatePartyOrganizationInput } from './party-life.types.js';
import type { CreateSatisfactionSurveyInput } from './satisfaction.js';
import type { CreateVolunteerServiceInput } from './volunteering.js';
import type { CreatePartyMemberPointsEntryInput } from './member-points.js';
import type { CreatePledgeInput } from './pledges.js';

type Sections = Partial<Record<'partyOrganizations' | 'partyActivities' | 'volunteerServices' | 'satisfactionSurveys' | 'memberPoints' | 'pledges', ReferenceSection>>;

/**
 * Loads a sector's reference records of the shared concepts from one file (sections
 * `partyOrganizations`, `partyActivities`, `volunteerServices`, `satisfactionSurveys`, and
 * `memberPoints`, `pledges` for a sector recording them), through
 * the mutations' checks. `unitKind` is the reference kind of the sector's units (`community`,
 * `hospital`…): a record's `"unit": "<key>"` becomes its unitId, `"parentUnit": "<key>"` its parentId
 * (the unit's own organisation, in a sector that keeps one per unit with the unit's id).
 */
export async function seedSectorConcepts(db: DataSource, concepts: ReturnType<typeof sectorConcepts>, path: string, unitKind: string): Promise<void> {
  const file = readReferenceFile<Sections>(path);
  const unit = { unit: ['unitId', unitKind] } as const;
  const { party, survey, volunteer, points, pledge } = concepts;
  // `"parentUnit": "<key>"`: the parent is the unit's own organisation, which has the unit's id.
  const orgs = referenceRows<CreatePartyOrganizationInput>(file.partyOrganizations ?? { records: [] }, 'party-organization', { ...unit, parent: ['parentId', 'party-organization'], parentUnit: ['parentId', unitKind] });
  // Parents first: a branch names its 党总支 as parent, which must exist when the branch is checked.
  const depth = (row: { parentId?: string | null }): number => (row.parentId ? 1 + depth(orgs.find((o) => o.id === row.parentId) ?? {}) : 0);
  for (const level of [...new Set(orgs.map(depth))].sort()) {
    await seedRecords(db, party.Org, party.checkOrg, orgs.filter((o) => depth(o) === level));
  }
  await seedRecords(db, party.Act, party.checkAct, referenceRows<CreatePartyActivityInput>(file.partyActivities ?? { records: [] }, 'party-activity', { organization: ['organizationId', 'party-organization'] }), party.placeAct);
  if (volunteer) await seedRecords(db, volunteer.Service, volunteer.check, referenceRows<CreateVolunteerServiceInput>(file.volunteerServices ?? { records: [] }, 'volunteer-service', unit));
  await seedRecords(db, survey.Survey, survey.check as (v: CreateSatisfactionSurveyInput, ctx: RequestContext) => ReturnType<typeof survey.check>, referenceRows<CreateSatisfactionSurveyInput>(file.satisfactionSurveys ?? { records: [] }, 'satisfaction-survey', unit));
  if (points) await seedRecords(db, points.Points, points.check, referenceRows<CreatePartyMemberPointsEntryInput>(file.memberPoints ?? { records: [] }, 'party-member-points', unit));
  if (pledge) await seedRecords(db, pledge.Pledge, pledge.check, referenceRows<CreatePledgeInput>(file.pledges ?? { records: [] }, 'pledge', unit));
}
