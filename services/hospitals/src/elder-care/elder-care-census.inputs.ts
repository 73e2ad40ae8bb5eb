import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, requireCount, requirePastDate, type RequestContext, UpdateInputOf } from '@pb/kit';
import { notBeforeOpening, requireCenter } from './elder-care-center.inputs.js';
import type { ElderCareCensus } from './elder-care-census.entity.js';

@InputType({ description: 'Residents of an elder-care centre on a date, by care level' })
export class CreateElderCareCensusInput {
  @Field(() => ID)
  centerId: string;

  @Field(() => DateScalar, { description: 'Counted on; one census per centre and day' })
  countedOn: string;

  @Field(() => Int, { description: '可自理 residents' })
  selfCare: number;

  @Field(() => Int, { description: '半失能 residents' })
  semiDisabled: number;

  @Field(() => Int, { description: '失能 residents' })
  disabled: number;

  regionCode?: null;
  /** Set by crudResolver on update. */
  id?: string;
}

@InputType({ description: 'A census recorded together with a new elder-care centre' })
export class NewElderCareCensusInput {
  @Field(() => DateScalar, { description: 'Counted on; one census per centre and day' })
  countedOn: string;

  @Field(() => Int, { description: '可自理 residents' })
  selfCare: number;

  @Field(() => Int, { description: '半失能 residents' })
  semiDisabled: number;

  @Field(() => Int, { description: '失能 residents' })
  disabled: number;
}

@InputType({ description: 'Corrections to a census; omitted fields stay as they are' })
export class UpdateElderCareCensusInput extends UpdateInputOf(CreateElderCareCensusInput, { omit: ['centerId'] }) {}

@ArgsType()
export class ElderCareCensusListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  centerId?: string | null;
}

/** A second census of the same centre and day would make "the latest census" ambiguous. */
async function requireFreeDay(ctx: RequestContext, centerId: string, countedOn: string, ownId: string | undefined): Promise<void> {
  const rows: unknown[] = await ctx.db.query('SELECT 1 FROM elder_care_census WHERE center_id = $1 AND counted_on = $2 AND id IS DISTINCT FROM $3::uuid', [centerId, countedOn, ownId ?? null]);
  if (rows.length) throw badInput('input.countedOn', `the centre already has a census on ${countedOn}`);
}

export async function checkElderCareCensus(input: CreateElderCareCensusInput, ctx: RequestContext): Promise<Partial<ElderCareCensus>> {
  const selfCare = requireCount(input.selfCare, 'input.selfCare', 100_000);
  const semiDisabled = requireCount(input.semiDisabled, 'input.semiDisabled', 100_000);
  const disabled = requireCount(input.disabled, 'input.disabled', 100_000);
  const countedOn = requirePastDate(input.countedOn, 'input.countedOn');
  const center = await requireCenter(ctx, input.centerId, 'input.centerId');
  notBeforeOpening(center, countedOn, 'input.countedOn');
  // The whole count is what may not exceed the beds; the error names the first of its parts.
  if (selfCare + semiDisabled + disabled > center.beds) throw badInput('input.selfCare', `selfCare + semiDisabled + disabled (${selfCare + semiDisabled + disabled}) must not exceed the centre's beds (${center.beds})`);
  await requireFreeDay(ctx, center.id, countedOn, input.id);
  return { centerId: center.id, countedOn, selfCare, semiDisabled, disabled };
}
