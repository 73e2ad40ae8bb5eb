import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { BATCH_MAX, badInput, byIdLoader, crudResolver, parentRegion, type RequestContext, transitionRecord, WriteTag } from '@pb/kit';
import { stepDate } from '../common/steps.js';
import { Community } from '../communities/community.entity.js';
import { Dispute, DisputeStatus } from './dispute.entity.js';
import { DISPUTE_FLOW } from './dispute.flow.js';
import { AdvanceDisputeInput, checkDispute, checkSettledLevel, CreateDisputeInput, DisputeListArgs, UpdateDisputeInput } from './dispute.inputs.js';

/** disputes / dispute / createDispute / updateDispute / deleteDispute / advanceDispute. */
@Resolver(() => Dispute)
export class DisputeResolver extends crudResolver({
  sector: 'communities',
  entity: Dispute,
  typeName: 'Dispute',
  batchMax: BATCH_MAX,
  ledger: { parents: [{ field: 'communityId', entity: Community, term: '社区' }] },
  listName: 'disputes',
  createInput: CreateDisputeInput,
  updateInput: UpdateDisputeInput,
  listArgs: DisputeListArgs,
  check: checkDispute,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    if (args.category) qb.andWhere('r.category = :category', { category: args.category });
  },
}) {
  @Authorized('write:communities')
  @WriteTag('communities')
  @Mutation(() => Dispute, { nullable: true, description: 'Moves a dispute to mediation, then to RESOLVED (with the level that settled it) or ESCALATED' })
  async advanceDispute(@Arg('id', () => ID) id: string, @Arg('input', () => AdvanceDisputeInput) input: AdvanceDisputeInput, @Ctx() ctx: RequestContext): Promise<Dispute> {
    return transitionRecord({ sector: 'communities', entity: Dispute, typeName: 'Dispute' }, id, ctx, (dispute) => {
      if (input.status === dispute.status) throw badInput('input.status', `the dispute is already ${dispute.status}`);
      DISPUTE_FLOW.assert(dispute.status, input.status, 'input.status');
      const settledLevel = checkSettledLevel(input);
      const mediating = input.status === DisputeStatus.MEDIATING;
      const on = stepDate(input.on, mediating ? dispute.reportedOn : dispute.mediatingOn, 'input.on');
      return mediating ? { status: input.status, mediatingOn: on } : { status: input.status, closedOn: on, settledLevel };
    });
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() d: Dispute, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(d.communityId);
  }
}
