import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { byIdLoader, crudResolver, type RequestContext } from '@pb/kit';
import { childrenLoader } from '@pb/kit';
import { personalName } from '../common/personal.js';
import { parseQuarter, quarterOf } from '../common/quarter.js';
import { Hospital } from '../hospitals/hospital.entity.js';
import { HospitalPartyBranch } from '../party-branches/party-branch.entity.js';
import { RectificationItem, RectificationStatus } from './rectification.entity.js';
import { WARD_ROUND_STEPS, WardRound, WardRoundStepStatus } from './ward-round.entity.js';
import { checkWardRound, CreateWardRoundInput, placeWardRound, UpdateWardRoundInput, WardRoundListArgs } from './ward-round.inputs.js';

/** A ward round's rectification items, optionally only those of one status. */
export const rectificationsOf = (ctx: RequestContext, round: WardRound, status: RectificationStatus | null | undefined) =>
  childrenLoader(ctx, RectificationItem, 'wardRoundId', { dueOn: 'ASC', id: 'ASC' }, status ? { name: status, where: { status } } : undefined).load(round.id);

/** wardRounds / wardRound / createWardRound / updateWardRound / deleteWardRound, and the round's relations. */
@Resolver(() => WardRound)
export class WardRoundResolver extends crudResolver({
  sector: 'hospitals',
  entity: WardRound,
  typeName: 'WardRound',
  listName: 'wardRounds',
  createInput: CreateWardRoundInput,
  updateInput: UpdateWardRoundInput,
  listArgs: WardRoundListArgs,
  check: checkWardRound,
  place: placeWardRound,
  filter: (qb, args) => {
    if (args.hospitalId) qb.andWhere('r.hospital_id = :hospitalId', { hospitalId: args.hospitalId });
    if (args.branchId) qb.andWhere('r.branch_id = :branchId', { branchId: args.branchId });
    if (args.quarter) {
      const q = parseQuarter(args.quarter, 'quarter');
      qb.andWhere('r.held_on BETWEEN :qFrom AND :qTo', { qFrom: q.from, qTo: q.to });
    }
  },
}) {
  @FieldResolver(() => String, { description: 'Quarter it was held in, e.g. 2024-Q2' })
  quarter(@Root() round: WardRound): string {
    return quarterOf(round.heldOn).label;
  }

  @FieldResolver(() => [WardRoundStepStatus], { description: 'All five steps (听 访 查 评 改), each completed or not' })
  steps(@Root() round: WardRound): WardRoundStepStatus[] {
    return WARD_ROUND_STEPS.map((step) => ({ step, completed: round.completedSteps.includes(step) }));
  }

  @FieldResolver(() => String)
  leaderName(@Root() round: WardRound, @Ctx() ctx: RequestContext): string | null {
    return personalName(ctx, round.regionCode, round.leaderName);
  }

  @FieldResolver(() => HospitalPartyBranch, { nullable: true })
  branch(@Root() round: WardRound, @Ctx() ctx: RequestContext): Promise<HospitalPartyBranch | null> {
    return byIdLoader(ctx, HospitalPartyBranch).load(round.branchId);
  }

  @FieldResolver(() => Hospital, { nullable: true })
  hospital(@Root() round: WardRound, @Ctx() ctx: RequestContext): Promise<Hospital | null> {
    return byIdLoader(ctx, Hospital).load(round.hospitalId);
  }

  @FieldResolver(() => [RectificationItem], { description: 'Rectification items (整改事项) it raised, earliest due first' })
  rectifications(
    @Root() round: WardRound,
    @Arg('status', () => RectificationStatus, { nullable: true }) status: RectificationStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RectificationItem[]> {
    return rectificationsOf(ctx, round, status);
  }
}
