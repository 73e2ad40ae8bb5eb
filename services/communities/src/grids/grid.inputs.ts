import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, optionalPastDate, optionalText, type RequestContext, requireCount, requireText, UpdateInputOf } from '@pb/kit';
import { Community } from '../communities/community.entity.js';
import { requireParent } from '../common/parents.js';
import { optionalPhone } from '../common/phone.js';
import type { Grid } from './grid.entity.js';

@InputType({ description: 'A new grid (网格) of a community' })
export class CreateGridInput {
  /** Not an input: the record takes its parent's region (the kit's RegionInput shape). */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => Int)
  number: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Grid leader (网格长): personal data' })
  leaderName?: string | null;

  @Field(() => String, { nullable: true, description: 'Grid leader phone: personal data' })
  leaderPhone?: string | null;

  @Field(() => Int)
  workers: number;

  @Field(() => DateScalar, { nullable: true })
  establishedOn?: string | null;

}

@InputType({ description: 'Changes to a grid; omitted fields stay as they are' })
export class UpdateGridInput extends UpdateInputOf(CreateGridInput) {}

@ArgsType()
export class GridListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;
}

export async function checkGrid(input: CreateGridInput, ctx: RequestContext): Promise<Partial<Grid>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  return {
    communityId: community.id,
    number: requireCount(input.number, 'input.number', 10_000),
    name: requireText(input.name, 'input.name'),
    leaderName: optionalText(input.leaderName, 'input.leaderName', 50),
    leaderPhone: optionalPhone(input.leaderPhone, 'input.leaderPhone'),
    workers: requireCount(input.workers, 'input.workers', 1000),
    establishedOn: optionalPastDate(input.establishedOn, 'input.establishedOn'),
  };
}
