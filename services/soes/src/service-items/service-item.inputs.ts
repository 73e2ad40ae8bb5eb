import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateScalar, ListArgs, optionalPastDate, parentRegion, type RequestContext, requireText, UpdateInputOf } from '@pb/kit';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { type ServiceItem, ServiceItemKind } from './service-item.entity.js';

@InputType({ description: 'A new convenience service (便民服务) of a service centre' })
export class CreateServiceItemInput {
  @Field(() => ID)
  serviceCenterId: string;

  @Field(() => ServiceItemKind)
  kind: ServiceItemKind;

  @Field()
  name: string;

  @Field(() => DateScalar, { nullable: true })
  offeredSince?: string | null;

  regionCode?: string;
}

@InputType({ description: 'Changes to a convenience service; omitted fields stay as they are' })
export class UpdateServiceItemInput extends UpdateInputOf(CreateServiceItemInput, { omit: ['serviceCenterId'] }) {}

@ArgsType()
export class ServiceItemListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  serviceCenterId?: string | null;

  @Field(() => ServiceItemKind, { nullable: true })
  kind?: ServiceItemKind | null;
}

export function checkServiceItem(input: CreateServiceItemInput): Partial<ServiceItem> {
  return {
    serviceCenterId: input.serviceCenterId,
    kind: input.kind,
    name: requireText(input.name, 'input.name', 50),
    offeredSince: optionalPastDate(input.offeredSince, 'input.offeredSince'),
  };
}

export const placeServiceItem = (input: CreateServiceItemInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, ServiceCenter, 'ServiceCenter', input.serviceCenterId, 'input.serviceCenterId');
