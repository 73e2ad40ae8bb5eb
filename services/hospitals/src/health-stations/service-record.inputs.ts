import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { badInput, DateScalar, ListArgs, parentRegion, requireCount, requireId, requirePastDate, type RequestContext } from '@pb/kit';
import { HealthStation } from './health-station.entity.js';
import { type StationServiceRecord, StationServiceKind } from './service-record.entity.js';

@InputType({ description: 'Services a health station gave on a day, of one kind' })
export class CreateStationServiceRecordInput {
  @Field(() => ID)
  stationId: string;

  @Field(() => DateScalar)
  servedOn: string;

  @Field(() => StationServiceKind)
  kind: StationServiceKind;

  @Field(() => Int, { description: 'Services given (人次), at least 1' })
  services: number;

  regionCode?: null;
}

@InputType({ description: 'Services given on a day, recorded together with a new health station' })
export class NewStationServiceRecordInput {
  @Field(() => DateScalar)
  servedOn: string;

  @Field(() => StationServiceKind)
  kind: StationServiceKind;

  @Field(() => Int, { description: 'Services given (人次), at least 1' })
  services: number;
}

@InputType()
export class UpdateStationServiceRecordInput {
  @Field(() => DateScalar, { nullable: true })
  servedOn?: string;

  @Field(() => StationServiceKind, { nullable: true })
  kind?: StationServiceKind;

  @Field(() => Int, { nullable: true })
  services?: number;

  regionCode?: null;
}

@ArgsType()
export class StationServiceRecordListArgs extends ListArgs {
  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => StationServiceKind, { nullable: true })
  kind?: StationServiceKind | null;
}

export function checkServiceRecord(input: CreateStationServiceRecordInput): Partial<StationServiceRecord> {
  const services = requireCount(input.services, 'input.services', 100_000);
  if (services === 0) throw badInput('input.services', 'must be at least 1 (no record is needed for a day without services)');
  return { stationId: requireId(input.stationId ?? '', 'input.stationId'), servedOn: requirePastDate(input.servedOn, 'input.servedOn'), kind: input.kind, services };
}

export const placeServiceRecord = (input: CreateStationServiceRecordInput, ctx: RequestContext): Promise<string> =>
  parentRegion(ctx, HealthStation, 'HealthStation', input.stationId, 'input.stationId');
