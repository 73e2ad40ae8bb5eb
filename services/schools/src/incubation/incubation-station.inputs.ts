import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, notFound, optionalPastDate, parentRegion, type RequestContext, requireId, requireText, UpdateInputOf } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import type { IncubationStation } from './incubation-station.entity.js';

@InputType({ description: 'A new incubation station (示范孵化驿站)' })
export class CreateIncubationStationInput {
  @Field()
  name: string;

  @Field(() => ID)
  hostSchoolId: string;

  @Field(() => [ID], { defaultValue: [] })
  incubatedSchoolIds: string[];

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

  regionCode?: string;
}

@InputType({ description: 'Changes to an incubation station; incubatedSchoolIds replaces the whole list' })
export class UpdateIncubationStationInput extends UpdateInputOf(CreateIncubationStationInput, { omit: ['hostSchoolId'] }) {}

@ArgsType()
export class IncubationStationListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hostSchoolId?: string | null;
}

/** Distinct, existing schools other than the host, checked in one batched query. */
async function checkIncubated(input: CreateIncubationStationInput, ctx: RequestContext): Promise<string[]> {
  const ids = (input.incubatedSchoolIds ?? []).map((id, i) => requireId(id, `input.incubatedSchoolIds.${i}`));
  if (new Set(ids).size !== ids.length) throw badInput('input.incubatedSchoolIds', 'lists a school twice');
  if (input.hostSchoolId && ids.includes(input.hostSchoolId.toLowerCase())) throw badInput('input.incubatedSchoolIds', 'must not include the host school');
  const found = await byIdLoader(ctx, School).loadMany(ids);
  const missing = found.findIndex((s) => !s || s instanceof Error);
  if (missing >= 0) throw notFound('School', ids[missing], `input.incubatedSchoolIds.${missing}`);
  return ids;
}

export async function checkIncubationStation(input: CreateIncubationStationInput, ctx: RequestContext): Promise<Partial<IncubationStation>> {
  return {
    name: requireText(input.name, 'input.name'),
    hostSchoolId: input.hostSchoolId,
    incubatedSchoolIds: await checkIncubated(input, ctx),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}

export const placeIncubationStation = (input: CreateIncubationStationInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, School, 'School', input.hostSchoolId, 'input.hostSchoolId');
