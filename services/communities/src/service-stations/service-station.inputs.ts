import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, optionalPastDate, optionalText, type RequestContext, requireCount, requirePastDate, requireText, UpdateInputOf } from '@pb/kit';
import { requireParent } from '../common/parents.js';
import { Community } from '../communities/community.entity.js';
import { ServiceStation, type ServiceStationVisit } from './service-station.entity.js';

@InputType({ description: 'A new service station (党群服务驿站)' })
export class CreateServiceStationInput {
  /** Not an input: the station takes its community's region. */
  regionCode?: null;

  @Field(() => ID)
  communityId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  brand?: string | null;

  @Field(() => Int)
  windows: number;

  @Field(() => [String])
  serviceItems: string[];

  @Field(() => DateScalar, { nullable: true })
  openedOn?: string | null;
}

@InputType({ description: 'Changes to a service station; omitted fields stay as they are' })
export class UpdateServiceStationInput extends UpdateInputOf(CreateServiceStationInput, { omit: ['communityId'] }) {}

@ArgsType()
export class ServiceStationListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;
}

export async function checkServiceStation(input: CreateServiceStationInput, ctx: RequestContext): Promise<Partial<ServiceStation>> {
  const community = await requireParent(ctx, Community, 'Community', input.communityId, 'input.communityId');
  const items = (input.serviceItems ?? []).map((item, i) => requireText(item, `input.serviceItems[${i}]`, 100));
  if (new Set(items).size !== items.length) throw badInput('input.serviceItems', 'lists an item twice');
  return {
    communityId: community.id,
    name: requireText(input.name, 'input.name'),
    brand: optionalText(input.brand, 'input.brand', 50),
    windows: requireCount(input.windows, 'input.windows', 100),
    serviceItems: items,
    openedOn: optionalPastDate(input.openedOn, 'input.openedOn'),
  };
}

@InputType({ description: "A day's visits to a service station" })
export class CreateServiceStationVisitInput {
  regionCode?: null;

  @Field(() => ID)
  stationId: string;

  @Field(() => DateScalar)
  visitedOn: string;

  @Field(() => Int)
  visitors: number;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'Changes to a visit record; omitted fields stay as they are' })
export class UpdateServiceStationVisitInput extends UpdateInputOf(CreateServiceStationVisitInput, { omit: ['stationId'] }) {}

@ArgsType()
export class ServiceStationVisitListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  stationId?: string | null;
}

export async function checkServiceStationVisit(input: CreateServiceStationVisitInput, ctx: RequestContext): Promise<Partial<ServiceStationVisit>> {
  const station = await requireParent(ctx, ServiceStation, 'ServiceStation', input.stationId, 'input.stationId');
  const visitedOn = requirePastDate(input.visitedOn, 'input.visitedOn');
  if (station.openedOn && visitedOn < station.openedOn) throw badInput('input.visitedOn', `is before the station opened (${station.openedOn})`);
  return {
    stationId: station.id,
    visitedOn,
    visitors: requireCount(input.visitors, 'input.visitors', 100_000),
    note: optionalText(input.note, 'input.note', 500),
  };
}
