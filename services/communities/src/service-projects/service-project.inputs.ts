import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, type RequestContext, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent, requireParents } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { Resource } from '../resources/resource.entity.js';
import type { ServiceProject } from './service-project.entity.js';

@InputType({ description: 'A project matching a demand to resources (项目清单)' })
export class CreateServiceProjectInput {
  /** Not an input: the project takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID)
  demandId: string;

  @Field(() => [ID], { description: 'At least one resource of the same community' })
  resourceIds: string[];

  @Field()
  title: string;

  @Field(() => DateScalar)
  startedOn: string;

  @Field(() => DateScalar, { nullable: true })
  completedOn?: string | null;
}

@InputType({ description: 'Changes to a project; omitted fields stay as they are' })
export class UpdateServiceProjectInput extends UpdateInputOf(CreateServiceProjectInput) {}

@ArgsType()
export class ServiceProjectListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  demandId?: string | null;
}

export async function checkServiceProject(input: CreateServiceProjectInput, ctx: RequestContext): Promise<Partial<ServiceProject>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const demand = await requireParent(ctx, Demand, 'Demand', input.demandId, 'input.demandId');
  if (demand.communityId !== community.id) throw badInput('input.demandId', 'is a demand of another community');
  if (!input.resourceIds?.length) throw badInput('input.resourceIds', 'a project matches the demand to at least one resource');
  const resources = await requireParents(ctx, Resource, 'Resource', input.resourceIds, 'input.resourceIds');
  const foreign = resources.findIndex((r) => r.communityId !== community.id);
  if (foreign >= 0) throw badInput(`input.resourceIds.${foreign}`, 'is a resource of another community');
  const startedOn = requirePastDate(input.startedOn, 'input.startedOn');
  const completedOn = optionalPastDate(input.completedOn, 'input.completedOn');
  if (completedOn && completedOn < startedOn) throw badInput('input.completedOn', 'must not be before input.startedOn');
  return {
    communityId: community.id,
    demandId: demand.id,
    resourceIds: [...new Set(resources.map((r) => r.id))],
    title: requireText(input.title, 'input.title', 500),
    startedOn,
    completedOn,
  };
}
