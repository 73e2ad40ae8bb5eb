import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, DateScalar, ListArgs, parentRegion, type RequestContext, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { Enterprise } from '../enterprises/enterprise.entity.js';
import { FunctionalZone, type ServiceCenter } from './service-center.entity.js';

@InputType({ description: 'A new service centre (初心驿站 / 国企党群服务中心)' })
export class CreateServiceCenterInput {
  @Field(() => ID)
  enterpriseId: string;

  @Field()
  name: string;

  @Field(() => DateScalar)
  openedOn: string;

  @Field({ defaultValue: true })
  openToPublic: boolean;

  @Field(() => [FunctionalZone], { defaultValue: [] })
  functionalZones: FunctionalZone[];

  regionCode?: string;
}

@InputType({ description: 'Changes to a service centre; omitted fields stay as they are' })
export class UpdateServiceCenterInput extends UpdateInputOf(CreateServiceCenterInput, { omit: ['enterpriseId'] }) {}

@ArgsType()
export class ServiceCenterListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  enterpriseId?: string | null;

  @Field(() => Boolean, { nullable: true })
  openToPublic?: boolean | null;
}

export function checkServiceCenter(input: CreateServiceCenterInput): Partial<ServiceCenter> {
  const zones = input.functionalZones ?? [];
  if (new Set(zones).size !== zones.length) throw badInput('input.functionalZones', 'lists a zone twice');
  return {
    enterpriseId: input.enterpriseId,
    name: requireText(input.name, 'input.name'),
    openedOn: requirePastDate(input.openedOn, 'input.openedOn'),
    openToPublic: input.openToPublic,
    functionalZones: zones,
  };
}

export const placeServiceCenter = (input: CreateServiceCenterInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, Enterprise, 'Enterprise', input.enterpriseId, 'input.enterpriseId');
