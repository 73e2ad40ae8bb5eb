import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, type RequestContext, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { type Demand, DemandChannel, DemandStatus } from './demand.entity.js';

@InputType({ description: 'A newly collected demand (需求); it starts COLLECTED' })
export class CreateDemandInput {
  /** Not an input: the demand takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DemandChannel)
  channel: DemandChannel;

  @Field(() => DateScalar)
  collectedOn: string;
}

@InputType({ description: 'Changes to a demand; its status moves only through advanceDemand' })
export class UpdateDemandInput extends UpdateInputOf(CreateDemandInput) {}

@InputType({ description: 'The next step of a demand (收集—协商—落实—反馈)' })
export class AdvanceDemandInput {
  @Field(() => DemandStatus)
  status: DemandStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the step; today when omitted' })
  on?: string | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction 1..5, only with FEEDBACK' })
  satisfaction?: number | null;
}

@ArgsType()
export class DemandListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => DemandStatus, { nullable: true })
  status?: DemandStatus | null;

  @Field(() => DemandChannel, { nullable: true })
  channel?: DemandChannel | null;
}

/** Create and update: the status and step dates are the state machine's, kept as stored. */
export async function checkDemand(input: CreateDemandInput & Partial<Demand>, ctx: RequestContext): Promise<Partial<Demand>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const collectedOn = requirePastDate(input.collectedOn, 'input.collectedOn');
  if (input.deliberatingOn && collectedOn > input.deliberatingOn) throw badInput('input.collectedOn', `must not be after the next step (${input.deliberatingOn})`);
  return {
    communityId: community.id,
    title: requireText(input.title, 'input.title'),
    description: optionalText(input.description, 'input.description'),
    channel: input.channel,
    status: input.status ?? DemandStatus.COLLECTED,
    collectedOn,
  };
}

export function checkSatisfaction(input: AdvanceDemandInput): number | null {
  const s = input.satisfaction ?? null;
  if (s === null) return null;
  if (input.status !== DemandStatus.FEEDBACK) throw badInput('input.satisfaction', 'is given only with FEEDBACK');
  if (!Number.isInteger(s) || s < 1 || s > 5) throw badInput('input.satisfaction', 'must be a whole number from 1 to 5');
  return s;
}
