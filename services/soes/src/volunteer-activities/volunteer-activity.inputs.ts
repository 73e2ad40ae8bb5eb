import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { byIdLoader, checkVolunteerFields, DateScalar, ListArgs, notFound, type RequestContext, requireId, requireText, Sector, UpdateInputOf } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import type { VolunteerActivity } from './volunteer-activity.entity.js';

@InputType({ description: 'A volunteer service activity (志愿服务活动)' })
export class CreateVolunteerActivityInput {
  @Field({ description: 'Division code where it took place (行政区划代码), padded or not' })
  regionCode: string;

  @Field()
  title: string;

  @Field(() => Sector)
  organizerSector: Sector;

  @Field(() => ID)
  organizerId: string;

  @Field(() => ID, { nullable: true })
  serviceCenterId?: string | null;

  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => Int)
  volunteers: number;

  @Field(() => Int)
  peopleServed: number;

  @Field(() => String, { nullable: true, description: 'Volunteer team (志愿服务队)' })
  team?: string | null;

  @Field(() => Int, { nullable: true, description: 'Volunteer hours (服务时长); 0 when not given' })
  hours?: number | null;
}

@InputType({ description: 'Changes to a volunteer activity; omitted fields stay as they are' })
export class UpdateVolunteerActivityInput extends UpdateInputOf(CreateVolunteerActivityInput) {}

@ArgsType()
export class VolunteerActivityListArgs extends ListArgs {
  @Field(() => Sector, { nullable: true })
  organizerSector?: Sector | null;

  @Field(() => ID, { nullable: true })
  organizerId?: string | null;

  @Field(() => ID, { nullable: true })
  serviceCenterId?: string | null;
}

/**
 * An SOE organiser must be an enterprise of this subgraph; units of other sectors live in
 * other subgraphs (and databases), so only the id's form is checked here.
 */
async function checkOrganizer(input: CreateVolunteerActivityInput, ctx: RequestContext): Promise<string> {
  const id = requireId(input.organizerId ?? '', 'input.organizerId');
  if (input.organizerSector === Sector.SOE && !(await byIdLoader(ctx, Enterprise).load(id))) throw notFound('Enterprise', id, 'input.organizerId');
  return id;
}

async function checkServiceCenterRef(id: string | null | undefined, ctx: RequestContext): Promise<string | null> {
  if (id === null || id === undefined) return null;
  const found = await byIdLoader(ctx, ServiceCenter).load(requireId(id, 'input.serviceCenterId'));
  if (!found) throw notFound('ServiceCenter', id, 'input.serviceCenterId');
  return found.id;
}

export async function checkVolunteerActivity(input: CreateVolunteerActivityInput, ctx: RequestContext): Promise<Partial<VolunteerActivity>> {
  return {
    title: requireText(input.title, 'input.title'),
    organizerSector: input.organizerSector,
    organizerId: await checkOrganizer(input, ctx),
    serviceCenterId: await checkServiceCenterRef(input.serviceCenterId, ctx),
    ...checkVolunteerFields(input),
  };
}
