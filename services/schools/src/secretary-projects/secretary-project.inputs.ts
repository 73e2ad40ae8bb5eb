import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, optionalPastDate, optionalText, parentRegion, type RequestContext, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { School } from '../schools/school.entity.js';
import { SECRETARY_PROJECT_FLOW, SecretaryProject, SecretaryProjectStatus } from './secretary-project.entity.js';

@InputType({ description: 'A new secretary project (书记项目)' })
export class CreateSecretaryProjectInput {
  @Field(() => ID)
  schoolId: string;

  @Field()
  title: string;

  @Field()
  goal: string;

  @Field(() => DateScalar)
  startedOn: string;

  @Field(() => DateScalar, { nullable: true })
  endedOn?: string | null;

  @Field(() => SecretaryProjectStatus, { defaultValue: SecretaryProjectStatus.IN_PROGRESS })
  status: SecretaryProjectStatus;

  @Field(() => String, { nullable: true })
  outcome?: string | null;

  id?: string;
  regionCode?: string;
}

@InputType({ description: 'Changes to a secretary project; status moves IN_PROGRESS → COMPLETED | ABANDONED only' })
export class UpdateSecretaryProjectInput extends UpdateInputOf(CreateSecretaryProjectInput, { omit: ['schoolId'] }) {}

@ArgsType()
export class SecretaryProjectListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => SecretaryProjectStatus, { nullable: true })
  status?: SecretaryProjectStatus | null;
}

export async function checkSecretaryProject(input: CreateSecretaryProjectInput, ctx: RequestContext): Promise<Partial<SecretaryProject>> {
  const stored = input.id ? await byIdLoader(ctx, SecretaryProject).load(input.id) : null;
  if (stored) SECRETARY_PROJECT_FLOW.assert(stored.status, input.status, 'input.status');
  const startedOn = requirePastDate(input.startedOn, 'input.startedOn');
  const endedOn = optionalPastDate(input.endedOn, 'input.endedOn');
  if (endedOn && endedOn < startedOn) throw badInput('input.endedOn', `must not be before input.startedOn (${startedOn})`);
  const open = input.status === SecretaryProjectStatus.IN_PROGRESS;
  if (!open && !endedOn) throw badInput('input.endedOn', `is required when the status is ${input.status}`);
  if (open && endedOn) throw badInput('input.endedOn', 'is only set once the project is COMPLETED or ABANDONED');
  return {
    schoolId: input.schoolId,
    title: requireText(input.title, 'input.title'),
    goal: requireText(input.goal, 'input.goal', 2000),
    startedOn,
    endedOn,
    status: input.status,
    outcome: optionalText(input.outcome, 'input.outcome'),
  };
}

export const placeSecretaryProject = (input: CreateSecretaryProjectInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, School, 'School', input.schoolId, 'input.schoolId');
