import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, byIdLoader, crudResolver, parentRegion, type RequestContext, transitionRecord, WriteTag } from '@pb/kit';
import { stepDate } from '../common/steps.js';
import { Community } from '../communities/community.entity.js';
import { Demand } from './demand.entity.js';
import { DEMAND_FLOW, STEP_DATE } from './demand.flow.js';
import { AdvanceDemandInput, checkDemand, checkSatisfaction, CreateDemandInput, DemandListArgs, UpdateDemandInput } from './demand.inputs.js';

/** demands / demand / createDemand / updateDemand / deleteDemand / advanceDemand. */
@Resolver(() => Demand)
export class DemandResolver extends crudResolver({
  sector: 'communities',
  entity: Demand,
  typeName: 'Demand',
  listName: 'demands',
  createInput: CreateDemandInput,
  updateInput: UpdateDemandInput,
  listArgs: DemandListArgs,
  check: checkDemand,
  place: (values, ctx) => parentRegion(ctx, Community, 'Community', values.communityId, 'input.communityId'),
  filter: (qb, args) => {
    if (args.communityId) qb.andWhere('r.community_id = :communityId', { communityId: args.communityId });
    if (args.status) qb.andWhere('r.status = :status', { status: args.status });
    if (args.channel) qb.andWhere('r.channel = :channel', { channel: args.channel });
  },
}) {
  @Authorized('write:communities')
  @WriteTag('communities')
  @Mutation(() => Demand, { nullable: true, description: 'Moves a demand to its next step (收集—协商—落实—反馈), stamping the step date' })
  async advanceDemand(@Arg('id', () => ID) id: string, @Arg('input', () => AdvanceDemandInput) input: AdvanceDemandInput, @Ctx() ctx: RequestContext): Promise<Demand> {
    return transitionRecord({ sector: 'communities', entity: Demand, typeName: 'Demand' }, id, ctx, (demand) => {
      if (input.status === demand.status) throw badInput('input.status', `the demand is already ${demand.status}`);
      DEMAND_FLOW.assert(demand.status, input.status, 'input.status');
      const satisfaction = checkSatisfaction(input);
      const on = stepDate(input.on, demand[STEP_DATE[demand.status]] as string, 'input.on');
      return { status: input.status, [STEP_DATE[input.status]]: on, ...(satisfaction ? { satisfaction } : {}) };
    });
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() d: Demand, @Ctx() ctx: RequestContext): Promise<Community | null> {
    return byIdLoader(ctx, Community).load(d.communityId);
  }
}
