import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalText, type RequestContext, requirePastDate, UpdateInputOf } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { type Dispute, DisputeCategory, DisputeStatus, SettlementLevel } from './dispute.entity.js';

@InputType({ description: 'A newly reported dispute (矛盾纠纷); it starts OPEN' })
export class CreateDisputeInput {
  /** Not an input: the dispute takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => DisputeCategory)
  category: DisputeCategory;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => DateScalar)
  reportedOn: string;
}

@InputType({ description: 'Changes to a dispute; its status moves only through advanceDispute' })
export class UpdateDisputeInput extends UpdateInputOf(CreateDisputeInput) {}

@InputType({ description: 'The next step of a dispute' })
export class AdvanceDisputeInput {
  @Field(() => DisputeStatus)
  status: DisputeStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the step; today when omitted' })
  on?: string | null;

  @Field(() => SettlementLevel, { nullable: true, description: 'Required with RESOLVED, not allowed otherwise' })
  settledLevel?: SettlementLevel | null;
}

@ArgsType()
export class DisputeListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => DisputeStatus, { nullable: true })
  status?: DisputeStatus | null;

  @Field(() => DisputeCategory, { nullable: true })
  category?: DisputeCategory | null;
}

export async function checkDispute(input: CreateDisputeInput & Partial<Dispute>, ctx: RequestContext): Promise<Partial<Dispute>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const reportedOn = requirePastDate(input.reportedOn, 'input.reportedOn');
  if (input.mediatingOn && reportedOn > input.mediatingOn) throw badInput('input.reportedOn', `must not be after mediation began (${input.mediatingOn})`);
  return {
    communityId: community.id,
    category: input.category,
    summary: optionalText(input.summary, 'input.summary'),
    status: input.status ?? DisputeStatus.OPEN,
    reportedOn,
  };
}

export function checkSettledLevel(input: AdvanceDisputeInput): SettlementLevel | null {
  const level = input.settledLevel ?? null;
  if (input.status === DisputeStatus.RESOLVED && !level) throw badInput('input.settledLevel', 'is required to resolve a dispute (GRID, COMMUNITY or STREET)');
  if (input.status !== DisputeStatus.RESOLVED && level) throw badInput('input.settledLevel', 'is given only with RESOLVED');
  return level;
}
