import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, type RequestContext, requireCount, requireId, requirePastDate, Sector } from '@pb/kit';
import { Agency } from '../agencies/agency.entity.js';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import type { DualRegistration } from './dual-registration.entity.js';

@InputType({ description: 'A new dual registration (双报到) of a unit with a community' })
export class CreateDualRegistrationInput {
  /** Not an input: the registration takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => Sector, { description: 'AGENCY, HOSPITAL, SCHOOL or SOE' })
  unitSector: Sector;

  @Field(() => ID, { description: 'An Agency id (checked here), or a Hospital/School/Enterprise id (owned, and checked, by its own subgraph)' })
  unitId: string;

  @Field(() => Int)
  members: number;

  @Field(() => DateScalar)
  registeredOn: string;

  @Field({ nullable: true, defaultValue: true })
  active?: boolean;
}

@InputType({ description: 'Changes to a dual registration; omitted fields stay as they are' })
export class UpdateDualRegistrationInput {
  /** Not an input: the registration takes its community's region. */
  regionCode?: null;

  @Field(() => ID, { nullable: true })
  communityId?: string;

  @Field(() => Sector, { nullable: true })
  unitSector?: Sector;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => Int, { nullable: true })
  members?: number;

  @Field(() => DateScalar, { nullable: true })
  registeredOn?: string;

  @Field({ nullable: true })
  active?: boolean;
}

@ArgsType()
export class DualRegistrationListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => Sector, { nullable: true })
  unitSector?: Sector | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

/**
 * Agencies live here and must exist (NOT_FOUND otherwise). Hospitals, schools and enterprises
 * live in other subgraphs' databases: their ids are taken as given, as a reference to be
 * resolved by the gateway.
 */
async function checkUnit(input: CreateDualRegistrationInput, ctx: RequestContext): Promise<string> {
  if (input.unitSector === Sector.COMMUNITY) throw badInput('input.unitSector', 'a community does not register with a community; use AGENCY, HOSPITAL, SCHOOL or SOE');
  const unitId = requireId(input.unitId ?? '', 'input.unitId');
  if (input.unitSector === Sector.AGENCY) await requireParent(ctx, Agency, 'Agency', unitId, 'input.unitId');
  return unitId;
}

export async function checkDualRegistration(input: CreateDualRegistrationInput, ctx: RequestContext): Promise<Partial<DualRegistration>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  return {
    communityId: community.id,
    unitSector: input.unitSector,
    unitId: await checkUnit(input, ctx),
    members: requireCount(input.members, 'input.members', 100_000),
    registeredOn: requirePastDate(input.registeredOn, 'input.registeredOn'),
    active: input.active ?? true,
  };
}
