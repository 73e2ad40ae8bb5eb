import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, ListArgs, optionalText, requireCount, requirePastDate, type RequestContext, UpdateInputOf } from '@pb/kit';
import { ElderCareActivityKind, type ElderCareActivity } from './elder-care-activity.entity.js';
import { notBeforeOpening, requireCenter } from './elder-care-center.inputs.js';

@InputType({ description: 'An activity of a centre\'s "四个一" routine that took place' })
export class CreateElderCareActivityInput {
  @Field(() => ID)
  centerId: string;

  @Field(() => ElderCareActivityKind)
  kind: ElderCareActivityKind;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int, { nullable: true })
  participants?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  regionCode?: null;
}

@InputType({ description: 'Corrections to an activity; omitted fields stay as they are' })
export class UpdateElderCareActivityInput extends UpdateInputOf(CreateElderCareActivityInput, { omit: ['centerId'] }) {}

@ArgsType()
export class ElderCareActivityListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => ElderCareActivityKind, { nullable: true })
  kind?: ElderCareActivityKind | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or after' })
  heldFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Held on or before' })
  heldTo?: string | null;
}

export async function checkElderCareActivity(input: CreateElderCareActivityInput, ctx: RequestContext): Promise<Partial<ElderCareActivity>> {
  const heldOn = requirePastDate(input.heldOn, 'input.heldOn');
  const participants = input.participants === null || input.participants === undefined ? null : requireCount(input.participants, 'input.participants', 100_000);
  const note = optionalText(input.note, 'input.note', 500);
  const center = await requireCenter(ctx, input.centerId, 'input.centerId');
  return { centerId: center.id, kind: input.kind, heldOn: notBeforeOpening(center, heldOn, 'input.heldOn'), participants, note };
}
