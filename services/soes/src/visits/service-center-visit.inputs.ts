import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, parentRegion, type RequestContext, requireCount, requirePastDate, UpdateInputOf } from '@pb/kit';
import { ServiceCenter } from '../service-centers/service-center.entity.js';
import { type ServiceCenterVisit, VisitSpan } from './service-center-visit.entity.js';

@InputType({ description: 'Visitors of a service centre on a day or in a month' })
export class CreateServiceCenterVisitInput {
  @Field(() => ID)
  serviceCenterId: string;

  @Field(() => DateScalar)
  visitedOn: string;

  @Field(() => VisitSpan, { defaultValue: VisitSpan.DAY })
  span: VisitSpan;

  @Field(() => Int)
  visitors: number;

  regionCode?: string;
}

@InputType({ description: 'Changes to a visit record; omitted fields stay as they are' })
export class UpdateServiceCenterVisitInput extends UpdateInputOf(CreateServiceCenterVisitInput, { omit: ['serviceCenterId'] }) {}

@ArgsType()
export class ServiceCenterVisitListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  serviceCenterId?: string | null;
}

export function checkServiceCenterVisit(input: CreateServiceCenterVisitInput): Partial<ServiceCenterVisit> {
  const visitedOn = requirePastDate(input.visitedOn, 'input.visitedOn');
  if (input.span === VisitSpan.MONTH && !visitedOn.endsWith('-01')) throw badInput('input.visitedOn', 'a MONTH record is dated on the first day of its month');
  return {
    serviceCenterId: input.serviceCenterId,
    visitedOn,
    span: input.span,
    visitors: requireCount(input.visitors, 'input.visitors', 1_000_000),
  };
}

export const placeServiceCenterVisit = (input: CreateServiceCenterVisitInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, ServiceCenter, 'ServiceCenter', input.serviceCenterId, 'input.serviceCenterId');
