import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, notFound, optionalText, parentRegion, requireId, requirePastDate, requireText, type RequestContext, UpdateInputOf } from '@pb/kit';
import { HospitalPartyBranch } from '../party-branches/party-branch.entity.js';
import { NewRectificationItemInput } from './rectification.inputs.js';
import { WARD_ROUND_STEPS, type WardRound, WardRoundStep } from './ward-round.entity.js';

@InputType({ description: 'A party-building ward round (党建查房) that took place' })
export class CreateWardRoundInput {
  @Field(() => ID)
  branchId: string;

  @Field(() => DateScalar)
  heldOn: string;

  @Field({ description: 'Who led it (党委书记)' })
  leaderName: string;

  @Field(() => [WardRoundStep], { description: 'The steps completed (听 访 查 评 改)' })
  completedSteps: WardRoundStep[];

  @Field(() => String, { nullable: true })
  findings?: string | null;

  @Field(() => [NewRectificationItemInput], { nullable: true, description: 'Rectification items it raised (整改事项): created with the round in one transaction, or none of them' })
  rectifications?: NewRectificationItemInput[] | null;

  regionCode?: null;
}

@InputType({ description: 'Changes to a ward round; omitted fields stay as they are' })
export class UpdateWardRoundInput extends UpdateInputOf(CreateWardRoundInput, { omit: ['branchId', 'rectifications'] }) {}

@ArgsType()
export class WardRoundListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  hospitalId?: string | null;

  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => String, { nullable: true, description: 'Held in this quarter, e.g. 2024-Q2' })
  quarter?: string | null;
}

/** A ward round moved later than one of its items' due dates would break that item's rule. */
async function checkAgainstItems(ctx: RequestContext, id: string | undefined, heldOn: string): Promise<void> {
  if (!id) return;
  const [row]: { earliest: string | null }[] = await ctx.db.query(
    `SELECT to_char(min(due_on), 'YYYY-MM-DD') AS earliest FROM rectification_item WHERE ward_round_id = $1`,
    [id],
  );
  if (row.earliest && row.earliest < heldOn) throw badInput('input.heldOn', `must not be after the due date of its rectification items (${row.earliest})`);
}

export async function checkWardRound(input: CreateWardRoundInput & { id?: string }, ctx: RequestContext): Promise<Partial<WardRound>> {
  const branchId = requireId(input.branchId ?? '', 'input.branchId');
  const branch = await byIdLoader(ctx, HospitalPartyBranch).load(branchId);
  if (!branch) throw notFound('HospitalPartyBranch', branchId, 'input.branchId');
  const heldOn = requirePastDate(input.heldOn, 'input.heldOn');
  await checkAgainstItems(ctx, input.id, heldOn);
  const steps = new Set(input.completedSteps ?? []);
  return {
    branchId,
    hospitalId: branch.hospitalId,
    heldOn,
    leaderName: requireText(input.leaderName, 'input.leaderName', 50),
    completedSteps: WARD_ROUND_STEPS.filter((s) => steps.has(s)),
    findings: optionalText(input.findings, 'input.findings', 4000),
  };
}

/** A ward round lives where its branch (and hospital) is. */
export const placeWardRound = (input: CreateWardRoundInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, HospitalPartyBranch, 'HospitalPartyBranch', input.branchId, 'input.branchId');

