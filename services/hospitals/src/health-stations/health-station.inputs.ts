import { NewStationServiceRecordInput } from './service-record.inputs.js';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { badInput, byIdLoader, DateScalar, ListArgs, notFound, optionalText, requireId, requirePastDate, requireText, type RequestContext, UpdateInputOf } from '@pb/kit';
import { Hospital } from '../hospitals/hospital.entity.js';
import { type HealthStation, HealthStationOrigin } from './health-station.entity.js';

@InputType({ description: 'A new health station (健康驿站)' })
export class CreateHealthStationInput {
  @Field()
  name: string;

  @Field({ description: 'Division code where it is (行政区划代码)' })
  regionCode: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => DateScalar)
  openedOn: string;

  @Field(() => HealthStationOrigin)
  origin: HealthStationOrigin;

  @Field(() => [ID], { description: 'At least one institution staffing it' })
  staffHospitalIds: string[];

  @Field(() => [NewStationServiceRecordInput], { nullable: true, description: 'Its first service records: created with the station in one transaction, or none of them' })
  serviceRecords?: NewStationServiceRecordInput[] | null;
}

@InputType({ description: 'Changes to a health station; omitted fields stay as they are' })
export class UpdateHealthStationInput extends UpdateInputOf(CreateHealthStationInput, { omit: ['serviceRecords'] }) {}

@ArgsType()
export class HealthStationListArgs extends ListArgs {
  @Field(() => ID, { nullable: true, description: 'Staffed by this hospital' })
  hospitalId?: string | null;

  @Field(() => HealthStationOrigin, { nullable: true })
  origin?: HealthStationOrigin | null;
}

async function staffIds(ctx: RequestContext, ids: string[] | null | undefined): Promise<string[]> {
  const unique = [...new Set((ids ?? []).map((id) => requireId(id, 'input.staffHospitalIds')))];
  if (!unique.length) throw badInput('input.staffHospitalIds', 'must name at least one institution');
  const found = await byIdLoader(ctx, Hospital).loadMany(unique);
  const missing = unique.find((_, i) => !(found[i] instanceof Hospital));
  if (missing) throw notFound('Hospital', missing, 'input.staffHospitalIds');
  return unique;
}

export async function checkHealthStation(input: CreateHealthStationInput, ctx: RequestContext): Promise<Partial<HealthStation>> {
  return {
    name: requireText(input.name, 'input.name', 100),
    venue: optionalText(input.venue, 'input.venue', 200),
    communityId: input.communityId ? requireId(input.communityId, 'input.communityId') : null,
    openedOn: requirePastDate(input.openedOn, 'input.openedOn'),
    origin: input.origin,
    staffHospitalIds: await staffIds(ctx, input.staffHospitalIds),
  };
}
