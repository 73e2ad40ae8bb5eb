import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, type RequestContext, requireCount, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent, requireParents } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { type Meeting, MeetingFormat } from './meeting.entity.js';

@InputType({ description: 'A deliberation meeting held (议事会)' })
export class CreateMeetingInput {
  /** Not an input: the meeting takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => MeetingFormat)
  format: MeetingFormat;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int)
  attendees: number;

  @Field()
  topics: string;

  @Field(() => String, { nullable: true })
  decisions?: string | null;

  @Field(() => [ID], { nullable: true, description: "Demands of the same community discussed" })
  demandIds?: string[] | null;
}

@InputType({ description: 'Changes to a meeting; omitted fields stay as they are' })
export class UpdateMeetingInput extends UpdateInputOf(CreateMeetingInput) {}

@ArgsType()
export class MeetingListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => MeetingFormat, { nullable: true })
  format?: MeetingFormat | null;
}

export async function checkMeeting(input: CreateMeetingInput, ctx: RequestContext): Promise<Partial<Meeting>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const demands = await requireParents(ctx, Demand, 'Demand', input.demandIds, 'input.demandIds');
  const foreign = demands.findIndex((d) => d.communityId !== community.id);
  if (foreign >= 0) throw badInput(`input.demandIds.${foreign}`, 'is a demand of another community');
  return {
    communityId: community.id,
    format: input.format,
    heldOn: requirePastDate(input.heldOn, 'input.heldOn'),
    attendees: requireCount(input.attendees, 'input.attendees', 100_000),
    topics: requireText(input.topics, 'input.topics', 2000),
    decisions: optionalText(input.decisions, 'input.decisions'),
    demandIds: [...new Set(demands.map((d) => d.id))],
  };
}
